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
import { visibleCellText } from '../../layout/visible-text';

const FONT = 'Calibri';
const BORDER_COLOUR = { argb: 'FF7F8FA9' };
const THIN: ExcelJS.Border = { style: 'thin', color: BORDER_COLOUR };
const BOX: Partial<ExcelJS.Borders> = { top: THIN, bottom: THIN, left: THIN, right: THIN };
const fill = (argb: string): ExcelJS.Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb } });
const HEADER_FILL = fill('FFDCE3EE');
const SECTION_FILL = fill('FFEEF1F6');
const TOTAL_FILL = fill('FFDCE3EE');

const TOP: Partial<ExcelJS.Alignment> = { wrapText: true, vertical: 'top' };
const MIDDLE: Partial<ExcelJS.Alignment> = { wrapText: true, vertical: 'middle' };

/** Each style as data: font additions, fill, border and alignment (every style wraps: heights are planned). */
const LOOK: Record<CellStyle, { font?: Partial<ExcelJS.Font>; fill?: ExcelJS.Fill; border?: Partial<ExcelJS.Borders>; alignment: Partial<ExcelJS.Alignment> }> = {
  title: { font: { color: { argb: 'FF1F3864' } }, alignment: MIDDLE },
  subtitle: { alignment: MIDDLE },
  note: { font: { italic: true, color: { argb: 'FF404040' } }, alignment: TOP },
  header: { fill: HEADER_FILL, border: BOX, alignment: { ...MIDDLE, horizontal: 'center' } },
  section: { fill: SECTION_FILL, border: BOX, alignment: MIDDLE },
  group: { font: { italic: true }, border: BOX, alignment: TOP },
  cell: { border: BOX, alignment: TOP },
  figure: { border: BOX, alignment: { ...TOP, horizontal: 'right' } },
  centre: { border: BOX, alignment: { ...TOP, horizontal: 'center' } },
  subtotal: { border: BOX, alignment: MIDDLE },
  total: { fill: TOTAL_FILL, border: { ...BOX, top: { style: 'double', color: BORDER_COLOUR } }, alignment: MIDDLE },
  excluded: { font: { italic: true, color: { argb: 'FF595959' } }, border: BOX, alignment: TOP },
  label: { alignment: TOP },
  box: { border: BOX, alignment: TOP },
  wrap: { alignment: TOP },
};

/** The ExcelJS format of one style; the cell's protection is left as it is. */
export function styleCell(cell: ExcelJS.Cell, style: CellStyle): void {
  const look = LOOK[style];
  const f = STYLE_FONT[style];
  cell.font = { name: FONT, size: f.size, bold: f.bold, ...look.font };
  if (look.fill) cell.fill = look.fill;
  if (look.border) cell.border = look.border;
  cell.alignment = look.alignment;
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
  // The footer names the Département as the workbook writes it: control characters shown, never run.
  const centre = p.footer ? `&C&8 ${escapeHeader(visibleCellText(p.footer))}` : '';
  ws.headerFooter = { oddFooter: `&L&8 &A${centre}&R&8 Page &P` };
}

/** « & » starts a code in Excel's header and footer texts: doubled, it prints one. */
function escapeHeader(s: string): string {
  return s.replace(/&/g, '&&');
}
