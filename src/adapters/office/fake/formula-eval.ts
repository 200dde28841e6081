/**
 * The fake's calculator: just enough of Excel's to give written formulas a value in the harness —
 * numbers, cell references (optionally 'Sheet'!A1), + − × ÷, parentheses and SUM over cells and
 * ranges, MIN, MAX, ROUND and IF(a=b,…,…) (the bilan financier's formulas; a branch may be ""), and
 * HYPERLINK("…","text") (the Contrôles sheet's links). English names and commas only, as
 * `range.formulas` takes them (formula-syntax.ts refuses the rest before it gets here). Anything
 * else evaluates to null and the fake keeps the cell's previous value, as an honest "not computed
 * here" instead of a wrong number.
 */
import { parseAddress } from '../../../layout/grid';

/** The numeric value of a cell for arithmetic: blank is 0; text, errors, booleans are not numbers. */
export type CellLookup = (sheet: string | null, row: number, col: number) => number | null;

const MAX_RANGE_CELLS = 100000;

const HYPERLINK = /^HYPERLINK\(\s*"(?:[^"]|"")*"\s*,\s*"((?:[^"]|"")*)"\s*\)$/i;

export function evaluateFormula(formula: string, lookup: CellLookup): number | string | null {
  const link = HYPERLINK.exec(formula.replace(/^=/, '').trim());
  if (link) return link[1].replace(/""/g, '"');
  const p = new Parser(formula.replace(/^=/, ''), lookup);
  try {
    const v = p.top();
    p.skipSpaces();
    if (!p.done()) return null;
    return typeof v === 'string' ? v : Number.isFinite(v) ? snap(v) : null;
  } catch {
    return null;
  }
}

/**
 * Binary floating point noise on amounts, removed as Excel shows it: 3134600 − 2556535.2 is
 * 578064.8, not 578064.7999999998. Only when the value rounded to 15 significant digits is a short
 * decimal: a ratio (0.4833643864785733) keeps all its digits.
 */
function snap(v: number): number {
  const r = Number(v.toPrecision(15));
  return r.toString().replace(/[-.]|e.*$/g, '').replace(/^0+/, '').length <= 12 ? r : v;
}

class NotSupported extends Error {}

class Parser {
  private i = 0;

  constructor(
    private readonly s: string,
    private readonly lookup: CellLookup,
  ) {}

  done(): boolean {
    return this.i >= this.s.length;
  }

  skipSpaces(): void {
    while (this.s[this.i] === ' ') this.i++;
  }

  /** The whole formula: an IF may give a text ("") there, nowhere else. */
  top(): number | string {
    this.skipSpaces();
    if (/^IF\(/i.test(this.s.slice(this.i))) return this.ifCall();
    return this.expression();
  }

  /** IF(a op b, then, else), op one of = <> < > <= >=; a branch is an expression or a string literal. */
  private ifCall(): number | string {
    this.i += 3;
    const a = this.expression();
    this.skipSpaces();
    const op = /^(<>|<=|>=|=|<|>)/.exec(this.s.slice(this.i));
    if (!op) throw new NotSupported();
    this.i += op[0].length;
    const b = this.expression();
    const test = { '=': a === b, '<>': a !== b, '<': a < b, '>': a > b, '<=': a <= b, '>=': a >= b }[op[0]] as boolean;
    this.separator();
    const yes = this.branch();
    this.separator();
    const no = this.branch();
    this.expect(')');
    return test ? yes : no;
  }

  private branch(): number | string {
    this.skipSpaces();
    const text = /^"((?:[^"]|"")*)"/.exec(this.s.slice(this.i));
    if (!text) return this.expression();
    this.i += text[0].length;
    return text[1].replace(/""/g, '"');
  }

  private separator(): void {
    this.skipSpaces();
    if (this.s[this.i] !== ',') throw new NotSupported();
    this.i++;
  }

  /** MIN, MAX (over cells, ranges and expressions, blanks skipped) and ROUND(x, digits). */
  private call(name: string): number {
    if (name === 'ROUND') {
      const x = this.expression();
      this.separator();
      const digits = this.expression();
      this.expect(')');
      const f = 10 ** digits;
      // Excel rounds half away from zero, on the decimal the value shows.
      return Math.sign(x) * Math.round(Number((Math.abs(x) * f).toPrecision(15))) / f;
    }
    const values: number[] = [];
    for (;;) {
      values.push(...this.rangeOrExpression());
      this.skipSpaces();
      if (this.s[this.i] === ',') {
        this.i++;
        continue;
      }
      this.expect(')');
      if (values.length === 0) return 0;
      return name === 'MIN' ? Math.min(...values) : Math.max(...values);
    }
  }

  /** The numbers of a range (blanks and text skipped), or one expression's: an argument of SUM, MIN, MAX. */
  private rangeOrExpression(): number[] {
    const start = this.i;
    try {
      const a = this.reference();
      if (this.s[this.i] === ':') {
        this.i++;
        const b = this.reference(a.sheet);
        const top = Math.min(a.row, b.row), bottom = Math.max(a.row, b.row);
        const left = Math.min(a.col, b.col), right = Math.max(a.col, b.col);
        if ((bottom - top + 1) * (right - left + 1) > MAX_RANGE_CELLS) throw new NotSupported();
        const out: number[] = [];
        for (let r = top; r <= bottom; r++) {
          for (let c = left; c <= right; c++) {
            const v = this.lookup(a.sheet, r, c);
            if (v !== null) out.push(v);
          }
        }
        return out;
      }
    } catch (e) {
      if (!(e instanceof NotSupported)) throw e;
    }
    this.i = start;
    return [this.expression()];
  }

  expression(): number {
    let v = this.term();
    for (;;) {
      this.skipSpaces();
      const op = this.s[this.i];
      if (op !== '+' && op !== '-') return v;
      this.i++;
      const t = this.term();
      v = op === '+' ? v + t : v - t;
    }
  }

  private term(): number {
    let v = this.factor();
    for (;;) {
      this.skipSpaces();
      const op = this.s[this.i];
      if (op !== '*' && op !== '/') return v;
      this.i++;
      const f = this.factor();
      if (op === '/' && f === 0) throw new NotSupported(); // #DIV/0!
      v = op === '*' ? v * f : v / f;
    }
  }

  private factor(): number {
    this.skipSpaces();
    const ch = this.s[this.i];
    if (ch === '-' || ch === '+') {
      this.i++;
      const f = this.factor();
      return ch === '-' ? -f : f;
    }
    if (ch === '(') {
      this.i++;
      const v = this.expression();
      this.expect(')');
      return v;
    }
    const num = /^\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(this.s.slice(this.i));
    if (num) {
      this.i += num[0].length;
      return Number(num[0]);
    }
    const other = /^(MIN|MAX|ROUND|IF)\(/i.exec(this.s.slice(this.i));
    if (other) {
      const name = other[1].toUpperCase();
      if (name === 'IF') {
        const v = this.ifCall();
        if (typeof v === 'string') throw new NotSupported();
        return v;
      }
      this.i += other[0].length;
      return this.call(name);
    }
    const fn = /^SUM\(/i.exec(this.s.slice(this.i));
    if (fn) {
      this.i += fn[0].length;
      let total = 0;
      for (;;) {
        // A range's text and blanks are skipped, as SUM does.
        for (const v of this.rangeOrExpression()) total += v;
        this.skipSpaces();
        if (this.s[this.i] === ',') {
          this.i++;
          continue;
        }
        this.expect(')');
        return total;
      }
    }
    const ref = this.reference();
    const v = this.lookup(ref.sheet, ref.row, ref.col);
    if (v === null) throw new NotSupported();
    return v;
  }

  private reference(sheet: string | null = null): { sheet: string | null; row: number; col: number } {
    this.skipSpaces();
    let name = sheet;
    const rest = this.s.slice(this.i);
    const quoted = /^'((?:[^']|'')+)'!/.exec(rest);
    const plain = /^([A-Za-z_\u00C0-\u024F][\w.\u00C0-\u024F]*)!/.exec(rest);
    if (quoted) {
      name = quoted[1].replace(/''/g, "'");
      this.i += quoted[0].length;
    } else if (plain) {
      name = plain[1];
      this.i += plain[0].length;
    }
    const m = /^\$?[A-Za-z]{1,3}\$?\d+/.exec(this.s.slice(this.i));
    const a = m ? parseAddress(m[0]) : null;
    if (!m || !a) throw new NotSupported();
    this.i += m[0].length;
    return { sheet: name, ...a };
  }

  private expect(ch: string): void {
    this.skipSpaces();
    if (this.s[this.i] !== ch) throw new NotSupported();
    this.i++;
  }
}
