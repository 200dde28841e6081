import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { blankWorkbookToBuffer } from '../../../src/adapters/xlsx/write-template';
import { readXlsxBuffer } from '../../../src/adapters/xlsx/read-xlsx';
import { buildBlankWorkbook } from '../../../src/layout/blank/blank-workbook';
import { analyseGrid } from '../../../src/layout/analyse';
import { getCell } from '../../../src/layout/grid';

const AMOUNT = '#,##0.00 "€"';

describe('the blank model written by `annexes template`', () => {
  const blank = buildBlankWorkbook(2025);
  let wb: ExcelJS.Workbook;
  let buf: Buffer;
  beforeAll(async () => {
    buf = await blankWorkbookToBuffer(blank);
    wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as Parameters<ExcelJS.Xlsx['load']>[0]);
  });

  it('every sheet is protected without a password, formulas locked, input cells unlocked', () => {
    for (const ws of wb.worksheets) {
      const protection = (ws as unknown as { sheetProtection: Record<string, unknown> | null }).sheetProtection;
      expect({ sheet: ws.name, protected: protection?.sheet, hash: protection?.hashValue }).toEqual({ sheet: ws.name, protected: true, hash: undefined });
    }
    // A cell without a protection element is locked: Excel's default.
    const locked = (ws: ExcelJS.Worksheet, a: string) => ws.getCell(a).protection?.locked ?? true;
    const forecast = wb.getWorksheet('Tableau financier prév. 2025')!;
    expect(forecast.getCell('G5').formula).toBe('D5+E5+F5');
    expect(locked(forecast, 'G5')).toBe(true);
    expect(locked(forecast, 'D5')).toBe(false); // État notifiée: typed by the user
    expect(locked(forecast, 'A4')).toBe(true); // header
    expect(locked(wb.getWorksheet('Journal des dépenses')!, 'D2')).toBe(false);
    // Every formula cell of the model is locked.
    for (const ws of wb.worksheets) {
      ws.eachRow((row) => row.eachCell((cell) => {
        if (cell.formula) expect(`${ws.name}!${cell.address} ${cell.protection?.locked ?? true}`).toBe(`${ws.name}!${cell.address} true`);
      }));
    }
  });

  it('protection allows formatting cells (marks, an officer’s colours), not editing locked ones; LibreOffice and Excel read it from the XML', async () => {
    for (const ws of wb.worksheets) {
      const p = (ws as unknown as { sheetProtection: Record<string, unknown> }).sheetProtection;
      expect([ws.name, p.formatCells, p.formatRows, p.formatColumns]).toEqual([ws.name, true, true, true]);
    }
    // In the file, formatCells="0" says "formatting cells is not protected" (OOXML's attribute is the lock).
    const zip = await JSZip.loadAsync(buf);
    const sheets = Object.keys(zip.files).filter((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f));
    expect(sheets.length).toBe(wb.worksheets.length);
    for (const f of sheets) {
      const tag = /<sheetProtection [^>]*>/.exec(await zip.file(f)!.async('string'))![0];
      expect([f, /\bsheet="1"/.test(tag), /\bformatCells="0"/.test(tag), /\bhashValue=/.test(tag)]).toEqual([f, true, true, false]);
    }
  });

  it('derived cells are formulas in the French amount format; K is G + J; totals are sums', () => {
    const recap = wb.getWorksheet('Tableau financier récap. 2025')!;
    expect(recap.getCell('P4').value).toBe('Budget total CD prévu pour 2026 (G+J)');
    expect(recap.getCell('P5').formula).toBe('L5+O5');
    expect(recap.getCell('P5').numFmt).toBe(AMOUNT);
    const sousTotal = [...Array(40).keys()].map((i) => i + 5).find((r) => recap.getCell(r, 1).value === 'Sous total')!;
    expect(recap.getCell(sousTotal, 5).formula).toBe(`SUM(E5:E${sousTotal - 1})`);
    const plan = wb.getWorksheet('Plan de financement VOLET 2')!;
    const besoins = [...Array(40).keys()].find((r) => String(plan.getCell(r + 1, 1).value ?? '').startsWith('TOTAL BESOINS'))! + 1;
    expect(plan.getCell(besoins, 7).formula).toMatch(/^G\d+(\+G\d+)+$|^SUM\(/);
    const volet1 = wb.getWorksheet('Etat des dépenses VOLET 1')!;
    const total = [...Array(60).keys()].find((r) => volet1.getCell(r + 1, 1).value === 'TOTAL DEPENSES AU TITRE DU VOLET 1')! + 1;
    expect(volet1.getCell(total, 7).formula).toMatch(/^G\d+\+G\d+$/);
  });

  it('headers are frozen', () => {
    expect(wb.getWorksheet('Journal des dépenses')!.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(wb.getWorksheet('Tableau financier exéc. 2025')!.views[0]).toMatchObject({ state: 'frozen', xSplit: 3, ySplit: 4 });
    expect(wb.getWorksheet('Plan de financement VOLET 1')!.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });
    expect(wb.getWorksheet('Paramètres')!.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });

  it('typed columns carry data validation: volets, sections, dates, amounts, oui/non', () => {
    const model = (name: string) => (wb.getWorksheet(name) as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } }).dataValidations.model;
    const journal = model('Journal des dépenses');
    expect(journal.B2).toMatchObject({ type: 'list', formulae: ['"1,2,3"'] });
    expect(journal.C300.formulae[0]).toContain('Accompagnement');
    expect((journal.C2.formulae[0] as string).length).toBeLessThanOrEqual(257); // Excel's 255 characters, quotes aside
    expect(journal.A2).toMatchObject({ type: 'date', errorStyle: 'warning' });
    expect(journal.I2).toMatchObject({ type: 'decimal' });
    expect(model('Tableau financier prév. 2025').D5).toMatchObject({ type: 'decimal' });
    expect(model("Plan d'action").C3).toMatchObject({ type: 'list' });
    const params = wb.getWorksheet('Paramètres')!;
    const fse = [...Array(30).keys()].find((r) => params.getCell(r + 1, 1).value === 'FSE+ valorisation comptée comme CD')! + 1;
    expect(model('Paramètres')[`B${fse}`]).toMatchObject({ type: 'list', formulae: ['"oui,non"'] });
  });

  it('reads back as the engine expects: every table found, Paramètres for year 2025, no error', async () => {
    const grid = await readXlsxBuffer(buf, 'modele.xlsx');
    const a = analyseGrid(grid);
    expect(a.workbook.tables.map((t) => t.kind).sort()).toEqual(
      ['cls-execution', 'cls-forecast', 'cls-recap', 'ft-action-plan', 'ft-expense-journal', 'ft-plan', 'ft-plan', 'ft-plan', ...Array(14).fill('fiche-budget')].sort(),
    );
    expect(a.workbook.tables.filter((t) => t.kind === 'ft-plan').map((t) => [t.volet, t.periodEnd?.toISOString().slice(0, 10)])).toEqual([
      [1, '2025-12-31'],
      [2, '2025-12-31'],
      [3, '2025-12-31'],
    ]);
    expect(a.workbook.params.ftStart?.toISOString().slice(0, 10)).toBe('2025-01-01');
    expect(a.workbook.params.minCdShare?.toString()).toBe('0.5');
    expect(a.workbook.params.problems).toEqual([]);
    expect(a.findings.filter((f) => f.severity !== 'info')).toEqual([]);
    const volet2 = grid.sheets.find((s) => s.name === 'Etat des dépenses VOLET 2')!;
    expect(getCell(volet2, 1, 1)?.value).toBe("Etat des dépenses contractualisation pour l'insertion et l'emploi 2025");
  });
});
