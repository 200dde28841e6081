/// <reference types="office-js" />
/**
 * A tool-owned sheet (Contrôles, états des dépenses, report sheets) is rewritten in place, never
 * replaced: formulas and defined names elsewhere keep pointing at it. What it held before — cells,
 * number formats, merges, column widths, frozen rows, the add-in's charts — is saved in the undo
 * record and put back by undo, on the same sheet.
 */
import { type CellRange, cellAddress, columnLetters } from '../../layout/grid';
import { restoreInput } from './cell-values';
import { areaAddress, parseArea, splitSheetAddress } from './office-address';
import type { PayloadBatches } from './payload-batches';
import { queueChart } from './tool-charts';
import type { CellsState, SheetContent, ToolChart } from './undo-record';

export interface LoadedSheet {
  content: SheetContent;
  /** The used range now (cells or formats), for clearing it. */
  usedBox: CellRange | null;
  /** Names of every chart now on the sheet. */
  chartNames: string[];
}

/**
 * Queues the loads of a sheet's whole content; `toolCharts`: the add-in's charts known on it;
 * `widthColumns`: the columns whose width the write will set (the only widths it changes).
 */
export function loadSheet(ws: Excel.Worksheet, toolCharts: () => ToolChart[], widthColumns: number[]): { resolve(): LoadedSheet } {
  const used = ws.getUsedRangeOrNullObject(false);
  used.load('address,formulas,values,valueTypes,numberFormat');
  const merged = ws.getRange().getMergedAreasOrNullObject();
  merged.load('areas/items/address');
  const widths = widthColumns.map((col) => {
    const r = ws.getRange(cellAddress(1, col));
    r.format.load('columnWidth,useStandardWidth');
    return { col, r };
  });
  const frozen = ws.freezePanes.getLocationOrNullObject();
  frozen.load('rowCount');
  ws.charts.load('items/name');
  return {
    resolve: () => {
      const chartNames = ws.charts.items.map((c) => c.name);
      const usedCells: CellsState | null = used.isNullObject
        ? null
        : { address: splitSheetAddress(used.address).area, formulas: used.formulas, values: used.values, valueTypes: used.valueTypes as string[][], numberFormat: used.numberFormat };
      return {
        usedBox: usedCells ? parseArea(usedCells.address) : null,
        chartNames,
        content: {
          used: usedCells,
          merges: merged.isNullObject ? [] : merged.areas.items.map((a) => splitSheetAddress(a.address).area),
          // null: the sheet's standard width (given back as such, not as a fixed number of points).
          widths: Object.fromEntries(widths.map(({ col, r }) => [String(col), r.format.useStandardWidth ? null : r.format.columnWidth])),
          frozenRows: frozen.isNullObject ? 0 : frozen.rowCount,
          charts: toolCharts().filter((c) => chartNames.includes(c.name)),
        },
      };
    },
  };
}

/** Queues emptying a sheet: charts named, merges, contents and number formats of `box`. */
export function queueEmpty(batches: PayloadBatches, ws: () => Excel.Worksheet, box: CellRange | null, deleteCharts: string[]): void {
  for (const name of deleteCharts) batches.add(() => ws().charts.getItem(name).delete());
  if (!box) return;
  const address = areaAddress(box);
  const general = Array.from({ length: box.bottom - box.top + 1 }, () => Array.from({ length: box.right - box.left + 1 }, () => 'General'));
  batches.add(() => {
    const range = ws().getRange(address);
    range.unmerge();
    range.clear('Contents' as Excel.ClearApplyTo);
    range.numberFormat = general;
  }, general);
}

/** Queues putting a snapshot back on a sheet emptied by queueEmpty. */
export function queueRestore(batches: PayloadBatches, ws: () => Excel.Worksheet, before: SheetContent): void {
  const used = before.used;
  if (used) {
    const formulas = used.formulas.map((line, i) => line.map((f, j) => restoreInput(f, used.values[i]?.[j], used.valueTypes[i]?.[j] ?? 'Unknown')));
    batches.add(() => {
      const range = ws().getRange(used.address);
      range.formulas = formulas;
      range.numberFormat = used.numberFormat as string[][];
    }, [formulas, used.numberFormat]);
  }
  batches.add(() => {
    const sheet = ws();
    for (const m of before.merges) sheet.getRange(m).merge(false);
    for (const [col, points] of Object.entries(before.widths)) {
      const format = sheet.getRange(`${columnLetters(Number(col))}1`).format;
      if (typeof points === 'number') format.columnWidth = points;
      else format.useStandardWidth = true; // ExcelApi 1.7
    }
    if (before.frozenRows > 0) sheet.freezePanes.freezeRows(before.frozenRows);
    else sheet.freezePanes.unfreeze();
    for (const c of before.charts) queueChart(sheet, c.spec, c.name);
  }, before.merges);
}

export function union(a: CellRange | null, b: CellRange | null): CellRange | null {
  if (!a) return b;
  if (!b) return a;
  return { top: Math.min(a.top, b.top), left: Math.min(a.left, b.left), bottom: Math.max(a.bottom, b.bottom), right: Math.max(a.right, b.right) };
}
