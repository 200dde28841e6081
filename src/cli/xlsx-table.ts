import type ExcelJS from '../adapters/xlsx/exceljs';
import { linesHeight, wrappedLines } from '../layout/print-layout';
import { visibleCellText } from '../layout/visible-text';
import { xlsxLiteral } from '../adapters/xlsx/xlsx-literal';

/** Number formats of the review tables: euros with cents, percentages with the French space. */
export const EURO = '#,##0.00 "€"';
export const PERCENT = '0.00 %';

/**
 * The filterable sheets of the CLI's workbooks (the review, `annexes diff`): a title, a line, then
 * an Excel table whose header row is frozen and repeated on every printed page, A4 landscape one
 * page wide.
 */
export const TABLE_TOP = 3;

export type Cell = string | number | null;
export interface Column {
  name: string;
  width: number;
  numFmt?: string;
  total?: 'sum';
}

/** A sheet with a title line and a frozen, repeated table header. */
export function sheet(wb: ExcelJS.Workbook, name: string, title: string): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, {
    views: [{ state: 'frozen', ySplit: TABLE_TOP }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  ws.getCell(1, 1).value = xlsxLiteral(visibleCellText(title)); // may name files
  ws.getCell(1, 1).font = { bold: true, size: 13 };
  ws.pageSetup.printTitlesRow = `${TABLE_TOP}:${TABLE_TOP}`;
  return ws;
}

/** An Excel table (filters, stripes) under the title. */
export function table(ws: ExcelJS.Worksheet, name: string, columns: Column[], rows: Cell[][], totals: boolean): void {
  // Excel tables need one data row: an empty review still gets a (blank) one.
  // Texts from the workbooks and the disk shown as written (visible control characters; text, never a formula).
  const data = rows.length > 0 ? rows.map((row) => row.map((c) => (typeof c === 'string' ? xlsxLiteral(visibleCellText(c)) : c))) : [columns.map(() => null)];
  ws.addTable({
    name,
    ref: `A${TABLE_TOP}`,
    headerRow: true,
    totalsRow: totals,
    style: { theme: 'TableStyleMedium2', showRowStripes: true },
    columns: columns.map((c, i) => ({
      name: c.name,
      filterButton: true,
      ...(totals && i === 0 ? { totalsRowLabel: 'Total' } : {}),
      ...(totals && c.total ? { totalsRowFunction: c.total } : {}),
    })),
    rows: data,
  });
  columns.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    col.width = c.width;
    if (c.numFmt) col.numFmt = c.numFmt;
  });
  wrapHeader(ws, columns);
}

/** Headers wrap in their column (beside the filter button) rather than being cut: the row grows to fit. */
function wrapHeader(ws: ExcelJS.Worksheet, columns: Column[]): void {
  const header = ws.getRow(TABLE_TOP);
  let height = 15;
  columns.forEach((c, i) => {
    header.getCell(i + 1).alignment = { wrapText: true, vertical: 'top' };
    height = Math.max(height, linesHeight(wrappedLines(c.name, Math.max(1, c.width - FILTER_BUTTON), 11, true), 11));
  });
  if (height > 15) header.height = height;
}

/** Width the filter button takes from a header cell, in column-width units. */
const FILTER_BUTTON = 3;

/**
 * Wrapped columns (1-based), and each row as high as its longest wrapped text needs at the table's
 * font (Calibri 11): neither ExcelJS nor a spreadsheet opening the file sizes rows, and a printed
 * page would show lines over one another.
 */
export function wrapColumns(ws: ExcelJS.Worksheet, columns: Column[], rows: Cell[][], wrapped: number[]): void {
  columns.forEach((_c, i) => (ws.getColumn(i + 1).alignment = wrapped.includes(i + 1) ? { wrapText: true, vertical: 'top' } : { vertical: 'top' }));
  rows.forEach((cells, i) => {
    const h = Math.max(...wrapped.map((c) => (typeof cells[c - 1] === 'string' ? linesHeight(wrappedLines(cells[c - 1] as string, columns[c - 1].width, 11), 11) : 0)));
    if (h > 15) ws.getRow(TABLE_TOP + 1 + i).height = h;
  });
  wrapHeader(ws, columns); // a column's alignment is also its header cell's
}
