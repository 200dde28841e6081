import { cellAddress } from '../a1';
import type { CellRef } from '../finding';
import type { AnnexTable, TableRow } from '../table';
import type { RuleContext } from './rule';

/** Shared by the EXP-* rules: the journal's expense rows and how to point at their cells. */
export function* expenseRows(ctx: RuleContext): Generator<{ table: AnnexTable; row: TableRow }> {
  for (const table of ctx.workbook.tables) {
    if (table.kind !== 'ft-expense-journal') continue;
    for (const row of table.rows) if (row.kind === 'detail') yield { table, row };
  }
}

/** « Journal des dépenses, ligne 7 (Frais de déplacement – Réunion…) » */
export function expensePlace(table: AnnexTable, row: TableRow): string {
  return `${table.title}, ligne ${row.row} (« ${row.label} »)`;
}

/** The row's cell in a column of the journal, or its first column when the journal lacks that one. */
export function expenseRef(table: AnnexTable, row: TableRow, key: string): CellRef {
  const col = table.columns.find((c) => c.key === key)?.col ?? Math.min(...table.columns.map((c) => c.col));
  return { sheet: table.sheet, row: row.row, col, address: cellAddress(row.row, col) };
}
