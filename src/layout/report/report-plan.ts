import type { CellScalar } from '../grid';
import type { CellWrite, SheetToCreate, WritePlan } from '../write-plan';

/**
 * What the mid-term report adds to a WritePlan: printing, cell styles and a chart. The CLI writes
 * it to a new .xlsx (adapters/xlsx/write-report.ts); the task pane can apply `plan` with its
 * WritePlan applier, then the page setup, the styles and the chart with Office.js
 * (`worksheet.pageLayout`, `range.format`, `worksheet.charts.add`).
 */
export type CellStyle = 'title' | 'subtitle' | 'header' | 'section' | 'subtotal' | 'total' | 'wrap';

export interface StyleRun {
  sheet: string;
  row: number;
  fromCol: number;
  toCol: number;
  style: CellStyle;
}

/** Printable: A4 landscape, one page wide, the header rows repeated on every page. */
export interface PrintSetup {
  sheet: string;
  orientation: 'landscape';
  paper: 'A4';
  fitToWidth: true;
  /** Rows repeated at the top of every printed page (1-based, inclusive). */
  repeatRows: { first: number; last: number };
}

/** A1 range on a sheet, 1-based rows and columns, inclusive. */
export interface SheetRange {
  sheet: string;
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** A clustered column chart: categories down one column, one series per value column. */
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
  print: PrintSetup[];
  styles: StyleRun[];
  charts: ChartSpec[];
}

export const EURO_FORMAT = '#,##0.00 "€"';
export const PERCENT_FORMAT = '0.0%';
export const COUNT_FORMAT = '#,##0';

/** Accumulates one sheet's cells, merges and styles (rows and columns 1-based). */
export class SheetPlanWriter {
  readonly writes: CellWrite[] = [];
  readonly styles: StyleRun[] = [];
  readonly merges: NonNullable<SheetToCreate['merges']> = [];

  constructor(readonly sheet: string) {}

  value(row: number, col: number, value: CellScalar | null, numFmt?: string): void {
    if (value === null || value === '') return;
    this.writes.push({ sheet: this.sheet, row, col, value, ...(numFmt ? { numFmt } : {}), purpose: 'template' });
  }

  /** A formula with the value the engine computed for it (what Excel shows before recalculating). */
  formula(row: number, col: number, formula: string, cached: CellScalar | null, numFmt?: string): void {
    this.writes.push({ sheet: this.sheet, row, col, formula, value: cached, ...(numFmt ? { numFmt } : {}), purpose: 'template' });
  }

  style(row: number, fromCol: number, toCol: number, style: CellStyle): void {
    this.styles.push({ sheet: this.sheet, row, fromCol, toCol, style });
  }

  merge(row: number, left: number, right: number): void {
    this.merges.push({ top: row, bottom: row, left, right });
  }
}
