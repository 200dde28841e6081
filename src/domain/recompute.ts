import { DERIVATIONS, SUMMED_COLUMNS } from './derivations';
import { type Money, ZERO } from './money';
import type { Quantity } from './quantity';
import type { AmountCell, AnnexTable, TableRow } from './table';

/** A derived cell with the value its definition gives. */
export interface DerivedValue {
  rowIndex: number;
  key: string;
  cell: AmountCell;
  /** null when an input is unreadable (error, formula without cache, not a number). */
  value: Money | null;
  /** "A + B + C", or "somme des lignes" for totals. */
  definition: string;
}

/**
 * Recomputes every derived column and every total of a table from its input cells: derived columns
 * on detail rows from their definitions, then totals as sums of the recomputed detail rows. This is
 * the engine's own figure for each derived cell, whatever the workbook holds there.
 */
export function recomputeTable(table: AnnexTable): DerivedValue[] {
  const out: DerivedValue[] = [];
  const derivedByRow = new Map<number, Map<string, Money | null>>();
  const present = new Set(table.columns.map((c) => c.key));
  const derivations = DERIVATIONS[table.kind].filter((d) => present.has(d.target) && d.terms.every((t) => present.has(t.key)));
  const valueAt = (i: number, key: string): Money | null => {
    const d = derivedByRow.get(i);
    if (d?.has(key)) return d.get(key) ?? null;
    return table.rows[i].amounts[key]?.value ?? null;
  };
  table.rows.forEach((row, i) => {
    if (row.kind !== 'detail') return;
    const mine = new Map<string, Money | null>();
    derivedByRow.set(i, mine);
    // Definitions are ordered so that a derivation may use an earlier one (M uses I and K).
    for (const d of derivations) {
      let v: Money | null = ZERO;
      for (const t of d.terms) {
        const x = mine.has(t.key) ? (mine.get(t.key) ?? null) : (row.amounts[t.key]?.value ?? null);
        v = v === null || x === null ? null : t.sign === 1 ? v.plus(x) : v.minus(x);
      }
      mine.set(d.target, v);
      const cell = row.amounts[d.target];
      if (cell) out.push({ rowIndex: i, key: d.target, cell, value: v, definition: d.text });
    }
  });
  const summed = SUMMED_COLUMNS[table.kind];
  const keys = summed === 'all-amounts' ? [...present].filter((k) => table.rows.some((r) => r.amounts[k])) : summed;
  table.rows.forEach((row: TableRow, i) => {
    if (row.kind === 'detail' || !row.sumOf) return;
    for (const key of keys) {
      const cell = row.amounts[key];
      if (!cell) continue;
      let v: Money | null = ZERO;
      for (const j of row.sumOf) {
        const x = valueAt(j, key);
        v = v === null || x === null ? null : v.plus(x);
      }
      out.push({ rowIndex: i, key, cell, value: v, definition: 'somme des lignes' });
    }
  });
  return out;
}

/** Plan de financement Delta recomputed: Cible − Existant (a blank Existant is none). */
export function recomputeDelta(row: TableRow): Quantity | null {
  const target = row.quantities?.target?.quantity;
  if (!target) return null;
  const existingCell = row.quantities?.existing;
  if (existingCell && !existingCell.readable) return null;
  const existing = existingCell?.quantity;
  return { value: existing ? target.value.minus(existing.value) : target.value, unit: target.unit, unitText: target.unitText };
}
