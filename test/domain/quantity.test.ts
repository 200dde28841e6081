import { parseQuantity, unitsAgree } from '../../src/domain/quantity';

describe('parseQuantity', () => {
  it.each([
    ['7600 places', '7600', 'place'],
    ['4 000 places', '4000', 'place'],
    ['2,20ETP', '2.2', 'etp'],
    ['0,20 ETP', '0.2', 'etp'],
    ['2ETP', '2', 'etp'],
    ['630 place', '630', 'place'],
    ['330', '330', ''],
    ['162 mesures', '162', 'mesure'],
  ])('reads %j', (text, value, unit) => {
    const q = parseQuantity(text);
    expect(q?.value.toString()).toBe(value);
    expect(q?.unit).toBe(unit);
  });

  it.each(['', 'places', 'beaucoup', '100 000,00 €'])('refuses %j', (text) => {
    expect(parseQuantity(text)).toBeNull();
  });

  it('treats singular and plural as one unit, a bare number as any unit', () => {
    expect(unitsAgree(parseQuantity('630 place')!, parseQuantity('600 places')!)).toBe(true);
    expect(unitsAgree(parseQuantity('330')!, parseQuantity('600 places')!)).toBe(true);
    expect(unitsAgree(parseQuantity('2 ETP')!, parseQuantity('600 places')!)).toBe(false);
  });
});
