import type { AmountCell, SignedTerm, TableColumn } from '../domain/table';
import { columnLetters } from './grid';
import { signedRefs } from './formula';

/** Column number → key of a table's columns, built once per table by its reader. */
export function columnKeys(columns: TableColumn[]): ReadonlyMap<number, string> {
  return new Map(columns.map((c) => [c.col, c.key]));
}

/**
 * Reads a cell's formula (parsed once) the ways the rules check it:
 * - `keys` given: as a signed sum of the table's columns on the same row, so the engine can tell
 *   K = G + I from K = G + J whatever the column letters are (columns outside the table are "?X";
 *   null when the formula is not a plain sum of same-row cells);
 * - `total`: as the rows it adds up in its own column (null when it adds anything else).
 */
export function attachFormulas(cell: AmountCell, o: { keys?: ReadonlyMap<number, string>; total?: boolean }): void {
  if (cell.formula === undefined) return;
  const refs = signedRefs(cell.formula);
  if (o.keys) {
    const keys = o.keys;
    cell.formulaTerms =
      !refs || refs.some((r) => r.row !== cell.ref.row) ? null : refs.map((r): SignedTerm => ({ key: keys.get(r.col) ?? `?${columnLetters(r.col)}`, sign: r.sign }));
  }
  if (o.total) {
    cell.formulaRows = !refs || refs.some((r) => r.col !== cell.ref.col || r.sign !== 1) ? null : refs.map((r) => r.row).sort((a, b) => a - b);
  }
}
