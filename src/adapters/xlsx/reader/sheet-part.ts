/**
 * One worksheet part → a GridSheet, in one pass over its bytes. Cells keep what the grid always
 * held: the cached value by cell type (shared and inline strings, rich text joined, numbers,
 * booleans, errors, ISO dates, numbers in a date format as Dates in the 1900 or 1904 system), the
 * formula text (shared formulas translated from their master, array and data-table formulas), the
 * number format; merged areas (their covered cells dropped), column widths and hidden rows and
 * columns. Cells that hold nothing but a style are not kept.
 */
import { type CellRange, type GridCell, type GridSheet, newSheet } from '../../../layout/grid';
import { translateFormula } from '../shared-formula';
import { numberValue, parseBoolean, parseIsoDate, parseNumber, unreadableCell } from './cell-values';
import type { CellStyles } from './styles-part';
import { decodeEscapes } from './shared-strings';
import { CLOSE, END, OPEN, XmlError, type XmlScanner, asciiEquals, decodeUtf8 } from './xml-scanner';

export interface SheetContext {
  strings: (string | undefined)[];
  styles: CellStyles;
  date1904: boolean;
}

const MAX_ROW = 1048576;
const MAX_COL = 16384;
/** ExcelJS's width for a <col> without one: kept so that the grid's widths do not change. */
const DEFAULT_COLUMN_WIDTH = 9;

const enum CellType {
  Number,
  Shared,
  Str,
  Inline,
  Bool,
  Error,
  Date,
}

interface ColumnDef {
  min: number;
  max: number;
  width: number | undefined;
  hidden: boolean;
}

interface SharedMaster {
  row: number;
  col: number;
  text: string;
}

/** What one <c> element held, before it becomes a GridCell. */
interface RawCell {
  col: number;
  type: CellType;
  style: number;
  /** The <v> text: a string, or (number cells, plain content) the byte range [vStart, vEnd). */
  v: string | undefined;
  vStart: number;
  vEnd: number;
  inline: string | undefined;
  hasFormula: boolean;
  fText: string;
  fType: string | undefined;
  fRef: string | undefined;
  fSi: string | undefined;
}

export function readSheetPart(x: XmlScanner, name: string, state: GridSheet['state'], ctx: SheetContext): GridSheet {
  const reader = new SheetReader(x, ctx);
  return reader.read(name, state);
}

class SheetReader {
  private readonly sheet: GridSheet = newSheet('');
  private readonly masters = new Map<string, SharedMaster>();
  private readonly cols: ColumnDef[] = [];
  private readonly hiddenRows = new Set<number>();
  private rowsInOrder = true;
  private cellsInOrder = true;
  private lastRow = 0;
  private readonly raw: RawCell = { col: 0, type: CellType.Number, style: 0, v: undefined, vStart: -1, vEnd: -1, inline: undefined, hasFormula: false, fText: '', fType: undefined, fRef: undefined, fSi: undefined };

  constructor(
    private readonly x: XmlScanner,
    private readonly ctx: SheetContext,
  ) {}

  read(name: string, state: GridSheet['state']): GridSheet {
    const { x, sheet } = this;
    sheet.name = name;
    sheet.state = state;
    while (x.next() !== END) {
      if (x.kind !== OPEN || x.depth !== 2) continue;
      if (x.is('sheetData')) this.sheetData();
      else if (x.is('cols')) this.columns();
      else if (x.is('mergeCells')) this.mergeCells();
      else x.skip();
    }
    this.dropCoveredCells();
    if (!this.rowsInOrder || !this.cellsInOrder) this.sortRows();
    this.columnFacts();
    if (this.hiddenRows.size) sheet.hiddenRows = this.hiddenRows;
    return sheet;
  }

  /** Calls `f` on each child element named `name` of the worksheet's child just opened (depth 2). */
  private eachChild(name: string, f: () => void): void {
    const x = this.x;
    if (x.selfClosing) return;
    while (x.next() !== END) {
      if (x.kind === CLOSE) {
        if (x.depth === 1) return;
      } else if (x.depth === 3 && x.is(name)) f();
    }
  }

  private sheetData(): void {
    this.eachChild('row', () => this.row());
  }

  private row(): void {
    const x = this.x;
    const r = x.attrIndex('r');
    const rowNum = r < 0 ? this.lastRow + 1 : parseIntStrict(x.attrValue(r));
    if (rowNum === null || rowNum < 1 || rowNum > MAX_ROW) throw new XmlError('bad row number');
    if (rowNum <= this.lastRow) this.rowsInOrder = false;
    this.lastRow = rowNum;
    if (x.attrTrue('hidden')) this.hiddenRows.add(rowNum);
    // A row listed twice replaces the first (as Excel files were always read).
    this.sheet.rows.delete(rowNum);
    if (x.selfClosing) return;
    let cells: Map<number, GridCell> | undefined;
    let prevCol = 0;
    let lastCol = 0;
    while (x.next() !== END) {
      if (x.kind === CLOSE) {
        if (x.depth === 2) break;
        continue;
      }
      if (x.depth !== 4 || !x.is('c')) {
        x.skip();
        continue;
      }
      const raw = this.cell(prevCol);
      prevCol = raw.col;
      const g = this.gridCell(raw, rowNum);
      if (!g) continue;
      if (!cells) {
        cells = new Map();
        this.sheet.rows.set(rowNum, cells);
      } else if (raw.col <= lastCol) this.cellsInOrder = false;
      lastCol = raw.col;
      cells.set(raw.col, g);
    }
  }

  /** Reads one <c> and its children into this.raw. */
  private cell(prevCol: number): RawCell {
    const x = this.x;
    const c = this.raw;
    c.col = prevCol + 1;
    c.type = CellType.Number;
    c.style = 0;
    c.v = undefined;
    c.vStart = c.vEnd = -1;
    c.inline = undefined;
    c.hasFormula = false;
    c.fText = '';
    c.fType = c.fRef = c.fSi = undefined;
    const b = x.bytes;
    for (let i = 0; i < x.attrCount; i++) {
      const ns = x.attrNameStart[i];
      if (x.attrNameEnd[i] - ns !== 1) continue;
      const n = b[ns];
      if (n === 0x72 /* r */) c.col = parseColumn(b, x.attrValueStart[i], x.attrValueEnd[i]);
      else if (n === 0x73 /* s */) c.style = digitsValue(b, x.attrValueStart[i], x.attrValueEnd[i]) ?? 0;
      else if (n === 0x74 /* t */) c.type = cellType(b, x.attrValueStart[i], x.attrValueEnd[i]);
    }
    if (x.selfClosing) return c;
    while (x.next() !== END) {
      if (x.kind === CLOSE) {
        if (x.depth === 3) break;
        continue;
      }
      if (x.depth !== 5) {
        x.skip();
        continue;
      }
      if (x.is('v')) {
        // Numbers and string indexes (most cells) are read from the bytes; other types need the text.
        if ((c.type === CellType.Number || c.type === CellType.Shared) && x.plainText()) {
          c.vStart = x.textStart;
          c.vEnd = x.textEnd;
        } else c.v = x.text();
      } else if (x.is('f')) {
        c.fType = x.attr('t');
        c.fRef = x.attr('ref');
        c.fSi = x.attr('si');
        c.fText = x.text();
        c.hasFormula = c.fText !== '' || c.fType !== undefined;
      } else if (x.is('is')) c.inline = this.inlineString();
      else x.skip();
    }
    return c;
  }

  /** <is>: the text of its <t> elements, plain or in runs, without phonetic runs. */
  private inlineString(): string | undefined {
    const x = this.x;
    if (x.selfClosing) return undefined;
    const depth = x.depth;
    let text: string | undefined;
    let phonetic = 0;
    while (x.next() !== END) {
      if (x.kind === CLOSE) {
        if (x.depth === depth - 1) break;
        if (x.depth === phonetic - 1) phonetic = 0;
        continue;
      }
      if (phonetic === 0 && x.is('rPh')) {
        if (!x.selfClosing) phonetic = x.depth;
      } else if (phonetic === 0 && x.is('t')) text = (text ?? '') + decodeEscapes(x.text());
    }
    return text;
  }

  private gridCell(c: RawCell, row: number): GridCell | undefined {
    const { styles, date1904 } = this.ctx;
    const numFmt = styles.numFmt[c.style];
    const isDate = styles.isDate[c.style] === true;
    let g: GridCell;
    if (c.hasFormula) {
      g = this.formulaResult(c, isDate, date1904);
      const formula = this.formulaText(c, row);
      if (formula !== undefined) g.formula = formula;
    } else {
      const v = this.plainValue(c, isDate, date1904);
      if (!v) return undefined;
      g = v;
    }
    if (numFmt !== undefined) g.numFmt = numFmt;
    return g;
  }

  /** The <v> text, decoded from its bytes when it was kept as a range. */
  private vText(c: RawCell): string | undefined {
    if (c.v === undefined && c.vStart >= 0) c.v = decodeUtf8(this.x.bytes, c.vStart, c.vEnd);
    return c.v;
  }

  /** A shared-string index, from the bytes when it was kept as a range. */
  private stringIndex(c: RawCell): number | null {
    return (c.vStart >= 0 ? digitsValue(this.x.bytes, c.vStart, c.vEnd) : null) ?? parseIntStrict(this.vText(c) ?? '');
  }

  /** A number cell's value, straight from the bytes when they are plain decimal digits. */
  private numberCell(c: RawCell, isDate: boolean, date1904: boolean): GridCell {
    if (c.vStart >= 0 && !isDate) {
      const n = decimalFromBytes(this.x.bytes, c.vStart, c.vEnd);
      if (n !== null) return { value: n };
    }
    const v = this.vText(c) ?? '';
    const n = numberValue(v, isDate, date1904);
    return 'value' in n ? { value: n.value } : unreadableCell(v, n.unreadable);
  }

  /** A value cell; undefined when it holds nothing (a style alone, an empty <v/>, an empty shared string). */
  private plainValue(c: RawCell, isDate: boolean, date1904: boolean): GridCell | undefined {
    if (c.type === CellType.Inline) return c.inline ? { value: c.inline } : undefined;
    if (c.vStart >= 0 && c.vEnd === c.vStart) return undefined; // an empty <v/>
    if (c.type === CellType.Number) return c.vStart >= 0 || (c.v !== undefined && c.v !== '') ? this.numberCell(c, isDate, date1904) : undefined;
    const v = this.vText(c);
    return v ? this.typedValue(c, v, isDate, date1904) : undefined;
  }

  /** A formula cell's cached result: null when none was saved (the file was not recalculated). */
  private formulaResult(c: RawCell, isDate: boolean, date1904: boolean): GridCell {
    if (c.type === CellType.Inline) return { value: c.inline ?? null };
    if (c.type === CellType.Number) return c.vEnd > c.vStart || (c.v !== undefined && c.v !== '') ? this.numberCell(c, isDate, date1904) : { value: null };
    const v = this.vText(c);
    // Excel saves IF(…;"";…) as t="str" with an empty <v></v>: a computed empty string, not "no result".
    if (c.type === CellType.Str && v !== undefined) return { value: v };
    return (v ? this.typedValue(c, v, isDate, date1904) : undefined) ?? { value: null };
  }

  /** A non-empty <v> read by the cell's type; undefined for a shared string without text. */
  private typedValue(c: RawCell, v: string, isDate: boolean, date1904: boolean): GridCell | undefined {
    switch (c.type) {
      case CellType.Shared: {
        const i = this.stringIndex(c);
        if (i === null || i >= this.ctx.strings.length) return unreadableCell(`texte partagé n° ${v.trim().slice(0, 20)} introuvable`, 'shared-string');
        const s = this.ctx.strings[i];
        return s === undefined ? undefined : { value: s };
      }
      case CellType.Str:
        return { value: v };
      case CellType.Bool: {
        const b = parseBoolean(v);
        return b === null ? unreadableCell(v, 'boolean') : { value: b };
      }
      case CellType.Error:
        return { value: null, error: v };
      case CellType.Date: {
        const d = parseIsoDate(v);
        return d ? { value: d } : unreadableCell(v, 'date');
      }
      default:
        return this.numberCell(c, isDate, date1904);
    }
  }

  /** The formula's text without "=": a shared formula's follower gets its master's, moved to this cell. */
  private formulaText(c: RawCell, row: number): string | undefined {
    let text: string | undefined = c.fText || undefined;
    if (c.fType === 'shared' && c.fSi !== undefined) {
      if (c.fRef !== undefined) {
        if (c.fText) this.masters.set(c.fSi, { row, col: c.col, text: c.fText });
      } else {
        const m = this.masters.get(c.fSi);
        if (m) text = translateFormula(m.text, row - m.row, c.col - m.col);
      }
    }
    if (text === undefined) return undefined;
    return text.startsWith('=') ? text.slice(1) : text;
  }

  private columns(): void {
    const x = this.x;
    this.eachChild('col', () => {
      const width = x.attr('width');
      const w = width === undefined ? undefined : parseNumber(width || '0');
      this.cols.push({
        min: parseIntStrict(x.attr('min') ?? '0') ?? 0,
        max: Math.min(parseIntStrict(x.attr('max') ?? '0') ?? 0, MAX_COL),
        width: w === null ? undefined : w,
        hidden: x.attrTrue('hidden'),
      });
    });
  }

  private mergeCells(): void {
    this.eachChild('mergeCell', () => {
      const range = parseRange(this.x.attr('ref') ?? '');
      if (range) this.sheet.merges.push(range);
    });
  }

  /** The cells a merged area covers (all but its top-left cell) are not read, as Excel shows them empty. */
  private dropCoveredCells(): void {
    const rows = this.sheet.rows;
    if (!this.sheet.merges.length || !rows.size) return;
    let rowNumbers: number[] | undefined;
    for (const m of this.sheet.merges) {
      if (m.bottom - m.top + 1 <= rows.size) {
        for (let r = m.top; r <= m.bottom; r++) dropInRow(rows.get(r), r, m);
      } else {
        rowNumbers ??= [...rows.keys()];
        for (const r of rowNumbers) if (r >= m.top && r <= m.bottom) dropInRow(rows.get(r), r, m);
      }
    }
    for (const [r, cols] of rows) if (cols.size === 0) rows.delete(r);
  }

  private sortRows(): void {
    const sorted = [...this.sheet.rows].sort((a, b) => a[0] - b[0]);
    this.sheet.rows = new Map(sorted.map(([r, cols]) => [r, new Map([...cols].sort((a, b) => a[0] - b[0]))]));
  }

  /**
   * Widths and hidden flags of the columns in use (up to the last column holding a cell or a merged
   * area): a <col max="16384"> run would otherwise add 16 384 entries. A <col> without a width has
   * the default width; overlapping runs keep the first one's columns.
   */
  private columnFacts(): void {
    if (!this.cols.length) return;
    const sheet = this.sheet;
    let maxCol = 0;
    for (const cols of sheet.rows.values()) for (const c of cols.keys()) if (c > maxCol) maxCol = c;
    for (const m of sheet.merges) if (m.right > maxCol) maxCol = m.right;
    const widths = new Map<number, number>();
    const hidden = new Set<number>();
    let next = 1;
    for (const def of [...this.cols].sort((a, b) => a.min - b.min)) {
      next = Math.max(next, def.min);
      for (; next <= def.max && next <= maxCol; next++) {
        widths.set(next, def.width ?? DEFAULT_COLUMN_WIDTH);
        if (def.hidden) hidden.add(next);
      }
      next = Math.max(next, def.max + 1);
    }
    if (widths.size) sheet.columnWidths = widths;
    if (hidden.size) sheet.hiddenColumns = hidden;
  }
}

function dropInRow(cols: Map<number, GridCell> | undefined, r: number, m: CellRange): void {
  if (!cols) return;
  if (m.right - m.left + 1 <= cols.size) {
    for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) cols.delete(c);
  } else {
    for (const c of [...cols.keys()]) if (c >= m.left && c <= m.right && (r !== m.top || c !== m.left)) cols.delete(c);
  }
}

/** The t attribute, from its bytes: s, str, inlineStr, b, e, d; anything else is a number (n). */
function cellType(b: Uint8Array, start: number, end: number): CellType {
  const len = end - start;
  const c = b[start];
  if (len === 1) return c === 0x73 ? CellType.Shared : c === 0x62 ? CellType.Bool : c === 0x65 ? CellType.Error : c === 0x64 ? CellType.Date : CellType.Number;
  if (len === 3 && asciiEquals(b, start, 'str')) return CellType.Str;
  if (len === 9 && asciiEquals(b, start, 'inlineStr')) return CellType.Inline;
  return CellType.Number;
}

/** A non-negative integer written in digits only (at most 15), from bytes; null otherwise. */
function digitsValue(b: Uint8Array, start: number, end: number): number | null {
  if (end === start || end - start > 15) return null;
  let n = 0;
  for (let p = start; p < end; p++) {
    const c = b[p] - 0x30;
    if (c < 0 || c > 9) return null;
    n = n * 10 + c;
  }
  return n;
}

const POW10 = Array.from({ length: 23 }, (_, i) => 10 ** i);

/**
 * "-1234.56" from bytes, or null when not that plain (exponent, spaces, more than 15 digits: the
 * caller parses the text). An integer under 2^53 divided by a power of ten up to 10^22 is rounded
 * once, so the result is the double Number() would give for the same text.
 */
function decimalFromBytes(b: Uint8Array, start: number, end: number): number | null {
  let p = start;
  const negative = b[p] === 0x2d;
  if (negative) p++;
  let m = 0;
  let digits = 0;
  let decimals = 0;
  let dot = false;
  for (; p < end; p++) {
    const c = b[p];
    if (c >= 0x30 && c <= 0x39) {
      m = m * 10 + (c - 0x30);
      digits++;
      if (dot) decimals++;
    } else if (c === 0x2e && !dot) dot = true;
    else return null;
  }
  if (digits === 0 || digits > 15) return null;
  const n = decimals ? m / POW10[decimals] : m;
  return negative ? -n : n;
}

/** A non-negative integer written in digits (white space around allowed), or null. */
function parseIntStrict(s: string): number | null {
  const t = s.trim();
  if (t === '' || t.length > 15) return null;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c < 48 || c > 57) return null;
  }
  return Number(t);
}

/** Column number of a cell reference "AB12" (the row is the <row>'s, as Excel files were always read); throws on what is no reference. */
function parseColumn(b: Uint8Array, start: number, end: number): number {
  let p = start;
  let col = 0;
  while (p < end) {
    const c = b[p] | 0x20; // lower case
    if (c < 0x61 || c > 0x7a) break;
    col = col * 26 + (c - 0x60);
    p++;
  }
  let row = 0;
  const digits = p;
  while (p < end && b[p] >= 0x30 && b[p] <= 0x39) row = row * 10 + (b[p++] - 0x30);
  if (col < 1 || col > MAX_COL || p !== end || p === digits || row < 1 || row > MAX_ROW) throw new XmlError('bad cell reference');
  return col;
}

function parseRange(ref: string): CellRange | null {
  const [a, b = a] = ref.trim().split(':');
  const tl = parseRef(a);
  const br = parseRef(b);
  if (!tl || !br) return null;
  return { top: Math.min(tl.row, br.row), left: Math.min(tl.col, br.col), bottom: Math.max(tl.row, br.row), right: Math.max(tl.col, br.col) };
}

function parseRef(s: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(s);
  if (!m) return null;
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + ch.charCodeAt(0) - 64;
  const row = Number(m[2]);
  return col > MAX_COL || row < 1 || row > MAX_ROW ? null : { row, col };
}
