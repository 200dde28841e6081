import type { AmountCell, SignedTerm, TableColumn } from '../domain/table';
import { columnLetters } from './grid';
import { signedRefs } from './formula';

/**
 * Reads a derived cell's formula in terms of the table's columns on the same row, so the engine can
 * tell K = G + I from K = G + J whatever the column letters are.
 */
export function attachRowFormula(cell: AmountCell, columns: TableColumn[]): void {
  if (cell.formula === undefined) return;
  const refs = signedRefs(cell.formula);
  if (!refs || refs.some((r) => r.row !== cell.ref.row)) {
    cell.formulaTerms = null;
    return;
  }
  const byCol = columnKeys(columns);
  cell.formulaTerms = refs.map((r): SignedTerm => ({ key: byCol.get(r.col) ?? `?${columnLetters(r.col)}`, sign: r.sign }));
}

/** Column number → key, built once per table (this runs for every formula cell of every row). */
const keysByColumns = new WeakMap<TableColumn[], Map<number, string>>();

function columnKeys(columns: TableColumn[]): Map<number, string> {
  let m = keysByColumns.get(columns);
  if (!m) {
    m = new Map(columns.map((c) => [c.col, c.key]));
    keysByColumns.set(columns, m);
  }
  return m;
}

/** Reads a total cell's formula as the list of rows it adds up in its own column. */
export function attachTotalFormula(cell: AmountCell): void {
  if (cell.formula === undefined) return;
  const refs = signedRefs(cell.formula);
  if (!refs || refs.some((r) => r.col !== cell.ref.col || r.sign !== 1)) {
    cell.formulaRows = null;
    return;
  }
  cell.formulaRows = refs.map((r) => r.row).sort((a, b) => a - b);
}
