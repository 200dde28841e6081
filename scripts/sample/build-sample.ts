/**
 * Builds the sample workbook (as a Grid) from the seed's figures, in a canonical layout or in
 * variants that move, wrap, blank and retype things the way 101 Départements do. Every variant
 * holds the same figures and the same defects: only where and how they are written changes.
 */
import { cellAddress, newSheet, setCell } from '../../src/layout/grid';
import type { Grid, GridCell, GridSheet } from '../../src/layout/grid';
import {
  CLS_AXES, CLS_EXEC_2024, CLS_PREV_2024, CLS_RECAP_2025, CLS_RECAP_TITLE, CLS_TITLE, FT_VOLETS,
  PARAMETRES, PLAN_ACTION_HEADERS, PLAN_ACTION_ROWS, PLAN_ACTION_TITLE, ftHeaders, ftTitle, isVoletTotal,
} from './seed-figures';
import type { ClsAction, FtVolet } from './seed-figures';
import { buildIndicatorSheets } from './indicators';
import { JOURNAL_SHEET, buildJournalSheet } from './journal';
import { FICHE_BUDGET_SHEET, type SampleFiche, buildFicheBudgetSheet } from './fiche-budgets';

export interface SampleLayout {
  /** Blank rows above every table. */
  rowOffset?: number;
  /** Blank columns left of every table. */
  colOffset?: number;
  /** A blank row under each header and between some data rows. */
  blankRows?: boolean;
  /** Long headers split over two rows of cells; short ones get a line break. */
  wrapHeaders?: boolean;
  /** Accents stripped from every text; titles upper-cased. */
  noAccents?: boolean;
  /** Typed amounts written as French text ("1 236 000,00 €"); formulas stay formulas. */
  textAmounts?: boolean;
  /** Axe label merged over its action rows (default) or written once on the first row. */
  mergeAxe?: boolean;
  /** Appended to the "Tableau financier" sheet name, e.g. " 2025". */
  sheetSuffix?: string;
  /** Name of the FT sheet instead of the truncated "Construction du plan de finance". */
  renameFtSheet?: string;
}

/** The format code Excel stores for the French display "# ##0,00 €". */
export const AMOUNT_FORMAT = '#,##0.00 "€"';
export const CLS_SHEET = 'Tableau financier';
/** "Construction du plan de financement" cut at Excel's 31-character limit. */
export const FT_SHEET = 'Construction du plan de finance';
export const PLAN_ACTION_SHEET = "Plan d'action";
export const PARAMS_SHEET = 'Paramètres';

/** A formula cell: text without "=", and the value Excel would have cached. */
interface Formula {
  f: string;
  v: number;
}
type AmountSpec = number | Formula | undefined;

/** Group separators French workbooks use, cycled through by textAmounts. */
const GROUP_SEPARATORS = [' ', '\u00A0', '\u202F'];

/** Writes one sheet's tables: a row cursor, table-relative columns, and the layout's variants. */
class TableWriter {
  row: number;
  private textAmountCount = 0;

  constructor(
    readonly sheet: GridSheet,
    readonly layout: Required<SampleLayout>,
  ) {
    this.row = 1 + layout.rowOffset;
  }

  col(c: number): number {
    return this.layout.colOffset + c;
  }

  addr(row: number, c: number): string {
    return cellAddress(row, this.col(c));
  }

  put(row: number, c: number, cell: GridCell): void {
    setCell(this.sheet, row, this.col(c), cell);
  }

  label(s: string): string {
    return this.layout.noAccents ? stripAccents(s) : s;
  }

  text(row: number, c: number, s: string | undefined): void {
    if (s !== undefined && s !== '') this.put(row, c, { value: this.label(s) });
  }

  title(row: number, c: number, s: string): void {
    this.put(row, c, { value: this.layout.noAccents ? stripAccents(s).toUpperCase() : s });
  }

  amount(row: number, c: number, a: AmountSpec): void {
    if (a === undefined) return;
    if (typeof a !== 'number') {
      this.put(row, c, { value: a.v, formula: a.f, numFmt: AMOUNT_FORMAT });
    } else if (this.layout.textAmounts) {
      const sep = GROUP_SEPARATORS[this.textAmountCount++ % GROUP_SEPARATORS.length];
      this.put(row, c, { value: frenchAmountText(a, sep) });
    } else {
      this.put(row, c, { value: a, numFmt: AMOUNT_FORMAT });
    }
  }

  /** Vertical merge of one column, when it spans more than one row. */
  mergeDown(top: number, bottom: number, c: number): void {
    if (bottom > top) this.sheet.merges.push({ top, bottom, left: this.col(c), right: this.col(c) });
  }

  mergeAcross(row: number, left: number, right: number): void {
    this.sheet.merges.push({ top: row, bottom: row, left: this.col(left), right: this.col(right) });
  }

  /** Blank-row variant: one blank row after the second data row of lists of three or more. */
  gapAfter(index: number, count: number): void {
    if (this.layout.blankRows && index === 1 && count >= 3) this.row++;
  }

  /** Writes the header band at the cursor (1 or 2 rows) and moves below it. */
  headers(texts: string[]): void {
    const top = this.row;
    if (!this.layout.wrapHeaders) {
      texts.forEach((t, i) => this.text(top, i + 1, t));
      this.row += 1;
    } else {
      texts.forEach((t, i) => {
        const words = t.split(/\s+/).filter((w) => w !== '');
        if (t.includes('\n')) {
          // A header that already has a second line (T3's note) keeps it as its lower cell.
          const [upper, ...lower] = t.split('\n');
          this.text(top, i + 1, upper);
          this.text(top + 1, i + 1, lower.join(' '));
        } else if (words.length >= 4) {
          // As typed by hand on two rows: first half of the words above, the rest below.
          const half = Math.ceil(words.length / 2);
          this.text(top, i + 1, words.slice(0, half).join(' '));
          this.text(top + 1, i + 1, words.slice(half).join(' '));
        } else {
          // Short header: one cell with a line break (Alt+Enter), merged over the band.
          this.text(top, i + 1, words.length > 1 ? `${words[0]}\n${words.slice(1).join(' ')}` : t);
          this.mergeDown(top, top + 1, i + 1);
        }
      });
      this.row += 2;
    }
    if (this.layout.blankRows) this.row++;
  }
}

function withDefaults(layout: SampleLayout): Required<SampleLayout> {
  return {
    rowOffset: 0, colOffset: 0, blankRows: false, wrapHeaders: false, noAccents: false,
    textAmounts: false, mergeAxe: true, sheetSuffix: '', renameFtSheet: FT_SHEET, ...layout,
  };
}

export function buildSampleGrid(layout: SampleLayout = {}): Grid {
  const l = withDefaults(layout);
  return {
    sheets: [
      buildClsSheet(l),
      buildFtSheet(l),
      buildPlanActionSheet(l),
      buildParamsSheet(l),
      ...buildIndicatorSheets((name) => new TableWriter(newSheet(name), l)),
      buildJournalSheet(new TableWriter(newSheet(JOURNAL_SHEET), l)),
      buildFicheBudgetSheet(new TableWriter(newSheet(FICHE_BUDGET_SHEET), l)),
    ],
  };
}

/** A « Budgets des fiches » sheet of other fiches than the seed's (the clean batch base mends them). */
export function buildFicheSheet(fiches: SampleFiche[], layout: SampleLayout = {}): GridSheet {
  return buildFicheBudgetSheet(new TableWriter(newSheet(FICHE_BUDGET_SHEET), withDefaults(layout)), fiches);
}

// ---------------------------------------------------------------------------------------------
// CLS "Tableau financier": three blocks stacked, two blank rows apart.

interface ClsBlockSpec {
  title: string;
  subtitle: string;
  headers: string[];
  letters: string[];
  /** Table column of "Fiche action N°" (the récapitulatif inserts the chorus column before it). */
  ficheCol: number;
  intitule(a: ClsAction): string;
  /** The action row's amount cells; ref(i) is the address of the row's i-th amount cell. */
  actionAmounts(a: ClsAction, ref: (i: number) => string): AmountSpec[];
  /** Typed sous-total / total rows as printed; absent = SUM formulas. */
  typedSubtotals?: number[][];
  typedTotaux?: number[];
}

function buildClsSheet(l: Required<SampleLayout>): GridSheet {
  const w = new TableWriter(newSheet(CLS_SHEET + l.sheetSuffix), l);
  const recap = CLS_RECAP_2025;
  const blocks: ClsBlockSpec[] = [
    {
      title: CLS_TITLE,
      ...CLS_PREV_2024,
      ficheCol: 2,
      intitule: (a) => a.intitule,
      // C is blank on action rows; F = A+B+C.
      actionAmounts: (a, ref) => [a.etat, a.cd, undefined, { f: `${ref(0)}+${ref(1)}+${ref(2)}`, v: a.etat + a.cd }],
    },
    {
      title: CLS_TITLE,
      ...CLS_EXEC_2024,
      ficheCol: 2,
      intitule: (a) => a.intituleT2T3 ?? a.intitule,
      // Unfinished template: only "Crédits État versés" is filled.
      actionAmounts: (a) => [CLS_EXEC_2024.verses[a.fiche]],
      typedSubtotals: CLS_EXEC_2024.subtotals,
      typedTotaux: CLS_EXEC_2024.totaux,
    },
    {
      title: CLS_RECAP_TITLE,
      ...recap,
      ficheCol: 3,
      intitule: (a) => a.intituleT2T3 ?? a.intitule,
      actionAmounts: (a, ref) => {
        const p = recap.rows[a.fiche];
        const i = p[6] + p[8]; // I = F+H
        const k = p[7] + i; // K = G+I, the printed (wrong) formula: the sample must carry the defect
        return [
          ...p.slice(0, 9),
          { f: `${ref(6)}+${ref(8)}`, v: i },
          p[10],
          { f: `${ref(7)}+${ref(9)}`, v: k },
          p[12],
          { f: `${ref(9)}+${ref(11)}+${ref(12)}`, v: i + k + p[12] },
        ];
      },
    },
  ];
  blocks.forEach((b, i) => {
    if (i > 0) w.row += 2;
    writeClsBlock(w, b);
  });
  setWidths(w, [38, 12, 48], 18, blocks[2].headers.length);
  return w.sheet;
}

function writeClsBlock(w: TableWriter, b: ClsBlockSpec): void {
  const firstAmountCol = b.ficheCol + 2;
  const amountCount = b.headers.length - firstAmountCol + 1;
  w.title(w.row++, 1, b.title);
  w.text(w.row++, 1, b.subtitle);
  w.row++;
  b.letters.forEach((letter, i) => w.text(w.row, i + 1, letter));
  w.row++;
  w.headers(b.headers);

  const subtotalRows: number[] = [];
  const totalCached = new Array<number>(amountCount).fill(0);
  CLS_AXES.forEach((axe, axeIndex) => {
    const first = w.row;
    const cached = new Array<number>(amountCount).fill(0);
    axe.actions.forEach((a, i) => {
      const r = w.row;
      w.text(r, b.ficheCol, a.fiche);
      w.text(r, b.ficheCol + 1, b.intitule(a));
      b.actionAmounts(a, (k) => w.addr(r, firstAmountCol + k)).forEach((spec, k) => {
        w.amount(r, firstAmountCol + k, spec);
        cached[k] += spec === undefined ? 0 : typeof spec === 'number' ? spec : spec.v;
      });
      w.row++;
      w.gapAfter(i, axe.actions.length);
    });
    const last = w.row - 1;
    w.text(first, 1, axe.label);
    if (w.layout.mergeAxe) w.mergeDown(first, last, 1);

    const r = w.row++;
    subtotalRows.push(r);
    w.text(r, 1, 'Sous total');
    for (let k = 0; k < amountCount; k++) {
      const c = firstAmountCol + k;
      totalCached[k] += cached[k];
      if (b.typedSubtotals) w.amount(r, c, b.typedSubtotals[axeIndex][k]);
      else w.amount(r, c, { f: `SUM(${w.addr(first, c)}:${w.addr(last, c)})`, v: cached[k] });
    }
  });

  const r = w.row++;
  w.text(r, 1, 'TOTAUX FINANCIERS');
  for (let k = 0; k < amountCount; k++) {
    const c = firstAmountCol + k;
    if (b.typedTotaux) w.amount(r, c, b.typedTotaux[k]);
    else w.amount(r, c, { f: subtotalRows.map((sr) => w.addr(sr, c)).join('+'), v: totalCached[k] });
  }
}

// ---------------------------------------------------------------------------------------------
// FT "Construction du plan de financement": the three volets stacked, two blank rows apart.

/** FT table columns. */
const NATURE = 1, OBJET = 2, PRECISIONS = 3, EXISTANT = 4, CIBLE = 5, DELTA = 6, MONTANT = 7, FINANCEMENT = 8;

function buildFtSheet(l: Required<SampleLayout>): GridSheet {
  const w = new TableWriter(newSheet(l.renameFtSheet), l);
  FT_VOLETS.forEach((v, i) => {
    if (i > 0) w.row += 2;
    writeFtVolet(w, v);
  });
  setWidths(w, [40, 34, 50, 20, 20, 20, 22, 36], 0, 0);
  return w.sheet;
}

function writeFtVolet(w: TableWriter, v: FtVolet): void {
  w.title(w.row++, NATURE, ftTitle(v.volet));
  w.text(w.row, NATURE, 'PLAFOND DEPARTEMENT');
  w.amount(w.row++, OBJET, v.plafond);
  w.text(w.row, EXISTANT, "Etat des lieux de l'existant");
  w.text(w.row, CIBLE, 'Construction du plan de financement');
  w.mergeAcross(w.row++, CIBLE, FINANCEMENT);
  w.headers(ftHeaders(v.volet));

  const detailRanges: [number, number][] = [];
  let detailSum = 0;
  const countedTotals: { row: number; v: number }[] = [];
  for (const item of v.items) {
    if (isVoletTotal(item)) {
      // Volet total in the Nature column: the SUM of every detail row above.
      const ranges = detailRanges.map(([a, b]) => `${w.addr(a, MONTANT)}:${w.addr(b, MONTANT)}`);
      w.text(w.row, NATURE, item.voletTotal);
      w.amount(w.row++, MONTANT, { f: `SUM(${ranges.join(',')})`, v: detailSum });
      continue;
    }
    const first = w.row;
    // An objet shared by several rows (volet 2 "Action 1/2/3") is one merged cell.
    let objetRun = [first, first];
    let groupSum = 0;
    item.rows.forEach((d, i) => {
      const r = w.row;
      if (d.sameObjet) {
        objetRun[1] = r;
      } else {
        w.mergeDown(objetRun[0], objetRun[1], OBJET);
        objetRun = [r, r];
        w.text(r, OBJET, d.objet);
      }
      w.text(r, PRECISIONS, d.precisions);
      w.text(r, EXISTANT, d.existant);
      w.text(r, CIBLE, d.cible);
      w.text(r, DELTA, d.delta); // typed as printed, never computed: "3030 places" must survive
      w.amount(r, MONTANT, d.montant);
      w.text(r, FINANCEMENT, d.financement);
      groupSum += d.montant ?? 0;
      w.row++;
      w.gapAfter(i, item.rows.length);
    });
    const last = w.row - 1;
    w.mergeDown(objetRun[0], objetRun[1], OBJET);
    w.text(first, NATURE, item.nature);
    w.mergeDown(first, last, NATURE);
    detailRanges.push([first, last]);
    detailSum += groupSum;

    for (const t of item.totals) {
      const r = w.row++;
      w.text(r, OBJET, t.label);
      // Blank where the seed prints nothing (templates): a SUM would show 0,00 € instead.
      if (t.montant !== undefined) {
        w.amount(r, MONTANT, { f: `SUM(${w.addr(first, MONTANT)}:${w.addr(last, MONTANT)})`, v: groupSum });
      }
      w.text(r, FINANCEMENT, t.financement);
      // "Pour info" rows are France Travail's staff: never part of the CD's needs.
      if (!item.pourInfo && !/^pour info/i.test(t.label)) countedTotals.push({ row: r, v: groupSum });
    }
  }

  const r = w.row++;
  w.text(r, NATURE, `TOTAL BESOINS DEPARTEMENTAUX AU TITRE DU VOLET ${v.volet} :`);
  if (v.besoins !== undefined) {
    const f = countedTotals.map((t) => w.addr(t.row, MONTANT)).join('+');
    w.amount(r, MONTANT, { f, v: countedTotals.reduce((s, t) => s + t.v, 0) });
  }
}

// ---------------------------------------------------------------------------------------------
// "Plan d'action": one row per FT fiche with its État / CD / autres split.

function buildPlanActionSheet(l: Required<SampleLayout>): GridSheet {
  const w = new TableWriter(newSheet(PLAN_ACTION_SHEET), l);
  w.title(w.row++, 1, PLAN_ACTION_TITLE);
  w.headers(PLAN_ACTION_HEADERS);
  const first = w.row;
  const sums = [0, 0, 0, 0];
  PLAN_ACTION_ROWS.forEach((p, i) => {
    const r = w.row;
    w.text(r, 1, p.fa);
    w.text(r, 2, p.intitule);
    w.put(r, 3, { value: p.volet });
    [p.etat, p.cd, p.autres].forEach((a, k) => w.amount(r, 4 + k, a));
    w.text(r, 7, p.nature);
    if (p.etat !== undefined || p.cd !== undefined || p.autres !== undefined) {
      const v = (p.etat ?? 0) + (p.cd ?? 0) + (p.autres ?? 0);
      w.amount(r, 8, { f: `${w.addr(r, 4)}+${w.addr(r, 5)}+${w.addr(r, 6)}`, v });
      [p.etat ?? 0, p.cd ?? 0, p.autres ?? 0, v].forEach((x, k) => (sums[k] += x));
    }
    w.row++;
    w.gapAfter(i, PLAN_ACTION_ROWS.length);
  });
  const last = w.row - 1;
  const r = w.row++;
  w.text(r, 1, 'TOTAL');
  [4, 5, 6, 8].forEach((c, k) => w.amount(r, c, { f: `SUM(${w.addr(first, c)}:${w.addr(last, c)})`, v: sums[k] }));
  setWidths(w, [8, 60, 8, 18, 22, 18, 44, 20], 0, 0);
  return w.sheet;
}

// ---------------------------------------------------------------------------------------------
// "Paramètres": the checker's settings, under the same variants as the other tables.

function buildParamsSheet(l: Required<SampleLayout>): GridSheet {
  const w = new TableWriter(newSheet(PARAMS_SHEET), l);
  w.headers(['Paramètre', 'Valeur']);
  for (const [name, p] of PARAMETRES) {
    const r = w.row++;
    w.text(r, 1, name);
    if (p.kind === 'text') w.text(r, 2, p.value);
    else if (p.kind === 'number') w.put(r, 2, { value: p.value });
    else if (p.kind === 'amount') w.amount(r, 2, p.value);
    else if (p.kind === 'percent') w.put(r, 2, { value: p.value, numFmt: '0%' });
    else if (p.kind === 'date') w.put(r, 2, { value: new Date(`${p.value}T00:00:00Z`), numFmt: 'dd/mm/yyyy' });
  }
  setWidths(w, [40, 20], 0, 0);
  return w.sheet;
}

// ---------------------------------------------------------------------------------------------

/** Column widths: the listed ones, then `rest` for the following columns up to `upTo`. */
function setWidths(w: TableWriter, widths: number[], rest: number, upTo: number): void {
  const m = new Map<number, number>();
  for (let c = 1; c <= Math.max(widths.length, upTo); c++) m.set(w.col(c), widths[c - 1] ?? rest);
  w.sheet.columnWidths = m;
}

export function stripAccents(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').normalize('NFC');
}

/** 1236000 → "1 236 000,00 €" with the given group separator (whole euros only, as in the seed). */
export function frenchAmountText(n: number, sep: string): string {
  if (!Number.isInteger(n)) throw new Error(`sample amounts are whole euros: ${n}`);
  const digits = Math.abs(n).toString();
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
  return `${n < 0 ? '-' : ''}${grouped},00 €`;
}
