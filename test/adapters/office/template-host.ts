/**
 * The tool's own blank template (`annexes template`), opened in the fake Excel with the protection
 * its xlsx carries: each sheet protected with the options the file says, cells locked
 * or not as their styles say — read back from the file with ExcelJS, not restated here.
 */
import ExcelJS from 'exceljs';
import { createFakeOfficeHost, type FakeOfficeHost } from '../../../src/adapters/office/fake';
import { readXlsxBuffer } from '../../../src/adapters/xlsx/read-xlsx';
import { blankWorkbookToBuffer } from '../../../src/adapters/xlsx/write-template';
import { buildBlankWorkbook } from '../../../src/layout/blank/blank-workbook';
import { cellAddress, columnLetters } from '../../../src/layout/grid';

const OPTION_NAMES: Record<string, string> = {
  formatCells: 'allowFormatCells',
  formatColumns: 'allowFormatColumns',
  formatRows: 'allowFormatRows',
  insertRows: 'allowInsertRows',
  insertColumns: 'allowInsertColumns',
  insertHyperlinks: 'allowInsertHyperlinks',
  deleteRows: 'allowDeleteRows',
  deleteColumns: 'allowDeleteColumns',
  sort: 'allowSort',
  autoFilter: 'allowAutoFilter',
  pivotTables: 'allowPivotTables',
  objects: 'allowEditObjects',
  scenarios: 'allowEditScenarios',
};

export async function templateHost(year = 2024): Promise<FakeOfficeHost> {
  const buf = await blankWorkbookToBuffer(buildBlankWorkbook(year));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
  const host = createFakeOfficeHost(await readXlsxBuffer(buf, 'modele.xlsx'));
  for (const ws of wb.worksheets) {
    const p = (ws as unknown as { sheetProtection?: Record<string, boolean> }).sheetProtection;
    (ws.columns ?? []).forEach((col, i) => {
      if (col.style?.protection?.locked === false) host.excel.user.setLocked(ws.name, `${columnLetters(i + 1)}1`, false, true);
    });
    ws.eachRow({ includeEmpty: false }, (row, r) =>
      row.eachCell({ includeEmpty: true }, (cell, c) => host.excel.user.setLocked(ws.name, cellAddress(r, c), cell.protection?.locked !== false)),
    );
    if (p?.sheet) {
      // ExcelJS's names for the protection options → Office.js's (WorksheetProtectionOptions).
      const options = Object.fromEntries(Object.entries(OPTION_NAMES).map(([ours, office]) => [office, !!p[ours]]));
      host.excel.user.protect(ws.name, options);
    }
  }
  return host;
}
