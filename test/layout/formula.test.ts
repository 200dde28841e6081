import { signedRefs } from '../../src/layout/formula';

describe('signedRefs', () => {
  it('reads sums and differences of cells', () => {
    expect(signedRefs('D5+E5-F5')).toEqual([
      { row: 5, col: 4, sign: 1 },
      { row: 5, col: 5, sign: 1 },
      { row: 5, col: 6, sign: -1 },
    ]);
    expect(signedRefs('=$N$12 + P12')).toEqual([
      { row: 12, col: 14, sign: 1 },
      { row: 12, col: 16, sign: 1 },
    ]);
  });

  it('expands SUM/SOMME ranges and lists', () => {
    expect(signedRefs('SUM(D5:D7)')?.map((r) => r.row)).toEqual([5, 6, 7]);
    expect(signedRefs('SOMME(D5;D9)')?.map((r) => r.row)).toEqual([5, 9]);
    expect(signedRefs('-SUM(A1:B1)+C1')?.map((r) => r.sign)).toEqual([-1, -1, 1]);
  });

  it('gives up on anything that is not a plain signed sum', () => {
    for (const f of ['D5*2', 'D5+100', 'IF(A1>0,B1,C1)', 'Feuil2!A1+B1', 'D5+', 'ROUND(D5,2)', '']) {
      expect(signedRefs(f)).toBeNull();
    }
  });
});
