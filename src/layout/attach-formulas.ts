import type { AmountCell, SignedTerm, TableColumn } from '../domain/table';
import { columnLetters } from './grid';
import { type FormulaRef, signedRefs } from './formula';

/**
 * Reads a derived cell's formula in terms of the table's columns on the same row, so the engine can
 * tell K = G + I from K = G + J whatever the column letters are.
 */
export function attachRowFormula(cell: AmountCell, columns: TableColumn[]): void {
  if (cell.formula === undefined) return;
  const refs = refsOf(cell.formula);
  if (!refs || refs.some((r) => r.row !== cell.ref.row)) {
    cell.formulaTerms = null;
    return;
  }
  const byCol = columnKeys(columns);
  cell.formulaTerms = refs.map((r): SignedTerm => ({ key: byCol.get(r.col) ?? `?${columnLetters(r.col)}`, sign: r.sign }));
}

/**
 * signedRefs() of the formula read last: a total cell is read both ways, one call after the other.
 * The refs are only read, never changed.
 */
let lastFormula: string | undefined;
let lastRefs: FormulaRef[] | null = null;

function refsOf(formula: string): FormulaRef[] | null {
  if (formula !== lastFormula) {
    lastRefs = signedRefs(formula);
    lastFormula = formula;
  }
  return lastRefs;
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
  const refs = refsOf(cell.formula);
  if (!refs || refs.some((r) => r.col !== cell.ref.col || r.sign !== 1)) {
    cell.formulaRows = null;
    return;
  }
  cell.formulaRows = refs.map((r) => r.row).sort((a, b) => a - b);
}
