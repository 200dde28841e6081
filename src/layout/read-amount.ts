import type { GridCell } from './grid';
import { isUncachedFormula } from './grid';
import type { AmountCell, QuantityCell } from '../domain/table';
import type { CellRef } from '../domain/finding';
import { ZERO, moneyFromNumber, parseFrenchAmount } from '../domain/money';
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
  // A blank is zero, and zero is one shared (immutable) Decimal: most cells of a table are blank.
  if (!cell) return { ref, raw: '', kind: 'empty', value: ZERO };
  const formula = cell.formula;
  // What the file stores cannot be read as the cell's type ("abc", "0x1F" in a number cell): shown as stored, never 0.
  if (cell.unreadable) return amountCell(ref, quotedText(String(cell.value)), formula, 'invalid', null);
  const v = cell.value;
  if (typeof v === 'number' && !cell.error) {
    const raw = v.toString();
    if (!Number.isFinite(v)) return amountCell(ref, raw, formula, 'invalid', null);
    return amountCell(ref, raw, formula, 'number', moneyFromNumber(v));
  }
  const raw = shownRaw(cell);
  if (cell.error) return amountCell(ref, raw, formula, 'error', null);
  if (isUncachedFormula(cell)) return amountCell(ref, raw, formula, 'no-cache', null);
  if (v === null) return amountCell(ref, raw, formula, 'empty', ZERO);
  if (typeof v === 'string') {
    if (v.trim() === '') return amountCell(ref, raw, formula, 'empty', ZERO);
    const parsed = parseFrenchAmount(v);
    return parsed ? amountCell(ref, raw, formula, 'text', parsed) : amountCell(ref, raw, formula, 'invalid', null);
  }
  return amountCell(ref, raw, formula, 'invalid', null);
}

/** The cell read, its fields always in this order (ref, raw, formula when there is one, kind, value). */
function amountCell(ref: CellRef, raw: string, formula: string | undefined, kind: AmountCell['kind'], value: AmountCell['value']): AmountCell {
  return formula !== undefined ? { ref, raw, formula, kind, value } : { ref, raw, kind, value };
}

/** Reads a plan de financement quantity: "7600 places", "2,20ETP", or a bare number. */
export function readQuantity(cell: GridCell | undefined, ref: CellRef): QuantityCell {
  const raw = shownRaw(cell);
  if (cell?.unreadable) return { ref, raw, quantity: null, readable: false };
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
