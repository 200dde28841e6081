/**
 * Cell references inside formula text, shared by the adapter (is a sheet still referenced?) and by
 * the fake's structural edits: Excel rewrites every
 * formula that points at a sheet when the sheet is renamed (`='Contrôles'!B2` follows the rename),
 * turns them into #REF! when it is deleted, and shifts them when rows or columns are inserted or
 * deleted. Text between double quotes is never a reference (HYPERLINK("#'Feuille'!A1") stays as is).
 */
import { columnLetters } from '../../layout/grid';

export interface CellPart {
  row: number;
  col: number;
  rowAbs: boolean;
  colAbs: boolean;
}

export interface Reference {
  /** Sheet as written (unquoted), or null for a reference to the formula's own sheet. */
  sheet: string | null;
  /** True when the sheet part was already #REF! (the sheet was deleted). */
  brokenSheet: boolean;
  from: CellPart;
  to: CellPart | null;
}

const SHEET_PREFIX = /^(?:'((?:[^']|'')+)'|(#REF)|([A-Za-z_\u00C0-\u024F][\w.\u00C0-\u024F]*))!/;
const CELL = /^(\$?)([A-Za-z]{1,3})(\$?)(\d+)/;
const IDENT_CHAR = /[\w.\u00C0-\u024F$]/;

function cellPart(m: RegExpExecArray): CellPart {
  let col = 0;
  for (const ch of m[2].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { colAbs: m[1] === '$', col, rowAbs: m[3] === '$', row: Number(m[4]) };
}

/** A cell part, only when it is not the start of a longer name or a function call (LOG10(…)). */
function matchCell(s: string, at: number): { part: CellPart; length: number } | null {
  const m = CELL.exec(s.slice(at));
  if (!m) return null;
  const next = s[at + m[0].length];
  if (next !== undefined && (IDENT_CHAR.test(next) || next === '(' || next === '!')) return null;
  return { part: cellPart(m), length: m[0].length };
}

/**
 * Calls `replace` for every reference in the formula (without its "="); a string return replaces the
 * reference's text, null keeps it.
 */
export function mapReferences(formula: string, replace: (ref: Reference) => string | null): string {
  let out = '';
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"') {
      let j = i + 1;
      while (j < formula.length && !(formula[j] === '"' && formula[j + 1] !== '"')) j += formula[j] === '"' ? 2 : 1;
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    const prev = i > 0 ? formula[i - 1] : '';
    if (prev !== '' && IDENT_CHAR.test(prev)) {
      out += ch;
      i++;
      continue;
    }
    const found = parseReference(formula, i);
    if (!found) {
      out += ch;
      i++;
      continue;
    }
    const text = formula.slice(i, i + found.length);
    out += replace(found.ref) ?? text;
    i += found.length;
  }
  return out;
}

function parseReference(s: string, at: number): { ref: Reference; length: number } | null {
  let pos = at;
  let sheet: string | null = null;
  let brokenSheet = false;
  const prefix = SHEET_PREFIX.exec(s.slice(pos));
  if (prefix) {
    if (prefix[2]) brokenSheet = true;
    else sheet = prefix[1] !== undefined ? prefix[1].replace(/''/g, "'") : prefix[3];
    pos += prefix[0].length;
  }
  const a = matchCell(s, pos);
  if (!a) return null;
  pos += a.length;
  let to: CellPart | null = null;
  if (s[pos] === ':') {
    const b = matchCell(s, pos + 1);
    if (b) {
      to = b.part;
      pos += 1 + b.length;
    }
  }
  return { ref: { sheet, brokenSheet, from: a.part, to }, length: pos - at };
}

/** As Excel writes a sheet name in a formula: quoted unless it is a plain word. */
export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

export function cellText(p: CellPart): string {
  return `${p.colAbs ? '$' : ''}${columnLetters(p.col)}${p.rowAbs ? '$' : ''}${p.row}`;
}

export function referenceText(ref: Reference): string {
  const sheet = ref.brokenSheet ? '#REF!' : ref.sheet !== null ? `${quoteSheetName(ref.sheet)}!` : '';
  return `${sheet}${cellText(ref.from)}${ref.to ? `:${cellText(ref.to)}` : ''}`;
}

/** Does the formula mention the sheet outside string literals? */
export function refersToSheet(formula: string, sheet: string): boolean {
  let found = false;
  mapReferences(formula, (ref) => {
    if (ref.sheet !== null && ref.sheet.toLowerCase() === sheet.toLowerCase()) found = true;
    return null;
  });
  return found;
}

/**
 * Shifts the row (or column) numbers ≥ `at` by `count` (negative: deletion of `-count` lines from
 * `at`). A single cell inside deleted lines becomes #REF!; a range loses its deleted lines, and
 * becomes #REF! when nothing of it is left.
 */
export function shiftReference(ref: Reference, axis: 'row' | 'col', at: number, count: number): string | null {
  const parts = [ref.from, ...(ref.to ? [ref.to] : [])];
  const get = (p: CellPart) => (axis === 'row' ? p.row : p.col);
  const set = (p: CellPart, v: number) => (axis === 'row' ? { ...p, row: v } : { ...p, col: v });
  if (count > 0) {
    if (!parts.some((p) => get(p) >= at)) return null;
    const moved = { ...ref, from: get(ref.from) >= at ? set(ref.from, get(ref.from) + count) : ref.from, to: ref.to && get(ref.to) >= at ? set(ref.to, get(ref.to) + count) : ref.to };
    return referenceText(moved);
  }
  const n = -count;
  const last = at + n - 1;
  const lo = Math.min(...parts.map(get));
  const hi = Math.max(...parts.map(get));
  if (hi < at) return null;
  if (lo >= at && hi <= last) return `${ref.sheet !== null ? `${quoteSheetName(ref.sheet)}!` : ''}#REF!`;
  const map = (v: number, isLow: boolean) => (v < at ? v : v > last ? v - n : isLow ? at : at - 1);
  const a = map(lo, true);
  const b = map(hi, false);
  if (!ref.to) return referenceText({ ...ref, from: set(ref.from, a) });
  const fromIsLow = get(ref.from) <= get(ref.to);
  return referenceText({ ...ref, from: set(ref.from, fromIsLow ? a : b), to: set(ref.to, fromIsLow ? b : a) });
}
