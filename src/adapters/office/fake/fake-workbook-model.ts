/**
 * The state behind the fake Excel: a Grid (the same type every adapter produces) plus what Excel
 * keeps beside cell contents — sheet ids, fills, frozen rows, protection and locked cells, defined
 * names, charts, the active sheet and the selection. Operations here are immediate; the proxies queue
 * them until context.sync(), as Office.js does. Excel's rules the adapter must respect are enforced,
 * as strictly as Excel (sources in docs/addin-limits.md): sheet names, the last visible sheet,
 * deleting a very hidden sheet, protection (AccessDenied), 5 000 000 cells per read
 * (RangeExceedsLimit), at most 512 merged areas per getMergedAreas call, English formulas only,
 * calculation suspended until the next sync and then left to the caller.
 */
import { type CellRange, type Grid, type GridCell, type GridSheet, columnLetters, getCell, newSheet, setCell } from '../../../layout/grid';
import { ERROR_VALUES, dateToSerial } from '../cell-values';
import type { FakeChartRecord } from './fake-chart';
import { FakeOfficeError } from './fake-error';
import { FakeCalculator } from './fake-calc';
import { type Reference, mapReferences, quoteSheetName, referenceText } from '../formula-refs';
import { checkFormula } from './formula-syntax';
import { FakeProtection } from './fake-protection';
import { FakeFormats, checkEnum } from './fake-formats';
import { FakePageSetups } from './fake-page-layout';

export type OfficeVisibility = 'Visible' | 'Hidden' | 'VeryHidden';
export type CellProperty = 'values' | 'formulas' | 'valueTypes' | 'numberFormat';

export const MAX_ROW = 1048576;
export const MAX_COL = 16384;
/** "A range is limited to 5,000,000 cells for read operations" (resource limits, Excel add-ins). */
export const READ_CELL_LIMIT = 5_000_000;
/** Range.getMergedAreasOrNullObject: "if the merged areas count in this range is more than 512, then this method will fail". */
export const MERGED_AREAS_LIMIT = 512;
/** Excel.ClearApplyTo. */
const CLEAR_APPLY_TO = ['All', 'Formats', 'Contents', 'Hyperlinks', 'RemoveHyperlinks', 'ResetContents'];

export interface FakeName {
  name: string;
  /** Null once the sheet it pointed to was deleted (the name reads #REF!). */
  sheet: GridSheet | null;
  area: CellRange | null;
  visible: boolean;
  comment: string;
}

export interface FakeChangeEvent {
  type: 'WorksheetChanged' | 'WorksheetAdded' | 'WorksheetDeleted';
  worksheetId: string;
  address?: string;
  source: 'Local';
}

export class FakeWorkbookModel {
  activeSheet: GridSheet | undefined;
  selection: { sheet: string; address: string } | null = null;
  readonly fills = new Map<GridSheet, Map<string, string>>();
  readonly frozenRows = new Map<GridSheet, number>();
  /** Charts added with worksheet.charts.add, per sheet (deleted with it). */
  readonly charts = new Map<GridSheet, FakeChartRecord[]>();
  /** Every activate()/select() in order, so tests see what the user would have seen. */
  readonly uiLog: string[] = [];
  /** Workbook-level defined names, by lower-case name. */
  readonly names = new Map<string, FakeName>();
  /** Sheet protection and cell lock states (fake-protection.ts). */
  readonly protection = new FakeProtection();
  /** Fonts, borders, alignment and row heights (fake-formats.ts). */
  readonly formats = new FakeFormats();
  /** Each sheet's print setup and manual page breaks (fake-page-layout.ts). */
  readonly pages = new FakePageSetups();
  /** True when the workbook counts dates from 1904 (Excel for Mac's old default). */
  date1904 = false;
  /** Set by application.suspendApiCalculationUntilNextSync() for the rest of the sync. */
  suspended = false;
  /** Formula cells written while calculation was suspended, left uncalculated until calculate(). */
  readonly stale = new Set<GridCell>();
  /** Changes not yet delivered to event handlers (the host delivers them after each round trip). */
  readonly pendingEvents: FakeChangeEvent[] = [];

  private readonly ids = new WeakMap<GridSheet, string>();
  private nextId = 1;

  constructor(readonly grid: Grid) {
    for (const s of grid.sheets) s.state ??= 'visible'; // Excel always knows a sheet's visibility
    this.activeSheet = grid.sheets.find((s) => (s.state ?? 'visible') === 'visible');
    // Excel recalculates on open: formulas saved without a result get one here too.
    this.recalculate(true);
  }

  // ---- sheets

  /** Worksheet.id: a GUID in braces, stable for the sheet's life whatever its name. */
  sheetId(sheet: GridSheet): string {
    let id = this.ids.get(sheet);
    if (!id) {
      id = `{${String(this.nextId++).padStart(8, '0')}-0000-4000-8000-000000000000}`;
      this.ids.set(sheet, id);
    }
    return id;
  }

  /** worksheets.getItem(key): by name (case-insensitive) or by id. */
  find(key: string): GridSheet | undefined {
    const k = key.toLowerCase();
    return this.grid.sheets.find((s) => s.name.toLowerCase() === k || this.sheetId(s).toLowerCase() === k);
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
    sheet.state = 'visible';
    this.grid.sheets.push(sheet); // Excel appends new sheets at the end
    this.emit({ type: 'WorksheetAdded', worksheetId: this.sheetId(sheet), source: 'Local' });
    return sheet;
  }

  /** Excel rewrites every formula that names the sheet: `='Contrôles'!B2` follows the rename. */
  renameSheet(sheet: GridSheet, name: string): void {
    this.checkName(name, sheet);
    const old = sheet.name;
    if (old === name) return;
    this.rewriteFormulas((ref, _host) => (ref.sheet !== null && ref.sheet.toLowerCase() === old.toLowerCase() ? { ...ref, sheet: name } : null));
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

  /** Formulas elsewhere that pointed at the sheet become #REF!, and so do names. */
  deleteSheet(sheet: GridSheet): void {
    if (this.visibility(sheet) === 'VeryHidden') {
      // Office.js: "if the worksheet's visibility is set to VeryHidden, the delete operation will fail".
      throw new FakeOfficeError('InvalidOperation', 'This operation is not permitted for the current object: a very hidden sheet cannot be deleted.');
    }
    if (this.visibility(sheet) === 'Visible' && this.visibleCount() === 1) {
      throw new FakeOfficeError('InvalidOperation', 'This operation is not permitted for the current object: a workbook must keep at least one visible sheet.');
    }
    const name = sheet.name.toLowerCase();
    this.grid.sheets.splice(this.grid.sheets.indexOf(sheet), 1);
    this.rewriteFormulas((ref) => (ref.sheet !== null && ref.sheet.toLowerCase() === name ? { ...ref, sheet: null, brokenSheet: true } : null));
    for (const n of this.names.values()) {
      if (n.sheet === sheet) {
        n.sheet = null;
        n.area = null;
      }
    }
    for (const map of [this.fills, this.frozenRows, this.charts] as Map<GridSheet, unknown>[]) map.delete(sheet);
    this.protection.forget(sheet);
    this.formats.forget(sheet);
    this.pages.forget(sheet);
    if (this.activeSheet === sheet) this.activeSheet = this.grid.sheets.find((s) => this.visibility(s) === 'Visible');
    this.emit({ type: 'WorksheetDeleted', worksheetId: this.sheetId(sheet), source: 'Local' });
    this.recalculate(false);
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
    const other = this.grid.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
    if (other && other !== self) throw new FakeOfficeError('ItemAlreadyExists', `A resource with the same name or identifier already exists (sheet "${name}").`);
  }

  // ---- protection

  /** Range.format.protection.locked: true, false, or null when the range mixes both. */
  lockedState(sheet: GridSheet, r: CellRange): boolean | null {
    this.checkReadSize(r);
    return this.protection.lockedState(sheet, r);
  }

  // ---- ranges

  /** Bounding box of the cells with content (and, unless valuesOnly, of formatted blank cells: fills, fonts, borders…), within `within`. */
  usedRange(sheet: GridSheet, valuesOnly: boolean, within?: CellRange): CellRange | null {
    let top = Infinity, left = Infinity, bottom = 0, right = 0;
    const fills = valuesOnly ? undefined : this.fills.get(sheet);
    const consider = (r: number, c: number) => {
      if (within && (r < within.top || r > within.bottom || c < within.left || c > within.right)) return;
      top = Math.min(top, r);
      bottom = Math.max(bottom, r);
      left = Math.min(left, c);
      right = Math.max(right, c);
    };
    for (const [r, cols] of sheet.rows) {
      for (const [c, cell] of cols) if (!(valuesOnly && isBlank(cell))) consider(r, c);
    }
    const formatted = valuesOnly ? [] : [...(fills?.keys() ?? []), ...(this.formats.cells.get(sheet)?.keys() ?? [])];
    for (const key of formatted) {
      const [r, c] = key.split(':').map(Number);
      consider(r, c);
    }
    // Merging is formatting: merged cells count in the used range, blank or not.
    for (const m of valuesOnly ? [] : sheet.merges) {
      consider(m.top, m.left);
      consider(m.bottom, m.right);
    }
    return bottom === 0 ? null : { top, left, bottom, right };
  }

  wholeSheet(): CellRange {
    return { top: 1, left: 1, bottom: MAX_ROW, right: MAX_COL };
  }

  checkReadSize(r: CellRange): void {
    const cells = (r.bottom - r.top + 1) * (r.right - r.left + 1);
    if (cells > READ_CELL_LIMIT) {
      throw new FakeOfficeError('RangeExceedsLimit', `The cell count in the range has exceeded the maximum supported number (${cells} cells).`);
    }
  }

  read(sheet: GridSheet, r: CellRange, prop: CellProperty): unknown[][] {
    this.checkReadSize(r);
    const out: unknown[][] = [];
    for (let row = r.top; row <= r.bottom; row++) {
      const line: unknown[] = [];
      for (let col = r.left; col <= r.right; col++) line.push(this.officeProperty(getCell(sheet, row, col), prop));
      out.push(line);
    }
    return out;
  }

  private officeProperty(cell: GridCell | undefined, prop: CellProperty): unknown {
    if (cell && this.stale.has(cell) && (prop === 'values' || prop === 'valueTypes')) {
      // Never calculated: what Excel shows is undefined; 0 makes a forgotten recalculation visible.
      return prop === 'values' ? 0 : 'Double';
    }
    return officeProperty(cell, prop);
  }

  /** Writes a 2-D input as Excel does: null entries leave their cell alone; strings are typed. */
  write(sheet: GridSheet, r: CellRange, prop: 'formulas' | 'numberFormat', data: unknown, enforce = true): void {
    const rows = r.bottom - r.top + 1;
    const cols = r.right - r.left + 1;
    // A single value (not an array) goes into every cell of the range, as Office.js does (Ctrl+Enter).
    const single = data !== null && typeof data !== 'object' ? data : undefined;
    const grid = single !== undefined ? Array.from({ length: rows }, () => Array.from({ length: cols }, () => single)) : Array.isArray(data) ? (data as unknown[][]) : null;
    if (!grid || grid.length !== rows || grid.some((line) => !Array.isArray(line) || line.length !== cols)) {
      throw new FakeOfficeError('InvalidArgument', `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${prop}).`);
    }
    if (enforce) {
      if (prop === 'numberFormat') this.protection.checkFormat(sheet);
      else this.protection.checkContent(sheet, r);
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
    this.emitChange(sheet, r);
  }

  /**
   * Range.clear(applyTo): contents, formats or both. Formats go back to the Normal style: number
   * format, fill, font, borders, alignment — and the lock state (Normal cells are locked).
   */
  clear(sheet: GridSheet, r: CellRange, applyTo: string): void {
    checkEnum(applyTo, CLEAR_APPLY_TO, 'ClearApplyTo');
    const contents = applyTo === 'All' || applyTo === 'Contents';
    const formats = applyTo === 'All' || applyTo === 'Formats';
    if (contents) this.protection.checkContent(sheet, r);
    if (formats) this.protection.checkFormat(sheet);
    for (const [row, cols] of [...sheet.rows]) {
      if (row < r.top || row > r.bottom) continue;
      for (const [col, cell] of [...cols]) {
        if (col < r.left || col > r.right) continue;
        const numFmt = formats ? undefined : cell.numFmt;
        if (contents) {
          this.stale.delete(cell);
          if (numFmt) cols.set(col, { value: null, numFmt });
          else cols.delete(col);
        } else if (formats) {
          delete cell.numFmt;
          if (isBlank(cell)) cols.delete(col);
        }
      }
      if (cols.size === 0) sheet.rows.delete(row);
    }
    if (formats) {
      this.setFill(sheet, r, null, false);
      this.formats.clear(sheet, r);
      this.protection.setLocked(sheet, r, true);
    }
    this.emitChange(sheet, r);
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
      else if (s.startsWith('=') && s.length > 1) cell = this.formulaCell(s.slice(1));
      else if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s)) cell = { value: Number(s) };
      else if (/^(true|false)$/i.test(s)) cell = { value: s.toLowerCase() === 'true' };
      else if (ERROR_VALUES.has(s.toUpperCase())) cell = { value: null, error: s.toUpperCase() };
      else cell = { value: s };
    }
    const previous = getCell(sheet, row, col);
    if (previous) this.stale.delete(previous);
    if (cell === null) {
      if (numFmt) setCell(sheet, row, col, { value: null, numFmt });
      else deleteCell(sheet, row, col);
      return;
    }
    if (numFmt) cell.numFmt = numFmt;
    setCell(sheet, row, col, cell);
    if (cell.formula !== undefined && this.suspended) this.stale.add(cell);
  }

  /** `formulas` speaks English with commas: a semicolon is refused, a French function is #NAME?. */
  private formulaCell(formula: string): GridCell {
    const check = checkFormula(formula);
    if (!check.ok && 'syntaxError' in check) {
      throw new FakeOfficeError('InvalidArgument', `The argument is invalid or missing or has an incorrect format (formula "=${formula}": Range.formulas takes English formulas with commas; use formulasLocal for "=SOMME(…;…)").`);
    }
    return { value: null, formula };
  }

  /** Merges the area (or each of its rows), as Range.merge(across). */
  merge(sheet: GridSheet, r: CellRange, across: boolean): void {
    this.protection.checkStructure(sheet, 'merge');
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

  unmerge(sheet: GridSheet, r: CellRange): void {
    this.protection.checkStructure(sheet, 'unmerge');
    sheet.merges = sheet.merges.filter((m) => !overlaps(m, r));
  }

  /**
   * Range.getMergedAreasOrNullObject: only the merged areas whose top-left cell lies in the range
   * (office-js issue #3611), and a failure above 512 of them.
   */
  mergesIn(sheet: GridSheet, r: CellRange): CellRange[] {
    const found = sheet.merges.filter((m) => m.top >= r.top && m.top <= r.bottom && m.left >= r.left && m.left <= r.right);
    if (found.length > MERGED_AREAS_LIMIT) {
      throw new FakeOfficeError('GeneralException', `There was an internal error while processing the request (${found.length} merged areas in the range; getMergedAreas returns at most ${MERGED_AREAS_LIMIT}).`);
    }
    return found.map((m) => ({ ...m }));
  }

  /** Excel reports "no fill" as white: RangeFill.color cannot tell them apart, RangeFill.pattern can. */
  fill(sheet: GridSheet, row: number, col: number): string {
    return this.fills.get(sheet)?.get(`${row}:${col}`) ?? '#FFFFFF';
  }

  hasFill(sheet: GridSheet, row: number, col: number): boolean {
    return this.fills.get(sheet)?.has(`${row}:${col}`) ?? false;
  }

  setFill(sheet: GridSheet, r: CellRange, color: string | null, enforce = true): void {
    if (enforce) this.protection.checkFormat(sheet);
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
    this.protection.checkFormat(sheet, 'allowFormatColumns');
    const chars = Math.max(0, Math.round(((points / 0.75 - 5) / 7) * 100) / 100);
    sheet.columnWidths ??= new Map();
    for (let col = r.left; col <= r.right; col++) sheet.columnWidths.set(col, chars);
  }

  setStandardWidth(sheet: GridSheet, r: CellRange): void {
    this.protection.checkFormat(sheet, 'allowFormatColumns');
    for (let col = r.left; col <= r.right; col++) sheet.columnWidths?.delete(col);
    if (sheet.columnWidths?.size === 0) delete sheet.columnWidths;
  }

  /** True when no column of the range has a width of its own; null when they differ. */
  usesStandardWidth(sheet: GridSheet, r: CellRange): boolean | null {
    const own = new Set<boolean>();
    for (let col = r.left; col <= r.right && own.size < 2; col++) own.add(sheet.columnWidths?.has(col) ?? false);
    return own.size === 1 ? !own.has(true) : null;
  }

  /** Points, when every column of the range has the same width (null otherwise); 8.43 characters by default. */
  columnWidth(sheet: GridSheet, r: CellRange): number | null {
    const widths = new Set<number>();
    for (let col = r.left; col <= r.right && widths.size < 2; col++) {
      const chars = sheet.columnWidths?.get(col) ?? 8.43;
      widths.add(Math.round((chars * 7 + 5) * 0.75 * 100) / 100);
    }
    return widths.size === 1 ? [...widths][0] : null;
  }

  addChart(sheet: GridSheet, record: FakeChartRecord): void {
    this.protection.checkFormat(sheet, 'allowEditObjects');
    const list = this.charts.get(sheet) ?? [];
    list.push(record);
    this.charts.set(sheet, list);
  }

  deleteChart(sheet: GridSheet, record: FakeChartRecord): void {
    this.protection.checkFormat(sheet, 'allowEditObjects');
    const list = (this.charts.get(sheet) ?? []).filter((c) => c !== record);
    if (list.length) this.charts.set(sheet, list);
    else this.charts.delete(sheet);
  }

  // ---- names

  addName(name: string, sheet: GridSheet, area: CellRange, comment = ''): FakeName {
    if (!/^[A-Za-z_\\][\w.\\]*$/.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name) || /^r\d*c\d*$/i.test(name) || name.length > 255) {
      throw new FakeOfficeError('InvalidArgument', `The argument is invalid or missing or has an incorrect format (name "${name}").`);
    }
    if (this.names.has(name.toLowerCase())) throw new FakeOfficeError('ItemAlreadyExists', `A resource with the same name or identifier already exists (name "${name}").`);
    const n: FakeName = { name, sheet, area: { ...area }, visible: true, comment };
    this.names.set(name.toLowerCase(), n);
    return n;
  }

  deleteName(name: FakeName): void {
    this.names.delete(name.name.toLowerCase());
  }

  /** NamedItem.formula, as Excel writes it: "='Feuille'!$B$2:$C$4", or "=#REF!". */
  nameFormula(n: FakeName): string {
    if (!n.sheet || !n.area) return '=#REF!';
    const abs = (row: number, col: number) => `$${columnLetters(col)}$${row}`;
    const a = n.area;
    const target = a.top === a.bottom && a.left === a.right ? abs(a.top, a.left) : `${abs(a.top, a.left)}:${abs(a.bottom, a.right)}`;
    return `=${quoteSheetName(n.sheet.name)}!${target}`;
  }

  // ---- events

  emit(e: FakeChangeEvent): void {
    this.pendingEvents.push(e);
  }

  emitChange(sheet: GridSheet, r: CellRange): void {
    this.emit({ type: 'WorksheetChanged', worksheetId: this.sheetId(sheet), address: rangeText(r), source: 'Local' });
  }

  // ---- formulas

  /** Applies a reference rewrite (a new reference, its text, or null to keep it) to every formula. */
  rewriteFormulas(rewrite: (ref: Reference, host: GridSheet) => Reference | string | null): void {
    for (const host of this.grid.sheets) {
      for (const cols of host.rows.values()) {
        for (const cell of cols.values()) {
          if (cell.formula === undefined) continue;
          cell.formula = mapReferences(cell.formula, (ref) => {
            const r = rewrite(ref, host);
            return r === null || typeof r === 'string' ? r : referenceText(r);
          });
        }
      }
    }
  }

  /**
   * Recomputes every formula the fake's calculator understands; others keep their cached value.
   * Cells written while calculation was suspended stay stale unless `all` (application.calculate).
   */
  recalculate(all: boolean): void {
    if (all) this.stale.clear();
    this.calculator.run(this.grid, this.stale, (s) => this.sheetId(s));
  }

  private readonly calculator = new FakeCalculator();
}

/** Removes a cell, and its row when it was the row's last (a blank row is no row in Excel). */
export function deleteCell(sheet: GridSheet, row: number, col: number): void {
  const cols = sheet.rows.get(row);
  if (!cols) return;
  cols.delete(col);
  if (cols.size === 0) sheet.rows.delete(row);
}

export function isBlank(cell: GridCell): boolean {
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

export function overlaps(a: CellRange, b: CellRange): boolean {
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

function rangeText(r: CellRange): string {
  const tl = `${columnLetters(r.left)}${r.top}`;
  return r.top === r.bottom && r.left === r.right ? tl : `${tl}:${columnLetters(r.right)}${r.bottom}`;
}
