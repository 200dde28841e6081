import { type Money, ZERO, sumMoney } from './money';
import type { CellRef } from './finding';
import type { Quantity } from './quantity';

/**
 * The engine's view of one annex table, whatever its layout in the workbook: typed columns,
 * classified rows, and each amount with the cell it came from (so every finding can point to it).
 */
export type TableKind = 'cls-forecast' | 'cls-execution' | 'cls-recap' | 'ft-plan' | 'ft-action-plan' | 'ft-expense-journal' | 'fiche-budget';

/** How the cell behind an amount was read. */
export type AmountKind =
  | 'number' // a number cell (or a formula with a numeric cached value)
  | 'empty' // blank: counts as zero, as in Excel
  | 'text' // French text parsed as an amount ("1 236 000,00 €")
  | 'error' // an Excel error value (#REF!…)
  | 'no-cache' // a formula without cached value: the file was not recalculated
  | 'invalid'; // something that is not an amount (word, date, boolean)

export interface SignedTerm {
  key: string;
  sign: 1 | -1;
}

export interface AmountCell {
  ref: CellRef;
  kind: AmountKind;
  /** Exact value; null when kind is error, no-cache or invalid (never a silent zero). */
  value: Money | null;
  /** The cell's content as shown to the user, for messages ("#REF!", "1 236 000,00 €"). */
  raw: string;
  formula?: string;
  /**
   * The formula read as a signed sum of this table's columns on the same row, e.g. K = G + I gives
   * [{key:'carryOverCd',1},{key:'stateBudgetNext',1}]. Columns outside the table are keyed "?X".
   * null: a formula that is not a plain sum of same-row cells (not checked).
   */
  formulaTerms?: SignedTerm[] | null;
  /** For a total cell: the sheet rows its formula adds up in the same column (SUM ranges, + refs). */
  formulaRows?: number[] | null;
}

export interface QuantityCell {
  ref: CellRef;
  raw: string;
  /** null when blank or unreadable (see `readable`). */
  quantity: Quantity | null;
  readable: boolean;
}

/** A date or a period as typed ("15/03/2024", "du 01/03/2024 au 31/08/2024", "03/2024", "2024"). */
export interface DateCell {
  ref: CellRef;
  raw: string;
  /** First and last day covered; both null when blank or unreadable (see `readable`). */
  start: Date | null;
  end: Date | null;
  readable: boolean;
}

export type RowKind = 'detail' | 'subtotal' | 'total';

export interface TableRow {
  kind: RowKind;
  /** Sheet row number. */
  row: number;
  /** What a user recognises the row by: "1.1 Accueil de proximité…", "Sous total", "Action 2: …". */
  label: string;
  /** Fiche action number ("1.1") or FA ("2.5") when the table has one; a fiche budget's year ("2024"). */
  key?: string;
  /** Group: CLS axe number ("1", "3", "4"); FT nature de dépenses label. */
  group?: string;
  amounts: Record<string, AmountCell | undefined>;
  /** Free-text columns (objet, volet, nature des autres financements…), keyed like columns. */
  texts?: Record<string, string>;
  /** Plan de financement quantities. */
  quantities?: { existing?: QuantityCell; target?: QuantityCell; delta?: QuantityCell };
  /** Subtotal/total rows: indices in `rows` of the detail rows this row adds up. */
  sumOf?: number[];
  /** Total rows: indices of the subtotal rows that may be added instead (formula check). */
  sumOfSubtotals?: number[];
  /** FT "Pour info" rows (France Travail's own staff): not added to the CD totals. */
  pourInfo?: boolean;
  /** Journal des dépenses: the expense's date or period. */
  date?: DateCell;
}

export interface TableColumn {
  key: string;
  col: number;
  /** Header text as read (all header lines joined). */
  header: string;
}

export interface AnnexTable {
  kind: TableKind;
  sheet: string;
  /** French label for messages: "Prévisionnel 2024", "Plan de financement volet 2". */
  title: string;
  /** Year n of the block (CLS: the year of execution/prévisionnel; recap: n, planning n+1). */
  year: number | null;
  /** First and last header rows. */
  headerTop: number;
  headerBottom: number;
  columns: TableColumn[];
  /** Required columns the reader did not find. */
  missing: string[];
  /** Columns whose header repeats one already read (only `firstCol` is read): STRUCT-DUPLICATE. */
  duplicateColumns?: { key: string; col: number; firstCol: number; header: string }[];
  rows: TableRow[];
  /** FT plan de financement: volet number, PLAFOND DEPARTEMENT cell, period end. */
  volet?: number;
  ceiling?: AmountCell;
  periodEnd?: Date;
  /** Index in rows of the TOTAL BESOINS row (FT plan). */
  grandTotalIndex?: number;
  /** « Budgets des fiches »: the fiche the budget table belongs to, and its sub-actions. */
  fiche?: FicheInfo;
}

/**
 * A fiche action's budget table (CLS annexe 2, FT annexe 1): `rows` are its years and its Total row
 * as printed, columns « Etat », « ERBM » (State money), « Conseil départemental », third funders
 * (« other », « other2 »…, headers as typed) and « Total ».
 */
export interface FicheInfo {
  /** Canonical fiche number ("1.3"); "" when the title gives none. */
  number: string;
  /** The fiche's title as typed, without its number. */
  title: string;
  /** Cell the fiche was named in (its title, else the budget's header). */
  ref: CellRef;
  /** Sub-actions and their amounts (amounts.amount), in sheet order; detail rows only. */
  subActions: TableRow[];
}

/**
 * Sum of one amount column over rows, an unreadable cell counting as 0: the figures drawn and added
 * up from it (summary, co-financing) must still show; the CELL-* rules say what is wrong, and a rule
 * that compares against such a sum checks its rows first.
 */
export function columnSum(rows: TableRow[], key: string): Money {
  return sumMoney(rows.map((r) => r.amounts[key]?.value ?? ZERO));
}
