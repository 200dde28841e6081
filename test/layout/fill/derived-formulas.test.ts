import { analyseGrid } from '../../../src/layout/analyse';
import { applyPlanToGrid, planDerivedFormulas } from '../../../src/layout/fill';
import type { Grid } from '../../../src/layout/grid';
import type { CellWrite } from '../../../src/layout/write-plan';
import { CLS, FT, PLAN, sampleWith } from '../../helpers/sample';
import { buildSampleGrid } from '../../../scripts/sample/build-sample';

function plan(grid: Grid) {
  return planDerivedFormulas(grid, analyseGrid(grid));
}
const at = (writes: CellWrite[], sheet: string, row: number, col: number) => writes.find((w) => w.sheet === sheet && w.row === row && w.col === col);

describe('planDerivedFormulas on the sample', () => {
  const grid = buildSampleGrid();
  const { writes, description } = plan(grid);

  it('récapitulatif: K becomes G + J (the printed G + I is the national model’s defect), I = F + H, M = I + K + L', () => {
    expect(at(writes, CLS, 50, 16)).toMatchObject({ formula: 'L50+O50', value: 618000, purpose: 'derived' });
    expect(at(writes, CLS, 50, 14)).toMatchObject({ formula: 'K50+M50', value: 618000 });
    expect(at(writes, CLS, 50, 18)).toMatchObject({ formula: 'N50+P50+Q50', value: 1236000 });
    // Total réalisé = (A − B) + (C − D) + E, as a signed sum the checker can read back.
    expect(at(writes, CLS, 50, 10)).toMatchObject({ formula: 'E50-F50+G50-H50+I50', value: 1236000 });
  });

  it('exécution: B = versés − A and total réalisé = A + C on every action; sous totaux and TOTAUX as sums', () => {
    expect(at(writes, CLS, 28, 6)).toMatchObject({ formula: 'D28-E28', value: 618000 });
    expect(at(writes, CLS, 28, 8)).toMatchObject({ formula: 'E28+G28', value: 0 });
    expect(at(writes, CLS, 33, 4)).toMatchObject({ formula: 'SUM(D28:D32)', value: 1659288 });
    expect(at(writes, CLS, 42, 4)).toMatchObject({ formula: 'D33+D38+D41', value: 3342548 });
  });

  it('plan de financement: group totals, the volet 2 « Total » and TOTAL BESOINS; Delta « 3030 places » corrected as text', () => {
    expect(at(writes, FT, 20, 7)).toMatchObject({ formula: 'SUM(G17:G19)', value: 2457000 });
    expect(at(writes, FT, 29, 7)).toMatchObject({ formula: 'G20+G23+G28', value: 4125892 });
    expect(at(writes, FT, 32, 7)).toMatchObject({ formula: 'G29+G31', value: 4125892 });
    expect(at(writes, FT, 18, 6)).toEqual({ sheet: FT, row: 18, col: 6, value: '330 places', purpose: 'derived' });
    // Right deltas typed with their unit stay as typed (« 2ETP »).
    expect(at(writes, FT, 5, 6)).toBeUndefined();
  });

  it('Plan d’action: Montant = État + CD + autres, TOTAL as sums', () => {
    expect(at(writes, PLAN, 7, 8)).toMatchObject({ formula: 'D7+E7+F7', value: 1622000 });
    expect(at(writes, PLAN, 11, 8)).toMatchObject({ formula: 'SUM(H3:H10)', value: 8386784 });
  });

  it('keeps the cells’ own formats and describes itself in French', () => {
    expect(at(writes, CLS, 50, 16)?.numFmt).toBeUndefined(); // the sample's cell has one already
    expect(at(writes, CLS, 28, 6)?.numFmt).toBe('#,##0.00 "€"'); // blank before
    expect(description).toBe('Recalcul des colonnes calculées : 207 formules de colonnes calculées et de totaux, 1 delta du plan de financement corrigé.');
  });

  it('leaves no CALC-* or PLAN-DELTA finding once applied', () => {
    const after = analyseGrid(applyPlanToGrid(grid, { description: '', createSheets: [], writes }));
    expect(after.findings.filter((f) => /^CALC-|^PLAN-DELTA/.test(f.rule))).toEqual([]);
  });
});

describe('planDerivedFormulas: what it leaves alone', () => {
  it('a Delta becomes a formula when Existant and Cible are numbers', () => {
    const { writes } = plan(sampleWith({ [FT]: { D18: 700, E18: 1030, F18: 3030 } }));
    expect(at(writes, FT, 18, 6)).toMatchObject({ formula: 'E18-D18', value: 330 });
  });

  it('a derived cell whose inputs are typed as text is not turned into a formula Excel would compute otherwise', () => {
    const { writes } = plan(sampleWith({ [CLS]: { D6: '618 000,00 €' } }));
    expect(at(writes, CLS, 6, 7)).toBeUndefined(); // F = A + B + C on action 1.1
    expect(at(writes, CLS, 11, 4)).toBeUndefined(); // the axe 1 sous total of A
    expect(at(writes, CLS, 7, 7)).toMatchObject({ formula: 'D7+E7+F7' });
  });

  it('a derived cell whose input cannot be read keeps its content (no value to cache)', () => {
    const { writes } = plan(sampleWith({ [CLS]: { D6: { value: null, error: '#REF!' } } }));
    expect(at(writes, CLS, 6, 7)).toBeUndefined();
    expect(at(writes, CLS, 20, 7)).toBeUndefined();
  });
});
