import type { GridCell } from './grid';

/** C0 controls other than tab, line feed and carriage return (which are white space), and DEL. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/**
 * Normalises a header or label for matching: no accents, lower case, typographic quotes and dashes
 * folded, every run of white space (line breaks, no-break spaces) made one space. Fast for what
 * most cells hold (plain ASCII, single spaces): the readers normalise every label they look at.
 */
export function normaliseText(s: string): string {
  if (s === '') return '';
  let t = NORMALISED.get(s);
  if (t !== undefined) return t;
  t = PLAIN_ASCII.test(s) ? s : s.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  t = t.toLowerCase();
  if (SPECIAL.test(t)) t = t.replace(FOLD, fold);
  t = t.trim();
  if (s.length <= MAX_CACHED_LENGTH) {
    if (NORMALISED.size >= MAX_CACHED) NORMALISED.clear();
    NORMALISED.set(s, t);
  }
  return t;
}

/**
 * Texts already normalised: the same headers, labels and titles come back on every sheet, in every
 * table kind tried and in every workbook of a batch. Bounded (a sheet of 200 000 distinct labels
 * empties it now and then); long texts are not kept.
 */
const NORMALISED = new Map<string, string>();
const MAX_CACHED = 50_000;
const MAX_CACHED_LENGTH = 200;

/** What normaliseText folds, in one pass: quotes, dashes, guillemets, œ, control characters, runs of white space. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const FOLD = /[\u2018\u2019\u02bc`´]|[\u2010-\u2015\u2212]|[«»"“”]|œ|[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\s\u00A0\u202F]+/g;

const DASH = /^[\u2010-\u2015\u2212]$/;

function fold(m: string): string {
  switch (m) {
    case '\u2018':
    case '\u2019':
    case '\u02bc':
    case '`':
    case '´':
      return "'";
    case '«':
    case '»':
    case '"':
    case '“':
    case '”':
      return '"';
    case 'œ':
      return 'oe';
    default:
      return DASH.test(m) ? '-' : ' '; // else control characters and white space

  }
}

/** Printable ASCII and spaces: nothing to decompose. */
const PLAIN_ASCII = /^[\x20-\x7e]*$/;
/** Something the folding below changes: a quote, a dash, œ, a control character, white space other than one space. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const SPECIAL = /[\u2018\u2019\u02bc`´\u2010-\u2015\u2212«»"“”œ\u0000-\u001F\u007F]|[^\S ]| {2}/;

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
  return m ? `${m[1]}.${Number(m[2])}` : shortLabel(String(cell.value), 40);
}

/**
 * A cell text as quoted in a message or a row label: one line, control characters shown as "\uFFFD",
 * at most `max` characters. A 30 000-character cell must not make a 30 000-character finding.
 */
export function shortLabel(s: string, max = 80): string {
  return quotedText(s.replace(/\s+/g, ' ').trim(), max);
}

/** Like shortLabel, but spaces kept as typed ("1\u00A0236\u00A0000,00 €" stays so): only line breaks become spaces. */
export function quotedText(s: string, max = 120): string {
  const t = s.replace(CONTROL, '\uFFFD').replace(/[\r\n\t\u2028\u2029]/g, ' ');
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}
