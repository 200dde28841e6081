import type { PrintSetup, StyleRun, WritePlan } from '../write-plan';

export type { CellStyle, StyleRun } from '../write-plan';

/**
 * What the mid-term report adds to a WritePlan: native charts. Its printing and styles are the
 * plan's own (SheetToCreate.print, WritePlan.styles); `print` and `styles` repeat them per sheet for
 * appliers that read them here. The CLI writes the report to a new .xlsx
 * (adapters/xlsx/write-report.ts); the task pane applies `plan` and the charts with Office.js.
 */
export type SheetPrint = PrintSetup & { sheet: string };

/** A1 range on a sheet, 1-based rows and columns, inclusive. */
export interface SheetRange {
  sheet: string;
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/**
 * A clustered column chart: categories down one column, one series per value column. The ranges
 * are on the chart's own sheet (the pane's applier reads them there).
 */
export interface ChartSpec {
  sheet: string;
  title: string;
  categories: SheetRange;
  series: { name: string; values: SheetRange }[];
  /** Where it sits: from the top-left cell to the bottom-right cell (1-based, inclusive). */
  anchor: { fromRow: number; fromCol: number; toRow: number; toCol: number };
  /** Number format of the value axis. */
  valueFormat: string;
}

export interface ReportPlan {
  plan: WritePlan;
  print: SheetPrint[];
  styles: StyleRun[];
  charts: ChartSpec[];
}

export const EURO_FORMAT = '#,##0.00 "€"';
/** French typography: a space before the sign (« 95,6 % »). */
export const PERCENT_FORMAT = '0.0 %';
export const COUNT_FORMAT = '#,##0';

/** The plan's print setups, per sheet. */
export function printsOf(plan: WritePlan): SheetPrint[] {
  return plan.createSheets.filter((s) => s.print).map((s) => ({ sheet: s.name, ...(s.print as PrintSetup) }));
}
