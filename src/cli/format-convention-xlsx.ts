import Decimal from 'decimal.js';
import type ExcelJS from '../adapters/xlsx/exceljs';
import type { MoneyKey } from '../domain/convention-view';
import type { FileResult } from './check-file';
import { type PlainConvention, type PlainLine, type PlainYear, readGap } from './convention-json';
import { type Cell, type Column, EURO, PERCENT, sheet, table, wrapColumns } from './xlsx-table';
import { actionTitle } from '../layout/report/convention-sheet';
import { REVIEW_SHEETS } from './review-sheets';


/** The amounts of a line, in the columns' order. */
const AMOUNTS: MoneyKey[] = ['notified', 'cdAllocated', 'paid', 'stateSpent', 'stateUnspent', 'carryOverState', 'cdSpent', 'carryOverCd'];
const EXECUTED: MoneyKey[] = ['stateSpent', 'stateUnspent', 'cdSpent', 'carryOverState', 'carryOverCd'];

const COLUMNS: Column[] = [
  { name: 'Fichier', width: 30 },
  { name: 'Département', width: 18 },
  { name: 'Niveau', width: 12 },
  { name: 'Axe', width: 6 },
  { name: 'Fiche', width: 7 },
  { name: 'Intitulé', width: 34 },
  { name: 'Année', width: 16 },
  { name: 'Situation', width: 18 },
  { name: 'État : notifié', width: 16, numFmt: EURO },
  { name: 'CD : affecté', width: 16, numFmt: EURO },
  { name: 'État : versé', width: 16, numFmt: EURO },
  { name: 'État : réalisé', width: 16, numFmt: EURO },
  { name: 'État : non consommé', width: 16, numFmt: EURO },
  { name: 'État : reporté', width: 16, numFmt: EURO },
  { name: 'CD : réalisé', width: 16, numFmt: EURO },
  { name: 'CD : reporté', width: 16, numFmt: EURO },
  { name: 'Taux cumulé État (réalisé ÷ versé)', width: 12, numFmt: PERCENT },
  { name: 'Taux cumulé CD (réalisé ÷ affecté)', width: 12, numFmt: PERCENT },
  { name: 'État attendu (art. 2.2, avenants)', width: 16, numFmt: EURO },
  { name: 'Origine de l’attendu', width: 18 },
  { name: 'Écart notifié − attendu (années lues)', width: 16, numFmt: EURO },
];
/** Columns whose text wraps (1-based): the intitulé, the year (« Cumul 2024-2027 »), the situation, the origin. */
const WRAPPED = [6, 7, 8, 20];

const amount = (s: string | null): Cell => (s === null ? null : Number(s));

/**
 * « Convention 2024-2027 » of the controllers' review workbook: for each file holding a CLS, the
 * convention, each axe and each action (up to REVIEW_MAX_ACTIONS, convention-json.ts), one row per year and one for the
 * cumul — the four-year view (src/domain/convention-view.ts) as `annexes check` computed it. The
 * convention's rows also hold art. 2.2's amount and the gap with what the tables notify. One Excel
 * table: filter « Niveau » on Convention and « Année » on the cumul for one line per Département.
 * A year not read or not executed leaves its amounts empty and says so in « Situation »: never 0.
 */
export function conventionSheet(wb: ExcelJS.Workbook, results: FileResult[], name: (file: string) => string): void {
  const rows: Cell[][] = [];
  const files = results.filter((r) => r.convention);
  for (const r of files) {
    const c = r.convention as PlainConvention;
    const lead = [name(r.file), r.department ?? null];
    const push = (level: string, axe: string | null, fiche: string | null, title: string | null, line: PlainLine, expected?: PlainConvention) => {
      for (const row of lineRows(line, c.period, expected)) rows.push([...lead, level, axe, fiche, title, ...row]);
    };
    push('Convention', null, null, `Contrat local des solidarités ${c.period[0]}-${c.period[c.period.length - 1]}`, c, c);
    for (const a of c.axes) push('Axe', a.axe, null, `Axe ${a.axe}`, a);
    for (const a of c.actions ?? []) push('Action', a.axe, a.key, actionTitle(a.key, a.label), a);
    if (c.actionsOmitted) {
      const note = `${c.actionsOmitted} actions : trop pour un détail par action ici ; la convention et les axes les comptent toutes (« annexes report » donne le détail).`;
      rows.push([...lead, 'Action', null, null, note, ...COLUMNS.slice(6).map(() => null)]);
    }
  }
  const first = files[0]?.convention?.period;
  const period = first ? `${first[0]}-${first[first.length - 1]}` : '2024-2027';
  const ws = sheet(wb, REVIEW_SHEETS.convention, `CLS ${period} sur la durée de la convention — ${files.length} fichier(s) : la convention, chaque axe et chaque action, année par année et en cumul`);
  ws.getCell(2, 1).value =
    'Filtrer « Niveau » sur Convention et « Année » sur le cumul pour une ligne par Département. Une année non lue ou non encore exécutée laisse ses montants vides (ce ne sont pas des zéros). Attendu : art. 2.2 et avenants (feuille Paramètres de chaque fichier).';
  ws.getCell(2, 1).font = { italic: true, size: 9 };
  table(ws, 'Convention', COLUMNS, rows, false);
  wrapColumns(ws, COLUMNS, rows, WRAPPED);
}

/**
 * One line's rows, from « Année » on: each year then the cumul. `expected` (the convention's own
 * line) adds art. 2.2's amount, its origin and the gap.
 */
function lineRows(line: PlainLine, period: number[], expected?: PlainConvention): Cell[][] {
  const expectedOf = new Map(expected?.expected.years.map((e) => [e.year, e]));
  const out = line.years.map((y, i): Cell[] => {
    const e = expectedOf.get(y.year);
    const gap = e && e.amount !== null && y.notified !== null ? new Decimal(y.notified).minus(e.amount).toNumber() : null;
    return [
      String(y.year),
      situation(y),
      ...AMOUNTS.map((k) => amount(y[k])),
      ...rates(line.years.slice(0, i + 1), y),
      ...(expected ? [amount(e?.amount ?? null), origin(e?.source ?? null, y.year, period[0], !!e), gap] : [null, null, null]),
    ];
  });
  const read = line.years.filter((y) => situation(y) !== 'non lue');
  const executed = line.years.filter((y) => situation(y) === 'exécutée');
  const cumul: PlainYear = { year: 0, ...(Object.fromEntries(AMOUNTS.map((k) => [k, line.years.some((y) => y[k] !== null) ? line.totals[k] : null])) as Record<MoneyKey, string | null>) };
  const g = expected ? readGap(expected) : null;
  out.push([
    `Cumul ${period[0]}-${period[period.length - 1]}`,
    `${read.length} année${read.length > 1 ? 's' : ''} lue${read.length > 1 ? 's' : ''} sur ${line.years.length}, ${executed.length} exécutée${executed.length > 1 ? 's' : ''}`,
    ...AMOUNTS.map((k) => amount(cumul[k])),
    ...rates(line.years, cumul),
    ...(expected && g ? [amount(expected.expected.total), 'art. 2.2 et avenants', g.gap ? g.gap.toNumber() : null] : [null, null, null]),
  ]);
  return out;
}

function situation(y: PlainYear): string {
  if (EXECUTED.some((k) => y[k] !== null)) return 'exécutée';
  if (y.notified !== null || y.cdAllocated !== null || y.paid !== null) return 'prévue, non exécutée';
  return 'non lue';
}

function origin(source: string | null, year: number, first: number, inConvention: boolean): string {
  if (!inConvention) return 'hors de la période du contrat';
  if (source === 'notifié') return year === first ? 'notifié par la convention' : 'notifié par avenant';
  if (source === 'prévisionnel') return 'prévisionnel (art. 2.2)';
  return 'inconnu';
}

/**
 * Σ réalisé ÷ Σ versé (État) and Σ réalisé ÷ Σ affecté (CD) over `years` where both are known (the
 * view's rule), as ratios; empty where the row's own figures are unknown or the base is zero.
 */
function rates(years: PlainYear[], own: PlainYear): Cell[] {
  const rate = (part: MoneyKey, whole: MoneyKey): Cell => {
    if (own[part] === null || own[whole] === null) return null;
    const both = years.filter((y) => y[part] !== null && y[whole] !== null);
    const sum = (k: MoneyKey) => both.reduce((a, y) => a.plus(y[k] as string), new Decimal(0));
    return sum(whole).isZero() ? null : sum(part).div(sum(whole)).toNumber();
  };
  return [rate('stateSpent', 'paid'), rate('cdSpent', 'cdAllocated')];
}
