/** One cell a formula adds (sign +1) or subtracts (-1). */
export interface FormulaRef {
  row: number;
  col: number;
  sign: 1 | -1;
}

/**
 * Reads a formula that is a plain signed sum of cells: "D5+E5-F5", "SUM(D5:F5)", "=+D5+SOMME(E5;F5)".
 * Returns null for anything else (constants, other functions, other sheets, products): such a
 * formula is not checked against its definition rather than guessed at.
 */
export function signedRefs(formula: string): FormulaRef[] | null {
  let s = formula.charCodeAt(0) === 61 /* = */ ? formula.slice(1) : formula;
  if (MAYBE_SPACE.test(s)) s = s.replace(/\s+/g, '');
  if (s === '') return null;
  const out: FormulaRef[] = [];
  let sign: 1 | -1 = 1;
  let expectOperand = true;
  let i = 0;
  const n = s.length;
  while (i < n) {
    const ch = s.charCodeAt(i);
    if (expectOperand) {
      if (ch === PLUS || ch === MINUS) {
        if (ch === MINUS) sign = sign === 1 ? -1 : 1;
        i++;
        continue;
      }
      const fn = sumCall(s, i);
      if (fn) {
        // Arguments separated by "," or ";", each a cell or a range.
        let start = fn.argsStart;
        for (let j = fn.argsStart; j <= fn.argsEnd; j++) {
          const c = s.charCodeAt(j);
          if (j < fn.argsEnd && c !== COMMA && c !== SEMICOLON) continue;
          if (!expandRange(s, start, j, sign, out)) return null;
          start = j + 1;
        }
        i = fn.argsEnd + 1;
      } else {
        const end = refEnd(s, i);
        if (end < 0) return null;
        const a = addressAt(s, i, end);
        if (!a) return null;
        out.push({ row: a.row, col: a.col, sign });
        i = end;
      }
      expectOperand = false;
      sign = 1;
    } else {
      if (ch !== PLUS && ch !== MINUS) return null;
      expectOperand = true;
    }
  }
  return expectOperand ? null : out;
}

const PLUS = 43;
const MINUS = 45;
const DOLLAR = 36;
const COMMA = 44;
const SEMICOLON = 59;
const COLON = 58;
/** Any character that \s may match: ASCII white space, or anything beyond ASCII. */
// eslint-disable-next-line no-control-regex -- white space and control characters are the point
const MAYBE_SPACE = /[\u0000-\u0020\u007F-\uFFFF]/;

function isLetter(ch: number): boolean {
  return (ch >= 65 && ch <= 90) || (ch >= 97 && ch <= 122);
}

function isDigit(ch: number): boolean {
  return ch >= 48 && ch <= 57;
}

/**
 * End of the reference starting at `i` (what /^\$?[A-Za-z]{1,3}\$?\d+/ matches there), or -1: one to
 * three letters (a longer run of letters matches nothing), an optional "$", then digits.
 */
function refEnd(s: string, i: number): number {
  let j = i;
  if (s.charCodeAt(j) === DOLLAR) j++;
  const lettersStart = j;
  while (j < s.length && isLetter(s.charCodeAt(j))) j++;
  const count = j - lettersStart;
  if (count < 1 || count > 3) return -1;
  if (s.charCodeAt(j) === DOLLAR) j++;
  const digitsStart = j;
  while (j < s.length && isDigit(s.charCodeAt(j))) j++;
  return j > digitsStart ? j : -1;
}

/** Where /^(SUM|SOMME)\(([^()]*)\)/i matches at `i`: its arguments' bounds (argsEnd is the ")"). */
function sumCall(s: string, i: number): { argsStart: number; argsEnd: number } | null {
  let open: number;
  if (s.charCodeAt(i + 3) === 40 /* ( */ && asciiWordAt(s, i, 'sum')) open = i + 3;
  else if (s.charCodeAt(i + 5) === 40 && asciiWordAt(s, i, 'somme')) open = i + 5;
  else return null;
  for (let j = open + 1; j < s.length; j++) {
    const ch = s.charCodeAt(j);
    if (ch === 41 /* ) */) return { argsStart: open + 1, argsEnd: j };
    if (ch === 40) return null;
  }
  return null;
}

/** True when `word` (lower case ASCII) is at `i`, in any case (ASCII only, as a non-Unicode /i regex). */
function asciiWordAt(s: string, i: number, word: string): boolean {
  for (let k = 0; k < word.length; k++) {
    const ch = s.charCodeAt(i + k);
    if (!isLetter(ch) || (ch | 32) !== word.charCodeAt(k)) return false;
  }
  return true;
}

/**
 * What parseAddress() reads in s[start, end) ("D5", "$AB$12"), or null: the formula holds no white
 * space by then, so this is its pattern /^\$?([A-Za-z]{1,3})\$?(\d+)$/ without making a substring.
 */
function addressAt(s: string, start: number, end: number): { row: number; col: number } | null {
  let j = start;
  if (j < end && s.charCodeAt(j) === DOLLAR) j++;
  const lettersStart = j;
  let col = 0;
  for (; j < end; j++) {
    const ch = s.charCodeAt(j);
    if (!isLetter(ch)) break;
    col = col * 26 + ((ch & ~32) - 64); // upper case
  }
  if (j - lettersStart < 1 || j - lettersStart > 3) return null;
  if (j < end && s.charCodeAt(j) === DOLLAR) j++;
  const digitsStart = j;
  while (j < end && isDigit(s.charCodeAt(j))) j++;
  if (j === digitsStart || j !== end) return null;
  return { row: Number(s.slice(digitsStart, end)), col };
}

/** Appends the cells of one SUM argument s[start, end) ("D5", "D5:F9") with their sign; false when unreadable. */
function expandRange(s: string, start: number, end: number, sign: 1 | -1, out: FormulaRef[]): boolean {
  let colon = -1;
  for (let j = start; j < end; j++) {
    if (s.charCodeAt(j) !== COLON) continue;
    if (colon >= 0) return false; // "A1:B2:C3"
    colon = j;
  }
  if (colon < 0) {
    const a = addressAt(s, start, end);
    if (!a) return false;
    out.push({ row: a.row, col: a.col, sign });
    return true;
  }
  const a = addressAt(s, start, colon);
  const b = addressAt(s, colon + 1, end);
  if (!a || !b) return false;
  const area = (Math.abs(b.row - a.row) + 1) * (Math.abs(b.col - a.col) + 1);
  if (area > 100000) return false;
  const lastRow = Math.max(a.row, b.row);
  const lastCol = Math.max(a.col, b.col);
  const firstCol = Math.min(a.col, b.col);
  for (let r = Math.min(a.row, b.row); r <= lastRow; r++) {
    for (let c = firstCol; c <= lastCol; c++) out.push({ row: r, col: c, sign });
  }
  return true;
}
