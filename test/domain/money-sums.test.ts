/**
 * Sums in integer cents where that is exact, in Decimal otherwise: the results never differ from
 * adding the Decimals one by one (property tests over amounts of every shape).
 */
import fc from 'fast-check';
import { Decimal, type Money, ZERO, fromCents, sumMoney, wholeCents } from '../../src/domain/money';

const reference = (xs: Money[]) => xs.reduce((a, b) => a.plus(b), ZERO);

/** Amounts as annexes hold them (whole cents, any sign, up to billions), and others (rates, more decimals, huge). */
const cents = fc.integer({ min: -1e13, max: 1e13 }).map((c) => new Decimal(c).div(100));
const other = fc.oneof(
  fc.double({ min: -1e9, max: 1e9, noNaN: true, noDefaultInfinity: true }).map((x) => new Decimal(x)),
  fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }).map((b) => new Decimal(b.toString())),
  fc.tuple(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 3, max: 12 })).map(([n, dp]) => new Decimal(n).div(new Decimal(10).pow(dp))),
);

describe('sumMoney', () => {
  it('equals the Decimal sum, for whole cents and for anything else', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof({ weight: 8, arbitrary: cents }, { weight: 1, arbitrary: other }), { maxLength: 200 }), (xs) => {
        const sum = sumMoney(xs);
        expect(sum.eq(reference(xs))).toBe(true);
        expect(sum.toString()).toBe(reference(xs).toString());
      }),
      { numRuns: 500 },
    );
  });

  it('falls back to Decimal past 2^53 cents, still exact', () => {
    const big = new Decimal('90071992547409.91');
    expect(sumMoney([big, big, big]).toString()).toBe('270215977642229.73');
  });

  it('accepts any iterable', () => {
    expect(sumMoney(new Set([new Decimal('0.1'), new Decimal('0.2')])).toString()).toBe('0.3');
  });
});

describe('wholeCents / fromCents', () => {
  it('read a whole number of cents from a Decimal, and nothing else', () => {
    fc.assert(
      fc.property(fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }), (c) => {
        const m = new Decimal(c).div(100);
        expect(wholeCents(m)).toBe(c === 0 ? 0 : c);
        expect(fromCents(c).eq(m)).toBe(true);
      }),
    );
    for (const s of ['0.001', '1.005', '1e-10', '12345678901234567890', '0.125']) expect(wholeCents(new Decimal(s))).toBeNull();
    expect(wholeCents(new Decimal('-0.5'))).toBe(-50);
    expect(wholeCents(new Decimal('1.5e3'))).toBe(150000);
  });
});
