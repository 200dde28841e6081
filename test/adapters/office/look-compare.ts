/**
 * A printed sheet's look in neutral terms — each cell's font, fill, borders, alignment, wrapping and
 * number format, the rows' heights, the page setup — read once from an .xlsx the xlsx adapter wrote
 * (ExcelJS, and the sheet's XML for the page breaks ExcelJS does not read back) and once from the
 * fake Excel after the Office adapter wrote the same plan, so a test compares the two documents.
 * Cells that look as a new sheet's cells are left out on both sides.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { FakeWorkbookModel } from '../../../src/adapters/office/fake/fake-workbook-model';
import type { FakeBorder } from '../../../src/adapters/office/fake/fake-formats';
import { cellAddress, columnLetters, getCell } from '../../../src/layout/grid';

export interface NeutralCell {
  font: string;
  fill: string | null;
  borders: string;
  align: string;
  wrap: boolean;
  numFmt: string;
}

export interface NeutralPage {
  orientation: string;
  paper: string;
  fit: string;
  printArea: string | null;
  titleRows: string | null;
  breaks: number[];
  margins: string;
  centred: boolean;
  firstPage: number | '';
  footer: string;
}

export interface NeutralLook {
  cells: Record<string, NeutralCell>;
  heights: Record<number, number>;
  page: NeutralPage;
}

const BLANK: NeutralCell = { font: 'Calibri 11 #000000', fill: null, borders: '- - - -', align: 'General/Bottom', wrap: false, numFmt: 'General' };
const isBlank = (c: NeutralCell) => JSON.stringify(c) === JSON.stringify(BLANK);
const hex = (argb: string | undefined) => (argb ? `#${argb.slice(-6).toUpperCase()}` : '#000000');
const inches = (m: Record<string, number>) => ['left', 'right', 'top', 'bottom', 'header', 'footer'].map((k) => m[k].toFixed(2)).join(' ');

// ---- the .xlsx written by the xlsx adapter

const XLSX_EDGE: Record<string, string> = { thin: 'Continuous/Thin', double: 'Double' };
const XLSX_H: Record<string, string> = { center: 'Center', right: 'Right', left: 'Left' };
const XLSX_V: Record<string, string> = { top: 'Top', middle: 'Center', bottom: 'Bottom' };

function xlsxCell(cell: ExcelJS.Cell): NeutralCell {
  const f = cell.font ?? {};
  const fill = cell.fill as ExcelJS.FillPattern | undefined;
  const b = (cell.border ?? {}) as Partial<ExcelJS.Borders>;
  const edge = (e: Partial<ExcelJS.Border> | undefined) => (e?.style ? `${XLSX_EDGE[e.style] ?? e.style} ${hex(e.color?.argb)}` : '-');
  const a = cell.alignment ?? {};
  return {
    font: `${f.name ?? 'Calibri'} ${f.size ?? 11} ${hex(f.color?.argb)}${f.bold ? ' bold' : ''}${f.italic ? ' italic' : ''}`,
    fill: fill?.type === 'pattern' && fill.pattern === 'solid' ? hex(fill.fgColor?.argb) : null,
    borders: [b.top, b.bottom, b.left, b.right].map(edge).join(' '),
    align: `${XLSX_H[a.horizontal ?? ''] ?? 'General'}/${XLSX_V[a.vertical ?? ''] ?? 'Bottom'}`,
    wrap: !!a.wrapText,
    numFmt: cell.numFmt || 'General',
  };
}

async function sheetXml(buf: Buffer, name: string): Promise<string> {
  const zip = await JSZip.loadAsync(buf);
  const workbook = await zip.file('xl/workbook.xml')!.async('string');
  const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  const esc = name.replace(/&/g, '&amp;').replace(/'/g, '&apos;');
  const rid = new RegExp(`<sheet [^>]*name="${esc.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"[^>]*r:id="([^"]+)"`).exec(workbook)![1];
  const target = new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels) ?? new RegExp(`Target="([^"]+)"[^>]*Id="${rid}"`).exec(rels);
  return zip.file(`xl/${target![1].replace(/^\/?xl\//, '')}`)!.async('string');
}

export async function xlsxLook(buf: Buffer, name: string): Promise<NeutralLook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
  const ws = wb.getWorksheet(name)!;
  const cells: Record<string, NeutralCell> = {};
  const heights: Record<number, number> = {};
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    if (row.height !== undefined && row.height !== null) heights[r] = row.height;
    for (let c = 1; c <= ws.columnCount; c++) {
      const n = xlsxCell(row.getCell(c));
      if (!isBlank(n)) cells[cellAddress(r, c)] = n;
    }
  }
  const p = ws.pageSetup;
  const xml = await sheetXml(buf, name);
  // <brk id="n"/>: a break below row n, so the next page starts at row n + 1.
  const breaks = [...(/<rowBreaks[^>]*>(.*?)<\/rowBreaks>/s.exec(xml)?.[1] ?? '').matchAll(/<brk [^>]*id="(\d+)"/g)].map((m) => Number(m[1]) + 1);
  const footer = ws.headerFooter?.oddFooter ?? '';
  return {
    cells,
    heights,
    page: {
      orientation: p.orientation ?? 'portrait',
      paper: p.paperSize === 9 ? 'A4' : String(p.paperSize),
      fit: p.fitToPage ? `${p.fitToWidth} wide, ${p.fitToHeight} high` : `scale ${p.scale}`,
      printArea: p.printArea ? p.printArea.replace(/\$/g, '') : null,
      titleRows: p.printTitlesRow ? p.printTitlesRow.replace(/\$/g, '') : null,
      breaks,
      margins: inches(p.margins as unknown as Record<string, number>),
      centred: !!p.horizontalCentered,
      firstPage: p.firstPageNumber ?? '',
      footer,
    },
  };
}

// ---- the fake Excel after the Office adapter

function fakeEdge(b: FakeBorder): string {
  if (b.style === 'None') return '-';
  return `${b.style === 'Double' ? 'Double' : `${b.style}/${b.weight}`} ${b.color}`;
}

export function fakeLook(model: FakeWorkbookModel, name: string): NeutralLook {
  const sheet = model.find(name)!;
  const cells: Record<string, NeutralCell> = {};
  const keys = new Set<string>();
  for (const k of model.formats.cells.get(sheet)?.keys() ?? []) keys.add(k);
  for (const k of model.fills.get(sheet)?.keys() ?? []) keys.add(k);
  for (const [r, cols] of sheet.rows) for (const c of cols.keys()) keys.add(`${r}:${c}`);
  for (const k of keys) {
    const [r, c] = k.split(':').map(Number);
    const f = model.formats.get(sheet, r, c);
    const font = f.font;
    const n: NeutralCell = {
      font: `${font.name} ${font.size} ${font.color}${font.bold ? ' bold' : ''}${font.italic ? ' italic' : ''}`,
      fill: model.hasFill(sheet, r, c) ? model.fill(sheet, r, c) : null,
      borders: [f.borders.top, f.borders.bottom, f.borders.left, f.borders.right].map(fakeEdge).join(' '),
      align: `${f.horizontalAlignment}/${f.verticalAlignment}`,
      wrap: f.wrapText,
      numFmt: getCell(sheet, r, c)?.numFmt ?? 'General',
    };
    if (!isBlank(n)) cells[cellAddress(r, c)] = n;
  }
  const heights = Object.fromEntries(model.formats.rowHeights.get(sheet) ?? []);
  const p = model.pages.of(sheet);
  const s = p.defaultForAllPages;
  const m = p.margins;
  const a = p.printArea;
  return {
    cells,
    heights,
    page: {
      orientation: p.orientation.toLowerCase(),
      paper: p.paperSize,
      fit: p.zoom.scale === undefined ? `${p.zoom.horizontalFitToPages} wide, ${p.zoom.verticalFitToPages} high` : `scale ${p.zoom.scale}`,
      printArea: a ? `${columnLetters(a.left)}${a.top}:${columnLetters(a.right)}${a.bottom}` : null,
      titleRows: p.printTitleRows ? `${p.printTitleRows.first}:${p.printTitleRows.last}` : null,
      breaks: [...p.rowBreaks],
      margins: inches({ left: m.leftMargin / 72, right: m.rightMargin / 72, top: m.topMargin / 72, bottom: m.bottomMargin / 72, header: m.headerMargin / 72, footer: m.footerMargin / 72 }),
      centred: p.centerHorizontally,
      firstPage: p.firstPageNumber,
      // The file's one footer string, as Excel's sections make it.
      footer: `&L${s.leftFooter}${s.centerFooter ? `&C${s.centerFooter}` : ''}&R${s.rightFooter}`,
    },
  };
}
