/**
 * readWorkbook on the fake Excel: the grid the engine gets from Office.js is the workbook's, and it
 * costs two round trips whatever the size (the budget), measured, not assumed.
 */
import { buildSampleGrid } from '../../../scripts/sample/build-sample';
import { analyseGrid } from '../../../src/layout/analyse';
import { readWorkbook } from '../../../src/adapters/office/read-workbook';
import { createFakeOfficeHost } from '../../../src/adapters/office/fake';
import { cellCount, largeSample, officeView } from './office-view';

describe('readWorkbook', () => {
  test('reads the sample as Office.js shows it, in 2 syncs', async () => {
    const sample = buildSampleGrid();
    const expected = officeView(sample);
    const host = createFakeOfficeHost(sample);
    const grid = await readWorkbook(host.globals.excel);
    expect(host.excel.syncCount).toBe(2);
    expect(host.excel.runs).toBe(1);
    expect(grid).toEqual(expected);
    expect(Math.max(...host.excel.syncs.map((s) => s.responseBytes))).toBeLessThan(512 * 1024);
  });

  test('gives the engine the same findings as the file reader', async () => {
    const host = createFakeOfficeHost(buildSampleGrid());
    const fromOffice = analyseGrid(await readWorkbook(host.globals.excel)).findings;
    const fromGrid = analyseGrid(buildSampleGrid()).findings;
    expect(fromOffice.map((f) => `${f.rule} ${f.sheet}!${f.cell}`)).toEqual(fromGrid.map((f) => `${f.rule} ${f.sheet}!${f.cell}`));
    expect(fromOffice.find((f) => f.rule === 'PLAN-DELTA')?.cell).toBe('F18');
  });

  test('still 2 syncs on a workbook 100 times larger', async () => {
    const big = largeSample(100);
    const cells = cellCount(big);
    expect(cells).toBeGreaterThan(100 * cellCount(buildSampleGrid()) - 1);
    const host = createFakeOfficeHost(big);
    const grid = await readWorkbook(host.globals.excel);
    expect(host.excel.syncCount).toBe(2);
    expect(cellCount(grid)).toBe(cells);
    // For the record: the size of the answer Excel would send (Excel on the web caps it at 5 MB).
    const biggest = Math.max(...host.excel.syncs.map((s) => s.responseBytes));
    console.log(`readWorkbook : ${cells} cellules, ${host.excel.syncCount} syncs, réponse la plus lourde ${Math.round(biggest / 1024)} Ko`);
  });

  test('maps error values, skips the add-in sheets, keeps hidden sheets', async () => {
    const grid = buildSampleGrid();
    const params = grid.sheets.find((s) => s.name === 'Paramètres')!;
    params.state = 'hidden';
    params.rows.get(2)!.set(5, { value: null, formula: 'B2/0', error: '#DIV/0!' });
    params.rows.get(2)!.set(6, { value: 'N/A' });
    params.rows.get(2)!.set(7, { value: '=B2+1' }); // text typed with a quote prefix
    grid.sheets.push({ name: '_annexes_annulation', rows: new Map([[1, new Map([[1, { value: '{}' }]])]]), merges: [], state: 'veryHidden' });
    const host = createFakeOfficeHost(grid);
    const read = await readWorkbook(host.globals.excel);
    const p = read.sheets.find((s) => s.name === 'Paramètres')!;
    expect(p.state).toBe('hidden');
    expect(p.rows.get(2)!.get(5)).toEqual({ value: null, formula: 'B2/0', error: '#DIV/0!' });
    expect(p.rows.get(2)!.get(6)).toEqual({ value: 'N/A' });
    expect(p.rows.get(2)!.get(7)).toEqual({ value: '=B2+1' });
    expect(read.sheets.map((s) => s.name)).not.toContain('_annexes_annulation');
  });

  test('an empty sheet reads as empty, without failing the batch', async () => {
    const grid = buildSampleGrid();
    grid.sheets.push({ name: 'Vide', rows: new Map(), merges: [] });
    const host = createFakeOfficeHost(grid);
    const read = await readWorkbook(host.globals.excel);
    expect(read.sheets.find((s) => s.name === 'Vide')!.rows.size).toBe(0);
    expect(host.excel.syncCount).toBe(2);
  });
});
