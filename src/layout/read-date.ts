import type { CellRef } from '../domain/finding';
import type { DateCell } from '../domain/table';
import type { GridCell } from './grid';
import { cellDisplay, normaliseText } from './text';

const DAY = 86400000;
const MONTHS = ['janvier', 'fevrier', 'mars', 'avril', 'mai', 'juin', 'juillet', 'aout', 'septembre', 'octobre', 'novembre', 'decembre'];
const FULL_DATE = /\b(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4}|\d{2})\b/g;
const ISO_DATE = /\b(\d{4})-(\d{2})-(\d{2})\b/g;
const MONTH_YEAR = /\b(\d{1,2})\s*[/.-]\s*(\d{4})\b/g;
const YEAR = /\b(19|20)\d{2}\b/g;

/**
 * Reads the date of an expense: a date cell, an Excel serial in a date-formatted cell, or text —
 * "15/03/2024", "du 01/03/2024 au 31/08/2024", "03/2024", "mars à juin 2024", "2024". The
 * « Etat des dépenses » column is « Date ou période », so a period is read as its first and last
 * day. Anything else is unreadable (never guessed).
 */
export function readDate(cell: GridCell | undefined, ref: CellRef): DateCell {
  const raw = cellDisplay(cell);
  const none = (readable: boolean): DateCell => ({ ref, raw, start: null, end: null, readable });
  if (!cell || (cell.value === null && cell.formula === undefined && !cell.error)) return none(true);
  if (cell.error || cell.value === null) return none(false);
  const v = cell.value;
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return none(false);
    const d = utcDay(v);
    return { ref, raw, start: d, end: d, readable: true };
  }
  if (typeof v === 'number') {
    // Office.js hands dates over as serial numbers; only a date format makes one a date.
    if (!cell.numFmt || !/[dj].*m|m.*[dj]|y/i.test(cell.numFmt) || v < 1 || v > 2958465) return none(false);
    const d = new Date(Date.UTC(1899, 11, 30) + Math.round(v) * DAY);
    return { ref, raw, start: d, end: d, readable: true };
  }
  if (typeof v !== 'string') return none(false);
  if (v.trim() === '') return none(true);
  const span = parsePeriodText(v);
  return span ? { ref, raw, ...span, readable: true } : none(false);
}

/** First and last day a text names, or null when it names none or an impossible date (31/02). */
export function parsePeriodText(text: string): { start: Date; end: Date } | null {
  const t = normaliseText(text);
  const days: Date[] = [];
  for (const m of t.matchAll(FULL_DATE)) {
    const y = m[3].length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
    const d = dayOf(y, Number(m[2]), Number(m[1]));
    if (!d) return null;
    days.push(d);
  }
  for (const m of t.matchAll(ISO_DATE)) {
    const d = dayOf(Number(m[1]), Number(m[2]), Number(m[3]));
    if (!d) return null;
    days.push(d);
  }
  if (days.length) return span(days, days);
  const months: [Date, Date][] = [];
  for (const m of t.matchAll(MONTH_YEAR)) {
    const month = Number(m[1]);
    if (month < 1 || month > 12) return null;
    months.push(monthSpan(Number(m[2]), month));
  }
  const years = [...t.matchAll(YEAR)].map((m) => Number(m[0]));
  if (!months.length && years.length === 1) {
    // "mars à juin 2024": month names share the one year written.
    for (const word of t.split(/[^a-z]+/)) {
      const i = MONTHS.indexOf(word);
      if (i >= 0) months.push(monthSpan(years[0], i + 1));
    }
  }
  if (months.length) return span(months.map((m) => m[0]), months.map((m) => m[1]));
  if (years.length && /^(annee\s+|exercice\s+)?\d{4}(\s*[-–]\s*\d{4})?$/.test(t)) {
    return { start: new Date(Date.UTC(Math.min(...years), 0, 1)), end: new Date(Date.UTC(Math.max(...years), 11, 31)) };
  }
  return null;
}

function dayOf(y: number, m: number, d: number): Date | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d ? date : null;
}

function monthSpan(y: number, m: number): [Date, Date] {
  return [new Date(Date.UTC(y, m - 1, 1)), new Date(Date.UTC(y, m, 0))];
}

function span(starts: Date[], ends: Date[]): { start: Date; end: Date } {
  return {
    start: new Date(Math.min(...starts.map((d) => d.getTime()))),
    end: new Date(Math.max(...ends.map((d) => d.getTime()))),
  };
}

/** A date cell read by ExcelJS is midnight UTC; one typed in another zone is kept on its calendar day. */
function utcDay(d: Date): Date {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
}

