import type { GridCell } from './grid';

/**
 * Normalises a header or label for matching: no accents, lower case, typographic quotes and dashes
 * folded, every run of white space (line breaks, no-break spaces) made one space.
 */
export function normaliseText(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`´]/g, "'")
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[«»"“”]/g, '"')
    .replace(/œ/g, 'oe')
    .replace(/[\s\u00A0\u202F]+/g, ' ')
    .trim();
}

/** The cell's content as text, as a user would read it. */
export function cellDisplay(cell: GridCell | undefined): string {
  if (!cell) return '';
  if (cell.error) return cell.error;
  const v = cell.value;
  if (v === null) return cell.formula !== undefined ? `=${cell.formula}` : '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'number') return v.toString();
  return String(v);
}

/** A text cell's string (numbers as their canonical string); "" for blanks, errors and formulas without value. */
export function cellText(cell: GridCell | undefined): string {
  if (!cell || cell.error || cell.value === null) return '';
  const v = cell.value;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v).trim();
}

/** Fiche/FA number in canonical form: 1.1, "1,1", "FA 2.5", "Action 1.3" → "1.1". */
export function ficheNumber(cell: GridCell | undefined): string {
  if (!cell || cell.value === null) return '';
  if (typeof cell.value === 'number') return cell.value.toString();
  const m = /(\d+)\s*[.,]\s*(\d+)/.exec(String(cell.value));
  return m ? `${m[1]}.${Number(m[2])}` : String(cell.value).trim();
}
