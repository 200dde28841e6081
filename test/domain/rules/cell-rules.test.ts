import { CLS, FT, brief, findingsOf, sampleWith } from '../../helpers/sample';

describe('CELL-* rules: cells a check reads that are not plain amounts', () => {
  it('CELL-ERROR: an error value is reported and not read as zero', () => {
    const grid = sampleWith({ [CLS]: { D6: { value: null, error: '#REF!' } } });
    expect(brief(findingsOf(grid, 'CELL-ERROR'))).toEqual([`${CLS}!D6 error`]);
    expect(findingsOf(grid, 'CELL-ERROR')[0].message).toContain('#REF!');
    // F6 = A+B+C cannot be checked, and the sous total neither: no invented CALC finding.
    expect(findingsOf(grid, 'CALC-ROW').filter((f) => f.cell === 'G6')).toEqual([]);
    expect(findingsOf(grid, 'CALC-TOTAL').filter((f) => f.cell === 'D11')).toEqual([]);
  });

  it('CELL-ERROR in a plan de financement quantity', () => {
    const grid = sampleWith({ [FT]: { E18: { value: null, error: '#N/A' } } });
    expect(brief(findingsOf(grid, 'CELL-ERROR'))).toEqual([`${FT}!E18 error`]);
  });

  it('CELL-NOT-NUMBER: a word where an amount is expected', () => {
    const grid = sampleWith({ [CLS]: { E7: 'à définir' } });
    const f = findingsOf(grid, 'CELL-NOT-NUMBER');
    expect(brief(f)).toEqual([`${CLS}!E7 error`]);
    expect(f[0].message).toContain('« à définir »');
    expect(f[0].message).toContain('Prévisionnel 2024, action 1.2');
  });

  it('CELL-NOT-NUMBER: an unreadable quantity', () => {
    const grid = sampleWith({ [FT]: { F18: 'beaucoup' } });
    expect(brief(findingsOf(grid, 'CELL-NOT-NUMBER'))).toEqual([`${FT}!F18 error`]);
  });

  it('CELL-NO-CACHE: a formula never recalculated is a finding, not a zero', () => {
    const grid = sampleWith({ [CLS]: { G6: { value: null, formula: 'D6+E6+F6' } } });
    expect(brief(findingsOf(grid, 'CELL-NO-CACHE'))).toEqual([`${CLS}!G6 error`]);
    expect(findingsOf(grid, 'CALC-ROW').filter((f) => f.cell === 'G6')).toEqual([]);
  });

  it('CELL-TEXT-AMOUNT: the parsed value is used and shown', () => {
    const grid = sampleWith({ [CLS]: { D6: '618\u00A0000,00 €' } });
    const f = findingsOf(grid, 'CELL-TEXT-AMOUNT');
    expect(brief(f)).toEqual([`${CLS}!D6 warning  618000.00`]);
    expect(f[0].message).toContain('618\u202F000,00 €');
    expect(findingsOf(grid, 'CALC-ROW').filter((x) => x.cell === 'G6')).toEqual([]);
  });

  it('a text that is not a French amount is not read as one', () => {
    const grid = sampleWith({ [CLS]: { D6: '618.000,00' } });
    expect(brief(findingsOf(grid, 'CELL-NOT-NUMBER'))).toEqual([`${CLS}!D6 error`]);
  });
});
