/**
 * The 200 000-row workbook (real tier: heavy). Read to the end, the one planted fault found; its
 * memory and time are measured by bench/memory-200k.ts, not here.
 */
import { MANY_ROWS } from '../fixtures/many-rows';
import { checkCorpusFile, corpusDir, where } from './corpus-run';

const corpus = corpusDir();

describe('size corpus files (heavy)', () => {
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
  );
});
