/**
 * The look and the page setup of the tool's printed sheets in an .xlsx (ExcelJS): one palette for
 * every document (États des dépenses, bilan financier, rapport, retour aux Départements, modèle
 * vierge), sober as an administrative form — black text, thin grey-blue borders, light shading on
 * headers and totals.
 */
import type ExcelJS from 'exceljs';
import { PAGE_MARGINS, STYLE_FONT } from '../../layout/print-layout';
import type { CellStyle, PrintSetup, SheetToCreate, StyleRun } from '../../layout/write-plan';
import { columnLetters } from '../../layout/grid';

const FONT = 'Calibri';
const BORDER_COLOUR = { argb: 'FF7F8FA9' };
const THIN: ExcelJS.Border = { style: 'thin', color: BORDER_COLOUR };
const BOX: Partial<ExcelJS.Borders> = { top: THIN, bottom: THIN, left: THIN, right: THIN };
const fill = (argb: string): ExcelJS.Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb } });
const HEADER_FILL = fill('FFDCE3EE');
const SECTION_FILL = fill('FFEEF1F6');
const TOTAL_FILL = fill('FFDCE3EE');

function font(style: CellStyle, extra: Partial<ExcelJS.Font> = {}): Partial<ExcelJS.Font> {
  const f = STYLE_FONT[style];
  return { name: FONT, size: f.size, bold: f.bold, ...extra };
}

/** The ExcelJS format of one style (every style wraps: row heights are planned for it). */
export function styleCell(cell: ExcelJS.Cell, style: CellStyle): void {
  const top: Partial<ExcelJS.Alignment> = { wrapText: true, vertical: 'top' };
  switch (style) {
    case 'title':
      cell.font = font(style, { color: { argb: 'FF1F3864' } });
      cell.alignment = { wrapText: true, vertical: 'middle' };
      break;
    case 'subtitle':
      cell.font = font(style);
      cell.alignment = { wrapText: true, vertical: 'middle' };
      break;
    case 'note':
      cell.font = font(style, { italic: true, color: { argb: 'FF404040' } });
      cell.alignment = top;
      break;
    case 'header':
      cell.font = font(style);
      cell.fill = HEADER_FILL;
      cell.border = BOX;
      cell.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
      break;
    case 'section':
      cell.font = font(style);
      cell.fill = SECTION_FILL;
      cell.border = BOX;
      cell.alignment = { wrapText: true, vertical: 'middle' };
      break;
    case 'group':
      cell.font = font(style, { italic: true });
      cell.border = BOX;
      cell.alignment = top;
      break;
    case 'cell':
      cell.font = font(style);
      cell.border = BOX;
      cell.alignment = top;
      break;
    case 'figure':
      cell.font = font(style);
      cell.border = BOX;
      cell.alignment = { ...top, horizontal: 'right' };
      break;
    case 'centre':
      cell.font = font(style);
      cell.border = BOX;
      cell.alignment = { ...top, horizontal: 'center' };
      break;
    case 'subtotal':
      cell.font = font(style);
      cell.border = BOX;
      cell.alignment = { wrapText: true, vertical: 'middle' };
      break;
    case 'total':
      cell.font = font(style);
      cell.fill = TOTAL_FILL;
      cell.border = { ...BOX, top: { style: 'double', color: BORDER_COLOUR } };
      cell.alignment = { wrapText: true, vertical: 'middle' };
      break;
    case 'excluded':
      cell.font = font(style, { italic: true, color: { argb: 'FF595959' } });
      cell.border = BOX;
      cell.alignment = top;
      break;
    case 'label':
      cell.font = font(style);
      cell.alignment = top;
      break;
    case 'box':
      cell.font = font(style);
      cell.border = BOX;
      cell.alignment = top;
      break;
    case 'wrap':
      cell.font = font(style);
      cell.alignment = top;
      break;
  }
}

export function applyStyles(ws: ExcelJS.Worksheet, runs: StyleRun[]): void {
  for (const s of runs) for (let c = s.fromCol; c <= s.toCol; c++) styleCell(ws.getCell(s.row, c), s.style);
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
  // « &8 » sets the size: a space after it, or a footer starting with digits (« 62-… ») would be read as the size.
  const centre = p.footer ? `&C&8 ${escapeHeader(p.footer)}` : '';
  ws.headerFooter = { oddFooter: `&L&8 &A${centre}&R&8 Page &P` };
}

/** « & » starts a code in Excel's header and footer texts: doubled, it prints one. */
function escapeHeader(s: string): string {
  return s.replace(/&/g, '&&');
}
