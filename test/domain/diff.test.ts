/** The diff engine on generated variants of the sample: each kind of change, and moves that are none. */
import { buildSampleGrid } from '../../scripts/sample/build-sample';
import { FICHE_BUDGET_SHEET } from '../../scripts/sample/fiche-budgets';
import { analyseGrid } from '../../src/layout/analyse';
import { diffWorkbooks, hasChanges, type WorkbookDiff } from '../../src/domain/diff';
import { Decimal, formatEuro } from '../../src/domain/money';
import { type Grid, type GridSheet, getCell, setCell } from '../../src/layout/grid';
import { applyInsertions } from '../fixtures/grid-moves';
import { CLS, PARAMS } from '../helpers/sample';

const base = analyseGrid(buildSampleGrid());
const diff = (after: Grid): WorkbookDiff => diffWorkbooks(base, analyseGrid(after));
const sheetOf = (g: Grid, name: string) => g.sheets.find((s) => s.name === name) as GridSheet;

function edited(sheet: string, cells: [number, number, string | number | null][]): Grid {
  const g = buildSampleGrid();
  const s = sheetOf(g, sheet);
  for (const [r, c, v] of cells) {
    if (v === null) s.rows.get(r)?.delete(c);
    else setCell(s, r, c, { ...getCell(s, r, c), value: v });
  }
  return g;
}

describe('diffWorkbooks', () => {
  it('moves are not changes: every sheet shifted, a sheet renamed, the fiches moved to another sheet name', () => {
    const moved = applyInsertions(buildSampleGrid(), [
      { axis: 'row', at: 1, count: 5 },
      { axis: 'col', at: 1, count: 3 },
      { axis: 'row', at: 30, count: 2 },
    ]);
    sheetOf(moved, CLS).name = 'Tableau financier CLS';
    sheetOf(moved, FICHE_BUDGET_SHEET).name = 'Budget des fiches 2024';
    const d = diffWorkbooks(base, analyseGrid(moved));
    expect(d).toEqual({ values: [], totals: [], rows: [], tables: [], parameters: [], shares: [], fixed: [], introduced: [] });
    expect(hasChanges(d)).toBe(false);
  });

  it('an action removed from the prévisionnel: a row removed, the four-year totals moved', () => {
    // Prévisionnel 2024, action 1.4 (row 9): its cells emptied, the sums left as cached.
    const d = diff(edited(CLS, [[9, 2, null], [9, 3, null], [9, 4, null], [9, 5, null], [9, 7, null]]));
    expect(d.rows.map((r) => [r.table, r.row, r.change])).toEqual([['Prévisionnel 2024', expect.stringContaining('1.4'), 'removed']]);
    // The CD allocation of 2024 is still in the récapitulatif (C): only the notified amount is gone.
    expect(d.totals.filter((t) => t.table.startsWith('Convention')).map((t) => [t.row, t.column, t.difference?.toFixed(2)])).toEqual([
      ['total', 'Participation État notifiée (cumul)', '-100000.00'],
      ['axe 1', 'Participation État notifiée (cumul)', '-100000.00'],
    ]);
    expect(d.introduced.map((f) => f.rule)).toContain('CROSS-BLOCK');
  });

  it('a sous-total retyped is a total that moved; a parameter changed is listed with both values', () => {
    const d = diff(edited(CLS, [[11, 4, 1659000]]));
    expect(d.totals.map((t) => [t.table, t.row, t.column, t.difference?.toFixed(2)])).toEqual([['Prévisionnel 2024', 'Sous total axe 1', 'A – Participation État notifiée', '-288.00']]);
    expect(d.values).toEqual([]);
    const p = diff(edited(PARAMS, [[16, 2, 0.7]]));
    expect(p.parameters).toEqual([{ key: 'Seuil de sous-consommation', before: '80,00 %', after: '70,00 %' }]);
  });

  it('the France Travail bilan keys are parameters too: the CD’s volet-2 spending changed is listed', () => {
    const g = buildSampleGrid();
    const params = sheetOf(g, PARAMS);
    const row = [...params.rows].find(([, cells]) => [...cells.values()].some((c) => c.value === 'FT dépenses CD volet 2'))?.[0] as number;
    setCell(params, row, 2, { value: 2_800_000 });
    expect(diff(g).parameters).toEqual([{ key: 'FT dépenses CD volet 2', before: formatEuro(new Decimal(2_905_600)), after: formatEuro(new Decimal(2_800_000)) }]);
  });

  it('a CLS action whose CD share falls under 50 %', () => {
    // Prévisionnel 2024, action 1.1: B 618 000 → 500 000 (F left as cached).
    const d = diff(edited(CLS, [[6, 5, 500000]]));
    expect(d.shares.map((s) => [s.what, s.before?.toFixed(2), s.after?.toFixed(2), s.nowCompliant])).toEqual([['Prévisionnel 2024, action 1.1', '50.00', '44.72', false]]);
    expect(d.values.map((v) => [v.row.slice(0, 10), v.column, v.difference?.toFixed(2)])).toEqual([['action 1.1', 'B – Crédits CD affectés', '-118000.00']]);
  });

  it('a CD share just under 50 % that rounds to 50,00 % is below the minimum, as COFI-CLS-ACTION says', () => {
    // Action 1.1: B 618 000 → 617 990 (49,9996 % of A + B + C, 5 € short of the minimum to the cent).
    const d = diff(edited(CLS, [[6, 5, 617990]]));
    expect(d.shares.map((s) => [s.what, s.after?.toFixed(2), s.nowCompliant])).toEqual([['Prévisionnel 2024, action 1.1', '50.00', false]]);
    expect(d.introduced.map((f) => f.rule)).toContain('COFI-CLS-ACTION');
  });

  it('a fiche added to the « Budgets des fiches », a sub-action removed', () => {
    const g = buildSampleGrid();
    const s = sheetOf(g, FICHE_BUDGET_SHEET);
    const last = Math.max(...s.rows.keys());
    const put = (r: number, c: number, v: string | number) => setCell(s, r, c, { value: v });
    put(last + 3, 1, 'Fiche action 4.3 – Alimentation durable');
    ['', 'Etat', 'Conseil départemental', 'Total'].forEach((h, i) => h && put(last + 4, i + 1, h));
    [2024, 2025, 2026, 2027].forEach((y, i) => [y, 10000, 10000, 20000].forEach((v, k) => put(last + 5 + i, k + 1, v)));
    ['Total', 40000, 40000, 80000].forEach((v, k) => put(last + 9, k + 1, v));
    s.rows.get(45)?.clear(); // fiche 1.3, « Action 2 » sub-action
    const d = diff(g);
    expect(d.tables).toEqual([{ table: 'Fiche 4.3', change: 'added', sheet: FICHE_BUDGET_SHEET }]);
    expect(d.rows.map((r) => [r.table, r.row, r.change])).toEqual([['Fiche 1.3', 'sous-action « Action 2 : Soutenir une réponse de santé auprès des ados »', 'removed']]);
  });
});
