/**
 * A blank model (layout/blank) → .xlsx, with what a grid cannot say: styles, row heights and A4
 * print setup, frozen headers, data validation on the typed columns, and protection. Every cell a user types into is unlocked (the
 * columns' default style), formula cells and title/header rows are locked, and the sheet is
 * protected WITHOUT a password: the protection guards against overwriting a formula by mistake,
 * and anyone can lift it (Révision › Ôter la protection de la feuille) to adapt the model. Cell
 * formatting stays allowed: the add-in's marks (a fill per finding) and an officer's own colours
 * go on a protected sheet; formulas and labels still cannot be overwritten.
 */
import ExcelJS from './exceljs';
import type { BlankWorkbook, SheetSetup, Validation } from '../../layout/blank/sheet-setup';
import { sheetExtent } from '../../layout/grid';
import { writeFileAtomic } from '../files/atomic-write';
import { writeCell } from './write-xlsx';
import { applyPrint, applyStyles } from './sheet-format';

/** What users may still do on a protected sheet: select, format cells, resize, add rows, sort and filter. */
export const TEMPLATE_PROTECTION: Partial<ExcelJS.WorksheetProtection> = {
  selectLockedCells: true,
  selectUnlockedCells: true,
  formatCells: true,
  formatColumns: true,
  formatRows: true,
  insertRows: true,
  sort: true,
  autoFilter: true,
};

export async function blankWorkbookToBuffer(blank: BlankWorkbook): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const setups = new Map(blank.setup.map((s) => [s.sheet, s]));
  for (const sheet of blank.grid.sheets) {
    const setup = setups.get(sheet.name);
    const ws = wb.addWorksheet(sheet.name);
    const { maxCol } = sheetExtent(sheet);
    // Column styles first: the cells written next inherit « unlocked » from them, and so do the
    // empty cells users will type into.
    for (let c = 1; c <= Math.max(maxCol, 1) + 2; c++) {
      const col = ws.getColumn(c);
      col.width = sheet.columnWidths?.get(c) ?? 14;
      col.protection = { locked: false };
    }
    const locked = new Set(setup?.lockedRows ?? []);
    for (const [r, cols] of sheet.rows) {
      for (const [c, cell] of cols) {
        const target = ws.getCell(r, c);
        writeCell(target, cell);
        if (cell.formula !== undefined || locked.has(r)) target.protection = { locked: true };
      }
    }
    for (const m of sheet.merges) ws.mergeCells(m.top, m.left, m.bottom, m.right);
    if (setup) {
      // Styles keep each cell's protection: they set fonts, fills, borders and alignment only.
      applyStyles(ws, setup.styles ?? []);
      for (const [r, h] of Object.entries(setup.rowHeights ?? {})) ws.getRow(Number(r)).height = h;
      if (setup.print) applyPrint(ws, setup.print);
      await applySetup(ws, setup);
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function writeBlankWorkbook(blank: BlankWorkbook, path: string): Promise<void> {
  await writeFileAtomic(path, await blankWorkbookToBuffer(blank));
}

async function applySetup(ws: ExcelJS.Worksheet, setup: SheetSetup): Promise<void> {
  if (setup.frozenRows || setup.frozenCols) ws.views = [{ state: 'frozen', xSplit: setup.frozenCols, ySplit: setup.frozenRows }];
  // ExcelJS implements ranges in dataValidations.add but does not declare the property.
  const validations = (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations;
  for (const { range, rule } of setup.validations) validations.add(range, dataValidation(rule));
  await ws.protect('', TEMPLATE_PROTECTION);
}

function dataValidation(rule: Validation): ExcelJS.DataValidation {
  const common = { allowBlank: true, showInputMessage: true, prompt: rule.prompt, showErrorMessage: true };
  switch (rule.type) {
    case 'decimal':
      return rule.min === undefined
        ? { ...common, type: 'decimal', operator: 'between', formulae: [-1e12, 1e12], errorTitle: 'Montant attendu', error: 'Saisissez un nombre (par exemple 1236000,00), sans texte.' }
        : { ...common, type: 'decimal', operator: 'greaterThanOrEqual', formulae: [rule.min], errorTitle: 'Nombre attendu', error: `Saisissez un nombre supérieur ou égal à ${rule.min}.` };
    case 'date':
      return {
        ...common,
        type: 'date',
        operator: 'between',
        formulae: [rule.from, rule.to],
        errorStyle: rule.warnOnly ? 'warning' : 'stop',
        errorTitle: 'Date attendue',
        error: 'Saisissez une date jj/mm/aaaa dans la période de la convention.',
      };
    case 'list':
      return { ...common, type: 'list', formulae: [`"${rule.choices.join(',')}"`], errorTitle: 'Valeur attendue', error: `Choisissez dans la liste : ${rule.choices.join(', ')}.` };
  }
}
