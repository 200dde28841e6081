/**
 * The look and the page setup of the tool's printed sheets in an .xlsx (ExcelJS), as
 * layout/sheet-look.ts describes them for every applier (the Office.js adapter draws the same).
 */
import type ExcelJS from 'exceljs';
import { PAGE_MARGINS } from '../../layout/print-layout';
import { columnLetters } from '../../layout/grid';
import { type CellLook, type Edge, footerSections, resolveLooks } from '../../layout/sheet-look';
import type { PrintSetup, SheetToCreate, StyleRun } from '../../layout/write-plan';

const argb = (colour: string) => ({ argb: `FF${colour.slice(1).toUpperCase()}` });
const edge = (e: Edge | null): Partial<ExcelJS.Border> | undefined => (e ? { style: e.line, color: argb(e.color) } : undefined);

/** The ExcelJS format of one look; the cell's protection is left as it is. */
export function lookCell(cell: ExcelJS.Cell, look: CellLook): void {
  const f = look.font;
  cell.font = { name: f.name, size: f.size, bold: f.bold, ...(f.italic ? { italic: true } : {}), ...(f.color ? { color: argb(f.color) } : {}) };
  if (look.fill) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: argb(look.fill) };
  const b = look.borders;
  if (b) cell.border = { top: edge(b.top), bottom: edge(b.bottom), left: edge(b.left), right: edge(b.right) } as Partial<ExcelJS.Borders>;
  cell.alignment = { wrapText: look.wrap, vertical: look.vertical, ...(look.horizontal !== 'general' ? { horizontal: look.horizontal } : {}) };
}

export function applyStyles(ws: ExcelJS.Worksheet, runs: StyleRun[]): void {
  for (const rows of resolveLooks(runs).values()) {
    for (const [r, cols] of rows) for (const [c, look] of cols) lookCell(ws.getCell(r, c), look);
  }
}

/** Column widths, merges, frozen rows, row heights and print setup of a created sheet. */
export function formatSheet(ws: ExcelJS.Worksheet, s: SheetToCreate): void {
  for (const [c, w] of Object.entries(s.columnWidths ?? {})) ws.getColumn(Number(c)).width = w;
  for (const m of s.merges ?? []) ws.mergeCells(m.top, m.left, m.bottom, m.right);
  if (s.frozenRows) ws.views = [{ state: 'frozen', xSplit: 0, ySplit: s.frozenRows }];
  for (const [r, h] of Object.entries(s.rowHeights ?? {})) ws.getRow(Number(r)).height = h;
  if (s.print) applyPrint(ws, s.print);
}

/** A4, one page wide (as many high as it takes), margins, repeated rows, print area, breaks, footer. */
export function applyPrint(ws: ExcelJS.Worksheet, p: PrintSetup): void {
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: 9,
    orientation: p.orientation,
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    margins: { ...PAGE_MARGINS },
    horizontalCentered: true,
    // Each document numbers its own pages, whatever else the workbook prints.
    firstPageNumber: 1,
  };
  if (p.repeatRows) ws.pageSetup.printTitlesRow = `${p.repeatRows.first}:${p.repeatRows.last}`;
  if (p.printArea) {
    const a = p.printArea;
    // ExcelJS adds the « $ » before each part: « A$1:I$31 » becomes « $A$1:$I$31 ».
    ws.pageSetup.printArea = `${columnLetters(a.left)}$${a.top}:${columnLetters(a.right)}$${a.bottom}`;
  }
  for (const r of p.rowBreaks ?? []) if (r > 1) ws.getRow(r - 1).addPageBreak();
  const f = footerSections(p);
  ws.headerFooter = { oddFooter: `&L${f.left}${f.center ? `&C${f.center}` : ''}&R${f.right}` };
}
