/**
 * applyWrites and undoLastWrite on the fake Excel: what a plan writes lands where it should, in a
 * fixed number of round trips, and "Annuler la dernière écriture" gives back exactly the workbook
 * of before — values, formulas, formats, replaced sheets, sheet order and visibility.
 */
import { buildSampleGrid } from '../../../scripts/sample/build-sample';
import { applyWrites } from '../../../src/adapters/office/apply-writes';
import { createFakeOfficeHost } from '../../../src/adapters/office/fake';
import { WorkbookActionError } from '../../../src/adapters/office/office-errors';
import { undoLastWrite } from '../../../src/adapters/office/undo-last-write';
import { getCell, newSheet, setCell, type Grid } from '../../../src/layout/grid';
import type { CellWrite, WritePlan } from '../../../src/layout/write-plan';
import { cloneGrid } from './office-view';

const FT = 'Construction du plan de finance';

function sampleWithControls(): Grid {
  const grid = buildSampleGrid();
  const controls = newSheet('Contrôles');
  setCell(controls, 1, 1, { value: 'Ancienne feuille de contrôles', numFmt: '@' });
  setCell(controls, 2, 2, { value: 12.5, numFmt: '0.00' });
  controls.merges.push({ top: 1, left: 1, bottom: 1, right: 3 });
  controls.columnWidths = new Map([[1, 40]]);
  grid.sheets.splice(1, 0, controls);
  return grid;
}

function cell(grid: Grid, sheet: string, row: number, col: number) {
  return getCell(grid.sheets.find((s) => s.name === sheet)!, row, col);
}

const PLAN: WritePlan = {
  description: 'Remplir les volets 1/2/3',
  createSheets: [
    { name: 'Etat des dépenses VOLET 1', columnWidths: { 1: 40, 7: 18 }, merges: [{ top: 1, left: 1, bottom: 1, right: 7 }], frozenRows: 3 },
    { name: 'Contrôles', replace: true },
  ],
  writes: [
    // In an existing sheet: over a typed text, over an amount (format kept), a formula.
    { sheet: FT, row: 18, col: 6, value: '330 places', purpose: 'derived' },
    { sheet: FT, row: 18, col: 7, value: 1234.5, purpose: 'derived' },
    { sheet: FT, row: 18, col: 9, formula: 'G18*2', value: 2469, numFmt: '#,##0.00 "€"', purpose: 'derived' },
    // In the new sheets: text that looks like a formula stays text; a date becomes a serial.
    { sheet: 'Etat des dépenses VOLET 1', row: 1, col: 1, value: 'TOTAL DEPENSES AU TITRE DU VOLET 1', purpose: 'template' },
    { sheet: 'Etat des dépenses VOLET 1', row: 2, col: 1, value: '=HYPERLINK("x")', purpose: 'template' },
    { sheet: 'Etat des dépenses VOLET 1', row: 2, col: 2, value: new Date(Date.UTC(2024, 11, 31)), numFmt: 'dd/mm/yyyy', purpose: 'template' },
    { sheet: 'Etat des dépenses VOLET 1', row: 3, col: 3, value: 2, purpose: 'template' },
    { sheet: 'Etat des dépenses VOLET 1', row: 3, col: 4, value: 150, purpose: 'template' },
    { sheet: 'Etat des dépenses VOLET 1', row: 3, col: 7, formula: 'C3*D3', value: 300, purpose: 'template' },
    { sheet: 'Contrôles', row: 1, col: 1, value: 'Contrôles du classeur', purpose: 'control' },
  ],
};

describe('applyWrites', () => {
  test('writes a plan in 4 round trips and one Excel.run', async () => {
    const host = createFakeOfficeHost(sampleWithControls());
    const result = await applyWrites(host.globals.excel, PLAN);
    expect(host.excel.runs).toBe(1);
    expect(host.excel.syncCount).toBe(4);
    expect(result).toMatchObject({ cellsWritten: 10, sheetsCreated: ['Etat des dépenses VOLET 1'], sheetsReplaced: ['Contrôles'], roundTrips: 4 });

    const g = host.excel.model.grid;
    expect(cell(g, FT, 18, 6)).toEqual({ value: '330 places' });
    // The plan gave no format for G18: the cell keeps its amount format.
    expect(cell(g, FT, 18, 7)).toEqual({ value: 1234.5, numFmt: '#,##0.00 "€"' });
    expect(cell(g, FT, 18, 9)).toEqual({ value: 2469, formula: 'G18*2', numFmt: '#,##0.00 "€"' });
    const v1 = 'Etat des dépenses VOLET 1';
    expect(cell(g, v1, 2, 1)).toEqual({ value: '=HYPERLINK("x")' });
    expect(cell(g, v1, 2, 2)).toEqual({ value: 45657, numFmt: 'dd/mm/yyyy' });
    expect(cell(g, v1, 3, 7)).toMatchObject({ formula: 'C3*D3', value: 300 });
    const sheet = g.sheets.find((s) => s.name === v1)!;
    expect(sheet.merges).toEqual([{ top: 1, left: 1, bottom: 1, right: 7 }]);
    expect(sheet.columnWidths?.get(1)).toBeCloseTo(40, 0);
    expect(host.excel.model.frozenRows.get(sheet)).toBe(3);
    // The replaced sheet is a new one, in the old one's place; the old one is kept very hidden.
    const names = g.sheets.map((s) => `${s.name}:${s.state ?? 'visible'}`);
    expect(names[1]).toBe('Contrôles:visible');
    expect(names).toContain('_annexes_prec_1:veryHidden');
    expect(names).toContain('_annexes_annulation:veryHidden');
    expect(cell(g, 'Contrôles', 2, 2)).toBeUndefined();
  });

  test('writes every cell in one batch, calculation suspended', async () => {
    const host = createFakeOfficeHost(sampleWithControls());
    await applyWrites(host.globals.excel, PLAN);
    const writing = host.excel.syncs.filter((s) => s.cellWrites > 0);
    expect(writing).toHaveLength(1);
    expect(writing[0].calculationSuspended).toBe(true);
  });

  test('refuses a plan that writes to a sheet that does not exist, before touching anything', async () => {
    const host = createFakeOfficeHost(sampleWithControls());
    const before = cloneGrid(host.excel.model.grid);
    const plan: WritePlan = { description: 'x', createSheets: [], writes: [{ sheet: 'Nulle part', row: 1, col: 1, value: 1, purpose: 'derived' }] };
    await expect(applyWrites(host.globals.excel, plan)).rejects.toThrow(WorkbookActionError);
    await expect(applyWrites(host.globals.excel, plan)).rejects.toThrow(/« Nulle part » n’existe pas/);
    expect(host.excel.model.grid).toEqual(before);
  });
});

describe('undoLastWrite', () => {
  test('gives back the workbook exactly: values, formulas, formats, sheets', async () => {
    const host = createFakeOfficeHost(sampleWithControls());
    const before = cloneGrid(host.excel.model.grid);
    await applyWrites(host.globals.excel, PLAN);
    host.excel.resetCounts();
    const result = await undoLastWrite(host.globals.excel);
    expect(result).toMatchObject({ undone: true, description: 'Remplir les volets 1/2/3', cellsRestored: 3 });
    expect(result.sheetsDeleted.sort()).toEqual(['Contrôles', 'Etat des dépenses VOLET 1']);
    expect(host.excel.syncCount).toBe(4);
    expect(host.excel.model.grid).toEqual(before);
  });

  test('says so when there is nothing to undo, and undoes only once', async () => {
    const host = createFakeOfficeHost(sampleWithControls());
    expect((await undoLastWrite(host.globals.excel)).undone).toBe(false);
    await applyWrites(host.globals.excel, PLAN);
    expect((await undoLastWrite(host.globals.excel)).undone).toBe(true);
    expect((await undoLastWrite(host.globals.excel)).undone).toBe(false);
  });

  test('undoes the last write only: the one before stays', async () => {
    const host = createFakeOfficeHost(sampleWithControls());
    const first: WritePlan = { description: 'Recalculer les colonnes', createSheets: [], writes: [{ sheet: FT, row: 18, col: 6, value: '330 places', purpose: 'derived' }] };
    await applyWrites(host.globals.excel, first);
    const afterFirst = cloneGrid(host.excel.model.grid);
    await applyWrites(host.globals.excel, PLAN);
    await undoLastWrite(host.globals.excel);
    // Undo is one level deep: the first write's undo data went with the second write.
    const annexes = (g: Grid): Grid => ({ sheets: g.sheets.filter((s) => !s.name.startsWith('_annexes_')) });
    expect(annexes(host.excel.model.grid)).toEqual(annexes(afterFirst));
    expect(cell(host.excel.model.grid, FT, 18, 6)).toEqual({ value: '330 places' });
  });

  test('restores error values, booleans, empty cells, text that looks like a number or a formula', async () => {
    const grid = sampleWithControls();
    const p = grid.sheets.find((s) => s.name === 'Paramètres')!;
    setCell(p, 40, 1, { value: null, error: '#N/A' });
    setCell(p, 40, 2, { value: true });
    setCell(p, 40, 3, { value: '0123', numFmt: '@' });
    setCell(p, 40, 4, { value: '-5' });
    setCell(p, 40, 6, { value: '=L50+N50' });
    const host = createFakeOfficeHost(grid);
    const before = cloneGrid(host.excel.model.grid);
    const writes: CellWrite[] = [1, 2, 3, 4, 5, 6].map((col) => ({ sheet: 'Paramètres', row: 40, col, value: 7, numFmt: '0', purpose: 'control' }));
    await applyWrites(host.globals.excel, { description: 'x', createSheets: [], writes });
    expect(cell(host.excel.model.grid, 'Paramètres', 40, 5)).toEqual({ value: 7, numFmt: '0' });
    await undoLastWrite(host.globals.excel);
    expect(host.excel.model.grid).toEqual(before);
  });

  test('a plan above the payload limit is split in batches and still undone exactly', async () => {
    const host = createFakeOfficeHost(sampleWithControls());
    const before = cloneGrid(host.excel.model.grid);
    const writes: CellWrite[] = [];
    for (let r = 1; r <= 400; r++) for (let c = 1; c <= 10; c += 2) writes.push({ sheet: 'Paramètres', row: r, col: c, value: `ligne ${r} colonne ${c} `.repeat(5), purpose: 'control' });
    host.excel.maxPayloadBytes = 120 * 1024; // the fake refuses what Excel on the web would, scaled down
    const result = await applyWrites(host.globals.excel, { description: 'gros', createSheets: [], writes }, { maxPayloadBytes: 100 * 1024 });
    expect(result.roundTrips).toBeGreaterThan(4);
    expect(host.excel.syncs.every((s) => s.requestBytes <= 120 * 1024)).toBe(true);
    const undo = await undoLastWrite(host.globals.excel, { maxPayloadBytes: 100 * 1024 });
    expect(undo.roundTrips).toBeGreaterThan(4);
    expect(host.excel.model.grid).toEqual(before);
  });
});
