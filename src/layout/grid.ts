/**
 * A plain grid of cells: what every adapter (ExcelJS file, Office.js workbook, in-memory fake)
 * produces and what the layout readers consume. Rows and columns are 1-based, as in Excel.
 */
export type CellScalar = number | string | boolean | Date;

export interface GridCell {
  /** Cached value (for a formula cell: its last computed result); null when empty or uncached. */
  value: CellScalar | null;
  /** Formula text without the leading "=", when the cell holds one. */
  formula?: string;
  /** Excel error value such as "#REF!", when the cell (or its cached result) is one. */
  error?: string;
  /** Number format code, e.g. '# ##0,00 €'. */
  numFmt?: string;
  /**
   * Set when the file stores, for this cell, something its type cannot hold: "abc" or "0x1F" in a
   * number cell, a date that is no date, a boolean that is neither, a shared-string index past the
   * table. `value` then holds the stored text (or what stands for it) so that every reader shows it;
   * none may take it for a number, a date or a blank.
   */
  unreadable?: 'number' | 'date' | 'boolean' | 'shared-string';
}

export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface GridSheet {
  name: string;
  /** Sparse rows: row number → (column number → cell). */
  rows: Map<number, Map<number, GridCell>>;
  merges: CellRange[];
  /** Optional column widths (characters), used by writers only. */
  columnWidths?: Map<number, number>;
  /** Sheet state as read; "hidden" sheets are still read. */
  state?: 'visible' | 'hidden' | 'veryHidden';
  /** Rows hidden in the file (hidden sheets' rows are still read), when there are any. */
  hiddenRows?: Set<number>;
  /** Hidden columns among those in use (as columnWidths), when there are any. */
  hiddenColumns?: Set<number>;
}

export interface Grid {
  sheets: GridSheet[];
}

export function newSheet(name: string): GridSheet {
  return { name, rows: new Map(), merges: [] };
}

export function getCell(sheet: GridSheet, row: number, col: number): GridCell | undefined {
  return sheet.rows.get(row)?.get(col);
}

export function setCell(sheet: GridSheet, row: number, col: number, cell: GridCell): void {
  let r = sheet.rows.get(row);
  if (!r) {
    r = new Map();
    sheet.rows.set(row, r);
  }
  r.set(col, cell);
}

/** True when the cell holds a formula whose result was never computed/saved. */
export function isUncachedFormula(cell: GridCell | undefined): boolean {
  return !!cell && cell.formula !== undefined && cell.value === null && cell.error === undefined;
}

/** Highest row and column holding a cell (0 when the sheet is empty). */
export function sheetExtent(sheet: GridSheet): { maxRow: number; maxCol: number } {
  let maxRow = 0;
  let maxCol = 0;
  for (const [r, cols] of sheet.rows) {
    if (cols.size === 0) continue;
    if (r > maxRow) maxRow = r;
    for (const c of cols.keys()) if (c > maxCol) maxCol = c;
  }
  return { maxRow, maxCol };
}

export { cellAddress, columnLetters, parseAddress } from '../domain/a1';
