/**
 * Differential tests of the reader: on the same bytes, the new grid equals ExcelJS's (the reader
 * the project had, kept as oracle in test/oracle) — on the project's fixtures, on the robustness
 * corpus, on a workbook using every feature ExcelJS writes, and on random grids. Refusals must
 * agree too. LibreOffice- and openpyxl-written files: reader-differential.real.test.ts.
 */
import { readFileSync } from 'fs';
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import fc from 'fast-check';
import { buildCleanSampleGrid } from '../../../scripts/batch/clean-sample';
import { buildSampleGrid } from '../../../scripts/sample/build-sample';
import { gridToXlsxBuffer } from '../../../src/adapters/xlsx/write-xlsx';
import { CORPUS } from '../../fixtures/make-corpus';
import { syntheticCls } from '../../fixtures/synthetic-cls';
import { carryOverGrid } from '../../helpers/carry-over';
import { compareWithOracle } from '../../helpers/grid-diff';
import { midTermWorkbook } from '../../helpers/mid-term';
import { everyFeature, randomGrid } from '../../fixtures/reader-workbooks';

jest.setTimeout(120_000);

async function expectSameGrid(buf: Buffer, label: string): Promise<void> {
  const { differences } = await compareWithOracle(buf, label);
  expect(differences).toEqual([]);
}

describe('the new grid equals ExcelJS’s on the project’s workbooks', () => {
  it('the committed sample', async () => {
    await expectSameGrid(readFileSync(join(__dirname, '..', '..', '..', 'samples', 'pas-de-calais-2024.xlsx')), 'pas-de-calais-2024.xlsx');
  });

  it.each([
    ['the sample of the délibération', () => buildSampleGrid()],
    ['the sample laid out otherwise', () => buildSampleGrid({ rowOffset: 3, colOffset: 2 } as Parameters<typeof buildSampleGrid>[0])],
    ['the clean sample', () => buildCleanSampleGrid()],
    ['a synthetic CLS workbook', () => syntheticCls({ actionsPerAxe: 20 }).grid],
    ['the carry-over workbook', () => carryOverGrid()],
    ['the mid-term report workbook', () => midTermWorkbook()],
  ])('%s', async (_name, build) => {
    await expectSameGrid(await gridToXlsxBuffer(build()), 'fixture.xlsx');
  });

  it('a workbook using every feature ExcelJS writes', async () => {
    await expectSameGrid(await everyFeature(false), 'features.xlsx');
    await expectSameGrid(await everyFeature(true), 'features-1904.xlsx');
  });
});

describe('the new grid equals ExcelJS’s on the robustness corpus', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'annexes-differential-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  // The size cases (a 200 000-row sheet) are compared in the real tier.
  const cases = CORPUS.filter((c) => !['200000-lignes.xlsx', 'plage-jusqua-1048576.xlsx'].includes(c.name));
  it.each(cases.map((c) => [c.name, c]))('%s', async (name, c) => {
    const file = join(dir, name);
    await c.make(file);
    const result = await compareWithOracle(readFileSync(file), file);
    expect(result.differences).toEqual([]);
    // Refused by both: the archive checks are shared, so the messages are the same, but for files
    // ExcelJS opens to find no sheet (it says less).
    if (result.oursRefused && !/aucune feuille/.test(result.oursRefused)) expect(result.oursRefused).toBe(result.oracleRefused);
  });
});

describe('the new grid equals ExcelJS’s on random grids', () => {
  it('written by ExcelJS, read by both', async () => {
    await fc.assert(
      fc.asyncProperty(randomGrid(), async (grid) => {
        const { differences } = await compareWithOracle(await gridToXlsxBuffer(grid), 'random.xlsx');
        expect(differences).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });
});
