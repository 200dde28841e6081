/**
 * applyWrites on the stricter fake: what a plan writes lands where it should; the undo record is
 * saved before any cell; a tool-owned sheet is rewritten in place, so references to it from the
 * user's sheets keep working; a protected sheet is refused before anything is written; a write that
 * stops part-way says so and is undone exactly.
 */
import { buildSampleGrid } from '../../../scripts/sample/build-sample';
import { applyWrites } from '../../../src/adapters/office/apply-writes';
import { createFakeOfficeHost } from '../../../src/adapters/office/fake';
import { PartialWriteError, WorkbookActionError } from '../../../src/adapters/office/office-errors';
import { undoLastWrite } from '../../../src/adapters/office/undo-last-write';
import { type Grid, getCell, newSheet, setCell } from '../../../src/layout/grid';
import type { CellWrite, WritePlan } from '../../../src/layout/write-plan';
import { cloneGrid } from './office-view';


const FT = 'Construction du plan de finance';
const V1 = 'Etat des dépenses VOLET 1';

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

const cell = (grid: Grid, sheet: string, row: number, col: number) => getCell(grid.sheets.find((s) => s.name === sheet)!, row, col);

const PLAN: WritePlan = {
  description: 'Remplir les volets 1/2/3',
  createSheets: [
    { name: V1, columnWidths: { 1: 40, 7: 18 }, merges: [{ top: 1, left: 1, bottom: 1, right: 7 }], frozenRows: 3 },
    { name: 'Contrôles', replace: true, frozenRows: 4 },
  ],
  writes: [
    // In an existing sheet: over a typed text, over an amount (format kept), a formula.
    { sheet: FT, row: 18, col: 6, value: '330 places', purpose: 'derived' },
    { sheet: FT, row: 18, col: 7, value: 1234.5, purpose: 'derived' },
    { sheet: FT, row: 18, col: 9, formula: 'G18*2', value: 2469, numFmt: '#,##0.00 "€"', purpose: 'derived' },
    // In the new sheets: text that looks like a formula stays text; a date becomes a serial.
    { sheet: V1, row: 1, col: 1, value: 'TOTAL DEPENSES AU TITRE DU VOLET 1', purpose: 'template' },
    { sheet: V1, row: 2, col: 1, value: '=HYPERLINK("x")', purpose: 'template' },
    { sheet: V1, row: 2, col: 2, value: new Date(Date.UTC(2024, 11, 31)), numFmt: 'dd/mm/yyyy', purpose: 'template' },
    { sheet: V1, row: 3, col: 3, value: 2, purpose: 'template' },
    { sheet: V1, row: 3, col: 4, value: 150, purpose: 'template' },
    { sheet: V1, row: 3, col: 7, formula: 'C3*D3', value: 300, purpose: 'template' },
    { sheet: 'Contrôles', row: 1, col: 1, value: 'Contrôles du classeur', purpose: 'control' },
  ],
};

describe('applyWrites', () => {
  test('writes a plan in 8 round trips: the undo record first, then every cell in one batch, calculation suspended', async () => {
    const host = createFakeOfficeHost(sampleWithControls());
    const controlsId = host.excel.model.sheetId(host.excel.model.find('Contrôles')!);
    const result = await applyWrites(host.globals.excel, PLAN);
    expect(host.excel.runs).toBe(1);
    // Sheets and date system; what the write replaces; the rewritten Contrôles' cells, then its
    // merged areas (each within Excel's limits); record; cells; read back; record completed.
    expect(host.excel.syncCount).toBe(8);
    expect(result).toMatchObject({ cellsWritten: 10, sheetsCreated: [V1], sheetsRewritten: ['Contrôles'] });
    const writing = host.excel.syncs.filter((s) => s.cellWrites > 0);
    // The record (and its guard name) goes alone, before the write's only batch.
    expect(writing).toHaveLength(3); // record; cells; record completed
    expect(writing[1].calculationSuspended).toBe(true);

    const g = host.excel.model.grid;
    expect(cell(g, FT, 18, 6)).toEqual({ value: '330 places' });
    expect(cell(g, FT, 18, 7)).toEqual({ value: 1234.5, numFmt: '#,##0.00 "€"' }); // its own format kept
    expect(cell(g, FT, 18, 9)).toEqual({ value: 2469, formula: 'G18*2', numFmt: '#,##0.00 "€"' }); // calculated after
    expect(cell(g, V1, 2, 1)).toEqual({ value: '=HYPERLINK("x")' });
    expect(cell(g, V1, 2, 2)).toEqual({ value: 45657, numFmt: 'dd/mm/yyyy' });
    expect(cell(g, V1, 3, 7)).toMatchObject({ formula: 'C3*D3', value: 300 });
    const v1 = host.excel.model.find(V1)!;
    expect(v1.merges).toEqual([{ top: 1, left: 1, bottom: 1, right: 7 }]);
    expect(v1.columnWidths?.get(1)).toBeCloseTo(40, 0);
    expect(host.excel.model.frozenRows.get(v1)).toBe(3);
    // Contrôles: the same sheet (same id, same place), emptied and rewritten.
    const controls = host.excel.model.find('Contrôles')!;
    expect(host.excel.model.sheetId(controls)).toBe(controlsId);
    expect(g.sheets.indexOf(controls)).toBe(1);
    expect(cell(g, 'Contrôles', 2, 2)).toBeUndefined();
    expect(controls.merges).toEqual([]);
    expect(host.excel.model.frozenRows.get(controls)).toBe(4);
    expect(g.sheets.map((s) => `${s.name}:${s.state}`)).toContain('_annexes_annulation:veryHidden');
    expect(g.sheets.some((s) => s.name.startsWith('_annexes_prec'))).toBe(false);
  });

  test('`=\'Contrôles\'!B2` on the user’s sheet: Contrôles written twice, it still reads the new sheet', async () => {
    const grid = buildSampleGrid();
    const mine = newSheet('Mon suivi');
    setCell(mine, 1, 1, { value: null, formula: "'Contrôles'!B2*2" });
    grid.sheets.push(mine);
    const host = createFakeOfficeHost(grid);
    const controls = (b2: number): WritePlan => ({ description: 'Contrôles', createSheets: [{ name: 'Contrôles', replace: true }], writes: [{ sheet: 'Contrôles', row: 2, col: 2, value: b2, purpose: 'control' }] });
    await applyWrites(host.globals.excel, controls(10));
    expect(cell(host.excel.model.grid, 'Mon suivi', 1, 1)).toMatchObject({ formula: "'Contrôles'!B2*2", value: 20 });
    await applyWrites(host.globals.excel, controls(35));
    await applyWrites(host.globals.excel, controls(36));
    expect(cell(host.excel.model.grid, 'Mon suivi', 1, 1)).toMatchObject({ formula: "'Contrôles'!B2*2", value: 72 });
    await undoLastWrite(host.globals.excel);
    expect(cell(host.excel.model.grid, 'Mon suivi', 1, 1)).toMatchObject({ formula: "'Contrôles'!B2*2", value: 70 });
  });

  test('refuses, before writing anything, a plan for a missing sheet or locked cells of a protected sheet', async () => {
    const host = createFakeOfficeHost(sampleWithControls());
    const before = cloneGrid(host.excel.model.grid);
    const missing: WritePlan = { description: 'x', createSheets: [], writes: [{ sheet: 'Nulle part', row: 1, col: 1, value: 1, purpose: 'derived' }] };
    await expect(applyWrites(host.globals.excel, missing)).rejects.toThrow(/« Nulle part » n’existe pas/);
    host.excel.user.protect(FT);
    const e = await applyWrites(host.globals.excel, PLAN).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(WorkbookActionError);
    expect((e as Error).message).toMatch(/Feuille « Construction du plan de finance » protégée ; cellules verrouillées : F18:G18, I18.*Ôtez la protection.*Rien n’a été écrit/);
    expect(host.excel.model.grid).toEqual(before);
    expect(host.excel.model.names.size).toBe(0);
  });

  test('a failure in the second write batch: the message says the workbook is partly written, and undo restores it exactly', async () => {
    const host = createFakeOfficeHost(sampleWithControls());
    const before = cloneGrid(host.excel.model.grid);
    const writes: CellWrite[] = [];
    for (let r = 1; r <= 300; r++) for (let c = 1; c <= 10; c += 3) writes.push({ sheet: 'Paramètres', row: 40 + r, col: c, value: `ligne ${r} colonne ${c} `.repeat(4), purpose: 'control' });
    const plan: WritePlan = { ...PLAN, writes: [...PLAN.writes, ...writes] };
    let writingBatches = 0;
    // The second batch that writes cells with calculation suspended fails after 40 operations.
    host.excel.faults.push({ kind: 'fail', afterOperations: 40, at: ({ writeOperations }) => writeOperations > 30 && ++writingBatches === 2 });
    const e = await applyWrites(host.globals.excel, plan, { maxPayloadBytes: 60 * 1024 }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(PartialWriteError);
    // It was the write's second batch (each starts with calculation suspended): the first is in.
    expect(host.excel.syncs.filter((x) => x.calculationSuspended)).toHaveLength(2);
    expect((e as Error).message).toMatch(/s’est arrêtée en cours d’écriture : le classeur est modifié en partie\. Onglet Écritures, « Annuler » le remet comme avant/);
    expect(host.excel.model.grid).not.toEqual(before);
    const undo = await undoLastWrite(host.globals.excel, { maxPayloadBytes: 60 * 1024 });
    expect(undo.undone).toBe(true);
    expect(host.excel.model.grid).toEqual(before);
  });

  test('a plan above the payload limit is split in batches, each under the limit, and undone exactly', async () => {
    const host = createFakeOfficeHost(sampleWithControls());
    const before = cloneGrid(host.excel.model.grid);
    const writes: CellWrite[] = [];
    for (let r = 1; r <= 400; r++) for (let c = 1; c <= 10; c += 2) writes.push({ sheet: 'Paramètres', row: r, col: c, value: `ligne ${r} colonne ${c} `.repeat(5), purpose: 'control' });
    host.excel.maxPayloadBytes = 120 * 1024; // the fake refuses what Excel on the web would, scaled down
    await applyWrites(host.globals.excel, { description: 'gros', createSheets: [], writes }, { maxPayloadBytes: 100 * 1024 });
    expect(host.excel.syncs.filter((s) => s.cellWrites > 0).length).toBeGreaterThan(3);
    expect(host.excel.syncs.every((s) => s.requestBytes <= 120 * 1024)).toBe(true);
    await undoLastWrite(host.globals.excel, { maxPayloadBytes: 100 * 1024 });
    expect(host.excel.model.grid).toEqual(before);
  });

  test('restores error values, booleans, empty cells, text that looks like a number or a formula', async () => {
    const grid = sampleWithControls();
    const p = grid.sheets.find((s) => s.name === 'Paramètres')!;
    setCell(p, 40, 1, { value: null, error: '#N/A' });
    setCell(p, 40, 2, { value: true });
    setCell(p, 40, 3, { value: '0123', numFmt: '@' });
    setCell(p, 40, 4, { value: '-5' });
    setCell(p, 40, 6, { value: '=L50+N50' });
    setCell(p, 40, 7, { value: '#REF!' });
    const host = createFakeOfficeHost(grid);
    const before = cloneGrid(host.excel.model.grid);
    const writes: CellWrite[] = [1, 2, 3, 4, 5, 6, 7].map((col) => ({ sheet: 'Paramètres', row: 40, col, value: 7, numFmt: '0', purpose: 'control' }));
    await applyWrites(host.globals.excel, { description: 'x', createSheets: [], writes });
    expect(cell(host.excel.model.grid, 'Paramètres', 40, 5)).toEqual({ value: 7, numFmt: '0' });
    await undoLastWrite(host.globals.excel);
    expect(host.excel.model.grid).toEqual(before);
  });
});
