/**
 * The pane's actions bound to a host: select a finding's cell, settings kept in the workbook, marks
 * that a second click removes, French errors, and the host check.
 */
import { OfficeMockObject } from 'office-addin-mock';
import { buildSampleGrid } from '../../../scripts/sample/build-sample';
import { createFakeOfficeHost } from '../../../src/adapters/office/fake';
import type { OfficeApi } from '../../../src/adapters/office/office-globals';
import { SETTINGS_KEY, loadSettings, saveSettings } from '../../../src/adapters/office/settings';
import { createWorkbookActions } from '../../../src/adapters/office/workbook-actions';
import { frenchErrorMessage } from '../../../src/adapters/office/office-errors';
import type { Finding } from '../../../src/domain/finding';

// office-addin-mock only needs the OfficeApp enum of office-addin-manifest, whose dependency tree
// ends in an ESM-only package jest 29 (CommonJS) cannot load; the enum is all we provide.
jest.mock('office-addin-manifest', () => ({
  OfficeApp: { Excel: 'excel', OneNote: 'onenote', Outlook: 'outlook', PowerPoint: 'powerpoint', Project: 'project', Word: 'word' },
}));

const FT = 'Construction du plan de finance';

function setup() {
  const host = createFakeOfficeHost(buildSampleGrid());
  return { host, actions: createWorkbookActions(host.globals) };
}

describe('selectCell', () => {
  test('activates the sheet and selects the cell, in one round trip', async () => {
    const { host, actions } = setup();
    await actions.selectCell(FT, 'F18');
    expect(host.excel.model.selection).toEqual({ sheet: FT, address: 'F18' });
    expect(host.excel.model.activeSheet?.name).toBe(FT);
    expect(host.excel.model.uiLog).toEqual([`activate ${FT}`, `activate ${FT}`, `select ${FT}!F18`]);
    expect(host.excel.syncCount).toBe(1);
  });

  test('a vanished sheet is said in French', async () => {
    const { actions } = setup();
    await expect(actions.selectCell('Feuille disparue', 'A1')).rejects.toThrow(/Impossible d’afficher la cellule A1 : Une feuille ou une cellule attendue n’existe plus/);
  });
});

describe('settings kept in the workbook', () => {
  test('saved through document settings, read back, malformed values dropped', async () => {
    const { host, actions } = setup();
    expect(await actions.loadSettings()).toEqual({});
    await actions.saveSettings({ fseAsCd: true, underspendThreshold: 0.7 });
    expect(host.office.settings.saved.get(SETTINGS_KEY)).toEqual({ fseAsCd: true, underspendThreshold: 0.7 });
    expect(await actions.loadSettings()).toEqual({ fseAsCd: true, underspendThreshold: 0.7 });
    host.office.settings.set(SETTINGS_KEY, { fseAsCd: 'oui', underspendThreshold: 7 });
    expect(await actions.loadSettings()).toEqual({});
  });

  test('a failed save is reported in French', async () => {
    const { host, actions } = setup();
    host.office.settings.failNextSave = true;
    await expect(actions.saveSettings({ fseAsCd: false })).rejects.toThrow(/n’ont pas pu être enregistrés/);
  });

  test('works on office-addin-mock’s Office object too', async () => {
    const stored: Record<string, unknown> = {};
    const mock = new OfficeMockObject({
      context: {
        document: {
          settings: {
            get: (k: string) => stored[k] ?? null,
            set: (k: string, v: unknown) => {
              stored[k] = v;
            },
            remove: (k: string) => delete stored[k],
            saveAsync: (cb: (r: { status: string }) => void) => cb({ status: 'succeeded' }),
          },
        },
        requirements: { isSetSupported: () => true },
      },
    }) as unknown as OfficeApi;
    await saveSettings(mock, { underspendThreshold: 0.5 });
    expect(stored[SETTINGS_KEY]).toEqual({ underspendThreshold: 0.5 });
    expect(loadSettings(mock)).toEqual({ underspendThreshold: 0.5 });
  });
});

describe('marks on faulty cells', () => {
  const findings: Finding[] = [
    { rule: 'PLAN-DELTA', severity: 'error', sheet: FT, cell: 'F18', message: 'm', article: 'a' },
    { rule: 'X', severity: 'info', sheet: FT, cell: 'F18', message: 'm', article: 'a' },
    { rule: 'UNDERSPEND', severity: 'warning', sheet: 'Tableau financier', cell: 'A27', message: 'm', article: 'a' },
    { rule: 'COFI', severity: 'error', sheet: '', cell: '', message: 'classeur', article: 'a' },
  ];

  test('first click colours the cells by severity, second click puts the old fills back', async () => {
    const { host, actions } = setup();
    const ft = host.excel.model.find(FT)!;
    host.excel.model.setFill(ft, { top: 18, left: 6, bottom: 18, right: 6 }, '#00B050');
    expect(actions.hasMarks()).toBe(false);
    expect(await actions.toggleMarks(findings)).toEqual({ marked: 2, cleared: 0 });
    expect(host.excel.model.fill(ft, 18, 6)).toBe('#FFC7CE');
    expect(host.excel.model.fill(host.excel.model.find('Tableau financier')!, 27, 1)).toBe('#FFEB9C');
    expect(actions.hasMarks()).toBe(true);
    expect(await actions.toggleMarks(findings)).toEqual({ marked: 0, cleared: 2 });
    expect(host.excel.model.fill(ft, 18, 6)).toBe('#00B050');
    expect(host.excel.model.fills.get(host.excel.model.find('Tableau financier')!)?.size ?? 0).toBe(0);
    expect(actions.hasMarks()).toBe(false);
  });
});

describe('host and errors', () => {
  test('an Excel without ExcelApi 1.13 gets a French explanation', () => {
    const { host, actions } = setup();
    expect(actions.unsupportedReason()).toBeNull();
    host.office.excelApiVersion = '1.8';
    expect(actions.unsupportedReason()).toMatch(/trop ancienne.*ExcelApi 1\.13/);
  });

  test('Office error codes become plain French', () => {
    expect(frenchErrorMessage({ code: 'AccessDenied' })).toMatch(/protégé/);
    expect(frenchErrorMessage({ code: 'InvalidOperationInCellEditMode' })).toMatch(/Entrée ou Échap/);
    expect(frenchErrorMessage(new Error('boom'))).toMatch(/erreur inattendue/);
  });
});
