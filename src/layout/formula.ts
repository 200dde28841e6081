import { parseAddress } from './grid';

/** One cell a formula adds (sign +1) or subtracts (-1). */
export interface FormulaRef {
  row: number;
  col: number;
  sign: 1 | -1;
}

const REF = /^\$?[A-Za-z]{1,3}\$?\d+/;

/**
 * Reads a formula that is a plain signed sum of cells: "D5+E5-F5", "SUM(D5:F5)", "=+D5+SOMME(E5;F5)".
 * Returns null for anything else (constants, other functions, other sheets, products): such a
 * formula is not checked against its definition rather than guessed at.
 */
export function signedRefs(formula: string): FormulaRef[] | null {
  let s = formula.replace(/^=/, '').replace(/\s+/g, '');
  if (s === '') return null;
  const out: FormulaRef[] = [];
  let sign: 1 | -1 = 1;
  let expectOperand = true;
  while (s.length > 0) {
    if (expectOperand) {
      if (s[0] === '+' || s[0] === '-') {
        if (s[0] === '-') sign = sign === 1 ? -1 : 1;
        s = s.slice(1);
        continue;
      }
      const fn = /^(SUM|SOMME)\(([^()]*)\)/i.exec(s);
      if (fn) {
        for (const arg of fn[2].split(/[,;]/)) {
          const refs = expandRange(arg);
          if (!refs) return null;
          for (const r of refs) out.push({ ...r, sign });
        }
        s = s.slice(fn[0].length);
      } else {
        const m = REF.exec(s);
        if (!m) return null;
        const a = parseAddress(m[0]);
        if (!a) return null;
        out.push({ ...a, sign });
        s = s.slice(m[0].length);
      }
      expectOperand = false;
      sign = 1;
    } else {
      if (s[0] !== '+' && s[0] !== '-') return null;
      expectOperand = true;
    }
  }
  return expectOperand ? null : out;
}

function expandRange(arg: string): { row: number; col: number }[] | null {
  const parts = arg.split(':');
  if (parts.length === 1) {
    const a = parseAddress(parts[0]);
    return a ? [a] : null;
  }
  if (parts.length !== 2) return null;
  const a = parseAddress(parts[0]);
  const b = parseAddress(parts[1]);
  if (!a || !b) return null;
  const cells: { row: number; col: number }[] = [];
  const area = (Math.abs(b.row - a.row) + 1) * (Math.abs(b.col - a.col) + 1);
  if (area > 100000) return null;
  for (let r = Math.min(a.row, b.row); r <= Math.max(a.row, b.row); r++) {
    for (let c = Math.min(a.col, b.col); c <= Math.max(a.col, b.col); c++) cells.push({ row: r, col: c });
  }
  return cells;
}
