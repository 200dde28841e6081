import { CLS, FT, PLAN, brief, findingsOf, sampleWith } from '../../helpers/sample';

describe('CALC-ROW', () => {
  it('flags F ≠ A+B+C with expected and actual', () => {
    const grid = sampleWith({ [CLS]: { G6: { value: 1236001, formula: 'D6+E6+F6' } } });
    const f = findingsOf(grid, 'CALC-ROW').filter((x) => x.cell === 'G6');
    expect(brief(f)).toEqual([`${CLS}!G6 error 1236000.00 1236001.00`]);
    expect(f[0].message).toContain('A + B + C');
  });

  it('flags the seed exécution 2024: B typed 0 while versés − A = 618 000', () => {
    const f = findingsOf(sampleWith({}), 'CALC-ROW');
    expect(f).toHaveLength(11);
    expect(brief(f)[0]).toBe(`${CLS}!F28 error 618000.00 0.00`);
  });

  it('flags Montant de l’action ≠ État + CD + autres in the plan d’action', () => {
    const f = findingsOf(sampleWith({ [PLAN]: { H9: 300000 } }), 'CALC-ROW');
    expect(brief(f).filter((x) => x.startsWith(PLAN))).toEqual([`${PLAN}!H9 error 361146.00 300000.00`]);
  });

  it('flags M ≠ I+K+L in the récapitulatif', () => {
    const f = findingsOf(sampleWith({ [CLS]: { R50: 1236100 } }), 'CALC-ROW');
    expect(brief(f).filter((x) => x.includes('!R50'))).toEqual([`${CLS}!R50 error 1236000.00 1236100.00`]);
  });
});

describe('CALC-FORMULA', () => {
  it('flags every K cell of the seed récapitulatif computed as G+I, although the values agree', () => {
    const f = findingsOf(sampleWith({}), 'CALC-FORMULA');
    expect(f.map((x) => x.cell)).toEqual(['P50', 'P51', 'P52', 'P53', 'P54', 'P56', 'P57', 'P58', 'P59', 'P61', 'P62']);
    expect(f[0].expected).toBe('G + J');
    expect(f[0].actual).toBe('=L50+N50');
  });

  it('accepts K = G+J written in any order or as a SUM', () => {
    const grid = sampleWith({ [CLS]: { P50: { value: 618000, formula: 'O50+L50' }, P51: { value: 599508, formula: 'SUM(L51,O51)' } } });
    expect(findingsOf(grid, 'CALC-FORMULA').map((x) => x.cell)).not.toContain('P50');
    expect(findingsOf(grid, 'CALC-FORMULA').map((x) => x.cell)).not.toContain('P51');
  });

  it('flags a sous total formula that forgets a row', () => {
    const grid = sampleWith({ [CLS]: { D11: { value: 1364288, formula: 'SUM(D6:D9)' } } });
    const f = findingsOf(grid, 'CALC-FORMULA').filter((x) => x.cell === 'D11');
    expect(f).toHaveLength(1);
    expect(f[0].message).toContain('oublie la ou les lignes 10');
  });

  it('accepts a grand total adding the sous totals, flags one adding them and the rows', () => {
    expect(findingsOf(sampleWith({}), 'CALC-FORMULA').filter((x) => x.cell === 'D20')).toEqual([]);
    const grid = sampleWith({ [CLS]: { D20: { value: 3342548, formula: 'SUM(D6:D19)' } } });
    const f = findingsOf(grid, 'CALC-FORMULA').filter((x) => x.cell === 'D20');
    expect(f[0].message).toContain('compte deux fois');
  });
});

describe('CALC-TOTAL', () => {
  it('flags a sous total that differs from its rows', () => {
    const f = findingsOf(sampleWith({ [CLS]: { D11: 1659289 } }), 'CALC-TOTAL');
    expect(brief(f)).toEqual([`${CLS}!D11 error 1659288.00 1659289.00`]);
  });

  it('flags a plan de financement group Total, not counting "Pour info" rows', () => {
    const f = findingsOf(sampleWith({ [FT]: { G20: 2457001 } }), 'CALC-TOTAL');
    expect(brief(f)).toContain(`${FT}!G20 error 2457000.00 2457001.00`);
  });

  it('finds nothing on the seed totals', () => {
    expect(findingsOf(sampleWith({}), 'CALC-TOTAL')).toEqual([]);
  });
});
