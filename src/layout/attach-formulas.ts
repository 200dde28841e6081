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
    cell.formulaTerms = !refs || refs.some((r) => r.row !== cell.ref.row) ? null : sharedTerms(keys, refs);
  }
  if (o.total) {
    cell.formulaRows = !refs || refs.some((r) => r.col !== cell.ref.col || r.sign !== 1) ? null : refs.map((r) => r.row).sort((a, b) => a - b);
  }
}

/**
 * The terms of a same-row formula, one list per table for all its rows that sum the same columns
 * (the rules only read them): a column of 200 000 formulas D+E+F holds one list, not 200 000.
 */
const TERMS = new WeakMap<ReadonlyMap<number, string>, Map<string, readonly SignedTerm[]>>();

function sharedTerms(keys: ReadonlyMap<number, string>, refs: { col: number; sign: 1 | -1 }[]): SignedTerm[] {
  let byColumns = TERMS.get(keys);
  if (!byColumns) TERMS.set(keys, (byColumns = new Map()));
  const id = refs.map((r) => `${r.sign}${r.col}`).join(',');
  let terms = byColumns.get(id);
  if (!terms) {
    terms = Object.freeze(refs.map((r): SignedTerm => Object.freeze({ key: keys.get(r.col) ?? `?${columnLetters(r.col)}`, sign: r.sign })));
    byColumns.set(id, terms);
  }
  return terms as SignedTerm[];
}
