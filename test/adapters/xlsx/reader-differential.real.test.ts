/**
 * Differential tests of the reader on files other programs wrote (real tier: LibreOffice, python3-
 * openpyxl, heavy files): the new grid equals ExcelJS's (test/oracle) on workbooks written by
 * openpyxl, on the project's workbooks and random grids re-saved by LibreOffice Calc, on the 101
 * Départements of the batch review and on the 200 000-row workbook.
 */
import { execFileSync } from 'child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import fc from 'fast-check';
import { generateDepartementWorkbooks } from '../../../scripts/batch/generate';
import { buildCleanSampleGrid } from '../../../scripts/batch/clean-sample';
import { buildSampleGrid } from '../../../scripts/sample/build-sample';
import { gridToXlsxBuffer } from '../../../src/adapters/xlsx/write-xlsx';
import { CORPUS } from '../../fixtures/make-corpus';
import { writeManyRowsWorkbook } from '../../fixtures/many-rows';
import { everyFeature, randomGrid } from '../../fixtures/reader-workbooks';
import { compareWithOracle } from '../../helpers/grid-diff';
import { convertAllWithLibreOffice } from '../../helpers/libreoffice';
import { pythonWithOpenpyxl } from '../../helpers/python';

jest.setTimeout(600_000);

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'annexes-differential-real-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function expectSame(file: string): Promise<void> {
  const result = await compareWithOracle(readFileSync(file), file);
  expect({ file, differences: result.differences }).toEqual({ file, differences: [] });
}

describe('files written by openpyxl, and the same re-saved by LibreOffice', () => {
  let written: string[] = [];
  let resaved: string[] = [];
  beforeAll(async () => {
    const out = join(dir, 'openpyxl');
    execFileSync(pythonWithOpenpyxl() ?? 'python3', [join(__dirname, '..', '..', 'fixtures', 'openpyxl', 'make-workbooks.py'), out]);
    written = readdirSync(out).map((f) => join(out, f));
    mkdirSync(join(dir, 'openpyxl-lo'));
    resaved = await convertAllWithLibreOffice(written, join(dir, 'openpyxl-lo', 'xlsx'), 'xlsx');
  });

  it('openpyxl', async () => {
    expect(written.length).toBe(3);
    for (const f of written) await expectSame(f);
  });

  it('openpyxl, then LibreOffice', async () => {
    for (const f of resaved) await expectSame(f);
  });
});

describe('the project’s workbooks, the corpus and random grids re-saved by LibreOffice', () => {
  let converted: string[] = [];
  beforeAll(async () => {
    const src = join(dir, 'lo-src');
    mkdirSync(src);
    const files: string[] = [];
    const add = async (name: string, buf: Buffer) => {
      const f = join(src, name);
      writeFileSync(f, buf);
      files.push(f);
    };
    await add('exemple.xlsx', await gridToXlsxBuffer(buildSampleGrid()));
    await add('exemple-textes.xlsx', await gridToXlsxBuffer(buildSampleGrid({ textAmounts: true, wrapHeaders: true, blankRows: true })));
    await add('propre.xlsx', await gridToXlsxBuffer(buildCleanSampleGrid()));
    await add('fonctions.xlsx', await everyFeature(false));
    await add('fonctions-1904.xlsx', await everyFeature(true));
    for (const [i, grid] of fc.sample(randomGrid(), { numRuns: 12, seed: 14 }).entries()) await add(`aleatoire-${i}.xlsx`, await gridToXlsxBuffer(grid));
    for (const c of CORPUS.filter((x) => !['200000-lignes.xlsx', 'plage-jusqua-1048576.xlsx'].includes(x.name))) {
      const f = join(src, `corpus-${c.name}`);
      await c.make(f);
      // Only what LibreOffice can open (the unreadable corpus is compared in the npm tier).
      if (!(await compareWithOracle(readFileSync(f), f)).oursRefused) files.push(f);
    }
    const out = join(dir, 'lo-out');
    mkdirSync(out);
    converted = await convertAllWithLibreOffice(files, out, 'xlsx');
  });

  it('each converted file reads the same with both readers', async () => {
    expect(converted.length).toBeGreaterThan(30);
    for (const f of converted) await expectSame(f);
  });
});

describe('heavy files', () => {
  it('the 101 Départements of the batch review', async () => {
    const folder = join(dir, 'departements');
    const manifest = await generateDepartementWorkbooks(folder);
    for (const f of manifest.files) {
      const file = join(folder, f.file);
      if (existsSync(file)) await expectSame(file);
    }
  });

  it('the 200 000-row workbook and the used range reaching row 1 048 576', async () => {
    const file = join(dir, '200000.xlsx');
    await writeManyRowsWorkbook(file);
    await expectSame(file);
    const wide = CORPUS.find((c) => c.name === 'plage-jusqua-1048576.xlsx')!;
    await wide.make(join(dir, wide.name));
    await expectSame(join(dir, wide.name));
  });
});
