/// <reference types="office-js" />
/**
 * The print setup of the tool's sheets through Worksheet.pageLayout and horizontalPageBreaks
 * (ExcelApi 1.9), as the xlsx adapter writes it (layout/sheet-look.ts): A4, the plan's orientation,
 * one page wide and as many high as it takes, the margins, centred across, pages numbered from 1,
 * the footer (sheet, Département, page), the print area, the header rows repeated, the manual
 * page breaks. What a rewrite changes is saved first and given back by undo.
 */
import { PAGE_MARGINS } from '../../layout/print-layout';
import { footerSections, printAreaAddress, titleRowsAddress } from '../../layout/sheet-look';
import type { PrintSetup } from '../../layout/write-plan';
import { parseRangeAddress, splitSheetAddress } from './office-address';
import type { PayloadBatches } from './payload-batches';

/** A sheet's print setup as the undo record keeps it (margins in points). */
export interface PageSnapshot {
  orientation: string;
  paperSize: string;
  zoom: { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number };
  margins: { left: number; right: number; top: number; bottom: number; header: number; footer: number };
  centerHorizontally: boolean;
  firstPageNumber: number | '';
  footers: { left: string; center: string; right: string };
  /** "A1:I31" (areas joined by ", "), or null. */
  printArea: string | null;
  titleRows: { first: number; last: number } | null;
  /** Rows starting a page after a manual break. */
  rowBreaks: number[];
}

/** Queues a sheet's print setup; a sheet rewritten in place loses its earlier page breaks first. */
export function queuePrintSetup(batches: PayloadBatches, ws: () => Excel.Worksheet, p: PrintSetup, rewriting: boolean): void {
  const footer = footerSections(p);
  batches.add(() => {
    const layout = ws().pageLayout;
    layout.orientation = (p.orientation === 'landscape' ? 'Landscape' : 'Portrait') as Excel.PageOrientation;
    layout.paperSize = 'A4' as Excel.PaperType;
    // One page wide, as many pages high as it takes (0: automatic).
    layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
    layout.setPrintMargins('Inches' as Excel.PrintMarginUnit, { ...PAGE_MARGINS });
    layout.centerHorizontally = true;
    // Each document numbers its own pages, whatever else the workbook prints.
    layout.firstPageNumber = 1;
    const all = layout.headersFooters.defaultForAllPages;
    all.leftFooter = footer.left;
    all.centerFooter = footer.center;
    all.rightFooter = footer.right;
  }, footer);
  const titles = titleRowsAddress(p);
  if (titles) batches.add(() => ws().pageLayout.setPrintTitleRows(titles), titles);
  const area = printAreaAddress(p);
  if (area) batches.add(() => ws().pageLayout.setPrintArea(area), area);
  queueBreaks(batches, ws, p.rowBreaks ?? [], rewriting);
}

function queueBreaks(batches: PayloadBatches, ws: () => Excel.Worksheet, rows: number[], clearFirst: boolean): void {
  const breaks = rows.filter((r) => r > 1);
  if (!clearFirst && breaks.length === 0) return;
  batches.add(() => {
    const list = ws().horizontalPageBreaks;
    if (clearFirst) list.removePageBreaks();
    // "The page break is added above this range."
    for (const r of breaks) list.add(`A${r}`);
  }, breaks);
}

export interface PageLoad {
  /** After the round trip the loads were queued in: queues what still needs one (the cells after the breaks); false if none. */
  queueBreakCells(): boolean;
  /** After the round trip that read the cells after the breaks. */
  resolve(): PageSnapshot;
}

/**
 * Queues the loads of a sheet's print setup. The rows of its page breaks need a second round trip
 * (the breaks' cells once their list is known): PageBreak.rowIndex does not say what it counts from.
 */
export function loadPageSetup(ws: Excel.Worksheet): PageLoad {
  const layout = ws.pageLayout;
  layout.load('orientation,paperSize,zoom,leftMargin,rightMargin,topMargin,bottomMargin,headerMargin,footerMargin,centerHorizontally,firstPageNumber');
  const all = layout.headersFooters.defaultForAllPages;
  all.load('leftFooter,centerFooter,rightFooter');
  const area = layout.getPrintAreaOrNullObject();
  area.load('address');
  const titles = layout.getPrintTitleRowsOrNullObject();
  titles.load('address');
  const breaks = ws.horizontalPageBreaks;
  breaks.load('items');
  let cells: Excel.Range[] = [];
  return {
    queueBreakCells: () => {
      cells = breaks.items.map((b) => b.getCellAfterBreak());
      for (const c of cells) c.load('address');
      return cells.length > 0;
    },
    resolve: () => ({
      orientation: layout.orientation,
      paperSize: layout.paperSize,
      zoom: Object.fromEntries(Object.entries(layout.zoom ?? {}).filter(([, v]) => v !== null && v !== undefined)),
      margins: { left: layout.leftMargin, right: layout.rightMargin, top: layout.topMargin, bottom: layout.bottomMargin, header: layout.headerMargin, footer: layout.footerMargin },
      centerHorizontally: layout.centerHorizontally,
      firstPageNumber: layout.firstPageNumber,
      footers: { left: all.leftFooter, center: all.centerFooter, right: all.rightFooter },
      printArea: area.isNullObject ? null : area.address.split(',').map((a) => splitSheetAddress(a.trim()).area.replace(/\$/g, '')).join(', '),
      titleRows: titles.isNullObject ? null : rowsOf(splitSheetAddress(titles.address).area),
      rowBreaks: cells.map((c) => parseRangeAddress(splitSheetAddress(c.address).area)?.top ?? 0).filter((r) => r > 1),
    }),
  };
}

/** "1:2", "$1:$2" or "A1:XFD2" → rows 1 to 2. */
function rowsOf(address: string): { first: number; last: number } | null {
  const a = parseRangeAddress(address);
  return a ? { first: a.top, last: a.bottom } : null;
}

/**
 * Queues a saved print setup back. Office.js has no call that removes a print area or print title
 * rows: a sheet that had no print area gets one over `usedArea` (what Excel prints when there is
 * none), and title rows the write set stay when the sheet had none.
 */
export function queuePageRestore(batches: PayloadBatches, ws: () => Excel.Worksheet, s: PageSnapshot, usedArea: string | null): void {
  batches.add(() => {
    const layout = ws().pageLayout;
    layout.orientation = s.orientation as Excel.PageOrientation;
    layout.paperSize = s.paperSize as Excel.PaperType;
    layout.zoom = { ...s.zoom };
    layout.setPrintMargins('Points' as Excel.PrintMarginUnit, { ...s.margins });
    layout.centerHorizontally = s.centerHorizontally;
    layout.firstPageNumber = s.firstPageNumber;
    const all = layout.headersFooters.defaultForAllPages;
    all.leftFooter = s.footers.left;
    all.centerFooter = s.footers.center;
    all.rightFooter = s.footers.right;
  }, s);
  const area = s.printArea ?? usedArea;
  if (area) batches.add(() => ws().pageLayout.setPrintArea(area), area);
  const t = s.titleRows;
  if (t) batches.add(() => ws().pageLayout.setPrintTitleRows(`$${t.first}:$${t.last}`), t);
  queueBreaks(batches, ws, s.rowBreaks, true);
}
