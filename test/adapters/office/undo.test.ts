/**
 * The undo stack on the stricter fake, in the scenarios where the former one-level undo destroyed
 * or misplaced the user's work: it never deletes an original sheet, refuses (workbook unchanged)
 * when the user changed written cells or inserted a row, can be retried after a failure, and four
 * writes undone four times give back the workbook of the start.
 */
import { buildSampleGrid } from '../../../scripts/sample/build-sample';
import { applyWrites } from '../../../src/adapters/office/apply-writes';
import { createFakeOfficeHost } from '../../../src/adapters/office/fake';
import type { FakeOfficeHost } from '../../../src/adapters/office/fake';
import { readWorkbook } from '../../../src/adapters/office/read-workbook';
import { UndoRefusedError, forgetLastWrite, undoLastWrite } from '../../../src/adapters/office/undo-last-write';
import { UNDO_DEPTH } from '../../../src/adapters/office/undo-record';
import { listWrites } from '../../../src/adapters/office/undo-stack';
import { analyseGrid } from '../../../src/layout/analyse';
import { BILAN_SHEET } from '../../../src/layout/fill/bilan-sheet';
import { planControlsSheet, planDerivedFormulas, planVoletTemplates, voletSheetName } from '../../../src/layout/fill';
import { type Grid, getCell, newSheet, setCell } from '../../../src/layout/grid';
import { planMidTermReport } from '../../../src/layout/report/mid-term-report';
import type { WritePlan } from '../../../src/layout/write-plan';
import { cloneGrid } from './office-view';


const FT = 'Construction du plan de finance';

/** The sample with a « Contrôles » sheet of the user's own (kept by the former version as a backup). */
function sampleWithControls(): Grid {
  const grid = buildSampleGrid();
  const controls = newSheet('Contrôles');
  setCell(controls, 1, 1, { value: 'Mes contrôles à moi' });
  setCell(controls, 2, 2, { value: 12.5, numFmt: '0.00' });
  controls.merges.push({ top: 1, left: 1, bottom: 1, right: 3 });
  grid.sheets.splice(1, 0, controls);
  return grid;
}

async function write(host: FakeOfficeHost, planner: (g: Grid) => WritePlan): Promise<WritePlan> {
  const grid = await readWorkbook(host.globals.excel);
  const plan = planner(grid);
  await applyWrites(host.globals.excel, plan);
  return plan;
}

const derived = (g: Grid) => planDerivedFormulas(g, analyseGrid(g));
const volets = (g: Grid) => planVoletTemplates(g, analyseGrid(g));
const controls = (g: Grid) => planControlsSheet(analyseGrid(g));
const idOf = (host: FakeOfficeHost, name: string) => host.excel.model.sheetId(host.excel.model.find(name)!);

describe('undo stack', () => {
  test('Recalculer → Volets → Contrôles → Rapport, then four « Annuler »: the workbook equals the start', async () => {
    const host = createFakeOfficeHost(sampleWithControls());
    const start = cloneGrid(host.excel.model.grid);
    const descriptions = [(await write(host, derived)).description, (await write(host, volets)).description, (await write(host, controls)).description];
    const grid = await readWorkbook(host.globals.excel);
    const report = planMidTermReport(grid, analyseGrid(grid));
    await applyWrites(host.globals.excel, report.plan, { charts: report.charts });
    descriptions.push(report.plan.description);
    expect((await listWrites(host.globals.excel)).map((e) => e.description)).toEqual([...descriptions].reverse());
    for (const d of [...descriptions].reverse()) {
      const r = await undoLastWrite(host.globals.excel);
      expect(r).toMatchObject({ undone: true, description: d });
    }
    expect(host.excel.model.grid).toEqual(start);
    expect(host.excel.model.names.size).toBe(0);
    expect(host.excel.model.charts.size).toBe(0);
    expect((await undoLastWrite(host.globals.excel)).undone).toBe(false);
  });

  test('undo after the user protected the sheet: refused, nothing changed; retried once unprotected: the original sheet is there', async () => {
    const host = createFakeOfficeHost(sampleWithControls());
    const start = cloneGrid(host.excel.model.grid);
    const id = idOf(host, 'Contrôles');
    await write(host, controls);
    host.excel.user.protect('Contrôles');
    const written = cloneGrid(host.excel.model.grid);
    const e = await undoLastWrite(host.globals.excel).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(UndoRefusedError);
    expect((e as Error).message).toMatch(/Feuille « Contrôles » protégée.*Ôtez la protection.*Rien n’a été modifié/);
    expect(host.excel.model.grid).toEqual(written);
    // The retry, after a failure in the middle of the restore this time.
    host.excel.user.unprotect('Contrôles');
    host.excel.faults.push({ kind: 'fail', afterOperations: 6, at: ({ writeOperations }) => writeOperations > 4 });
    await expect(undoLastWrite(host.globals.excel)).rejects.toThrow(/s’est arrêtée en cours de route : relancez « Annuler »/);
    const r = await undoLastWrite(host.globals.excel);
    expect(r).toMatchObject({ undone: true, sheetsDeleted: [], sheetsRestored: ['Contrôles'] });
    expect(idOf(host, 'Contrôles')).toBe(id);
    expect(host.excel.model.grid).toEqual(start);
  });

  test('« Remplir les volets », the user deletes one of the new sheets, undo: the others go, no original sheet is touched', async () => {
    const host = createFakeOfficeHost(sampleWithControls());
    const start = cloneGrid(host.excel.model.grid);
    await write(host, volets);
    // The bilan: no other sheet points at it (deleting a statement would turn the bilan's links to #REF!, a change undo refuses to overwrite).
    host.excel.user.deleteSheet(BILAN_SHEET);
    const r = await undoLastWrite(host.globals.excel);
    expect(r.sheetsDeleted.sort()).toEqual([voletSheetName(1), voletSheetName(2), voletSheetName(3)]);
    expect(host.excel.model.grid).toEqual(start);
  });

  test('a row inserted between the write and the undo: refused, the workbook unchanged', async () => {
    const host = createFakeOfficeHost(buildSampleGrid());
    await write(host, derived);
    host.excel.user.insertRows(FT, 12);
    const before = cloneGrid(host.excel.model.grid);
    const e = await undoLastWrite(host.globals.excel).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(UndoRefusedError);
    expect((e as Error).message).toMatch(/lignes ou colonnes insérées ou supprimées dans « Construction du plan de finance » \(zone écrite [A-Z]+\d+:[A-Z]+\d+, maintenant/);
    expect(host.excel.model.grid).toEqual(before);
    // Deleting the row again puts the cells back where the write left them: undo goes through.
    host.excel.user.deleteRows(FT, 12);
    expect((await undoLastWrite(host.globals.excel)).undone).toBe(true);
  });

  test('a written cell the user changed since: refused with the cell named; « retirer de la liste » lets the earlier writes be undone', async () => {
    const host = createFakeOfficeHost(buildSampleGrid());
    const start = cloneGrid(host.excel.model.grid);
    await write(host, () => ({ description: 'Première', createSheets: [], writes: [{ sheet: 'Paramètres', row: 30, col: 2, value: 1, purpose: 'control' }] }));
    await write(host, () => ({ description: 'Seconde', createSheets: [], writes: [{ sheet: FT, row: 18, col: 6, value: 330, purpose: 'derived' }] }));
    host.excel.user.edit(FT, 'F18', 400);
    const e = await undoLastWrite(host.globals.excel).catch((x: unknown) => x);
    expect((e as Error).message).toMatch(/cellules modifiées depuis l’écriture dans « Construction du plan de finance » : F18/);
    expect(getCell(host.excel.model.find(FT)!, 18, 6)).toEqual(expect.objectContaining({ value: 400 }));
    expect(await forgetLastWrite(host.globals.excel)).toEqual({ forgotten: true, description: 'Seconde' });
    expect((await undoLastWrite(host.globals.excel)).description).toBe('Première');
    expect(getCell(host.excel.model.find('Paramètres')!, 30, 2)).toEqual(getCell(start.sheets.find((s) => s.name === 'Paramètres')!, 30, 2));
    expect(getCell(host.excel.model.find(FT)!, 18, 6)).toEqual(expect.objectContaining({ value: 400 })); // the user's value stays
  });

  test('a sheet undo would delete is used by a formula elsewhere: refused, listing the formula', async () => {
    const host = createFakeOfficeHost(buildSampleGrid());
    await write(host, volets);
    host.excel.user.edit('Paramètres', 'D40', `='${voletSheetName(1)}'!A1`);
    const before = cloneGrid(host.excel.model.grid);
    const e = await undoLastWrite(host.globals.excel).catch((x: unknown) => x);
    expect((e as Error).message).toMatch(/la feuille « Etat des dépenses VOLET 1 », qu’elle supprimerait, est utilisée par Paramètres!D40 \(ces formules deviendraient #REF!\)/);
    expect(host.excel.model.grid).toEqual(before);
  });

  test('sheets renamed since the write are found by id; a created sheet left the only visible one does not block undo', async () => {
    const host = createFakeOfficeHost(buildSampleGrid());
    const names = host.excel.model.grid.sheets.map((s) => s.name);
    await write(host, () => ({ description: 'Une feuille', createSheets: [{ name: 'Bilan' }], writes: [{ sheet: 'Bilan', row: 1, col: 1, value: 'x', purpose: 'template' }, { sheet: FT, row: 18, col: 6, value: 330, purpose: 'derived' }] }));
    host.excel.user.rename(FT, 'Plan de financement');
    for (const n of names.filter((n) => n !== FT)) host.excel.user.hide(n);
    host.excel.user.hide('Plan de financement');
    expect(host.excel.model.grid.sheets.filter((s) => s.state === 'visible').map((s) => s.name)).toEqual(['Bilan']);
    const r = await undoLastWrite(host.globals.excel);
    expect(r.sheetsDeleted).toEqual(['Bilan']);
    expect(r.shownAgain).toBe(names[0]);
    expect(getCell(host.excel.model.find('Plan de financement')!, 18, 6)).toEqual(getCell(buildSampleGrid().sheets.find((s) => s.name === FT)!, 18, 6));
  });

  test(`the stack keeps the last ${UNDO_DEPTH} writes; the oldest is forgotten with its hidden name`, async () => {
    const host = createFakeOfficeHost(buildSampleGrid());
    for (let i = 1; i <= UNDO_DEPTH + 1; i++) {
      await write(host, () => ({ description: `Écriture ${i}`, createSheets: [], writes: [{ sheet: 'Paramètres', row: 40, col: i, value: i, purpose: 'control' }] }));
    }
    const entries = await listWrites(host.globals.excel);
    expect(entries).toHaveLength(UNDO_DEPTH);
    expect(entries[0].description).toBe(`Écriture ${UNDO_DEPTH + 1}`);
    expect(entries[entries.length - 1].description).toBe('Écriture 2');
    expect(host.excel.model.names.size).toBe(UNDO_DEPTH);
  });

  test('the one-level undo sheet of an earlier version is set aside, never overwritten', async () => {
    const grid = buildSampleGrid();
    grid.sheets.push({ name: '_annexes_annulation', rows: new Map([[1, new Map([[1, { value: '{"version":1,"areas":[]}' }]])]]), merges: [], state: 'veryHidden' });
    const host = createFakeOfficeHost(grid);
    await write(host, derived);
    const old = host.excel.model.find('_annexes_annulation_v1_1')!;
    expect(getCell(old, 1, 1)).toEqual({ value: '{"version":1,"areas":[]}' });
    expect((await undoLastWrite(host.globals.excel)).undone).toBe(true);
  });
});
