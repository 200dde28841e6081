import Decimal from 'decimal.js';

/**
 * Money is decimal.js, always. Amounts are kept exact through the engine and rounded to cents
 * once, explicitly, when compared or shown.
 */
export type Money = Decimal;

export const ZERO: Money = new Decimal(0);

/** Group separators a French amount may use: space, no-break space, narrow no-break space. */
const GROUP = '[ \\u00A0\\u202F]';
const SIGN = '[-+\\u2212]';
const GROUPED = new RegExp(`^(${SIGN})?(\\d{1,3}(?:${GROUP}\\d{3})+|\\d+)(?:[,.](\\d+))?$`);
const CURRENCY = /^(?:€|eur|euros?)\s*|\s*(?:€|eur|euros?)$/giu;

/**
 * Parses a French text amount strictly: "1 236 000,00 €", "618000", "-1 000,5", "2 556 535.20 €".
 * Accepts U+0020, U+00A0 or U+202F as group separators (groups of exactly three digits), a comma
 * (or a single dot) as decimal mark, an optional "€"/"EUR" before or after, and the accounting
 * dash ("-", "- €") that Excel shows for zero. Returns null for anything else — never a silent zero.
 */
export function parseFrenchAmount(text: string): Money | null {
  let s = text.replace(/[\t\r\n]/g, ' ').trim();
  if (s === '') return null;
  s = s.replace(CURRENCY, '').trim();
  if (/^[-\u2212\u2013]$/.test(s)) return new Decimal(0);
  const m = GROUPED.exec(s);
  if (!m) return null;
  const sign = m[1] === '-' || m[1] === '\u2212' ? '-' : '';
  const intPart = m[2].replace(new RegExp(GROUP, 'g'), '');
  const frac = m[3] !== undefined ? `.${m[3]}` : '';
  return new Decimal(`${sign}${intPart}${frac}`);
}

/**
 * An amount read from a number cell, without going through float arithmetic: decimal.js reads a
 * number from its shortest string (n.toString()), as if given that string. Zero (and -0, whose
 * string is "0") is the shared ZERO.
 */
export function moneyFromNumber(n: number): Money {
  return n === 0 ? ZERO : new Decimal(n);
}

export function toCents(m: Money): Money {
  return m.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
}

/** Equal to the cent. */
export function sameCents(a: Money, b: Money): boolean {
  // Equal values round alike: the rounding (two new Decimals) is only needed when they differ.
  return a.eq(b) || toCents(a).eq(toCents(b));
}

/**
 * Sum of amounts. Amounts in annexes are whole cents: those are added as integers (exact while the
 * total stays under 2^53 cents, and without a Decimal per addition); as soon as one is not (a rate,
 * three decimals, a huge figure), the whole sum is done in Decimal — the result is the same either way.
 */
export function sumMoney(values: Iterable<Money>): Money {
  const list = Array.isArray(values) ? (values as Money[]) : [...values];
  let cents = 0;
  for (let i = 0; i < list.length; i++) {
    const c = wholeCents(list[i]);
    if (c === null) return sumDecimal(list);
    cents += c;
    if (cents > Number.MAX_SAFE_INTEGER || cents < -Number.MAX_SAFE_INTEGER) return sumDecimal(list);
  }
  return fromCents(cents);
}

function sumDecimal(list: Money[]): Money {
  let total = ZERO;
  for (const v of list) total = total.plus(v);
  return total;
}

/** Internals of decimal.js: digits in base 1e7 (d), exponent of the first digit (e), sign (s). */
interface DecimalParts {
  d: number[] | null;
  e: number;
  s: number;
}

/**
 * The amount in cents as an integer when it is a whole number of cents under 2^53 cents; else null.
 * Read from decimal.js's digits, without making a Decimal: value = C × 10^(e + 1 − digits of C).
 */
export function wholeCents(m: Money): number | null {
  const { d, e, s } = m as unknown as DecimalParts;
  if (!d || d.length > 3) return null;
  if (d.length === 1 && d[0] === 0) return 0;
  // Words after the first have 7 digits (leading zeros included); the last one's trailing zeros are dropped.
  const last = d.length - 1;
  let c = last === 0 ? 0 : d[0];
  let digits = last === 0 ? 0 : String(d[0]).length;
  for (let i = 1; i < last; i++) {
    c = c * 1e7 + d[i];
    digits += 7;
  }
  let w = d[last];
  let width = last === 0 ? String(w).length : 7;
  while (w % 10 === 0) {
    w /= 10;
    width--;
  }
  c = c * POW10[width] + w;
  digits += width;
  if (c > Number.MAX_SAFE_INTEGER) return null;
  const k = e + 3 - digits; // cents = C × 10^k
  let cents: number;
  if (k >= 0) {
    if (k > 15) return null;
    cents = c * POW10[k];
  } else {
    if (-k > 15) return null;
    const p = POW10[-k];
    if (c % p !== 0) return null;
    cents = c / p;
  }
  if (cents > Number.MAX_SAFE_INTEGER) return null;
  return s < 0 ? -cents : cents;
}

const POW10 = Array.from({ length: 16 }, (_, i) => 10 ** i);

/** An integer number of cents as Money, exactly ("-123456.07"). */
export function fromCents(cents: number): Money {
  if (cents === 0) return ZERO;
  const abs = Math.abs(cents);
  const units = Math.floor(abs / 100);
  const rest = abs - units * 100;
  return new Decimal(`${cents < 0 ? '-' : ''}${units}.${rest < 10 ? '0' : ''}${rest}`);
}

/** Plain machine form with two decimals: "1236000.00" (JSON, CSV). */
export function plainAmount(m: Money): string {
  return toCents(m).toFixed(2);
}

/** French display form: "1 236 000,00 €" with narrow no-break spaces, as Excel and Intl write it. */
export function formatEuro(m: Money): string {
  return `${formatFrenchNumber(toCents(m), 2)} €`;
}

export function formatFrenchNumber(m: Money, decimals: number): string {
  const fixed = m.toFixed(decimals);
  const negative = fixed.startsWith('-');
  const [intPart, frac] = (negative ? fixed.slice(1) : fixed).split('.');
  const grouped = intPart.replace(/\B(?=(\d{3})+(?!\d))/g, '\u202F');
  return `${negative ? '-' : ''}${grouped}${frac !== undefined ? `,${frac}` : ''}`;
}

/** Ratio as a percentage with two decimals ("48,79 %"); null when the base is zero. */
export function percent(part: Money, whole: Money): Money | null {
  if (whole.isZero()) return null;
  return part.div(whole).times(100);
}

export function formatPercent(p: Money): string {
  return `${formatFrenchNumber(p.toDecimalPlaces(2, Decimal.ROUND_HALF_UP), 2)} %`;
}

export { Decimal };
