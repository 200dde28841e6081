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
  /**
   * Header text split over this many rows of separate cells (long headers in halves or thirds,
   * short ones one cell with a line break, merged down). Default: 2 with wrapHeaders, else 1.
   */
  headerRows?: 1 | 2 | 3;
  /** Where the CLS blocks' row of column letters (A, B, C, F…) sits: above the header (as printed), under it, between its first two rows, or nowhere. */
  letters?: 'above' | 'below' | 'inside' | 'none';
  /** What that row holds: the letters (as printed), the columns' numbers 1, 2, 3… typed as numbers, or « (1) », « (2) »… as text. */
  columnNames?: 'letters' | 'numbers' | 'numbered';
  /** How fiche and FA numbers are typed: "1.1" (as printed), "1,1", "FA 1.1", "Action 1.1", or the number 1.1. */
  ficheStyle?: 'text' | 'comma' | 'fa' | 'action' | 'number';
  /** CLS sous-total / total labels: "Sous total" / "TOTAUX FINANCIERS" (as printed), "Sous-total", "Sous total axe 1" / "Total", "SOUS-TOTAL" / "Total général", "Total axe 1" / "TOTAL GENERAL". */
  totalLabels?: 'seed' | 'hyphen' | 'axe' | 'general' | 'totalAxe';
  /** Chorus codes (text and numbers) in the récapitulatif's « Imputation chorus » column. */
  chorusCodes?: boolean;
  /** Footnote rows under every table (« (1) Montants en euros », a source merged across the table, « NB : … »). */
  footnotes?: boolean;
  /** « PLAFOND DEPARTEMENT » merged over three columns, its amount over two. */
  mergePlafond?: boolean;
  /** Récapitulatif header on two rows, « Montant total » alone on the first (« réalisé au 31/12/2024 » under it). */
  halfHeader?: boolean;
  /** The récapitulatif's note « une ligne par action financée » in a row of its own under the header. */
  noteRow?: boolean;
  /** CLS prévisionnel and exécution side by side on the same rows (A–G and I–R), the récapitulatif under them. */
  sideBySide?: boolean;
  /**
   * Side by side, the exécution with its own label columns (Axe, Fiche, Intitulé: I–R, as printed)
   * or `shared`: its header over its amount columns only (I–O), its rows named by the prévisionnel's
   * labels on the same rows (a « double-entry » table).
   */
  sideBySideLabels?: 'own' | 'shared';
  /** Side by side, the blank columns between the two blocks (default 1; 0: the exécution's header right against the prévisionnel's). */
  sideBySideGap?: number;
  /** Empty columns and rows inside the tables, hidden (listed in buildSample().hidden), and a hidden letters row. */
  hiddenLines?: boolean;
}

/** A layout with its defaults (headerRows stays optional: wrapHeaders decides when it is absent). */
type ResolvedLayout = Required<Omit<SampleLayout, 'headerRows'>> & Pick<SampleLayout, 'headerRows'>;

/** Where a cell was written: the gallery plants faults by meaning ("cls:0:1.2:1"), whatever the layout. */
export interface SamplePosition {
  sheet: string;
  row: number;
  col: number;
  address: string;
}

export interface SampleBuild {
  grid: Grid;
  /** Rows and columns to write hidden, by sheet (the Grid itself holds no visibility). */
  hidden: Map<string, { rows: number[]; cols: number[] }>;
  /**
   * A cell by meaning: "cls:<block 0|1|2>:<fiche|sub<axe index>|total>:<amount index>",
   * "ft:<volet>:plafond", "ft:<volet>:<group index>.<row index>:montant", "plan:<fa>:<0 État|1 CD|2 autres|3 montant>",
   * "journal:<line index>:<montant|nombre>".
   */
  at(key: string): SamplePosition;
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
  /** Extra columns left of the table being written (the right-hand block of a side-by-side pair). */
  colBase = 0;
  private textAmountCount = 0;

  constructor(
    readonly sheet: GridSheet,
    readonly layout: ResolvedLayout,
    private readonly book: BookRecord = newBookRecord(),
  ) {
    this.row = 1 + layout.rowOffset;
  }

  col(c: number): number {
    return this.layout.colOffset + this.colBase + c;
  }

  /** Records where a meaningful cell went (see SampleBuild.at). */
  mark(key: string, row: number, c: number): void {
    const col = this.col(c);
    this.book.positions.set(key, { sheet: this.sheet.name, row, col, address: cellAddress(row, col) });
  }

  hideRow(row: number): void {
    this.hiddenOf().rows.push(row);
  }

  hideColumn(c: number): void {
    this.hiddenOf().cols.push(this.col(c));
  }

  private hiddenOf(): { rows: number[]; cols: number[] } {
    let h = this.book.hidden.get(this.sheet.name);
    if (!h) {
      h = { rows: [], cols: [] };
      this.book.hidden.set(this.sheet.name, h);
    }
    return h;
  }

  /** A fiche / FA number as the layout types it. */
  fiche(row: number, c: number, n: string): void {
    const style = this.layout.ficheStyle;
    if (style === 'number') this.put(row, c, { value: Number(n) });
    else this.text(row, c, style === 'comma' ? n.replace('.', ',') : style === 'fa' ? `FA ${n}` : style === 'action' ? `Action ${n}` : n);
  }

  /** A footnote under a table (footnotes variant): typed in `c`, or merged from `c` to `right`. */
  footnote(c: number, s: string, right?: number): void {
    if (!this.layout.footnotes) return;
    const r = this.row++;
    this.text(r, c, s);
    if (right !== undefined && right > c) this.mergeAcross(r, c, right);
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

  /** The i-th column's name in the row of letters, as the layout names columns. */
  columnName(row: number, c: number, i: number, letter: string): void {
    if (this.layout.columnNames === 'numbers') this.put(row, c, { value: i + 1 });
    else if (this.layout.columnNames === 'numbered') this.text(row, c, `(${i + 1})`);
    else this.text(row, c, letter);
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

  /** Rows of a header band under this layout. */
  get headerRows(): number {
    return this.layout.headerRows ?? (this.layout.wrapHeaders ? 2 : 1);
  }

  /**
   * Writes the header band at the cursor and moves below it. `columns[i]` is the table column of
   * texts[i] (default i + 1); `letters` are written between the first two header rows when the
   * layout puts them inside (numbered `names[i]`, default i, when columns are numbered); `split` overrides how a text is cut into lines.
   */
  headers(texts: string[], o: { columns?: number[]; letters?: string[]; names?: number[]; split?: (t: string) => string[] | undefined; rows?: number; blank?: boolean } = {}): void {
    const top = this.row;
    const n = o.rows ?? this.headerRows;
    const colOf = (i: number) => o.columns?.[i] ?? i + 1;
    const inside = n > 1 && o.letters !== undefined && this.layout.letters === 'inside';
    // Line k of the band; the letters row, when inside, is the second row.
    const lineRow = (k: number) => top + k + (inside && k >= 1 ? 1 : 0);
    const height = n + (inside ? 1 : 0);
    if (n === 1) {
      texts.forEach((t, i) => this.text(top, colOf(i), t));
    } else {
      texts.forEach((t, i) => {
        const lines = o.split?.(t) ?? splitHeader(t, n);
        if (lines.length === 1) {
          // Short header: one cell with a line break (Alt+Enter), merged over the band (not over letters).
          const words = t.split(/\s+/).filter((w) => w !== '');
          this.text(top, colOf(i), words.length > 1 ? `${words[0]}\n${words.slice(1).join(' ')}` : t);
          if (!inside) this.mergeDown(top, top + height - 1, colOf(i));
        } else {
          lines.forEach((line, k) => this.text(lineRow(k), colOf(i), line));
        }
      });
    }
    if (inside) o.letters?.forEach((letter, i) => this.columnName(top + 1, colOf(i), o.names?.[i] ?? i, letter));
    this.row += height;
    if (this.layout.blankRows && o.blank !== false) this.row++;
  }
}

/**
 * A header typed by hand over n rows: a text that has a second line (T3's note) keeps it as its
 * lower cell; long texts are cut in halves (n = 2, or 4–5 words) or thirds (n = 3, 6 words or more);
 * short ones stay whole (one cell, merged down).
 */
function splitHeader(t: string, n: number): string[] {
  if (t.includes('\n')) {
    const [upper, ...lower] = t.split('\n');
    return [upper, lower.join(' ')];
  }
  const words = t.split(/\s+/).filter((w) => w !== '');
  if (words.length < 4) return [t];
  const parts = n >= 3 && words.length >= 6 ? 3 : 2;
  const size = Math.ceil(words.length / parts);
  const out: string[] = [];
  for (let k = 0; k < parts; k++) out.push(words.slice(k * size, (k + 1) * size).join(' '));
  return out.filter((x) => x !== '');
}

interface BookRecord {
  positions: Map<string, SamplePosition>;
  hidden: Map<string, { rows: number[]; cols: number[] }>;
}

function newBookRecord(): BookRecord {
  return { positions: new Map(), hidden: new Map() };
}

export function buildSampleGrid(layout: SampleLayout = {}): Grid {
  return buildSample(layout).grid;
}

/** The sample under a layout, with where its meaningful cells went and which lines are hidden. */
export function buildSample(layout: SampleLayout = {}): SampleBuild {
  const l = withDefaults(layout);
  const book = newBookRecord();
  const writer = (name: string) => new TableWriter(newSheet(name), l, book);
  const grid: Grid = {
    sheets: [
      buildClsSheet(writer(CLS_SHEET + l.sheetSuffix)),
      buildFtSheet(writer(l.renameFtSheet)),
      buildPlanActionSheet(writer(PLAN_ACTION_SHEET)),
      buildParamsSheet(writer(PARAMS_SHEET)),
      ...buildIndicatorSheets(writer),
      buildJournal(writer(JOURNAL_SHEET)),
      buildFicheBudgetSheet(writer(FICHE_BUDGET_SHEET)),
    ],
  };
  return {
    grid,
    hidden: book.hidden,
    at(key) {
      const p = book.positions.get(key);
      if (!p) throw new Error(`no sample cell ${key}`);
      return p;
    },
  };
}

function withDefaults(layout: SampleLayout): ResolvedLayout {
  return {
    rowOffset: 0, colOffset: 0, blankRows: false, wrapHeaders: false, noAccents: false,
    textAmounts: false, mergeAxe: true, sheetSuffix: '', renameFtSheet: FT_SHEET, letters: 'above', ficheStyle: 'text',
    totalLabels: 'seed', chorusCodes: false, footnotes: false, mergePlafond: false, halfHeader: false, noteRow: false,
    sideBySide: false, sideBySideLabels: 'own', sideBySideGap: 1, hiddenLines: false, ...layout,
  } as ResolvedLayout;
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
  /** Amount index after which the hiddenLines variant inserts two empty hidden columns. */
  hiddenGapAfter?: number;
  /** The récapitulatif (Chorus column, note under the intitulé header). */
  recap?: boolean;
}

function buildClsSheet(w: TableWriter): GridSheet {
  const recap = CLS_RECAP_2025;
  const blocks: ClsBlockSpec[] = [
    {
      title: CLS_TITLE,
      ...CLS_PREV_2024,
      ficheCol: 2,
      intitule: (a) => a.intitule,
      // C is blank on action rows; F = A+B+C.
      actionAmounts: (a, ref) => [a.etat, a.cd, undefined, { f: `${ref(0)}+${ref(1)}+${ref(2)}`, v: a.etat + a.cd }],
      // The national model's D and E, between C and F (hiddenLines variant).
      hiddenGapAfter: 2,
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
      recap: true,
    },
  ];
  if (w.layout.sideBySide) {
    // Prévisionnel and exécution share their rows, one blank column apart; the récapitulatif below.
    const top = w.row;
    writeClsBlock(w, blocks[0], 0);
    const end = w.row;
    w.row = top;
    const left = clsLayout(w, blocks[0]);
    const shared = w.layout.sideBySideLabels === 'shared';
    // sideBySideGap blank columns between the blocks; shared, the exécution's first amount column comes right after them.
    w.colBase = left.width + w.layout.sideBySideGap - (shared ? blocks[1].ficheCol + 1 : 0);
    writeClsBlock(w, blocks[1], 1, shared ? { nameOffset: blocks[0].headers.length } : undefined);
    w.row = Math.max(end, w.row);
    w.colBase = 0;
    w.row += 2;
    writeClsBlock(w, blocks[2], 2);
  } else {
    blocks.forEach((b, i) => {
      if (i > 0) w.row += 2;
      writeClsBlock(w, b, i);
    });
  }
  setWidths(w, [38, 12, 48], 18, w.layout.sideBySide ? 19 : blocks[2].headers.length);
  return w.sheet;
}

/** Table columns of a CLS block's headers (two empty columns after `hiddenGapAfter` in the hiddenLines variant). */
function clsLayout(w: TableWriter, b: ClsBlockSpec): { amountCol: (k: number) => number; headerCol: (i: number) => number; width: number; gap?: number } {
  const firstAmountCol = b.ficheCol + 2;
  const gap = w.layout.hiddenLines ? b.hiddenGapAfter : undefined;
  const amountCol = (k: number) => firstAmountCol + k + (gap !== undefined && k > gap ? 2 : 0);
  const headerCol = (i: number) => (i < firstAmountCol - 1 ? i + 1 : amountCol(i - firstAmountCol + 1));
  return { amountCol, headerCol, width: headerCol(b.headers.length - 1), gap };
}

/** Sous-total and total labels under the layout's totalLabels. */
function clsTotalLabels(style: ResolvedLayout['totalLabels'], axe: string): { subtotal: string; total: string } {
  switch (style) {
    case 'hyphen':
      return { subtotal: 'Sous-total', total: 'TOTAUX FINANCIERS' };
    case 'axe':
      return { subtotal: `Sous total axe ${axe}`, total: 'Total' };
    case 'general':
      return { subtotal: 'SOUS-TOTAL', total: 'Total général' };
    case 'totalAxe':
      return { subtotal: `Total axe ${axe}`, total: 'TOTAL GENERAL' };
    default:
      return { subtotal: 'Sous total', total: 'TOTAUX FINANCIERS' };
  }
}

/**
 * `shared`: the block's rows are named by the block on its left (same rows): only its amount
 * columns are written — title, header, letters (numbered on from `nameOffset`), amounts, footnotes.
 */
function writeClsBlock(w: TableWriter, b: ClsBlockSpec, blockIndex: number, shared?: { nameOffset: number }): void {
  const { amountCol, headerCol, width, gap } = clsLayout(w, b);
  const firstAmount = b.ficheCol + 1; // index of the first amount header
  const own = (i: number) => !shared || i >= firstAmount;
  const textCol = shared ? amountCol(0) : 1;
  const amountCount = b.headers.length - b.ficheCol - 1;
  const note = b.recap && w.layout.noteRow;
  const headers = note ? b.headers.map((h) => h.split('\n')[0]) : b.headers;
  const nameOf = (i: number) => (shared ? shared.nameOffset + i - firstAmount : i);
  const writeLetters = (r: number) => b.letters.forEach((letter, i) => own(i) && w.columnName(r, headerCol(i), nameOf(i), letter));
  w.title(w.row++, textCol, b.title);
  w.text(w.row++, textCol, b.subtitle);
  w.row++;
  if (w.layout.letters === 'above') {
    writeLetters(w.row);
    if (w.layout.hiddenLines) w.hideRow(w.row);
    w.row++;
  }
  const blankRows = w.layout.blankRows;
  // « Montant total » alone on the first of two rows: a half-header that another table kind knows.
  const half = b.recap && w.layout.halfHeader;
  const written = headers.map((_h, i) => i).filter(own);
  w.headers(
    written.map((i) => headers[i]),
    {
      columns: written.map((i) => headerCol(i)),
      letters: written.map((i) => b.letters[i]),
      names: written.map(nameOf),
      rows: half ? Math.max(2, w.headerRows) : undefined,
      split: half ? (t) => (/^Montant total réalisé/.test(t) ? ['Montant total', t.replace(/^Montant total /, '')] : undefined) : undefined,
      blank: false,
    },
  );
  if (w.layout.letters === 'below') writeLetters(w.row++);
  if (note) w.text(w.row++, b.ficheCol + 1, b.headers[b.ficheCol].split('\n')[1]);
  if (blankRows) w.row++;
  if (gap !== undefined) {
    w.hideColumn(amountCol(gap) + 1);
    w.hideColumn(amountCol(gap) + 2);
  }

  const subtotalRows: number[] = [];
  const totalCached = new Array<number>(amountCount).fill(0);
  let axeNumber = '';
  CLS_AXES.forEach((axe, axeIndex) => {
    const first = w.row;
    const cached = new Array<number>(amountCount).fill(0);
    axeNumber = axe.actions[0].fiche.split('.')[0];
    axe.actions.forEach((a, i) => {
      const r = w.row;
      if (!shared) {
        w.fiche(r, b.ficheCol, a.fiche);
        w.text(r, b.ficheCol + 1, b.intitule(a));
      }
      if (b.recap && w.layout.chorusCodes) {
        // Chorus codes are labels, typed as text or as numbers: never amounts.
        if (i % 2 === 0) w.text(r, b.ficheCol - 1, `0304-0${axeNumber}-${i + 1}`);
        else w.put(r, b.ficheCol - 1, { value: 120400 + 10 * Number(axeNumber) + i });
      }
      b.actionAmounts(a, (k) => w.addr(r, amountCol(k))).forEach((spec, k) => {
        w.amount(r, amountCol(k), spec);
        cached[k] += spec === undefined ? 0 : typeof spec === 'number' ? spec : spec.v;
      });
      for (let k = 0; k < amountCount; k++) w.mark(`cls:${blockIndex}:${a.fiche}:${k}`, r, amountCol(k));
      w.row++;
      if (w.layout.hiddenLines && axeIndex === 0 && i === 1) w.hideRow(w.row++); // an empty hidden row inside the axe
      w.gapAfter(i, axe.actions.length);
    });
    const last = w.row - 1;
    if (!shared) w.text(first, 1, axe.label);
    if (w.layout.mergeAxe && !shared) w.mergeDown(first, last, 1);

    const r = w.row++;
    subtotalRows.push(r);
    if (!shared) w.text(r, 1, clsTotalLabels(w.layout.totalLabels, axeNumber).subtotal);
    for (let k = 0; k < amountCount; k++) {
      const c = amountCol(k);
      totalCached[k] += cached[k];
      w.mark(`cls:${blockIndex}:sub${axeIndex}:${k}`, r, c);
      if (b.typedSubtotals) w.amount(r, c, b.typedSubtotals[axeIndex][k]);
      else w.amount(r, c, { f: `SUM(${w.addr(first, c)}:${w.addr(last, c)})`, v: cached[k] });
    }
  });

  const r = w.row++;
  if (!shared) w.text(r, 1, clsTotalLabels(w.layout.totalLabels, axeNumber).total);
  for (let k = 0; k < amountCount; k++) {
    const c = amountCol(k);
    w.mark(`cls:${blockIndex}:total:${k}`, r, c);
    if (b.typedTotaux) w.amount(r, c, b.typedTotaux[k]);
    else w.amount(r, c, { f: subtotalRows.map((sr) => w.addr(sr, c)).join('+'), v: totalCached[k] });
  }
  w.footnote(textCol, '(1) Montants en euros, ERBM inclus.');
  w.footnote(textCol, 'Source : délibération n°2024-176 du 15 avril 2024', width);
}

// ---------------------------------------------------------------------------------------------
// FT "Construction du plan de financement": the three volets stacked, two blank rows apart.

/** FT table columns. */
const NATURE = 1, OBJET = 2, PRECISIONS = 3, EXISTANT = 4, CIBLE = 5, DELTA = 6, MONTANT = 7, FINANCEMENT = 8;

function buildFtSheet(w: TableWriter): GridSheet {
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
  if (w.layout.mergePlafond) {
    // The label over three columns, the amount over two.
    w.mergeAcross(w.row, NATURE, PRECISIONS);
    w.amount(w.row, EXISTANT, v.plafond);
    w.mergeAcross(w.row, EXISTANT, CIBLE);
    w.mark(`ft:${v.volet}:plafond`, w.row++, EXISTANT);
  } else {
    w.amount(w.row, OBJET, v.plafond);
    w.mark(`ft:${v.volet}:plafond`, w.row++, OBJET);
  }
  w.text(w.row, EXISTANT, "Etat des lieux de l'existant");
  w.text(w.row, CIBLE, 'Construction du plan de financement');
  w.mergeAcross(w.row++, CIBLE, FINANCEMENT);
  w.headers(ftHeaders(v.volet));

  const detailRanges: [number, number][] = [];
  let detailSum = 0;
  const countedTotals: { row: number; v: number }[] = [];
  for (const [itemIndex, item] of v.items.entries()) {
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
      w.mark(`ft:${v.volet}:${itemIndex}.${i}:montant`, r, MONTANT);
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
  w.footnote(NATURE, '* Montants en euros : part État du financement.');
}

// ---------------------------------------------------------------------------------------------
// "Plan d'action": one row per FT fiche with its État / CD / autres split.

function buildPlanActionSheet(w: TableWriter): GridSheet {
  w.title(w.row++, 1, PLAN_ACTION_TITLE);
  w.headers(PLAN_ACTION_HEADERS);
  const first = w.row;
  const sums = [0, 0, 0, 0];
  PLAN_ACTION_ROWS.forEach((p, i) => {
    const r = w.row;
    w.fiche(r, 1, p.fa);
    w.text(r, 2, p.intitule);
    w.put(r, 3, { value: p.volet });
    [p.etat, p.cd, p.autres].forEach((a, k) => {
      w.amount(r, 4 + k, a);
      w.mark(`plan:${p.fa}:${k}`, r, 4 + k);
    });
    w.mark(`plan:${p.fa}:3`, r, 8);
    w.text(r, 7, p.nature);
    if (p.etat !== undefined || p.cd !== undefined || p.autres !== undefined) {
      const v = (p.etat ?? 0) + (p.cd ?? 0) + (p.autres ?? 0);
      w.amount(r, 8, { f: `${w.addr(r, 4)}+${w.addr(r, 5)}+${w.addr(r, 6)}`, v });
      [p.etat ?? 0, p.cd ?? 0, p.autres ?? 0, v].forEach((x, k) => (sums[k] += x));
    }
    w.row++;
    if (w.layout.hiddenLines && i === 1) w.hideRow(w.row++);
    w.gapAfter(i, PLAN_ACTION_ROWS.length);
  });
  const last = w.row - 1;
  const r = w.row++;
  w.text(r, 1, w.layout.totalLabels === 'general' ? 'Total général' : 'TOTAL');
  [4, 5, 6, 8].forEach((c, k) => {
    w.amount(r, c, { f: `SUM(${w.addr(first, c)}:${w.addr(last, c)})`, v: sums[k] });
    w.mark(`plan:total:${k}`, r, c);
  });
  w.footnote(1, "(1) Montant de l'action : État + Conseil départemental + autres financeurs.");
  setWidths(w, [8, 60, 8, 18, 22, 18, 44, 20], 0, 0);
  return w.sheet;
}

/** The journal, then its footnote (footnotes variant). */
function buildJournal(w: TableWriter): GridSheet {
  const sheet = buildJournalSheet(w);
  w.footnote(1, 'NB : dépenses mandatées au 31/12/2024, montants en euros.');
  return sheet;
}

// ---------------------------------------------------------------------------------------------
// "Paramètres": the checker's settings, under the same variants as the other tables.

function buildParamsSheet(w: TableWriter): GridSheet {
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
  w.footnote(1, '(1) Laisser la valeur vide quand le montant n’est pas encore notifié.');
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
