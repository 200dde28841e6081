import fc from 'fast-check';
import Decimal from 'decimal.js';
import { formatEuro, parseFrenchAmount, percent, plainAmount, sameCents, sumMoney } from '../../src/domain/money';

describe('parseFrenchAmount', () => {
  it.each([
    ['1 236 000,00 €', '1236000'],
    ['1\u00A0236\u00A0000,00\u00A0€', '1236000'],
    ['1\u202F236\u202F000,00 €', '1236000'],
    ['618000', '618000'],
    ['2 556 535.20 €', '2556535.2'],
    ['-1 000,5', '-1000.5'],
    ['\u22121 000', '-1000'],
    ['€ 35 000', '35000'],
    ['100000€', '100000'],
    ['0,00 €', '0'],
    ['-  €', '0'],
    ['-', '0'],
    ['17 074 EUR', '17074'],
  ])('reads %j as %s', (text, expected) => {
    expect(parseFrenchAmount(text)?.toString()).toBe(expected);
  });

  it.each(['', '   ', 'abc', '1 23 000', '1,236,000', '1.236.000,00', '12 €€', '1 236 000,00 € HT', '7600 places', '--5', '1 2345'])(
    'refuses %j',
    (text) => {
      expect(parseFrenchAmount(text)).toBeNull();
    },
  );

  it('reads back what Intl formats in French, with every group separator', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.constantFrom(' ', '\u00A0', '\u202F'), (cents, sep) => {
        const value = new Decimal(cents).div(100);
        const text = new Intl.NumberFormat('fr-FR', { minimumFractionDigits: 2, maximumFractionDigits: 2 })
          .format(value.toNumber())
          .replace(/[\u202F\u00A0 ]/g, sep);
        expect(parseFrenchAmount(`${text} €`)?.eq(value)).toBe(true);
      }),
    );
  });
});

describe('money arithmetic', () => {
  it('never drifts a cent over random sums', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1e11, max: 1e11 }), { maxLength: 200 }), (cents) => {
        const total = sumMoney(cents.map((c) => new Decimal(c).div(100)));
        const exact = cents.reduce((a, b) => a + BigInt(b), 0n);
        expect(total.times(100).toFixed(0)).toBe(exact.toString());
      }),
    );
  });

  it('compares to the cent with half-up rounding', () => {
    expect(sameCents(new Decimal('0.005'), new Decimal('0.01'))).toBe(true);
    expect(sameCents(new Decimal('0.004'), new Decimal('0.01'))).toBe(false);
    expect(plainAmount(new Decimal('1236000'))).toBe('1236000.00');
  });

  it('formats euros the French way', () => {
    expect(formatEuro(new Decimal('1236000'))).toBe('1\u202F236\u202F000,00 €');
    expect(formatEuro(new Decimal('-60.5'))).toBe('-60,50 €');
  });

  it('computes the seed volet-2 CD share exactly', () => {
    const p = percent(new Decimal(4025892), new Decimal(8251784));
    expect(p?.toDecimalPlaces(2).toString()).toBe('48.79');
    expect(percent(new Decimal(1), new Decimal(0))).toBeNull();
  });
});
