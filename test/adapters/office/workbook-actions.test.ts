/**
 * The pane's actions bound to a host: a finding's cell shown, marks (recorded before painting,
 * "no fill" told from white, protected sheets skipped and named), readings written to the
 * Paramètres sheet so that `annexes check` applies them, every Office.js error code in French,
 * a round trip that never answers, and the change watch that ignores the add-in's own writes.
 */
import { mkdtempSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import Decimal from 'decimal.js';
import { buildSampleGrid } from '../../../scripts/sample/build-sample';
import { createFakeOfficeHost } from '../../../src/adapters/office/fake';
import { FRENCH_BY_CODE, frenchErrorMessage } from '../../../src/adapters/office/office-errors';
import { SETTINGS_KEY } from '../../../src/adapters/office/settings';
import { OWN_EVENTS_GRACE_MS, createWorkbookActions } from '../../../src/adapters/office/workbook-actions';
import { writeXlsxFile } from '../../../src/adapters/xlsx/write-xlsx';
import { main } from '../../../src/cli/main';
import type { Finding } from '../../../src/domain/finding';
import { analyseGrid } from '../../../src/layout/analyse';
import { planVoletTemplates } from '../../../src/layout/fill';
import { planSettings } from '../../../src/layout/fill/settings-plan';
import { getCell } from '../../../src/layout/grid';
import { cloneGrid } from './office-view';
import { templateHost } from './template-host';
import { protectedSheetsText } from '../../../src/taskpane/pane-text';


const FT = 'Construction du plan de finance';

function setup() {
  const host = createFakeOfficeHost(buildSampleGrid());
  return { host, actions: createWorkbookActions(host.globals) };
}

const tick = (ms = 5) => new Promise((r) => setTimeout(r, ms));

describe('selectCell', () => {
  test('activates the sheet and selects the cell, in one round trip', async () => {
    const { host, actions } = setup();
    await actions.selectCell(FT, 'F18');
    expect(host.excel.model.selection).toEqual({ sheet: FT, address: 'F18' });
    expect(host.excel.syncCount).toBe(1);
  });

  test('a vanished sheet is said in French', async () => {
    const { actions } = setup();
    await expect(actions.selectCell('Feuille disparue', 'A1')).rejects.toThrow(/Impossible d’afficher la cellule A1 : Une feuille ou une cellule attendue n’existe plus/);
  });
});

describe('marks on faulty cells', () => {
  const findings: Finding[] = [
    { rule: 'PLAN-DELTA', severity: 'error', sheet: FT, cell: 'F18', message: 'm', article: 'a' },
    { rule: 'X', severity: 'info', sheet: FT, cell: 'F18', message: 'm', article: 'a' },
    { rule: 'UNDERSPEND', severity: 'warning', sheet: 'Tableau financier', cell: 'A27', message: 'm', article: 'a' },
    { rule: 'UNDERSPEND', severity: 'warning', sheet: 'Tableau financier', cell: 'A28', message: 'm', article: 'a' },
    { rule: 'COFI', severity: 'error', sheet: '', cell: '', message: 'classeur', article: 'a' },
  ];

  test('first click colours by severity, second click gives back each fill: white stays white, no fill stays none', async () => {
    const { host, actions } = setup();
    const ft = host.excel.model.find(FT)!;
    const tf = host.excel.model.find('Tableau financier')!;
    host.excel.user.fill(FT, 'F18', '#00B050');
    host.excel.user.fill('Tableau financier', 'A28', '#FFFFFF');
    expect(await actions.toggleMarks(findings)).toEqual({ marked: 3, cleared: 0, skippedSheets: [] });
    expect(host.excel.model.fill(ft, 18, 6)).toBe('#FFC7CE');
    expect(host.excel.model.fill(tf, 27, 1)).toBe('#FFEB9C');
    expect(actions.hasMarks()).toBe(true);
    expect(await actions.toggleMarks(findings)).toEqual({ marked: 0, cleared: 3, skippedSheets: [] });
    expect(host.excel.model.fill(ft, 18, 6)).toBe('#00B050');
    expect(host.excel.model.hasFill(tf, 27, 1)).toBe(false);
    expect([host.excel.model.hasFill(tf, 28, 1), host.excel.model.fill(tf, 28, 1)]).toEqual([true, '#FFFFFF']);
    expect(actions.hasMarks()).toBe(false);
  });

  test('a cell the officer coloured after the marking keeps the officer’s colour when the marks are taken off', async () => {
    const { host, actions } = setup();
    const ft = host.excel.model.find(FT)!;
    const tf = host.excel.model.find('Tableau financier')!;
    host.excel.user.fill(FT, 'F18', '#00B050');
    await actions.toggleMarks(findings);
    host.excel.user.fill('Tableau financier', 'A27', '#9BC2E6');
    expect(await actions.toggleMarks(findings)).toEqual({ marked: 0, cleared: 3, skippedSheets: [] });
    expect(host.excel.model.fill(tf, 27, 1)).toBe('#9BC2E6');
    expect(host.excel.model.fill(ft, 18, 6)).toBe('#00B050');
    expect(actions.hasMarks()).toBe(false);
  });

  test('the record is saved before painting: a painting cut short can still be removed', async () => {
    const { host, actions } = setup();
    const before = cloneGrid(host.excel.model.grid);
    const fills = new Map(host.excel.model.fills);
    host.excel.faults.push({ kind: 'fail', afterOperations: 1, at: ({ writeOperations }) => writeOperations > 0 }); // one cell painted, then the failure
    await expect(actions.toggleMarks(findings)).rejects.toThrow(/Marquage des cellules impossible/);
    expect(host.office.settings.saved.get('annexes.marques')).toHaveLength(3);
    expect(actions.hasMarks()).toBe(true);
    await actions.toggleMarks(findings);
    expect(host.excel.model.grid).toEqual(before);
    expect([...host.excel.model.fills].filter(([, m]) => m.size > 0)).toEqual([...fills].filter(([, m]) => m.size > 0));
  });

  test('on the tool’s own protected template: marks paint (cell formatting allowed), locked cells included, and come off', async () => {
    const host = await templateHost();
    const actions = createWorkbookActions(host.globals);
    const params = host.excel.model.find('Paramètres')!;
    const journal = host.excel.model.grid.sheets.find((s) => s.name.startsWith('Journal'))!;
    expect(host.excel.model.protection.of(params)).toMatchObject({ protected: true, options: { allowFormatCells: true } });
    const findings: Finding[] = [
      { rule: 'PARAM-INVALID', severity: 'error', sheet: 'Paramètres', cell: 'B5', message: 'm', article: 'a' },
      { rule: 'EXP-PERIOD', severity: 'warning', sheet: journal.name, cell: 'A1', message: 'm', article: 'a' }, // a locked header cell
    ];
    expect(await actions.toggleMarks(findings)).toEqual({ marked: 2, cleared: 0, skippedSheets: [] });
    expect(host.excel.model.fill(params, 5, 2)).toBe('#FFC7CE');
    expect(host.excel.model.fill(journal, 1, 1)).toBe('#FFEB9C');
    expect(await actions.toggleMarks(findings)).toEqual({ marked: 0, cleared: 2, skippedSheets: [] });
    expect([host.excel.model.hasFill(params, 5, 2), host.excel.model.hasFill(journal, 1, 1)]).toEqual([false, false]);
  });

  test('a sheet the officer protected without « Format de cellule »: skipped and named, nothing half-painted', async () => {
    const host = await templateHost();
    const actions = createWorkbookActions(host.globals);
    const params = host.excel.model.find('Paramètres')!;
    const journal = host.excel.model.grid.sheets.find((s) => s.name.startsWith('Journal'))!;
    host.excel.user.unprotect('Paramètres');
    host.excel.user.protect('Paramètres', { allowFormatColumns: true });
    const result = await actions.toggleMarks([
      { rule: 'PARAM-INVALID', severity: 'error', sheet: 'Paramètres', cell: 'B5', message: 'm', article: 'a' },
      { rule: 'EXP-PERIOD', severity: 'warning', sheet: journal.name, cell: 'A5', message: 'm', article: 'a' },
    ]);
    expect(result).toEqual({ marked: 1, cleared: 0, skippedSheets: ['Paramètres'] });
    expect(host.excel.model.hasFill(params, 5, 2)).toBe(false);
    expect(host.excel.model.fill(journal, 5, 1)).toBe('#FFEB9C');
    expect(protectedSheetsText(result.skippedSheets, false)).toBe(
      '1 feuille laissée telle quelle, car protégée contre la mise en forme : « Paramètres ». Pour la marquer, ôtez sa protection (Révision › Ôter la protection de la feuille) ou protégez-la en cochant « Format de cellule », puis cliquez de nouveau.',
    );
  });
});

describe('readings written to the Paramètres sheet', () => {
  const settings = { fseAsCd: true, underspendThreshold: new Decimal('0.75') };

  test('with the officer’s consent, in the sheet: `annexes check` on the saved file applies them', async () => {
    const { host, actions } = setup();
    const dir = mkdtempSync(path.join(os.tmpdir(), 'annexes-reglages-'));
    const check = async (file: string) => {
      let out = '';
      await main(['check', file, '--format', 'json'], { stdout: (s) => (out += s), stderr: () => undefined });
      return JSON.parse(out).files[0].findings.map((f: Finding) => f.rule) as string[];
    };
    await writeXlsxFile(host.excel.model.grid, path.join(dir, 'avant.xlsx'));
    expect(await check(path.join(dir, 'avant.xlsx'))).toContain('COFI-FT-VOLET2');

    const grid = await actions.readWorkbook();
    const { plan, changes } = planSettings(grid, analyseGrid(grid), settings);
    expect(changes.map((c) => `${c.label} = ${c.shown} (${c.cell})`)).toEqual([
      expect.stringMatching(/^FSE\+ valorisation comptée comme CD = oui \(Paramètres!B\d+\)$/),
      expect.stringMatching(/^Seuil de sous-consommation = 75 % \(Paramètres!B\d+\)$/),
    ]);
    await actions.applyWrites(plan);
    const after = analyseGrid(await actions.readWorkbook());
    expect(after.options.fseAsCd).toBe(true);
    expect(after.options.underspendThreshold.eq('0.75')).toBe(true);
    await writeXlsxFile(host.excel.model.grid, path.join(dir, 'apres.xlsx'));
    expect(await check(path.join(dir, 'apres.xlsx'))).not.toContain('COFI-FT-VOLET2');
    // Undoable like any write.
    await actions.undoLastWrite();
    expect(analyseGrid(await actions.readWorkbook()).options.fseAsCd).toBe(false);
  });

  test('a workbook without Paramètres sheet gets one; a key with a blank value is filled in place', async () => {
    const grid = buildSampleGrid();
    grid.sheets = grid.sheets.filter((s) => s.name !== 'Paramètres');
    const host = createFakeOfficeHost(grid);
    const actions = createWorkbookActions(host.globals);
    const read = await actions.readWorkbook();
    await actions.applyWrites(planSettings(read, analyseGrid(read), settings).plan);
    const p = host.excel.model.find('Paramètres')!;
    expect([getCell(p, 1, 1)?.value, getCell(p, 1, 2)?.value]).toEqual(['Paramètre', 'Valeur']);
    expect(analyseGrid(await actions.readWorkbook()).options).toMatchObject({ fseAsCd: true });

    const withBlank = buildSampleGrid();
    const params = withBlank.sheets.find((s) => s.name === 'Paramètres')!;
    const row = [...params.rows].find(([, cols]) => [...cols.values()].some((c) => String(c.value).startsWith('FSE+')))![0];
    params.rows.get(row)!.delete(2);
    const plan = planSettings(withBlank, analyseGrid(withBlank), settings);
    expect(plan.changes[0].cell).toBe(`Paramètres!B${row}`);
  });

  test('on the tool’s protected template: value cells are unlocked, formats unchanged: the write goes through', async () => {
    const host = await templateHost();
    const actions = createWorkbookActions(host.globals);
    const read = await actions.readWorkbook();
    await actions.applyWrites(planSettings(read, analyseGrid(read), settings).plan);
    expect(analyseGrid(await actions.readWorkbook()).options).toMatchObject({ fseAsCd: true });
  });

  test('« Remplir les volets » on the template: its protected états des dépenses are rewritten, protected again as they were, and undone', async () => {
    const host = await templateHost();
    const actions = createWorkbookActions(host.globals);
    const before = cloneGrid(host.excel.model.grid);
    const v1 = host.excel.model.find('Etat des dépenses VOLET 1')!;
    const options = host.excel.model.protection.of(v1).options;
    const read = await actions.readWorkbook();
    await actions.applyWrites(planVoletTemplates(read, analyseGrid(read)));
    expect(host.excel.model.protection.of(v1)).toEqual({ protected: true, options });
    await actions.undoLastWrite();
    expect(host.excel.model.protection.of(v1)).toEqual({ protected: true, options });
    expect(host.excel.model.grid).toEqual(before);
  });

  test('a statement protected without cell formatting: rewritten, protected again with formatting allowed (marks paint there); undo gives back the protection it had', async () => {
    const host = await templateHost();
    const actions = createWorkbookActions(host.globals);
    const v2 = host.excel.model.find('Etat des dépenses VOLET 2')!;
    host.excel.user.unprotect(v2.name);
    host.excel.user.protect(v2.name, { allowInsertRows: true });
    const read = await actions.readWorkbook();
    await actions.applyWrites(planVoletTemplates(read, analyseGrid(read)));
    expect(host.excel.model.protection.of(v2)).toEqual({ protected: true, options: { allowInsertRows: true, allowFormatCells: true } });
    const marked = await actions.toggleMarks([{ rule: 'EXP-PERIOD', severity: 'warning', sheet: v2.name, cell: 'G10', message: 'm', article: 'a' }]);
    expect(marked).toEqual({ marked: 1, cleared: 0, skippedSheets: [] });
    await actions.toggleMarks([]);
    await actions.undoLastWrite();
    expect(host.excel.model.protection.of(v2)).toEqual({ protected: true, options: { allowInsertRows: true } });
  });

  test('a tool-owned sheet protected with a password: refused, nothing written, protections as they were', async () => {
    const host = await templateHost();
    const actions = createWorkbookActions(host.globals);
    host.excel.user.unprotect('Etat des dépenses VOLET 3');
    host.excel.user.protect('Etat des dépenses VOLET 3', {}, 'secret');
    const before = cloneGrid(host.excel.model.grid);
    const states = host.excel.model.grid.sheets.map((sh) => host.excel.model.protection.of(sh));
    const read = await actions.readWorkbook();
    await expect(actions.applyWrites(planVoletTemplates(read, analyseGrid(read)))).rejects.toThrow(/refusé d’ôter la protection de ces feuilles « Etat des dépenses VOLET 1 », « Etat des dépenses VOLET 2 », « Etat des dépenses VOLET 3 », « Bilan financier FT » \(mot de passe \?\).*Rien n’a été écrit/);
    expect(host.excel.model.grid).toEqual(before);
    expect(host.excel.model.grid.sheets.map((sh) => host.excel.model.protection.of(sh))).toEqual(states);
  });

  test('readings an earlier version kept in the document settings are offered, then forgotten', async () => {
    const { host, actions } = setup();
    host.office.settings.set(SETTINGS_KEY, { fseAsCd: true, underspendThreshold: 0.7 });
    expect(actions.legacySettings()).toEqual({ fseAsCd: true, underspendThreshold: 0.7 });
    host.office.settings.set(SETTINGS_KEY, { fseAsCd: 'oui', underspendThreshold: 7 });
    expect(actions.legacySettings()).toEqual({});
    await actions.forgetLegacySettings();
    expect(host.office.settings.saved.has(SETTINGS_KEY)).toBe(false);
  });
});

describe('failures said in French', () => {
  /** Microsoft's list: "Error handling with the application-specific JavaScript APIs" (common and Excel codes). */
  const DOCUMENTED = [
    'AccessDenied', 'ActivityLimitReached', 'ApiNotAvailable', 'ApiNotFound', 'BadPassword', 'Client Error', 'Conflict', 'ContentLengthRequired',
    'GeneralException', 'HostRestartNeeded', 'InsertDeleteConflict', 'InvalidArgument', 'InvalidBinding', 'InvalidOperation', 'InvalidReference',
    'InvalidRequest', 'InvalidRibbonDefinition', 'InvalidSelection', 'ItemAlreadyExists', 'ItemNotFound', 'MemoryLimitReached', 'NotImplemented',
    'RequestAborted', 'RequestPayloadSizeLimitExceeded', 'ResponsePayloadSizeLimitExceeded', 'ServiceNotAvailable', 'Unauthenticated',
    'UnsupportedFeature', 'UnsupportedOperation', 'EmptyChartSeries', 'FilteredRangeConflict', 'FormulaLengthExceedsLimit', 'InactiveWorkbook',
    'InvalidOperationInCellEditMode', 'MergedRangeConflict', 'NonBlankCellOffSheet', 'OperationCellsExceedLimit', 'PivotTableRangeConflict',
    'RangeExceedsLimit', 'RefreshWorkbookLinksBlocked', 'UnsupportedSheet',
  ];

  test('every code of Microsoft’s list has its own French sentence; an unknown one a generic one', () => {
    const generic = frenchErrorMessage(new Error('boom'));
    expect(generic).toMatch(/erreur inattendue/);
    for (const code of DOCUMENTED) {
      expect([code, frenchErrorMessage({ code })]).toEqual([code, FRENCH_BY_CODE[code]]);
      expect(FRENCH_BY_CODE[code]).not.toBe(generic);
    }
    expect(frenchErrorMessage({ code: 'InactiveWorkbook' })).toMatch(/Cliquez dans ce classeur/);
    expect(frenchErrorMessage({ debugInfo: { code: 'MergedRangeConflict' } })).toMatch(/fusionnées/);
  });

  test('a round trip that never answers ends in a French message, in bounded time', async () => {
    const host = createFakeOfficeHost(buildSampleGrid());
    const actions = createWorkbookActions(host.globals, { syncTimeoutMs: 50 });
    host.excel.faults.push({ kind: 'hang', at: () => true });
    await expect(actions.readWorkbook()).rejects.toThrow(/Lecture du classeur impossible : Excel n’a pas répondu en 1 seconde\. Rien n’a été modifié/);
    const grid = buildSampleGrid();
    const plan = planSettings(grid, analyseGrid(grid), { fseAsCd: true, underspendThreshold: new Decimal('0.8') }).plan;
    // While it reads what it will replace: nothing written yet, and said so.
    host.excel.resetCounts();
    host.excel.faults.push({ kind: 'hang', at: ({ index }) => index === 1 });
    await expect(actions.applyWrites(plan)).rejects.toThrow(/a échoué : Excel n’a pas répondu en 1 seconde\. Rien n’a été modifié/);
    // While it writes: it may have written in part.
    host.excel.resetCounts();
    host.excel.faults.push({ kind: 'hang', at: ({ index }) => index === 3 });
    await expect(actions.applyWrites(plan)).rejects.toThrow(/a échoué : Excel n’a pas répondu en 1 seconde\. L’écriture a pu se faire en partie : relancez l’analyse/);
  });

  test('an Excel without ExcelApi 1.13 gets a French explanation', () => {
    const { host, actions } = setup();
    expect(actions.unsupportedReason()).toBeNull();
    host.office.excelApiVersion = '1.8';
    expect(actions.unsupportedReason()).toMatch(/trop ancienne.*ExcelApi 1\.13/);
  });
});

describe('changes since the analysis', () => {
  test('a user’s edit is reported; the add-in’s own write is not', async () => {
    const { host, actions } = setup();
    let changes = 0;
    const stop = await actions.watchChanges(() => changes++);
    expect(stop).not.toBeNull();
    const grid = await actions.readWorkbook();
    await actions.applyWrites(planSettings(grid, analyseGrid(grid), { fseAsCd: true, underspendThreshold: new Decimal('0.8') }).plan);
    await tick();
    expect(changes).toBe(0);
    host.excel.user.edit(FT, 'F18', 400);
    await tick();
    expect(changes).toBe(1);
    stop!();
    host.excel.user.edit(FT, 'F19', 1);
    await tick();
    expect(changes).toBe(1);
  });

  test('the officer’s later edits where the add-in wrote count once its events have come (after the grace period)', async () => {
    const host = createFakeOfficeHost(buildSampleGrid());
    let clock = 1_000_000;
    const actions = createWorkbookActions(host.globals, { now: () => clock });
    let changes = 0;
    await actions.watchChanges(() => changes++);
    const grid = await actions.readWorkbook();
    const written = await actions.applyWrites(planSettings(grid, analyseGrid(grid), { fseAsCd: true, underspendThreshold: new Decimal('0.8') }).plan);
    const area = written.touched.areas[0];
    const cell = (/^[A-Z]+\d+/.exec(area.address.replace(/^.*!/, '').replace(/\$/g, '')) as RegExpExecArray)[0];
    const sheet = { name: 'Paramètres' };
    // Within the grace period an event there is taken for the add-in's own (Excel raises them late).
    host.excel.user.edit(sheet.name, cell, 'tardif');
    await tick();
    expect(changes).toBe(0);
    clock += OWN_EVENTS_GRACE_MS + 1;
    host.excel.user.edit(sheet.name, cell, 'saisi par l’agent');
    await tick();
    expect(changes).toBe(1);
  });
});
