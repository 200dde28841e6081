/**
 * The state behind the fake Excel: a Grid (the same type every adapter produces) plus what Excel
 * keeps beside cell contents — fills, frozen rows, the active sheet and the selection. Operations
 * here are immediate; the proxies in fake-excel.ts queue them until context.sync(), as Office.js
 * does. Excel's own rules that the adapter must respect are enforced (sheet names, the last visible
 * sheet, deleting a very hidden sheet).
 */
import { type CellRange, type Grid, type GridCell, type GridSheet, getCell, newSheet, setCell } from '../../../layout/grid';
import { ERROR_VALUES, dateToSerial } from '../cell-values';
import type { FakeChartRecord } from './fake-chart';
import { FakeOfficeError } from './fake-error';
import { evaluateFormula } from './formula-eval';

export type OfficeVisibility = 'Visible' | 'Hidden' | 'VeryHidden';
export type CellProperty = 'values' | 'formulas' | 'valueTypes' | 'numberFormat';

const MAX_ROW = 1048576;
const MAX_COL = 16384;

export class FakeWorkbookModel {
  activeSheet: GridSheet | undefined;
  selection: { sheet: string; address: string } | null = null;
  readonly fills = new Map<GridSheet, Map<string, string>>();
  readonly frozenRows = new Map<GridSheet, number>();
  /** Charts added with worksheet.charts.add, per sheet (deleted with it). */
  readonly charts = new Map<GridSheet, FakeChartRecord[]>();
  /** Every activate()/select() in order, so tests see what the user would have seen. */
  readonly uiLog: string[] = [];

  constructor(readonly grid: Grid) {
    for (const s of grid.sheets) s.state ??= 'visible'; // Excel always knows a sheet's visibility
    this.activeSheet = grid.sheets.find((s) => (s.state ?? 'visible') === 'visible');
    // Excel recalculates on open: formulas saved without a result get one here too.
    this.recalculate();
  }

  // ---- sheets

  find(name: string): GridSheet | undefined {
    const key = name.toLowerCase();
    return this.grid.sheets.find((s) => s.name.toLowerCase() === key);
  }

  visibility(sheet: GridSheet): OfficeVisibility {
    return sheet.state === 'hidden' ? 'Hidden' : sheet.state === 'veryHidden' ? 'VeryHidden' : 'Visible';
  }

  position(sheet: GridSheet): number {
    return this.grid.sheets.indexOf(sheet);
  }

  addSheet(name: string): GridSheet {
    this.checkName(name, undefined);
    const sheet = newSheet(name);
    this.grid.sheets.push(sheet); // Excel appends new sheets at the end
    return sheet;
  }

  renameSheet(sheet: GridSheet, name: string): void {
    this.checkName(name, sheet);
    sheet.name = name;
  }

  setVisibility(sheet: GridSheet, v: OfficeVisibility): void {
    if (v !== 'Visible' && this.visibility(sheet) === 'Visible' && this.visibleCount() === 1) {
      throw new FakeOfficeError('InvalidOperation', 'This operation is not permitted for the current object: a workbook must keep at least one visible sheet.');
    }
    sheet.state = v === 'Visible' ? 'visible' : v === 'Hidden' ? 'hidden' : 'veryHidden';
    if (this.activeSheet === sheet && v !== 'Visible') this.activeSheet = this.grid.sheets.find((s) => this.visibility(s) === 'Visible');
  }

  setPosition(sheet: GridSheet, position: number): void {
    const sheets = this.grid.sheets;
    if (!Number.isInteger(position) || position < 0 || position >= sheets.length) {
      throw new FakeOfficeError('InvalidArgument', `The argument is invalid or missing or has an incorrect format (position ${position}).`);
    }
    sheets.splice(sheets.indexOf(sheet), 1);
    sheets.splice(position, 0, sheet);
  }

  deleteSheet(sheet: GridSheet): void {
    if (this.visibility(sheet) === 'VeryHidden') {
      // Office.js: "if the worksheet's visibility is set to VeryHidden, the delete operation will fail".
      throw new FakeOfficeError('InvalidOperation', 'This operation is not permitted for the current object: a very hidden sheet cannot be deleted.');
    }
    if (this.visibility(sheet) === 'Visible' && this.visibleCount() === 1) {
      throw new FakeOfficeError('InvalidOperation', 'This operation is not permitted for the current object: a workbook must keep at least one visible sheet.');
    }
    this.grid.sheets.splice(this.grid.sheets.indexOf(sheet), 1);
    this.fills.delete(sheet);
    this.frozenRows.delete(sheet);
    this.charts.delete(sheet);
    if (this.activeSheet === sheet) this.activeSheet = this.grid.sheets.find((s) => this.visibility(s) === 'Visible');
  }

  activate(sheet: GridSheet): void {
    if (this.visibility(sheet) !== 'Visible') throw new FakeOfficeError('InvalidOperation', 'This operation is not permitted for the current object: the sheet is hidden.');
    this.activeSheet = sheet;
    this.uiLog.push(`activate ${sheet.name}`);
  }

  select(sheet: GridSheet, address: string): void {
    this.activate(sheet);
    this.selection = { sheet: sheet.name, address };
    this.uiLog.push(`select ${sheet.name}!${address}`);
  }

  private visibleCount(): number {
    return this.grid.sheets.filter((s) => this.visibility(s) === 'Visible').length;
  }

  private checkName(name: string, self: GridSheet | undefined): void {
    if (typeof name !== 'string' || name.length === 0 || name.length > 31 || /[[\]:*?/\\]/.test(name) || /^'|'$/.test(name)) {
      throw new FakeOfficeError('InvalidArgument', `The argument is invalid or missing or has an incorrect format (sheet name "${name}").`);
    }
    const other = this.find(name);
    if (other && other !== self) throw new FakeOfficeError('ItemAlreadyExists', `A resource with the same name or identifier already exists (sheet "${name}").`);
  }

  // ---- ranges

  /** Bounding box of the cells with content (and, unless valuesOnly, of formatted blank cells). */
  usedRange(sheet: GridSheet, valuesOnly: boolean): CellRange | null {
    let top = Infinity, left = Infinity, bottom = 0, right = 0;
    for (const [r, cols] of sheet.rows) {
      for (const [c, cell] of cols) {
        if (valuesOnly && isBlank(cell)) continue;
        top = Math.min(top, r);
        bottom = Math.max(bottom, r);
        left = Math.min(left, c);
        right = Math.max(right, c);
      }
    }
    return bottom === 0 ? null : { top, left, bottom, right };
  }

  wholeSheet(): CellRange {
    return { top: 1, left: 1, bottom: MAX_ROW, right: MAX_COL };
  }

  read(sheet: GridSheet, r: CellRange, prop: CellProperty): unknown[][] {
    if ((r.bottom - r.top + 1) * (r.right - r.left + 1) > 5_000_000) {
      throw new FakeOfficeError('RequestPayloadSizeLimitExceeded', 'The request payload size has exceeded the limit.');
    }
    const out: unknown[][] = [];
    for (let row = r.top; row <= r.bottom; row++) {
      const line: unknown[] = [];
      for (let col = r.left; col <= r.right; col++) line.push(officeProperty(getCell(sheet, row, col), prop));
      out.push(line);
    }
    return out;
  }

  /** Writes a 2-D input as Excel does: null entries leave their cell alone; strings are typed. */
  write(sheet: GridSheet, r: CellRange, prop: 'values' | 'formulas' | 'numberFormat', data: unknown): void {
    const rows = r.bottom - r.top + 1;
    const cols = r.right - r.left + 1;
    const grid = Array.isArray(data) ? (data as unknown[][]) : null;
    if (!grid || grid.length !== rows || grid.some((line) => !Array.isArray(line) || line.length !== cols)) {
      // Office.js accepts a single value for a whole range; the adapter never relies on it.
      throw new FakeOfficeError('InvalidArgument', `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${prop}).`);
    }
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < cols; j++) {
        const input = grid[i][j];
        if (input === null || input === undefined) continue;
        const row = r.top + i, col = r.left + j;
        if (prop === 'numberFormat') this.writeFormat(sheet, row, col, String(input));
        else this.writeTyped(sheet, row, col, input);
      }
    }
  }

  private writeFormat(sheet: GridSheet, row: number, col: number, fmt: string): void {
    const cell = getCell(sheet, row, col);
    if (cell) {
      if (fmt === 'General') delete cell.numFmt;
      else cell.numFmt = fmt;
      if (isBlank(cell) && !cell.numFmt) deleteCell(sheet, row, col);
    } else if (fmt !== 'General') {
      setCell(sheet, row, col, { value: null, numFmt: fmt });
    }
  }

  /** Excel's typing rules, the subset the API uses: 'text, =formula, numbers, TRUE/FALSE, #errors. */
  private writeTyped(sheet: GridSheet, row: number, col: number, input: unknown): void {
    const numFmt = getCell(sheet, row, col)?.numFmt;
    let cell: GridCell | null;
    if (typeof input === 'number') cell = { value: input };
    else if (typeof input === 'boolean') cell = { value: input };
    else {
      const s = String(input);
      if (s === '') cell = null;
      else if (s.startsWith("'")) cell = { value: s.slice(1) };
      else if (s.startsWith('=') && s.length > 1) cell = { value: null, formula: s.slice(1) };
      else if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s)) cell = { value: Number(s) };
      else if (/^(true|false)$/i.test(s)) cell = { value: s.toLowerCase() === 'true' };
      else if (ERROR_VALUES.has(s.toUpperCase())) cell = { value: null, error: s.toUpperCase() };
      else cell = { value: s };
    }
    if (cell === null) {
      if (numFmt) setCell(sheet, row, col, { value: null, numFmt });
      else deleteCell(sheet, row, col);
      return;
    }
    if (numFmt) cell.numFmt = numFmt;
    setCell(sheet, row, col, cell);
  }

  merge(sheet: GridSheet, r: CellRange, across: boolean): void {
    const areas = across ? rowsOf(r) : [r];
    for (const a of areas) {
      if (a.top === a.bottom && a.left === a.right) continue;
      sheet.merges = sheet.merges.filter((m) => !overlaps(m, a));
      sheet.merges.push({ ...a });
      // Excel keeps the top-left value and clears the rest of a merged area.
      for (let row = a.top; row <= a.bottom; row++) {
        for (let col = a.left; col <= a.right; col++) if (row !== a.top || col !== a.left) deleteCell(sheet, row, col);
      }
    }
  }

  mergesIn(sheet: GridSheet, r: CellRange): CellRange[] {
    return sheet.merges.filter((m) => overlaps(m, r)).map((m) => ({ ...m }));
  }

  fill(sheet: GridSheet, row: number, col: number): string | null {
    return this.fills.get(sheet)?.get(`${row}:${col}`) ?? '#FFFFFF'; // Excel reports no fill as white
  }

  setFill(sheet: GridSheet, r: CellRange, color: string | null): void {
    let m = this.fills.get(sheet);
    if (!m) {
      m = new Map();
      this.fills.set(sheet, m);
    }
    for (let row = r.top; row <= r.bottom; row++) {
      for (let col = r.left; col <= r.right; col++) {
        if (color === null) m.delete(`${row}:${col}`);
        else m.set(`${row}:${col}`, normaliseColor(color));
      }
    }
  }

  /** Excel's column width is in points; the grid keeps characters (Calibri 11: 7 px a character, 5 px padding). */
  setColumnWidth(sheet: GridSheet, r: CellRange, points: number): void {
    const chars = Math.max(0, Math.round(((points / 0.75 - 5) / 7) * 100) / 100);
    sheet.columnWidths ??= new Map();
    for (let col = r.left; col <= r.right; col++) sheet.columnWidths.set(col, chars);
  }

  /**
   * Results of formulas the calculator cannot compute, as last seen per cell and formula text: when
   * undo writes such a formula back, Excel would compute the same result again; the fake recalls it.
   */
  private readonly knownResults = new Map<string, GridCell>();
  private readonly sheetIds = new WeakMap<GridSheet, number>();
  private nextSheetId = 1;

  private resultKey(sheet: GridSheet, row: number, col: number, formula: string): string {
    let id = this.sheetIds.get(sheet);
    if (id === undefined) this.sheetIds.set(sheet, (id = this.nextSheetId++));
    return `${id}:${row}:${col}:${formula}`;
  }

  /** Recomputes every formula the fake's calculator understands; others keep their cached value. */
  recalculate(): void {
    const lookup = (name: string | null, self: GridSheet, row: number, col: number): number | null => {
      const sheet = name === null ? self : this.find(name);
      if (!sheet) return null;
      const cell = getCell(sheet, row, col);
      if (!cell || isBlank(cell)) return 0;
      return typeof cell.value === 'number' && !cell.error ? cell.value : null;
    };
    // Three passes settle chains of totals (row → sous-total → total) whatever the cell order.
    for (let pass = 0; pass < 3; pass++) {
      let changed = false;
      for (const sheet of this.grid.sheets) {
        for (const [row, cols] of sheet.rows) {
          for (const [col, cell] of cols) {
            if (cell.formula === undefined) continue;
            const v = evaluateFormula(cell.formula, (n, r, c) => (r === row && c === col && n === null ? null : lookup(n, sheet, r, c)));
            const key = this.resultKey(sheet, row, col, cell.formula);
            if (v !== null && (cell.value !== v || cell.error)) {
              cell.value = v;
              delete cell.error;
              changed = true;
            } else if (v === null && cell.value === null && !cell.error) {
              const known = this.knownResults.get(key);
              if (known) {
                cell.value = known.value;
                if (known.error) cell.error = known.error;
              }
            }
            if (cell.value !== null || cell.error) this.knownResults.set(key, { value: cell.value, ...(cell.error ? { error: cell.error } : {}) });
          }
        }
      }
      if (!changed) break;
    }
  }
}

/** Removes a cell, and its row when it was the row's last (a blank row is no row in Excel). */
function deleteCell(sheet: GridSheet, row: number, col: number): void {
  const cols = sheet.rows.get(row);
  if (!cols) return;
  cols.delete(col);
  if (cols.size === 0) sheet.rows.delete(row);
}

function isBlank(cell: GridCell): boolean {
  return cell.formula === undefined && cell.error === undefined && (cell.value === null || cell.value === '');
}

function officeProperty(cell: GridCell | undefined, prop: CellProperty): unknown {
  if (prop === 'numberFormat') return cell?.numFmt ?? 'General';
  if (!cell || isBlank(cell)) return prop === 'valueTypes' ? 'Empty' : '';
  if (prop === 'formulas' && cell.formula !== undefined) return `=${cell.formula}`;
  if (cell.error) return prop === 'valueTypes' ? 'Error' : cell.error;
  const v = cell.value;
  if (prop === 'valueTypes') {
    if (v === null || v === '') return cell.formula !== undefined ? 'String' : 'Empty';
    return typeof v === 'boolean' ? 'Boolean' : typeof v === 'string' ? 'String' : 'Double';
  }
  if (v === null) return '';
  return v instanceof Date ? dateToSerial(v) : v;
}

function overlaps(a: CellRange, b: CellRange): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

function rowsOf(r: CellRange): CellRange[] {
  const out: CellRange[] = [];
  for (let row = r.top; row <= r.bottom; row++) out.push({ top: row, bottom: row, left: r.left, right: r.right });
  return out;
}

/** Excel answers colours as "#RRGGBB" upper case, whatever was set. */
function normaliseColor(c: string): string {
  return /^#[0-9a-f]{6}$/i.test(c) ? c.toUpperCase() : c;
}
