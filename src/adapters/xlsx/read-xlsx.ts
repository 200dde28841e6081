/**
 * .xlsx file → Grid, through ExcelJS. Node-only (the add-in reads through Office.js instead).
 */
import { promises as fs } from 'fs';
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
} from '../../layout/grid';
import { UnreadableWorkbookError, workbookNotFound, workbookNotXlsx, workbookTooLarge } from './errors';
import { installExcelJsFixes } from './exceljs-fixes';
import { translateFormula } from './shared-formula';
import { guardXlsxArchive } from './zip-guard';

export { DEFAULT_MAX_UNCOMPRESSED_BYTES } from './zip-guard';

/** Annex workbooks weigh well under 1 Mo; the cap keeps a stray huge file from exhausting memory. */
export const DEFAULT_MAX_FILE_BYTES = 50 * 1024 * 1024;

export interface ReadLimits {
  /** Size of the file on disk (default DEFAULT_MAX_FILE_BYTES). */
  maxFileBytes?: number;
  /** Size of its parts once inflated: zip bombs (default DEFAULT_MAX_UNCOMPRESSED_BYTES). */
  maxUncompressedBytes?: number;
}

export async function readXlsxFile(path: string, limits?: ReadLimits): Promise<Grid> {
  const max = limits?.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  let buf: Buffer;
  try {
    const stat = await fs.stat(path);
    if (!stat.isFile()) throw workbookNotXlsx(path);
    if (stat.size > max) throw workbookTooLarge(path, stat.size, max);
    buf = await fs.readFile(path);
  } catch (e) {
    if (e instanceof UnreadableWorkbookError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw workbookNotFound(path, e);
    throw workbookNotXlsx(path, e);
  }
  return readXlsxBuffer(buf, path, limits);
}

export async function readXlsxBuffer(buf: Buffer, fileLabel: string, limits?: ReadLimits): Promise<Grid> {
  // Before ExcelJS inflates anything: zip bombs, and a precise message for what is not a workbook.
  guardXlsxArchive(buf, fileLabel, limits?.maxUncompressedBytes);
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
