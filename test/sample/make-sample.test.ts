import { mkdtempSync, rmSync, statSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { makeSample } from '../../scripts/make-sample';
import { readXlsxFile } from '../../src/adapters/xlsx/read-xlsx';
import { getCell } from '../../src/layout/grid';

test('makeSample writes an .xlsx that reads back with its formulas, cached values and merges', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'sample-'));
  try {
    const file = await makeSample(path.join(dir, 'pas-de-calais-2024.xlsx'));
    expect(statSync(file).size).toBeGreaterThan(5 * 1024);

    const grid = await readXlsxFile(file);
    expect(grid.sheets.map((s) => s.name).slice(0, 4)).toEqual([
      'Tableau financier', 'Construction du plan de finance', "Plan d'action", 'Paramètres',
    ]);
    expect(grid.sheets.map((s) => s.name)).toEqual(expect.arrayContaining(['Indicateurs locaux', 'Indicateurs nationaux']));
    const [cls, ft] = grid.sheets;
    expect(getCell(cls, 20, 7)).toMatchObject({ value: 6685096, formula: 'G11+G16+G19' });
    expect(getCell(cls, 50, 16)).toMatchObject({ value: 618000, formula: 'L50+N50' });
    expect(getCell(ft, 18, 6)?.value).toBe('3030 places');
    expect(cls.merges).toContainEqual({ top: 6, bottom: 10, left: 1, right: 1 });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
