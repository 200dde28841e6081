import { buildSampleGrid } from '../../scripts/sample/build-sample';
import { readAnnexWorkbook } from '../../src/layout/read-workbook';
import { recomputeDelta, recomputeTable } from '../../src/domain/recompute';
import type { AnnexTable } from '../../src/domain/table';

/**
 * Every figure the seed prints in its CLS and FT tables, recomputed by the engine from the input
 * cells only (the figures below are typed from the seed extract, not read from the generator).
 */
const wb = readAnnexWorkbook(buildSampleGrid());
const table = (kind: string, volet?: number) => wb.tables.find((t) => t.kind === kind && (volet === undefined || t.volet === volet)) as AnnexTable;

/** Recomputed values of one column, by row label (fiche N°, "Sous total axe n", "TOTAUX FINANCIERS"…). */
function column(t: AnnexTable, key: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const d of recomputeTable(t)) {
    if (d.key !== key) continue;
    const row = t.rows[d.rowIndex];
    out[row.key ?? row.label] = d.value?.toFixed(2) ?? 'illisible';
  }
  return out;
}

/** Recomputed values of one column in row order (the plan's totals all read "Total"). */
function inOrder(t: AnnexTable, key: string): string[] {
  return recomputeTable(t)
    .filter((d) => d.key === key)
    .sort((a, b) => a.rowIndex - b.rowIndex)
    .map((d) => d.value?.toFixed(2) ?? 'illisible');
}

describe('the engine reproduces the seed figures', () => {
  it('CLS prévisionnel 2024: F = A+B+C, sous totaux and TOTAUX FINANCIERS', () => {
    const t = table('cls-forecast');
    expect(column(t, 'totalBudget')).toEqual({
      '1.1': '1236000.00', '1.2': '1199016.00', '1.3': '93560.00', '1.4': '200000.00', '1.5': '590000.00',
      'Sous total axe 1': '3318576.00',
      '3.1': '300000.00', '3.2': '320000.00', '3.3': '1000000.00', '3.4': '400000.00',
      'Sous total axe 3': '2020000.00',
      '4.1': '666000.00', '4.2': '680520.00',
      'Sous total axe 4': '1346520.00',
      'TOTAUX FINANCIERS': '6685096.00',
    });
    expect(column(t, 'stateNotified')).toEqual({
      'Sous total axe 1': '1659288.00', 'Sous total axe 3': '1010000.00', 'Sous total axe 4': '673260.00', 'TOTAUX FINANCIERS': '3342548.00',
    });
    expect(column(t, 'cdAllocated')['TOTAUX FINANCIERS']).toBe('3342548.00');
    expect(column(t, 'otherFunders')['TOTAUX FINANCIERS']).toBe('0.00');
  });

  it('CLS exécution 2024: versés sous totaux, and B = versés − A (the seed prints 0: a defect)', () => {
    const t = table('cls-execution');
    expect(column(t, 'statePaid')).toEqual({
      'Sous total axe 1': '1659288.00', 'Sous total axe 3': '1010000.00', 'Sous total axe 4': '673260.00', 'TOTAUX FINANCIERS': '3342548.00',
    });
    expect(column(t, 'stateUnspent')['1.1']).toBe('618000.00');
    expect(column(t, 'totalSpent')['TOTAUX FINANCIERS']).toBe('0.00');
  });

  it('CLS récapitulatif 2025: total réalisé, I = F+H, K = G+J, M = I+K+L', () => {
    const t = table('cls-recap');
    const spent = column(t, 'totalSpent');
    expect([spent['1.1'], spent['4.2'], spent['Sous total axe 3'], spent['TOTAUX FINANCIERS']]).toEqual(['1236000.00', '680520.00', '2020000.00', '6685096.00']);
    const i = column(t, 'stateBudgetNext');
    expect([i['1.2'], i['Sous total axe 1'], i['TOTAUX FINANCIERS']]).toEqual(['599508.00', '1659288.00', '3342548.00']);
    const k = column(t, 'cdBudgetNext');
    expect([k['1.3'], k['Sous total axe 4'], k['TOTAUX FINANCIERS']]).toEqual(['46780.00', '673260.00', '3342548.00']);
    const m = column(t, 'totalBudgetNext');
    expect([m['1.1'], m['3.3'], m['4.1'], m['TOTAUX FINANCIERS']]).toEqual(['1236000.00', '1000000.00', '666000.00', '6685096.00']);
  });

  it('FT plan de financement: group totals and TOTAL BESOINS of volets 1 and 2', () => {
    expect(inOrder(table('ft-plan', 1), 'amount')).toEqual(['100000.00', '35000.00', '135000.00']);
    expect(inOrder(table('ft-plan', 2), 'amount')).toEqual(['2457000.00', '959146.00', '709746.00', '4125892.00', '0.00', '4125892.00']);
    expect(table('ft-plan', 1).ceiling?.value?.toFixed(2)).toBe('135000.00');
    expect(table('ft-plan', 2).ceiling?.value?.toFixed(2)).toBe('4125892.00');
  });

  it('FT plan de financement: Delta = Cible − Existant (330 places, not the printed 3030)', () => {
    const deltas = table('ft-plan', 2)
      .rows.map((r) => recomputeDelta(r))
      .filter((q) => q !== null)
      .map((q) => `${q.value} ${q.unit}`);
    expect(deltas).toEqual(['7600 place', '330 place', '240 place', '30 place', '151 place', '1760 place']);
    const v1 = table('ft-plan', 1).rows.map((r) => recomputeDelta(r)).filter((q) => q !== null);
    expect(v1.map((q) => `${q.value} ${q.unit}`)).toEqual(['2 etp']);
  });

  it('FT plan d\'action: montant of each fiche and the 8 386 784 total', () => {
    expect(column(table('ft-action-plan'), 'total')).toEqual({
      '2.1': '135000.00', '2.2': '1419492.00', '2.3': '3300000.00', '2.4': '0.00', '2.5': '1622000.00', '2.6': '1549146.00', '2.7': '361146.00', '2.8': '0.00',
      TOTAL: '8386784.00',
    });
    expect(column(table('ft-action-plan'), 'state').TOTAL).toBe('4260892.00');
  });
});
