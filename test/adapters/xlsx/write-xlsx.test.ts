import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import ExcelJS from 'exceljs';
import { gridToXlsxBuffer, writeXlsxFile } from '../../../src/adapters/xlsx/write-xlsx';
import { readXlsxBuffer, readXlsxFile } from '../../../src/adapters/xlsx/read-xlsx';
import { type Grid, type GridCell, getCell, isUncachedFormula, newSheet, setCell } from '../../../src/layout/grid';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'annexes-write-xlsx-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A grid exercising every kind of cell; every cell is in the form the reader gives back. */
function sampleGrid(): Grid {
  const main = newSheet('Annexe 2 – Crédits');
  const cells: Array<[number, number, GridCell]> = [
    [1, 1, { value: 'Intitulé de l’action « insertion »' }],
    [1, 3, { value: 'Titre sur trois colonnes' }],
    [2, 1, { value: 1234.56, numFmt: '#,##0.00\\ "€"' }],
    [2, 2, { value: -0.5 }],
    [3, 1, { value: 0 }],
    [3, 2, { value: true }],
    [3, 3, { value: false }],
    [4, 1, { value: new Date(Date.UTC(2024, 11, 31)), numFmt: 'dd/mm/yyyy' }],
    [5, 1, { value: 1234.56, formula: 'A2' }],
    [5, 2, { value: 0, formula: 'A3*2' }],
    [5, 3, { value: false, formula: 'A3>1' }],
    [5, 4, { value: '', formula: 'IF(A3=0,"","non nul")' }],
    [5, 5, { value: 'Total', formula: '"To"&"tal"' }],
    [6, 1, { value: null, formula: 'SUM(A1:A5)' }],
    [6, 2, { value: null, formula: 'A2/A3', error: '#DIV/0!' }],
    [6, 3, { value: null, formula: 'Absente!A1', error: '#REF!' }],
    [6, 4, { value: new Date(Date.UTC(2025, 0, 1)), formula: 'A4+1', numFmt: 'dd/mm/yyyy' }],
    [7, 1, { value: null, error: '#N/A' }],
    [7, 2, { value: null, error: '#VALUE!' }],
    [8, 1, { value: '=SUM(A1:A2)' }],
    [8, 2, { value: '=1+1', numFmt: '@' }],
  ];
  for (const [r, c, cell] of cells) setCell(main, r, c, cell);
  main.merges = [{ top: 1, left: 3, bottom: 1, right: 5 }];
  main.columnWidths = new Map([
    [1, 40],
    [3, 12.5],
  ]);
  main.state = 'visible';
  const hidden = newSheet('Référentiel');
  hidden.state = 'hidden';
  setCell(hidden, 2, 2, { value: 'caché' });
  const veryHidden = newSheet('Interne');
  veryHidden.state = 'veryHidden';
  setCell(veryHidden, 1, 1, { value: 42 });
  return { sheets: [main, hidden, veryHidden] };
}

describe('gridToXlsxBuffer / writeXlsxFile', () => {
  it('round-trips a grid through a file without losing anything', async () => {
    const file = join(dir, 'aller-retour.xlsx');
    const grid = sampleGrid();
    await writeXlsxFile(grid, file);
    expect(await readXlsxFile(file)).toEqual(grid);
  });

  it('writes "=…" strings as text, never as formulas', async () => {
    const buf = await gridToXlsxBuffer(sampleGrid());
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as Parameters<ExcelJS.Xlsx['load']>[0]);
    const ws = wb.getWorksheet('Annexe 2 – Crédits')!;
    expect(ws.getCell('A8').type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell('A8').value).toBe('=SUM(A1:A2)');
    expect(ws.getCell('A8').formula).toBeUndefined();
    expect(ws.getCell('B8').value).toBe('=1+1');
  });

  it('writes a formula with no cached value without a result, and cached zeros with one', async () => {
    const buf = await gridToXlsxBuffer(sampleGrid());
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as Parameters<ExcelJS.Xlsx['load']>[0]);
    const ws = wb.getWorksheet('Annexe 2 – Crédits')!;
    expect(ws.getCell('A6').formula).toBe('SUM(A1:A5)');
    expect(ws.getCell('A6').result).toBeUndefined();
    expect(ws.getCell('B5').result).toBe(0);
    expect(ws.getCell('B6').result).toEqual({ error: '#DIV/0!' });

    const back = (await readXlsxBuffer(buf, 'x.xlsx')).sheets[0];
    expect(isUncachedFormula(getCell(back, 6, 1))).toBe(true);
    expect(isUncachedFormula(getCell(back, 5, 2))).toBe(false);
    expect(isUncachedFormula(getCell(back, 5, 4))).toBe(false);
  });

  it('drops a leading "=" from formulas', async () => {
    const s = newSheet('F');
    setCell(s, 1, 1, { value: 3, formula: '=1+2' });
    const back = await readXlsxBuffer(await gridToXlsxBuffer({ sheets: [s] }), 'f.xlsx');
    expect(getCell(back.sheets[0], 1, 1)).toEqual({ value: 3, formula: '1+2' });
  });

  it('gives a Date without numFmt a date format so it reads back as a Date', async () => {
    const s = newSheet('D');
    const d = new Date(Date.UTC(2024, 5, 30));
    setCell(s, 1, 1, { value: d });
    const back = getCell((await readXlsxBuffer(await gridToXlsxBuffer({ sheets: [s] }), 'd.xlsx')).sheets[0], 1, 1);
    expect(back?.value).toEqual(d);
    expect(back?.numFmt).toBe('mm-dd-yy'); // ExcelJS's default (built-in format 14)
  });
});
