import type { GridCell } from './grid';
import { isUncachedFormula } from './grid';
import type { AmountCell, QuantityCell } from '../domain/table';
import type { CellRef } from '../domain/finding';
import { moneyFromNumber, parseFrenchAmount } from '../domain/money';
import { parseQuantity, quantityFromNumber } from '../domain/quantity';
import { cellDisplay, quotedText } from './text';

/** `raw` is quoted in messages: one line, control characters visible, a 30 000-character text cut. */
function shownRaw(cell: GridCell | undefined): string {
  const shown = cellDisplay(cell);
  // Numbers, dates and error codes are short and clean; only texts and formulas need quoting.
  return typeof cell?.value === 'string' || (cell?.value === null && cell.formula !== undefined) ? quotedText(shown) : shown;
}

/** Reads one cell where an amount is expected, keeping how it was read (never a silent zero). */
export function readAmount(cell: GridCell | undefined, ref: CellRef): AmountCell {
  const formula = cell?.formula;
  const base = { ref, raw: shownRaw(cell), ...(formula !== undefined ? { formula } : {}) };
  if (!cell) return { ...base, kind: 'empty', value: moneyFromNumber(0) };
  if (cell.error) return { ...base, kind: 'error', value: null };
  if (isUncachedFormula(cell)) return { ...base, kind: 'no-cache', value: null };
  const v = cell.value;
  if (v === null) return { ...base, kind: 'empty', value: moneyFromNumber(0) };
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return { ...base, kind: 'invalid', value: null };
    return { ...base, kind: 'number', value: moneyFromNumber(v) };
  }
  if (typeof v === 'string') {
    if (v.trim() === '') return { ...base, kind: 'empty', value: moneyFromNumber(0) };
    const parsed = parseFrenchAmount(v);
    return parsed ? { ...base, kind: 'text', value: parsed } : { ...base, kind: 'invalid', value: null };
  }
  return { ...base, kind: 'invalid', value: null };
}

/** Reads a plan de financement quantity: "7600 places", "2,20ETP", or a bare number. */
export function readQuantity(cell: GridCell | undefined, ref: CellRef): QuantityCell {
  const raw = shownRaw(cell);
  if (!cell || cell.error || cell.value === null) {
    return { ref, raw, quantity: null, readable: !cell || (!cell.error && cell.formula === undefined) };
  }
  if (typeof cell.value === 'number') return { ref, raw, quantity: quantityFromNumber(cell.value), readable: true };
  if (typeof cell.value === 'string') {
    if (cell.value.trim() === '') return { ref, raw, quantity: null, readable: true };
    const q = parseQuantity(cell.value);
    return { ref, raw, quantity: q, readable: q !== null };
  }
  return { ref, raw, quantity: null, readable: false };
}
