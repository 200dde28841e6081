/**
 * The stored text of a cell (its <v>) → the grid's value, by the cell's type. What cannot be read
 * as its type — "abc" or "0x1F" in a number cell, a date that is no date, a shared-string index
 * past the table — is never a NaN, a zero or a blank: the cell keeps the stored text as a string
 * value, marked `unreadable`, so that every reader shows it and none takes it for an amount.
 */
import type { GridCell } from '../../../layout/grid';
import { serialToDate } from './number-formats';

/** Hexadecimal, octal and binary literals, which Number() would accept and XML numbers are not. */
const NON_DECIMAL = /[xXoObB]/;
const DIGIT = /\d/;

/** An xsd:double as Excel writes it ("1234.5", "-1E-3", " 12 "), or null (never NaN, never Infinity). */
export function parseNumber(s: string): number | null {
  const n = +s;
  if (n !== n || n === Infinity || n === -Infinity) return null;
  if (NON_DECIMAL.test(s) || (n === 0 && !DIGIT.test(s))) return null;
  return n;
}

/** xsd:boolean as a cell holds it: 1/0, true/false (any other number: not zero is true, as Excel reads it). */
export function parseBoolean(s: string): boolean | null {
  const t = s.trim();
  if (t === 'true') return true;
  if (t === 'false') return false;
  const n = parseNumber(t);
  return n === null ? null : n !== 0;
}

const ISO_DATE = /^\s*(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})?)?\s*$/;

/** ISO 8601 date of a t="d" cell ("2024-03-15", "2024-03-15T00:00:00"), read as UTC; null if it is no date. */
export function parseIsoDate(s: string): Date | null {
  const m = ISO_DATE.exec(s);
  if (!m) return null;
  const [y, mo, d, h = '0', mi = '0', sec = '0', frac = '', zone] = m.slice(1);
  const ms = frac ? Math.round(Number(`0.${frac}`) * 1000) : 0;
  let t = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(sec), ms);
  const check = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  if (check.getUTCMonth() !== Number(mo) - 1 || check.getUTCDate() !== Number(d) || Number(h) > 24 || Number(mi) > 59 || Number(sec) > 60) return null;
  if (zone && zone !== 'Z') t -= (zone[0] === '-' ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6))) * 60000;
  const date = new Date(t);
  return Number.isNaN(date.getTime()) ? null : date;
}

export function unreadableCell(raw: string, as: NonNullable<GridCell['unreadable']>): GridCell {
  return { value: raw, unreadable: as };
}

/** A number cell's value: a Date in a date format; null when unreadable (the caller keeps the raw text). */
export function numberValue(raw: string, isDate: boolean, date1904: boolean): { value: number | Date } | { unreadable: 'number' | 'date' } {
  const n = parseNumber(raw);
  if (n === null) return { unreadable: 'number' };
  if (!isDate) return { value: n };
  const d = serialToDate(n, date1904);
  return Number.isNaN(d.getTime()) ? { unreadable: 'date' } : { value: d };
}
