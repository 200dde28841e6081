/** The pane's drawn figures on the seed: CLS per axe, FT volets against plafonds, volet-2 share. */
import { buildSampleGrid } from '../../scripts/sample/build-sample';
import { summarise } from '../../src/domain/summary';
import { analyseGrid } from '../../src/layout/analyse';

describe('summarise', () => {
  const analysis = analyseGrid(buildSampleGrid());

  test('CLS 2024: State and CD per axe, 50 % each (CLS art. 2.2)', () => {
    const s = summarise(analysis.workbook, analysis.options);
    expect(s.cls?.title).toBe('Prévisionnel 2024');
    expect(s.cls?.axes.map((a) => [a.axe, a.state.toString(), a.cd.toString(), a.other.toString(), a.cdShare?.toFixed(2)])).toEqual([
      ['1', '1659288', '1659288', '0', '50.00'],
      ['3', '1010000', '1010000', '0', '50.00'],
      ['4', '673260', '673260', '0', '50.00'],
    ]);
  });

  test('FT volets: totals against plafonds', () => {
    const s = summarise(analysis.workbook, analysis.options);
    expect(s.volets.map((v) => [v.volet, v.total?.toString(), v.ceiling?.toString() ?? null])).toEqual([
      [1, '135000', '135000'],
      [2, '4125892', '4125892'],
      [3, '0', null],
    ]);
  });

  test('volet 2 co-financing: 48,79 % without the FSE+ valorisation, 50 % with it', () => {
    const without = summarise(analysis.workbook, analysis.options).cofiVolet2!;
    expect([without.cd.toString(), without.fse.toString(), without.total.toString(), without.share?.toFixed(2), without.fseCounted]).toEqual(['4025892', '100000', '8251784', '48.79', false]);
    const withFse = summarise(analysis.workbook, { ...analysis.options, fseAsCd: true }).cofiVolet2!;
    expect(withFse.share?.toFixed(2)).toBe('50.00');
  });
});
