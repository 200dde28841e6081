import { cellAddress, columnLetters } from '../grid';

/**
 * Formula texts the write plans produce, in the file's own syntax (English function names, commas
 * between arguments, no leading "="), which Excel and LibreOffice translate for French users.
 */

/** The format code Excel stores for the French display « # ##0,00 € ». */
export const AMOUNT_FORMAT = '#,##0.00 "€"';
export const DATE_FORMAT = 'dd/mm/yyyy';

/** 'Plan d''action' — a sheet name quoted for a reference (always quoted: spaces, accents). */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** A string literal: "…" with inner double quotes doubled. */
export function excelString(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

/** "D6+E6+F6", "D28-E28": a signed sum of cells on one row, as the checker reads it back. */
export function signedSum(row: number, terms: { col: number; sign: 1 | -1 }[]): string {
  return terms.map((t, i) => `${t.sign === -1 ? '-' : i > 0 ? '+' : ''}${cellAddress(row, t.col)}`).join('');
}

/**
 * "SUM(G17:G19,G21:G22)": the rows of one column, consecutive rows as ranges. Two rows a gap apart
 * share a range only when `gapIsEmpty` says every row between holds nothing SUM would add.
 */
export function sumOfRows(col: number, rows: number[], gapIsEmpty: (row: number) => boolean): string {
  const sorted = [...new Set(rows)].sort((a, b) => a - b);
  const runs: [number, number][] = [];
  for (const r of sorted) {
    const last = runs[runs.length - 1];
    if (last && canJoin(last[1], r, gapIsEmpty)) last[1] = r;
    else runs.push([r, r]);
  }
  const letters = columnLetters(col);
  return `SUM(${runs.map(([a, b]) => (a === b ? `${letters}${a}` : `${letters}${a}:${letters}${b}`)).join(',')})`;
}

function canJoin(from: number, to: number, gapIsEmpty: (row: number) => boolean): boolean {
  for (let r = from + 1; r < to; r++) if (!gapIsEmpty(r)) return false;
  return true;
}
