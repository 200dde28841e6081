/**
 * Translates a shared formula from its master cell to another cell of the shared range, as Excel
 * does. ExcelJS has its own (slideFormula) but it also shifts "A1"-looking text inside string
 * literals and leaves whole-column/row ranges (A:A, 1:1) untouched, so we tokenize a little more.
 */
import { columnLetters } from '../../layout/grid';

const MAX_ROW = 1048576;
const MAX_COL = 16384;

const WORD = /[A-Za-z0-9_.$\\]+/y;
const CELL = /^(\$?)([A-Za-z]{1,3})(\$?)(\d+)$/;
const COL_ONLY = /^(\$?)([A-Za-z]{1,3})$/;
const ROW_ONLY = /^(\$?)(\d+)$/;

export function translateFormula(formula: string, dRow: number, dCol: number): string {
  let out = '';
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"' || ch === "'") {
      // String literal or quoted sheet name: copied verbatim (a doubled quote is an escaped quote).
      const end = closingQuote(formula, i, ch);
      out += formula.slice(i, end);
      i = end;
      continue;
    }
    if (ch === '[') {
      // Structured reference or external-book index: never a relative A1 reference.
      const end = formula.indexOf(']', i);
      const stop = end < 0 ? formula.length : end + 1;
      out += formula.slice(i, stop);
      i = stop;
      continue;
    }
    WORD.lastIndex = i;
    const m = WORD.exec(formula);
    if (!m) {
      out += ch;
      i += 1;
      continue;
    }
    const word = m[0];
    const next = formula[i + word.length];
    if (next === '(' || next === '!') {
      out += word; // function name or sheet name
    } else if (next === ':' && isRangeEnd(formula, i + word.length + 1, word)) {
      // Whole-column (A:C) or whole-row (2:5) range: shift both ends together.
      WORD.lastIndex = i + word.length + 1;
      const second = WORD.exec(formula)![0];
      out += `${shiftPart(word, dRow, dCol)}:${shiftPart(second, dRow, dCol)}`;
      i += word.length + 1 + second.length;
      continue;
    } else {
      out += shiftCell(word, dRow, dCol) ?? word;
    }
    i += word.length;
  }
  return out;
}

function closingQuote(s: string, start: number, q: string): number {
  let j = start + 1;
  while (j < s.length) {
    if (s[j] === q) {
      if (s[j + 1] === q) j += 2;
      else return j + 1;
    } else j += 1;
  }
  return s.length;
}

function isRangeEnd(s: string, at: number, first: string): boolean {
  WORD.lastIndex = at;
  const m = WORD.exec(s);
  if (!m) return false;
  return (COL_ONLY.test(first) && COL_ONLY.test(m[0])) || (ROW_ONLY.test(first) && ROW_ONLY.test(m[0]));
}

function shiftCell(word: string, dRow: number, dCol: number): string | undefined {
  const m = CELL.exec(word);
  if (!m) return undefined;
  const col = letterToCol(m[2]);
  const row = Number(m[4]);
  if (col > MAX_COL || row > MAX_ROW || row < 1) return undefined; // a name, not a cell
  const newCol = m[1] ? col : col + dCol;
  const newRow = m[3] ? row : row + dRow;
  if (newCol < 1 || newCol > MAX_COL || newRow < 1 || newRow > MAX_ROW) return '#REF!';
  return `${m[1]}${columnLetters(newCol)}${m[3]}${newRow}`;
}

function shiftPart(part: string, dRow: number, dCol: number): string {
  const c = COL_ONLY.exec(part);
  if (c) {
    const col = c[1] ? letterToCol(c[2]) : letterToCol(c[2]) + dCol;
    return col < 1 || col > MAX_COL ? '#REF!' : `${c[1]}${columnLetters(col)}`;
  }
  const r = ROW_ONLY.exec(part)!;
  const row = r[1] ? Number(r[2]) : Number(r[2]) + dRow;
  return row < 1 || row > MAX_ROW ? '#REF!' : `${r[1]}${row}`;
}

function letterToCol(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}
