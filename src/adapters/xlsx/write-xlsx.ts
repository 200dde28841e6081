/**
 * Grid → .xlsx, through ExcelJS. Used by the CLI to write annotated copies and by tests to build
 * fixture workbooks.
 */
import ExcelJS from './exceljs';
import type { Grid, GridCell } from '../../layout/grid';
import { writeFileAtomic } from '../files/atomic-write';

export async function gridToXlsxBuffer(grid: Grid): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const sheet of grid.sheets) {
    const ws = wb.addWorksheet(sheet.name, { state: sheet.state ?? 'visible' });
    for (const [r, cols] of sheet.rows) {
      for (const [c, cell] of cols) writeCell(ws.getCell(r, c), cell);
    }
    for (const m of sheet.merges) ws.mergeCells(m.top, m.left, m.bottom, m.right);
    for (const [c, w] of sheet.columnWidths ?? []) ws.getColumn(c).width = w;
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function writeXlsxFile(grid: Grid, path: string): Promise<void> {
  await writeFileAtomic(path, await gridToXlsxBuffer(grid));
}

/** One grid cell into an ExcelJS cell: a formula with its cached result (none when uncached), or a value. */
export function writeCell(target: ExcelJS.Cell, cell: GridCell): void {
  const error = cell.error ? ({ error: cell.error } as ExcelJS.CellErrorValue) : undefined;
  if (cell.formula !== undefined) {
    const formula = cell.formula.startsWith('=') ? cell.formula.slice(1) : cell.formula;
    const result = error ?? cell.value ?? undefined;
    // No result key at all for an uncached formula, so no <v> is written and it reads back as uncached.
    target.value = result === undefined ? { formula } : { formula, result };
  } else {
    // ExcelJS stores strings as shared strings, so "=…" text stays text (no formula parsing).
    target.value = error ?? cell.value;
  }
  if (cell.numFmt) target.numFmt = cell.numFmt;
}
