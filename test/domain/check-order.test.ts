import { buildSampleGrid } from '../../scripts/sample/build-sample';
import { analyseGrid } from '../../src/layout/analyse';

describe('checkWorkbook order', () => {
  it('lists findings sheet by sheet in the order of the workbook tabs, not alphabetically', () => {
    const { workbook, findings } = analyseGrid(buildSampleGrid());
    const seen = [...new Set(findings.map((f) => f.sheet).filter(Boolean))];
    const tabs = workbook.sheetNames.filter((s) => seen.includes(s));
    expect(seen).toEqual(tabs);
    expect(seen[0]).toBe('Tableau financier'); // alphabetically "Construction…" would come first
  });
});
