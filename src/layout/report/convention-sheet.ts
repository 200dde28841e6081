import { cellAddress } from '../grid';
import type { ConventionView, ExpectedYear, FourYearLine, MoneyKey, YearMoney } from '../../domain/convention-view';
import { type Money, ZERO, formatEuro, toCents } from '../../domain/money';
import { PrintedSheet } from '../printed-sheet';
import { EURO_FORMAT, PERCENT_FORMAT } from './report-plan';

export const CONVENTION_SHEET = 'Rapport - convention 2024-2027';

/** Columns of the four-year table, 1-based: the year, what was planned, what was executed, the rates. */
export const V = {
  year: 1, notified: 2, cdAllocated: 3, paid: 4, stateSpent: 5, stateUnspent: 6, carryOverState: 7, cdSpent: 8, carryOverCd: 9, stateRate: 10, cdRate: 11,
} as const;
const LAST = 11;
const WIDTHS: Record<number, number> = { 1: 20, 2: 14, 3: 14, 4: 14, 5: 14, 6: 14, 7: 14, 8: 14, 9: 14, 10: 12, 11: 12 };

/** Amount columns in sheet order; the execution ones follow `notified` and `cdAllocated`. */
const AMOUNTS: [MoneyKey, number][] = [
  ['notified', V.notified], ['cdAllocated', V.cdAllocated], ['paid', V.paid], ['stateSpent', V.stateSpent], ['stateUnspent', V.stateUnspent],
  ['carryOverState', V.carryOverState], ['cdSpent', V.cdSpent], ['carryOverCd', V.carryOverCd],
];
/** Figures only an execution gives (versés may be known from the exécution block before anything is spent). */
const EXECUTED: MoneyKey[] = ['stateSpent', 'stateUnspent', 'cdSpent', 'carryOverState', 'carryOverCd'];

/** The art. 2.2 table on the first page: where each of its columns sits in the grid above. */
const E = { year: 1, expected: 2, origin: [3, 4], notified: 5, gap: 6, planned: [7, 8], executed: [9, 11] } as const;

export interface ConventionSheet {
  writer: PrintedSheet;
  /** The four-year table's two header rows (repeated on every page); null without a CLS. */
  header: { first: number; last: number } | null;
}

const num = (m: Money) => toCents(m).toNumber();

/**
 * "Rapport - convention 2024-2027": the whole CLS (issue 13, art. 2.2 and 5) from the four-year view
 * (src/domain/convention-view.ts), so the report, the pane and the review say the same figures.
 * - First page: the State money art. 2.2 provides per year (notified by the convention or an
 *   avenant, else the yearly prévisionnel) against what the workbook's tables notify, the gap, and
 *   the blocks each year was read from.
 * - Then the table, its two header rows repeated: the total of the convention, each axe, each
 *   action, each as one row per year and the cumul. A year not yet executed says so in words
 *   across its execution columns: its figures are unknown, not zeros.
 * Year rows hold the engine's values; sub-totals, totals, cumuls and rates are formulas over the
 * cells that hold a figure (a blank or a note is never added), with the engine's result cached.
 */
export function buildConventionSheet(view: ConventionView | null, department: string | undefined): ConventionSheet {
  const w = new PrintedSheet(CONVENTION_SHEET, WIDTHS);
  const years = view?.years ?? [2024, 2025, 2026, 2027];
  const [first, last] = [years[0], years[years.length - 1]];
  const banner = (row: number, text: string, style: 'title' | 'subtitle' | 'note' | 'section' | 'wrap') => {
    w.value(row, 1, text);
    w.merge(row, 1, LAST);
    w.style(row, 1, LAST, style);
  };
  banner(1, `2. Convention ${first}-${last} : crédits par axe et par action, année par année et en cumul`, 'title');
  banner(2, `${department ? `Département : ${department} — ` : ''}contrat local des solidarités du 1er janvier ${first} au 31 décembre ${last} (art. 2.2 et 5)`, 'subtitle');
  if (!view) {
    banner(4, 'Aucun bloc « Tableau financier » du contrat local des solidarités n’a été trouvé dans le classeur : rien à présenter sur la durée de la convention.', 'wrap');
    return { writer: w, header: null };
  }
  banner(3, readYearsText(view), 'note');
  let row = expectedTable(w, view, 5);
  for (const text of [
    'Lecture du tableau ci-dessous. Crédits de chaque année hors reports. Un report est la part non consommée d’une année reportée sur la suivante ; la ligne du cumul additionne les reports de chaque année. Aucun report n’est possible au-delà du 31 décembre ' + `${last} (art. 5).`,
    'Taux de consommation cumulé : réalisé ÷ versé (État) ou réalisé ÷ affecté (Département), depuis le début de la convention, sur les années dont l’exécution est connue. Une année non encore exécutée est signalée comme telle : ses montants ne sont pas comptés comme des zéros. Case vide : montant absent ou illisible dans le classeur (voir l’annexe technique).',
  ]) {
    banner(++row, text, 'note');
  }
  const header = { first: row + 2, last: row + 3 };
  tableHeader(w, header.first);
  const firstBlockEnd = fourYearTable(w, view, header.last + 1);
  // The header never ends a page alone: it goes with the convention's total.
  w.keepTogether(header.first, firstBlockEnd);
  return { writer: w, header };
}

/** « Années lues : 2024 (prévu et exécuté), 2025 (prévu) ; non encore lues : 2026, 2027. » */
function readYearsText(view: ConventionView): string {
  const read = view.sources.filter((s) => s.planned || s.executed).map((s) => `${s.year} (${[s.planned ? 'prévu' : '', s.executed ? 'exécuté' : ''].filter(Boolean).join(' et ')})`);
  const unread = view.sources.filter((s) => !s.planned && !s.executed).map((s) => s.year);
  return `Années lues dans le classeur : ${read.join(', ') || 'aucune'}${unread.length ? ` ; non encore lues : ${unread.join(', ')}` : ''}. Montants en euros, part de l’État et part du Département.`;
}

function originText(e: ExpectedYear | undefined, firstYear: number): string {
  if (!e) return 'hors de la période du contrat';
  if (e.source === 'notifié') return e.year === firstYear ? 'notifié par la convention (art. 2.2)' : 'notifié par avenant';
  if (e.source === 'prévisionnel') return 'prévisionnel (art. 2.2)';
  return 'inconnu : à indiquer dans Paramètres';
}

/**
 * The first page's table: per year, art. 2.2's amount and where it comes from, the State credits the
 * tables notify, the gap, the blocks read; then the years read together and the whole convention.
 * Returns its last row.
 */
function expectedTable(w: PrintedSheet, view: ConventionView, top: number): number {
  const [first, last] = [view.years[0], view.years[view.years.length - 1]];
  w.value(top, 1, 'Crédits de l’État : montant prévu par la convention (art. 2.2 et avenants) et montants notifiés dans les tableaux financiers du classeur');
  w.merge(top, 1, LAST);
  w.style(top, 1, LAST, 'section');
  const head = top + 1;
  const span = (row: number, [a, b]: readonly number[], text: string | null, style: 'header' | 'cell' | 'excluded' | 'total') => {
    if (text) w.value(row, a, text);
    w.merge(row, a, b);
    w.style(row, a, b, style);
  };
  w.value(head, E.year, 'Exercice');
  w.value(head, E.expected, 'Crédits État attendus');
  span(head, E.origin, 'Origine du montant attendu', 'header');
  w.value(head, E.notified, 'Crédits État notifiés dans les tableaux financiers');
  w.value(head, E.gap, 'Écart (notifié − attendu)');
  span(head, E.planned, 'Montants prévus lus dans', 'header');
  span(head, E.executed, 'Exécution lue dans', 'header');
  w.style(head, 1, LAST, 'header');
  const expectedOf = new Map(view.expected.years.map((e) => [e.year, e]));
  const rows: { year: number; row: number; expected: Money | null; notified: Money | null }[] = [];
  let row = head + 1;
  view.years.forEach((year, i) => {
    const e = expectedOf.get(year);
    const notified = view.total.years[i].notified;
    const source = view.sources[i];
    w.style(row, 1, LAST, 'cell');
    w.value(row, E.year, String(year));
    w.style(row, E.year, E.year, 'centre');
    if (e?.amount) w.value(row, E.expected, num(e.amount), EURO_FORMAT);
    span(row, E.origin, originText(e, view.expected.years[0]?.year ?? first), 'cell');
    if (notified) {
      w.value(row, E.notified, num(notified), EURO_FORMAT);
      if (e?.amount) w.formula(row, E.gap, `${cellAddress(row, E.notified)}-${cellAddress(row, E.expected)}`, num(notified.minus(e.amount)), EURO_FORMAT);
    } else {
      w.value(row, E.notified, 'non lu');
      w.style(row, E.notified, E.gap, 'excluded');
    }
    span(row, E.planned, source.planned ?? 'aucun bloc', source.planned ? 'cell' : 'excluded');
    span(row, E.executed, source.executed ?? (source.planned ? 'exécution non encore renseignée' : 'aucun bloc'), source.executed ? 'cell' : 'excluded');
    rows.push({ year, row, expected: e?.amount ?? null, notified });
    row++;
  });
  const sumOf = (list: typeof rows, col: number, get: (r: (typeof rows)[number]) => Money | null) => {
    const known = list.filter((r) => get(r) !== null);
    return known.length === list.length && known.length > 0
      ? { formula: `SUM(${known.map((r) => cellAddress(r.row, col)).join(',')})`, value: known.reduce((a, r) => a.plus(get(r)!), ZERO) }
      : null;
  };
  const totalRow = (label: string, list: typeof rows, origin: string, style: 'cell' | 'total', unreadNote: string | null) => {
    w.value(row, E.year, label);
    w.style(row, 1, LAST, style);
    const expected = sumOf(list, E.expected, (r) => r.expected);
    const notified = sumOf(list, E.notified, (r) => r.notified);
    if (expected) w.formula(row, E.expected, expected.formula, num(expected.value), EURO_FORMAT);
    else w.value(row, E.expected, 'inconnu');
    span(row, E.origin, origin, style);
    if (notified) {
      w.formula(row, E.notified, notified.formula, num(notified.value), EURO_FORMAT);
      if (expected) w.formula(row, E.gap, `${cellAddress(row, E.notified)}-${cellAddress(row, E.expected)}`, num(notified.value.minus(expected.value)), EURO_FORMAT);
    } else if (unreadNote) {
      span(row, [E.notified, E.gap], unreadNote, style);
    }
    span(row, E.planned, null, style);
    span(row, E.executed, null, style);
    row++;
  };
  const inConvention = rows.filter((r) => expectedOf.has(r.year));
  const read = inConvention.filter((r) => r.notified !== null);
  const unread = inConvention.length - read.length;
  if (read.length > 0 && unread > 0) totalRow(`Années lues (${read.map((r) => r.year).join(', ')})`, read, 'montants attendus de ces années', 'cell', null);
  totalRow(`Convention ${first}-${last}`, inConvention, 'art. 2.2 et avenants', 'total', `${unread} année${unread > 1 ? 's' : ''} non lue${unread > 1 ? 's' : ''}`);
  w.value(row, 1, expectedNote(view));
  w.merge(row, 1, LAST);
  w.style(row, 1, LAST, 'note');
  w.keepTogether(top, row);
  return row;
}

/** « Art. 2.2 : 3 342 548,00 € par an, soit 4 × 3 342 548,00 € = 13 370 192,00 € … ». */
function expectedNote(view: ConventionView): string {
  const amounts = view.expected.years.map((e) => e.amount);
  const total = view.expected.total;
  if (!total || amounts.some((a) => a === null)) {
    return 'Montant attendu inconnu pour au moins une année : indiquer dans la feuille Paramètres le montant notifié de chaque année (« CLS État notifié <année> total ») ou le prévisionnel annuel.';
  }
  const a = amounts[0]!;
  if (amounts.every((x) => x!.eq(a))) {
    return `Art. 2.2 : ${formatEuro(a)} par an, soit ${amounts.length} × ${formatEuro(a)} = ${formatEuro(total)} sur la durée de la convention, sauf avenant. Un montant « notifié » est celui que la feuille Paramètres indique pour l’année (la convention, puis les avenants) ; « prévisionnel », celui que l’art. 2.2 prévoit pour une année sans avenant.`;
  }
  return `Total attendu ${formatEuro(total)} : pour chaque année, le montant notifié (la convention, puis les avenants, indiqués dans la feuille Paramètres), sinon le montant annuel prévu par l’art. 2.2.`;
}

function tableHeader(w: PrintedSheet, top: number): void {
  const bottom = top + 1;
  w.value(top, V.year, 'Exercice');
  w.merge(top, V.year, V.year, bottom);
  const groups: [number, number, string][] = [
    [V.notified, V.cdAllocated, 'Crédits prévus pour l’année (hors reports)'],
    [V.paid, V.carryOverCd, 'Exécution au 31 décembre de l’année'],
    [V.stateRate, V.cdRate, 'Taux de consommation cumulé'],
  ];
  for (const [a, b, text] of groups) {
    w.value(top, a, text);
    w.merge(top, a, b);
  }
  const names: [number, string][] = [
    [V.notified, 'État : crédits notifiés'], [V.cdAllocated, 'Département : crédits affectés'], [V.paid, 'État : crédits versés'], [V.stateSpent, 'État : réalisé'],
    [V.stateUnspent, 'État : non consommé'], [V.carryOverState, 'État : reporté sur l’année suivante'], [V.cdSpent, 'Département : réalisé'],
    [V.carryOverCd, 'Département : reporté sur l’année suivante'], [V.stateRate, 'État (réalisé ÷ versé)'], [V.cdRate, 'Département (réalisé ÷ affecté)'],
  ];
  for (const [col, text] of names) w.value(bottom, col, text);
  w.style(top, 1, LAST, 'header');
  w.style(bottom, 1, LAST, 'header');
}

interface Block {
  kind: 'total' | 'axe' | 'action';
  title: string;
  line: FourYearLine;
  /** Row of the block's title; its years follow, then its cumul. */
  top: number;
  children: Block[];
}

/** The title row, then one row per year, then the cumul. */
const yearRow = (b: Block, i: number) => b.top + 1 + i;

/**
 * The total, then each axe followed by its actions; rows laid out first, so totals can point down
 * to their parts. Returns the last row of the total's block.
 */
function fourYearTable(w: PrintedSheet, view: ConventionView, top: number): number {
  const n = view.years.length;
  let row = top;
  const place = (kind: Block['kind'], title: string, line: FourYearLine): Block => {
    const b: Block = { kind, title, line, top: row, children: [] };
    row += n + 2;
    return b;
  };
  const axeCount = view.axes.length;
  const total = place('total', `Total de la convention — ${view.actions.length} action${view.actions.length > 1 ? 's' : ''}, ${axeCount} axe${axeCount > 1 ? 's' : ''}`, view.total);
  const blocks: Block[] = [total];
  for (const axe of view.axes) {
    row++; // a blank line before each axe
    const actions = view.actions.filter((a) => a.axe === axe.axe);
    const b = place('axe', `Axe ${axe.axe} — sous-total de ${actions.length} action${actions.length > 1 ? 's' : ''}`, axe);
    total.children.push(b);
    blocks.push(b);
    for (const a of actions) {
      const child = place('action', `${a.key} — ${actionTitle(a.key, a.label)}`, a);
      b.children.push(child);
      blocks.push(child);
    }
  }
  for (const b of blocks) writeBlock(w, b, view.years);
  return yearRow(total, n);
}

/** "1.1 Accueil de proximité…" → "Accueil de proximité…" (the fiche number is shown beside it). */
export function actionTitle(key: string, label: string): string {
  const t = label.startsWith(key) ? label.slice(key.length).replace(/^[\s.:–—-]+/, '') : label;
  return t || label;
}

function writeBlock(w: PrintedSheet, b: Block, years: number[]): void {
  w.value(b.top, 1, b.title);
  w.merge(b.top, 1, LAST);
  w.style(b.top, 1, LAST, b.kind === 'action' ? 'group' : 'section');
  years.forEach((year, i) => {
    const r = yearRow(b, i);
    w.value(r, V.year, String(year));
    w.style(r, 1, LAST, 'cell');
    w.style(r, V.year, V.year, 'centre');
    const y = b.line.years[i];
    const cell = (key: MoneyKey, col: number) => {
      const v = y[key];
      if (v === null) return;
      const parts = b.children.filter((c) => c.line.years[i][key] !== null);
      if (parts.length === 0) w.value(r, col, num(v), EURO_FORMAT);
      else w.formula(r, col, `SUM(${parts.map((c) => cellAddress(yearRow(c, i), col)).join(',')})`, num(v), EURO_FORMAT);
    };
    writeRow(w, r, y, cell, `exécution ${year} non encore renseignée`, `année non encore lue : aucun bloc ${year} dans le classeur`);
    rates(w, b, r, years.slice(0, i + 1).map((_, j) => j), y);
  });
  const r = yearRow(b, years.length);
  w.value(r, V.year, `Cumul ${years[0]}-${years[years.length - 1]}`);
  w.style(r, 1, LAST, b.kind === 'total' ? 'total' : 'subtotal');
  w.style(r, V.year, V.year, b.kind === 'total' ? 'total' : 'centre');
  // The cumul of what is known: a figure no year knows stays blank, not 0.
  const known = (key: MoneyKey) => b.line.years.some((y) => y[key] !== null);
  const cumul = { year: 0 } as YearMoney;
  for (const [key] of AMOUNTS) cumul[key] = known(key) ? b.line.totals[key] : null;
  const range = (col: number) => `SUM(${cellAddress(yearRow(b, 0), col)}:${cellAddress(yearRow(b, years.length - 1), col)})`;
  const cumulCell = (key: MoneyKey, col: number) => {
    const v = cumul[key];
    if (v !== null) w.formula(r, col, range(col), num(v), EURO_FORMAT);
  };
  writeRow(w, r, cumul, cumulCell, 'aucune exécution renseignée', 'aucune année lue');
  rates(w, b, r, years.map((_, j) => j), cumul);
  w.keepTogether(b.top, r);
}

/**
 * A row's amounts; when nothing of its execution is known, a note across the execution columns
 * (from « versés » if that is unknown too, from the first column if nothing at all is known).
 */
function writeRow(w: PrintedSheet, r: number, y: YearMoney, cell: (key: MoneyKey, col: number) => void, notExecuted: string, notRead: string): void {
  const unexecuted = EXECUTED.every((k) => y[k] === null);
  if (!unexecuted) {
    for (const [key, col] of AMOUNTS) cell(key, col);
    return;
  }
  const nothing = y.notified === null && y.cdAllocated === null && y.paid === null;
  const from = nothing ? V.notified : y.paid === null ? V.paid : V.stateSpent;
  for (const [key, col] of AMOUNTS) if (col < from) cell(key, col);
  w.value(r, from, nothing ? notRead : notExecuted);
  w.merge(r, from, LAST);
  w.style(r, from, LAST, 'excluded');
}

/**
 * The cumulative rates on row `r`: Σ réalisé ÷ Σ versé (État) and Σ réalisé ÷ Σ affecté (CD) over
 * the years `upTo` whose two figures are known — the view's own rule for its four-year rates.
 * Blank on a row whose own figures are unknown (a year not executed has no rate of its own).
 */
function rates(w: PrintedSheet, b: Block, r: number, upTo: number[], own: YearMoney): void {
  const rate = (part: MoneyKey, whole: MoneyKey, partCol: number, wholeCol: number, col: number) => {
    if (own[part] === null || own[whole] === null) return;
    const idx = upTo.filter((j) => b.line.years[j][part] !== null && b.line.years[j][whole] !== null);
    const sum = (key: MoneyKey) => idx.reduce((a, j) => a.plus(toCents(b.line.years[j][key]!)), ZERO);
    const cells = (c: number) => idx.map((j) => cellAddress(yearRow(b, j), c)).join(',');
    const [p, q] = [sum(part), sum(whole)];
    w.formula(r, col, `IF(SUM(${cells(wholeCol)})=0,"",SUM(${cells(partCol)})/SUM(${cells(wholeCol)}))`, q.isZero() ? '' : p.div(q).toNumber(), PERCENT_FORMAT);
  };
  rate('stateSpent', 'paid', V.stateSpent, V.paid, V.stateRate);
  rate('cdSpent', 'cdAllocated', V.cdSpent, V.cdAllocated, V.cdRate);
}
