/**
 * The fiches' own budget tables (« Budgets des fiches »), read the way the FICHE-* rules, the
 * convention total and the four-year view need them: which convention a fiche belongs to, its year
 * rows, and its money by funder — État + ERBM being State money (CLS art. 2.2: « Ce montant comprend
 * la part des crédits réservés au titre de la politique de l'Engagement pour le Renouveau du Bassin
 * Minier (ERBM) »), never « autres financeurs ».
 */
import { type Money, ZERO } from './money';
import type { AnnexTable, TableColumn, TableRow } from './table';
import type { AnnexWorkbook } from './workbook';
import type { Convention } from './periods';

/** Columns holding State money. */
export const STATE_KEYS = ['state', 'erbm'];

export function ficheBudgets(wb: AnnexWorkbook): AnnexTable[] {
  return wb.tables.filter((t) => t.kind === 'fiche-budget');
}

/** Funder columns (everything but the year label and the Total), in sheet order. */
export function partColumns(table: AnnexTable): TableColumn[] {
  return table.columns.filter((c) => c.key !== 'year' && c.key !== 'total');
}

export function otherColumns(table: AnnexTable): TableColumn[] {
  return table.columns.filter((c) => c.key.startsWith('other'));
}

/**
 * CLS or France Travail: the fiche's number as the workbook's tables list it (CLS Tableau financier,
 * FT Plan d'action or plan de financement), else its axe — axe 2 (« emploi ») is contracted through
 * the France Travail convention, axes 1, 3 and 4 through the CLS.
 */
export function ficheConvention(wb: AnnexWorkbook, number: string): Convention {
  for (const t of wb.tables) {
    if (!t.rows.some((r) => r.kind === 'detail' && r.key === number)) continue;
    if (t.kind.startsWith('cls-')) return 'CLS';
    if (t.kind === 'ft-action-plan') return 'FT';
  }
  return /^2\./.test(number) ? 'FT' : 'CLS';
}

/** The fiche's year rows by year (the first one when a year is typed twice). */
export function yearRows(table: AnnexTable): Map<number, TableRow> {
  const out = new Map<number, TableRow>();
  for (const r of table.rows) {
    if (r.kind === 'detail' && r.key && /^\d{4}$/.test(r.key) && !out.has(Number(r.key))) out.set(Number(r.key), r);
  }
  return out;
}

export function totalRow(table: AnnexTable): TableRow | undefined {
  return table.rows.find((r) => r.kind === 'total');
}

/** Sum of some columns of a row; null when one of them cannot be read (CELL-* say why). */
export function sumOf(row: TableRow, keys: string[]): Money | null {
  let total = ZERO;
  for (const k of keys) {
    const cell = row.amounts[k];
    if (!cell) continue;
    if (cell.value === null) return null;
    total = total.plus(cell.value);
  }
  return total;
}

/** The row's money by funder: State (État + ERBM), CD, others, and what its Total cell says. */
export interface FicheMoney {
  state: Money | null;
  cd: Money | null;
  other: Money | null;
  /** Sum of every funder column. */
  parts: Money | null;
}

export function ficheMoney(table: AnnexTable, row: TableRow): FicheMoney {
  return {
    state: sumOf(row, STATE_KEYS),
    cd: sumOf(row, ['cd']),
    other: sumOf(row, otherColumns(table).map((c) => c.key)),
    parts: sumOf(row, partColumns(table).map((c) => c.key)),
  };
}

/** A row with no amount at all: every cell blank or zero (the seed's blank 2027 row of fiche 4.2). */
export function isBlankBudgetRow(row: TableRow): boolean {
  return Object.values(row.amounts).every((c) => !c || (c.value !== null && c.value.isZero() && c.kind !== 'error'));
}

/**
 * The row's budget: its Total cell when it has one, readable and not blank, else the sum of its
 * funders (a Total formula never computed — a file written by a script — still has its parts).
 */
export function rowBudget(table: AnnexTable, row: TableRow): Money | null {
  const total = row.amounts.total;
  if (total && total.kind !== 'empty' && total.value !== null) return total.value;
  return ficheMoney(table, row).parts;
}

/** « Etat + ETAT/ERBM » — the State columns as typed, for messages. */
export function headersOf(table: AnnexTable, keys: string[]): string {
  return table.columns
    .filter((c) => keys.includes(c.key))
    .map((c) => `« ${c.header || 'sans en-tête'} »`)
    .join(' + ');
}
