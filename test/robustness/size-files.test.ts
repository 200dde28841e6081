/**
 * Workbooks that are big or look big. The 200 000-row file is read once (about 20 s here); its
 * memory is measured by bench/memory-200k.ts, not in a timed test.
 */
import { buildSampleGrid } from '../../scripts/sample/build-sample';
import { analyseGrid } from '../../src/layout/analyse';
import { readXlsxFile } from '../../src/adapters/xlsx/read-xlsx';
import type { Finding } from '../../src/domain/finding';
import { LAST_ROW } from '../fixtures/corpus/size';
import { MANY_ROWS } from '../fixtures/many-rows';
import { checkCorpusFile, corpusDir, where } from './corpus-run';

const corpus = corpusDir();
const signature = (fs: Finding[]) => fs.map((f) => [f.rule, f.severity, f.sheet, f.cell, f.expected ?? '', f.actual ?? '', f.message].join('|'));

describe('size corpus files', () => {
  it('plage-jusqua-1048576.xlsx: the stray last-row cells change nothing', async () => {
    const { code, file, report } = await checkCorpusFile(corpus.dir(), 'plage-jusqua-1048576.xlsx');
    const grid = await readXlsxFile(file);
    expect(grid.sheets.every((s) => s.rows.get(LAST_ROW)?.get(1)?.value === ' ')).toBe(true);
    expect(code).toBe(1);
    expect(signature(report.findings)).toEqual(signature(analyseGrid(buildSampleGrid()).findings));
  });

  it(
    '200000-lignes.xlsx: read to the end, the one wrong action found',
    async () => {
      const { code, report } = await checkCorpusFile(corpus.dir(), '200000-lignes.xlsx');
      expect(code).toBe(1);
      const planted = 3 + Math.floor(MANY_ROWS * 0.75);
      expect(where(report.findings)).toEqual(['STRUCT-SHEET info !', 'STRUCT-SHEET info !', `CALC-ROW error Tableau financier!G${planted}`]);
      expect(report.findings[2]).toMatchObject({ expected: '2000.00', actual: '2001.00' });
      expect(report.findings[2].message).toContain(`Prévisionnel 2024, action 1.${planted - 3} :`);
    },
    180_000,
  );
});
