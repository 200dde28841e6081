/// <reference types="office-js" />
/** Shows a finding's cell in Excel: its sheet activated, the cell selected (one round trip). */
import { parseArea } from './office-address';
import { WorkbookActionError } from './office-errors';
import type { ExcelApi } from './office-globals';

export async function selectCell(excel: ExcelApi, sheet: string, address: string): Promise<void> {
  if (sheet === '') return; // a finding about the whole workbook has no cell to show
  if (address !== '' && !parseArea(address)) throw new WorkbookActionError(`Adresse de cellule invalide : « ${address} ».`);
  await excel.run(async (context) => {
    const ws = context.workbook.worksheets.getItem(sheet);
    ws.activate();
    if (address !== '') ws.getRange(address).select();
    await context.sync();
  });
}
