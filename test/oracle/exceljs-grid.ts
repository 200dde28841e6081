/**
 * The reader the project had before its own (src/adapters/xlsx/reader/): .xlsx → Grid through
 * ExcelJS, with the project's fixes to ExcelJS's parsers. Kept only as the oracle of the
 * differential tests (test/adapters/xlsx/reader-differential*.test.ts): the new grid must equal this
 * one wherever ExcelJS reads a file right.
 */
import ExcelJS from 'exceljs';
import {
  type CellRange,
  type CellScalar,
  type Grid,
  type GridCell,
  type GridSheet,
  newSheet,
  parseAddress,
  setCell,
  sheetExtent,
} from '../../src/layout/grid';
import { workbookNotXlsx } from '../../src/adapters/xlsx/errors';
import { installExcelJsFixes } from '../../src/adapters/xlsx/exceljs-fixes';
import { translateFormula } from '../../src/adapters/xlsx/shared-formula';
import { guardXlsxArchive } from '../../src/adapters/xlsx/zip-guard';

export async function readGridWithExcelJs(buf: Buffer, fileLabel: string): Promise<Grid> {
  // Before ExcelJS inflates anything: zip bombs, and a precise message for what is not a workbook.
  guardXlsxArchive(buf, fileLabel);
  installExcelJsFixes();
  const wb = new ExcelJS.Workbook();
  try {
    // ExcelJS types its input as its own ArrayBuffer-like "Buffer"; at runtime a Node Buffer is what it wants.
    await wb.xlsx.load(buf as unknown as Parameters<ExcelJS.Xlsx['load']>[0]);
  } catch (e) {
    throw workbookNotXlsx(fileLabel, e);
  }
  // A zip without xl/workbook.xml (or whose sheets are missing) loads "fine" with zero sheets.
  if (wb.worksheets.length === 0) throw workbookNotXlsx(fileLabel);
  try {
    return { sheets: wb.worksheets.map(readSheet) };
  } catch (e) {
    throw workbookNotXlsx(fileLabel, e);
  }
}

function readSheet(ws: ExcelJS.Worksheet): GridSheet {
  const sheet = newSheet(ws.name);
  sheet.state = ws.state ?? 'visible';
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      const g = readCell(ws, cell);
      if (g) setCell(sheet, r, c, g);
    });
  });
  sheet.merges = ws.model.merges.map(parseRange).filter((m): m is CellRange => m !== null);
  sheet.columnWidths = readWidths(ws, sheet);
  // Hidden rows and columns: what ExcelJS's model says (the grid carries them since the new reader).
  const hiddenRows = new Set<number>();
  ws.eachRow({ includeEmpty: true }, (row, r) => {
    if (row.hidden) hiddenRows.add(r);
  });
  if (hiddenRows.size) sheet.hiddenRows = hiddenRows;
  const hiddenColumns = new Set<number>();
  for (const c of sheet.columnWidths?.keys() ?? []) if (ws.getColumn(c).hidden) hiddenColumns.add(c);
  if (hiddenColumns.size) sheet.hiddenColumns = hiddenColumns;
  if (!sheet.columnWidths) delete sheet.columnWidths;
  return sheet;
}

/** undefined for cells with nothing but a style, and for the covered cells of a merge. */
function readCell(ws: ExcelJS.Worksheet, cell: ExcelJS.Cell): GridCell | undefined {
  const { ValueType } = ExcelJS;
  if (cell.type === ValueType.Null || cell.type === ValueType.Merge) return undefined;
  let g: GridCell;
  if (cell.type === ValueType.Formula) {
    // cell.result, not cell.value.result: ExcelJS's value copy drops falsy results (0, false, '').
    g = { ...scalar(cell.result), formula: formulaText(ws, cell) };
    if (g.formula === undefined) delete g.formula;
  } else {
    g = scalar(cell.value);
    if (g.value === null && g.error === undefined) return undefined;
  }
  const fmt = cell.numFmt;
  if (fmt && fmt !== 'General') g.numFmt = fmt;
  return g;
}

function formulaText(ws: ExcelJS.Worksheet, cell: ExcelJS.Cell): string | undefined {
  const v = cell.value as ExcelJS.CellFormulaValue | ExcelJS.CellSharedFormulaValue;
  if ('sharedFormula' in v && v.sharedFormula) {
    // Shared-formula follower: only the master holds the text; translate it to this cell.
    const from = parseAddress(v.sharedFormula);
    const master = from ? ws.findCell(from.row, from.col) : undefined;
    const text = master?.formula;
    if (from && text) return strip(translateFormula(text, Number(cell.row) - from.row, Number(cell.col) - from.col));
  }
  const text = cell.formula;
  return text ? strip(text) : undefined;
}

const strip = (f: string): string => (f.startsWith('=') ? f.slice(1) : f);

function scalar(v: unknown): { value: CellScalar | null; error?: string } {
  if (v === null || v === undefined) return { value: null };
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean' || v instanceof Date) return { value: v };
  if (typeof v === 'object') {
    const o = v as { error?: unknown; richText?: unknown; text?: unknown };
    if (typeof o.error === 'string') return { value: null, error: o.error };
    if (Array.isArray(o.richText)) return { value: o.richText.map((run: { text?: string }) => run.text ?? '').join('') };
    if ('text' in o) return scalar(o.text); // hyperlink: { text, hyperlink }, text possibly rich
  }
  return { value: null };
}

function parseRange(ref: string): CellRange | null {
  const [a, b = a] = ref.split(':');
  const tl = parseAddress(a);
  const br = parseAddress(b);
  if (!tl || !br) return null;
  return { top: tl.row, left: tl.col, bottom: br.row, right: br.col };
}

/** Widths of the columns in use only: a <col max="16384"> style run would otherwise add 16k entries. */
function readWidths(ws: ExcelJS.Worksheet, sheet: GridSheet): Map<number, number> | undefined {
  let maxCol = sheetExtent(sheet).maxCol;
  for (const m of sheet.merges) maxCol = Math.max(maxCol, m.right);
  const widths = new Map<number, number>();
  (ws.columns ?? []).slice(0, maxCol).forEach((col, i) => {
    if (col.width !== undefined) widths.set(i + 1, col.width);
  });
  return widths.size ? widths : undefined;
}
