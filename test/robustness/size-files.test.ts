/**
 * Workbooks that look big. The 200 000-row file is in size-files.real.test.ts (real tier: heavy);
 * its memory and time are measured by bench/, not in a timed test.
 */
import { buildSampleGrid } from '../../scripts/sample/build-sample';
import { analyseGrid } from '../../src/layout/analyse';
import { readXlsxFile } from '../../src/adapters/xlsx/read-xlsx';
import type { Finding } from '../../src/domain/finding';
import { LAST_ROW } from '../fixtures/corpus/size';
import { checkCorpusFile, corpusDir } from './corpus-run';

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
});
