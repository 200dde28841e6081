import Decimal from 'decimal.js';
import { parseFrenchAmount } from './money';

/** A quantity with its unit, as typed in the plan de financement: "7600 places", "2,20ETP". */
export interface Quantity {
  value: Decimal;
  /** Normalised unit: lower case, no accents, singular ("places" → "place"); "" when none. */
  unit: string;
  /** Unit as typed, for messages. */
  unitText: string;
}

export function normaliseUnit(unit: string): string {
  const u = unit
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
  // Singular and plural must compare equal ("630 place" vs "600 places").
  return u
    .split(' ')
    .map((w) => (w.length > 3 && w.endsWith('s') ? w.slice(0, -1) : w))
    .join(' ');
}

const QUANTITY = /^([-+\u2212]?[\d \u00A0\u202F]*\d(?:[,.]\d+)?)\s*([^\d\s].*)?$/u;

/** Parses "7600 places", "4 000 places", "0,20 ETP", "2ETP", "330"; null when not a quantity. */
export function parseQuantity(text: string): Quantity | null {
  const s = text.replace(/\s+/g, ' ').trim();
  const m = QUANTITY.exec(s);
  if (!m) return null;
  const value = parseFrenchAmount(m[1].trim());
  if (value === null) return null;
  const unitText = (m[2] ?? '').trim();
  if (unitText.includes('€')) return null;
  return { value, unit: normaliseUnit(unitText), unitText };
}

export function quantityFromNumber(n: number): Quantity {
  return { value: new Decimal(n.toString()), unit: '', unitText: '' };
}

/** Units agree when equal or when one side has none (a bare number in a cell). */
export function unitsAgree(a: Quantity, b: Quantity): boolean {
  return a.unit === '' || b.unit === '' || a.unit === b.unit;
}

export function formatQuantity(q: Quantity): string {
  const n = q.value.toString().replace('.', ',');
  return q.unitText ? `${n} ${q.unitText}` : n;
}
