/// <reference types="office-js" />
/**
 * A tool-owned sheet (Contrôles, états des dépenses, report sheets) is rewritten in place, never
 * replaced: formulas and defined names elsewhere keep pointing at it. What it held before — cells,
 * number formats, merges, column widths, frozen rows, the add-in's charts — is saved in the undo
 * record and put back by undo, on the same sheet — read, cleared and written back within Excel's
 * limits whatever the sheet's size (payload, 5 000 000 cells per read, 512 merged areas per request).
 */
import { type CellRange, cellAddress, columnLetters } from '../../layout/grid';
import { restoreInput } from './cell-values';
import { readMergedAreas } from './merged-areas';
import { areaAddress, parseArea, splitSheetAddress } from './office-address';
import type { PayloadBatches } from './payload-batches';
import { type CellProp, type ReadRequest, readRanges } from './range-reader';
import { queueChart } from './tool-charts';
import type { CellsState, SheetContent, ToolChart } from './undo-record';

export interface LoadedSheet {
  content: SheetContent;
  /** The used range now (cells or formats), for clearing it. */
  usedBox: CellRange | null;
  /** Names of every chart now on the sheet. */
  chartNames: string[];
}

/** A sheet's loads queued by loadSheet; its cells and merges are read by readSheets. */
export interface SheetLoad {
  ws: Excel.Worksheet;
  resolve(): LoadedSheet;
}

/** Merges queued together (each is two Office.js calls: getRange, merge). */
const MERGES_PER_OPERATION = 500;

const CELL_PROPS: CellProp[] = ['formulas', 'values', 'valueTypes', 'numberFormat'];

/**
 * Queues the loads of what a sheet is besides its cells and merges (its used range, widths, frozen
 * rows, charts); `toolCharts`: the add-in's charts known on it; `widthColumns`: the columns whose
 * width the write will set (the only widths it changes).
 */
export function loadSheet(ws: Excel.Worksheet, toolCharts: () => ToolChart[], widthColumns: number[]): SheetLoad {
  const used = ws.getUsedRangeOrNullObject(false);
  used.load('address');
  const widths = widthColumns.map((col) => {
    const r = ws.getRange(cellAddress(1, col));
    r.format.load('columnWidth,useStandardWidth');
    return { col, r };
  });
  const frozen = ws.freezePanes.getLocationOrNullObject();
  frozen.load('rowCount');
  ws.charts.load('items/name');
  return {
    ws,
    resolve: () => {
      const chartNames = ws.charts.items.map((c) => c.name);
      return {
        usedBox: used.isNullObject ? null : parseArea(splitSheetAddress(used.address).area),
        chartNames,
        content: {
          used: null,
          merges: [],
          // null: the sheet's standard width (given back as such, not as a fixed number of points).
          widths: Object.fromEntries(widths.map(({ col, r }) => [String(col), r.format.useStandardWidth ? null : r.format.columnWidth])),
          frozenRows: frozen.isNullObject ? 0 : frozen.rowCount,
          charts: toolCharts().filter((c) => chartNames.includes(c.name)),
        },
      };
    },
  };
}

/**
 * Completes loaded sheets with their cells and merged areas, read within Excel's limits: the cells
 * of their used ranges in round trips under the payload budget, the merges band by band (a sheet
 * may hold more than the 512 merged areas one request can list).
 */
export async function readSheets(context: Excel.RequestContext, sheets: { ws: Excel.Worksheet; loaded: LoadedSheet }[], budgetBytes: number): Promise<LoadedSheet[]> {
  const requests: ReadRequest[] = sheets.flatMap((s, i) => (s.loaded.usedBox ? [{ ws: s.ws, area: s.loaded.usedBox, tag: i }] : []));
  if (requests.length === 0) return sheets.map((s) => s.loaded);
  const pieces = await readRanges(context, requests, CELL_PROPS, { budgetBytes });
  const merges = await readMergedAreas(context, sheets.map((s) => s.ws), sheets.map((s) => s.loaded.usedBox));
  return sheets.map((s, i) => {
    const box = s.loaded.usedBox;
    if (!box) return s.loaded;
    const mine = pieces.filter((p) => p.tag === i).sort((a, b) => a.area.top - b.area.top);
    const join = <T>(prop: CellProp) => mine.flatMap((p) => p.data[prop] as T[][]);
    const used: CellsState = { address: areaAddress(box), formulas: join('formulas'), values: join('values'), valueTypes: join<string>('valueTypes'), numberFormat: join('numberFormat') };
    return { ...s.loaded, content: { ...s.loaded.content, used, merges: merges[i].map(areaAddress) } };
  });
}

/**
 * Queues emptying a sheet: charts named, merges, contents and number formats of `box` — one value
 * for the whole box (Office.js sets it in every cell), not one per cell.
 */
export function queueEmpty(batches: PayloadBatches, ws: () => Excel.Worksheet, box: CellRange | null, deleteCharts: string[]): void {
  for (const name of deleteCharts) batches.add(() => ws().charts.getItem(name).delete());
  if (!box) return;
  const address = areaAddress(box);
  batches.add(() => {
    const range = ws().getRange(address);
    range.unmerge();
    range.clear('Contents' as Excel.ClearApplyTo);
    range.numberFormat = 'General' as unknown as string[][];
  }, address, 3);
}

/** Queues putting a snapshot back on a sheet emptied by queueEmpty, cut in row bands under the payload limit. */
export function queueRestore(batches: PayloadBatches, ws: () => Excel.Worksheet, before: SheetContent): void {
  const used = before.used;
  if (used) {
    const formulas = used.formulas.map((line, i) => line.map((f, j) => restoreInput(f, used.values[i]?.[j], used.valueTypes[i]?.[j] ?? 'Unknown')));
    batches.addRows(parseArea(used.address)!, [formulas, used.numberFormat as string[][]], (address, [f, n]) => {
      const range = ws().getRange(address);
      range.formulas = f;
      range.numberFormat = n;
    });
  }
  for (let i = 0; i < before.merges.length; i += MERGES_PER_OPERATION) {
    const merges = before.merges.slice(i, i + MERGES_PER_OPERATION);
    batches.add(() => {
      const sheet = ws();
      for (const m of merges) sheet.getRange(m).merge(false);
    }, merges, 2 * merges.length);
  }
  batches.add(() => {
    const sheet = ws();
    for (const [col, points] of Object.entries(before.widths)) {
      const format = sheet.getRange(`${columnLetters(Number(col))}1`).format;
      if (typeof points === 'number') format.columnWidth = points;
      else format.useStandardWidth = true; // ExcelApi 1.7
    }
    if (before.frozenRows > 0) sheet.freezePanes.freezeRows(before.frozenRows);
    else sheet.freezePanes.unfreeze();
    for (const c of before.charts) queueChart(sheet, c.spec, c.name);
  }, before.widths);
}

export function union(a: CellRange | null, b: CellRange | null): CellRange | null {
  if (!a) return b;
  if (!b) return a;
  return { top: Math.min(a.top, b.top), left: Math.min(a.left, b.left), bottom: Math.max(a.bottom, b.bottom), right: Math.max(a.right, b.right) };
}
