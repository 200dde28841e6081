import * as path from 'path';
import { readXlsxFile } from '../../src/adapters/xlsx/read-xlsx';
import { buildSampleGrid } from '../../scripts/sample/build-sample';
import type { Grid } from '../../src/layout/grid';

function cells(grid: Grid): string[] {
  const out: string[] = [];
  for (const s of grid.sheets) {
    for (const [r, cols] of s.rows) {
      for (const [c, cell] of cols) {
        const v = cell.value instanceof Date ? cell.value.toISOString() : cell.value;
        out.push(`${s.name}!${r}:${c}=${JSON.stringify(v)}|${cell.formula ?? ''}`);
      }
    }
  }
  return out.sort();
}

describe('the committed sample workbook', () => {
  it('is what `npm run sample` generates from the seed figures (regenerate it after changing them)', async () => {
    const file = await readXlsxFile(path.join(__dirname, '..', '..', 'samples', 'pas-de-calais-2024.xlsx'));
    expect(cells(file)).toEqual(cells(buildSampleGrid()));
  });
});
