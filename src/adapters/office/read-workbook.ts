/// <reference types="office-js" />
/**
 * The open workbook → the engine's Grid, in two round trips whatever its size: the sheet list,
 * then every sheet's used range (values, formulas, number formats) and merged areas in
 * one batch. A sync per sheet would cost a round trip each — seconds on Excel on the web.
 */
import type { Grid } from '../../layout/grid';
import { type ExcelApi, isInternalSheet } from './office-globals';
import { officeSheetToGrid } from './office-sheet-to-grid';

export async function readWorkbook(excel: ExcelApi): Promise<Grid> {
  return excel.run(async (context) => {
    const worksheets = context.workbook.worksheets;
    worksheets.load('items/name,items/visibility');
    await context.sync(); // 1: which sheets there are

    const reads = worksheets.items
      .filter((ws) => !isInternalSheet(ws.name))
      .map((ws) => {
        // valuesOnly: a formatted but empty row 5000 must not blow up the payload.
        const used = ws.getUsedRangeOrNullObject(true);
        used.load('address,values,formulas,numberFormat');
        const merged = ws.getRange().getMergedAreasOrNullObject();
        merged.load('areas/items/address');
        return { ws, used, merged };
      });
    await context.sync(); // 2: all of their cells and merges

    return {
      sheets: reads.map(({ ws, used, merged }) =>
        officeSheetToGrid(
          ws.name,
          ws.visibility,
          used.isNullObject ? null : used,
          merged.isNullObject ? [] : merged.areas.items.map((a) => a.address),
        ),
      ),
    };
  });
}
