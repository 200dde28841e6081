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
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { buildCleanSampleGrid } from '../../../scripts/batch/clean-sample';
import { buildSampleGrid } from '../../../scripts/sample/build-sample';
import { gridToXlsxBuffer } from '../../../src/adapters/xlsx/write-xlsx';
import { type CellRange, type Grid, type GridCell, type GridSheet, newSheet, setCell } from '../../../src/layout/grid';
import { CORPUS } from '../../fixtures/make-corpus';
import { syntheticCls } from '../../fixtures/synthetic-cls';
import { carryOverGrid } from '../../helpers/carry-over';
import { compareWithOracle } from '../../helpers/grid-diff';
import { midTermWorkbook } from '../../helpers/mid-term';

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

/** Every kind of value, formula, format and sheet setting ExcelJS writes. */
async function everyFeature(date1904: boolean): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.properties.date1904 = date1904;
  const ws = wb.addWorksheet('Annexe financière');
  ws.getCell('A1').value = 1234.56;
  ws.getCell('A1').numFmt = '#,##0.00\\ "€"';
  ws.getCell('A2').value = 'Crédits de l’État — « œuvre » & <balises> "guillemets" _x0041_ littéral';
  ws.getCell('A3').value = { richText: [{ text: 'Total ', font: { bold: true } }, { text: 'général' }] };
  ws.getCell('A4').value = new Date(Date.UTC(2024, 0, 31));
  ws.getCell('A5').value = true;
  ws.getCell('A6').value = { text: 'Lien', hyperlink: 'https://example.org' };
  ws.getCell('A7').value = { error: '#N/A' } as ExcelJS.CellErrorValue;
  ws.getCell('A8').value = 35;
  ws.getCell('A8').numFmt = '0\\ \\h';
  ws.getCell('A9').value = 45322.75;
  ws.getCell('A9').numFmt = 'dd/mm/yyyy hh:mm';
  ws.getCell('A10').value = '  espaces  \n ligne ';
  ws.getCell('A11').value = -0.005;
  ws.getCell('A11').numFmt = '0.00%';
  ws.getCell('A12').value = 1e21;
  ws.getCell('C1').value = { formula: 'A1*2', result: 2469.12 };
  ws.getCell('C2').value = { formula: 'A1-A1', result: 0 };
  ws.getCell('C3').value = { formula: 'IF(A1>0,"","x")', result: '' };
  ws.getCell('C4').value = { formula: 'A1+1' };
  ws.getCell('C5').value = { formula: 'A1/0', result: { error: '#DIV/0!' } };
  ws.getCell('C6').value = { formula: 'A4+1', result: new Date(Date.UTC(2024, 1, 1)) };
  ws.getCell('C6').numFmt = 'dd/mm/yyyy';
  ws.getCell('C7').value = { formula: 'A5', result: false };
  ws.getCell('B2').value = { formula: 'SUM(A$1:A1)+$A$1', shareType: 'shared', ref: 'B2:B5', result: 1 } as ExcelJS.CellValue;
  for (const r of [3, 4, 5]) ws.getCell(`B${r}`).value = { sharedFormula: 'B2', result: r };
  ws.getCell('D1').value = { formula: 'A1:A2*2', shareType: 'array', ref: 'D1:D2', result: 5 } as ExcelJS.CellValue;
  ws.getCell('G1').value = 'Titre fusionné';
  ws.mergeCells('G1:I2');
  ws.mergeCells('G4:G6');
  ws.getColumn(1).width = 42;
  ws.getColumn(3).hidden = true;
  ws.getRow(9).hidden = true;
  wb.addWorksheet('Paramètres', { state: 'hidden' }).getCell('B2').value = 'caché';
  wb.addWorksheet('Interne', { state: 'veryHidden' }).getCell('A1').value = 1;
  wb.addWorksheet('Vide');
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const NUM_FMTS = ['0.00', '#,##0', '# ##0,00 €', '#,##0.00\\ "€"', '0\\ \\h', 'dd/mm/yyyy', 'mm-dd-yy', '0%', '@', '[$-40C]d mmmm yyyy', '"Total" 0', '0.00E+00'];
const TEXT_CHARS = fc.constantFrom(...'aéÉ €«»’—_x0123&<>"\' \n\t;=+-#.,:/\\[]'.split(''), 'œ', '東', '😀');

function randomCell(): fc.Arbitrary<GridCell> {
  const scalar = fc.oneof(
    fc.double({ min: -1e12, max: 1e12, noNaN: true, noDefaultInfinity: true }).map((v) => (Object.is(v, -0) ? 0 : v)),
    fc.integer({ min: -1_000_000, max: 100_000_000 }),
    fc.string({ unit: TEXT_CHARS, minLength: 1, maxLength: 30 }),
    fc.boolean(),
    fc.date({ min: new Date(Date.UTC(1950, 0, 1)), max: new Date(Date.UTC(2100, 0, 1)), noInvalidDate: true }).map((d) => new Date(Math.round(d.getTime() / 1000) * 1000)),
  );
  const plain = scalar.map((value): GridCell => ({ value }));
  const error = fc.constantFrom('#REF!', '#DIV/0!', '#N/A', '#VALUE!', '#NAME?').map((e): GridCell => ({ value: null, error: e }));
  const formula = fc.tuple(fc.constantFrom('A1+B1', 'SUM(A1:A9)', 'IF(A1>0,"oui","")', 'Feuil2!C3*2', "'Autre feuille'!$B$1"), fc.option(scalar, { nil: null })).map(([f, v]): GridCell => ({ value: v, formula: f }));
  return fc
    .tuple(fc.oneof({ weight: 6, arbitrary: plain }, { weight: 1, arbitrary: error }, { weight: 2, arbitrary: formula }), fc.option(fc.constantFrom(...NUM_FMTS), { nil: undefined }))
    .map(([cell, numFmt]) => (numFmt && cell.error === undefined ? { ...cell, numFmt } : cell));
}

function randomSheet(name: string): fc.Arbitrary<GridSheet> {
  return fc
    .record({
      cells: fc.array(fc.tuple(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 12 }), randomCell()), { maxLength: 60 }),
      merges: fc.array(fc.tuple(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 2 })), { maxLength: 4 }),
      widths: fc.array(fc.tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 2, max: 60 })), { maxLength: 4 }),
      state: fc.constantFrom<GridSheet['state']>('visible', 'visible', 'hidden', 'veryHidden'),
    })
    .map(({ cells, merges, widths, state }) => {
      const sheet = newSheet(name);
      sheet.state = state;
      for (const [r, c, cell] of cells) setCell(sheet, r, c, cell);
      const kept: CellRange[] = [];
      for (const [top, left, h, w] of merges) {
        const m = { top, left, bottom: top + h, right: left + w };
        if ((h || w) && !kept.some((k) => k.top <= m.bottom && m.top <= k.bottom && k.left <= m.right && m.left <= k.right)) kept.push(m);
      }
      sheet.merges = kept;
      if (widths.length) sheet.columnWidths = new Map(widths);
      return sheet;
    });
}

function randomGrid(): fc.Arbitrary<Grid> {
  const names = fc.uniqueArray(fc.string({ unit: fc.constantFrom(...'ABCabcéèà 0123-_()'.split('')), minLength: 1, maxLength: 20 }).filter((n) => n.trim() === n && n !== ''), {
    minLength: 1,
    maxLength: 3,
    comparator: (a, b) => a.toLowerCase() === b.toLowerCase(),
  });
  return names.chain((ns) => fc.tuple(...ns.map((n) => randomSheet(n)))).map((sheets) => ({ sheets: sheets.some((s) => s.state === 'visible') ? sheets : [{ ...sheets[0], state: 'visible' as const }, ...sheets.slice(1)] }));
}
