import { type CellRange, type GridCell, type GridSheet, columnLetters, getCell, sheetExtent } from '../grid';
import { cellText, normaliseText } from '../text';
import type { CellRef } from '../../domain/finding';

/**
 * Everything the table readers ask of one sheet, computed once per sheet and kept with it (no
 * module-level cache): merged cells resolved to their top-left cell, normalised texts, stored rows
 * in order, the rows that may hold a header, and a memo for what the readers derive from the sheet
 * (column matches, the tables located on it). A reader never walks a row that holds no cell: a used
 * range may reach row 1 048 576.
 */
export class SheetIndex {
  readonly name: string;
  readonly maxRow: number;
  readonly maxCol: number;
  /** Merge covering each cell but its owner, by row then column. */
  private readonly mergeOwner = new Map<number, Map<number, CellRange>>();
  /** Merges by their top-left cell (mergeAt() is asked per cell: a linear search would be quadratic). */
  private readonly mergeByTopLeft = new Map<number, Map<number, CellRange>>();
  private mergesByRow: Map<number, CellRange[]> | null = null;
  private readonly normCells = new Map<number, Map<number, string>>();
  private readonly sortedCols = new Map<number, readonly number[]>();
  private sortedRows: number[] | null = null;
  private headerRowsIndex: RowTexts[] | null = null;
  private readonly bandRows = new Map<number, BandCell[]>();
  private readonly letterRows = new Map<number, boolean>();
  private readonly memos = new Map<unknown, unknown>();

  constructor(readonly sheet: GridSheet) {
    this.name = sheet.name;
    const ext = sheetExtent(sheet);
    this.maxRow = ext.maxRow;
    this.maxCol = ext.maxCol;
    for (const m of sheet.merges) {
      if (!at(this.mergeByTopLeft, m.top, m.left)) put(this.mergeByTopLeft, m.top, m.left, m);
      // A merge this large is no table label (a whole-sheet merge must not cost a cell per cell).
      if ((m.bottom - m.top + 1) * (m.right - m.left + 1) > MAX_INDEXED_MERGE) continue;
      for (let r = m.top; r <= m.bottom; r++) {
        for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) put(this.mergeOwner, r, c, m);
      }
    }
  }

  /** A value derived from this sheet, computed on first request (key: a string or an object such as a list of column specs). */
  memo<T>(key: unknown, compute: () => T): T {
    if (this.memos.has(key)) return this.memos.get(key) as T;
    const v = compute();
    this.memos.set(key, v);
    return v;
  }

  /** The cell as stored (a cell covered by a merge is empty here). */
  raw(row: number, col: number): GridCell | undefined {
    return getCell(this.sheet, row, col);
  }

  /** The cell, or the top-left cell of the merge that covers it. */
  merged(row: number, col: number): GridCell | undefined {
    const m = at(this.mergeOwner, row, col);
    return m ? getCell(this.sheet, m.top, m.left) : getCell(this.sheet, row, col);
  }

  /** The merge covering a cell, if any (for the owner cell too). */
  mergeAt(row: number, col: number): CellRange | undefined {
    return at(this.mergeOwner, row, col) ?? at(this.mergeByTopLeft, row, col);
  }

  /** Merges that cover a row. */
  mergesOnRow(row: number): CellRange[] {
    if (!this.mergesByRow) {
      this.mergesByRow = new Map();
      for (const m of this.sheet.merges) {
        if (m.bottom - m.top > MAX_INDEXED_MERGE) continue;
        for (let r = m.top; r <= m.bottom; r++) {
          const list = this.mergesByRow.get(r) ?? [];
          list.push(m);
          this.mergesByRow.set(r, list);
        }
      }
    }
    return this.mergesByRow.get(row) ?? [];
  }

  /**
   * Normalised text of a cell, merged-aware (a cell covered by a merge reads as its merge); kept,
   * header bands ask for the same cells again and again.
   */
  norm(row: number, col: number): string {
    let r = this.normCells.get(row);
    if (!r) {
      r = new Map();
      this.normCells.set(row, r);
    }
    let t = r.get(col);
    if (t === undefined) {
      t = textOf(this.merged(row, col));
      r.set(col, t);
    }
    return t;
  }

  /** Normalised text of the cell itself: "" for a cell covered by a merge it does not own (not kept: row walkers ask once). */
  own(row: number, col: number): string {
    return textOf(this.raw(row, col));
  }

  /** Sorted row numbers that hold at least one cell. */
  rowNumbers(): number[] {
    if (!this.sortedRows) {
      this.sortedRows = [...this.sheet.rows.keys()].filter((r) => (this.sheet.rows.get(r)?.size ?? 0) > 0).sort((a, b) => a - b);
    }
    return this.sortedRows;
  }

  /** Stored rows strictly after `after` and up to `last`, in order. */
  rowsBetween(after: number, last: number): number[] {
    const rows = this.rowNumbers();
    let lo = 0;
    let hi = rows.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (rows[mid] <= after) lo = mid + 1;
      else hi = mid;
    }
    const out: number[] = [];
    for (let i = lo; i < rows.length && rows[i] <= last; i++) out.push(rows[i]);
    return out;
  }

  /** Columns holding a cell on a row, sorted. Do not modify. */
  columnsOf(row: number): readonly number[] {
    let out = this.sortedCols.get(row);
    if (out === undefined) {
      const cols = this.sheet.rows.get(row);
      out = cols ? [...cols.keys()].sort((a, b) => a - b) : NO_COLUMNS;
      this.sortedCols.set(row, out);
    }
    return out;
  }

  /**
   * Rows that may hold a header, with their texts (column order, merged-aware): stored rows with
   * some text and no number but a year. A header is words (and letters, and years); a row holding an
   * amount is data, so the readers look for their anchors in a few rows instead of every cell.
   */
  headerRows(): readonly RowTexts[] {
    if (!this.headerRowsIndex) {
      const index: RowTexts[] = [];
      for (const r of this.rowNumbers()) {
        const cells = this.sheet.rows.get(r) as Map<number, GridCell>;
        let numeric = false;
        for (const cell of cells.values()) {
          // A year may end a header line ("… pour la convention" / 2024); any other number is data.
          if (typeof cell.value === 'number' && !(Number.isInteger(cell.value) && cell.value >= 1990 && cell.value <= 2100)) {
            numeric = true;
            break;
          }
        }
        if (numeric) continue;
        const cols: number[] = [];
        const texts: string[] = [];
        for (const c of this.columnsOf(r)) {
          const t = this.norm(r, c);
          if (t) {
            cols.push(c);
            texts.push(t);
          }
        }
        if (texts.length) index.push({ row: r, cols, texts });
      }
      this.headerRowsIndex = index;
    }
    return this.headerRowsIndex;
  }

  /**
   * The header cells of a row as header bands read them: stored columns and columns covered by a
   * merge on the row, sorted, each with its normalised text and the first row of its merge.
   */
  bandRow(row: number): readonly BandCell[] {
    let out = this.bandRows.get(row);
    if (out === undefined) {
      const cols = new Set<number>(this.columnsOf(row));
      for (const m of this.mergesOnRow(row)) for (let c = m.left; c <= m.right; c++) cols.add(c);
      out = [];
      for (const c of [...cols].sort((a, b) => a - b)) {
        const m = this.mergeAt(row, c);
        out.push({ col: c, text: this.norm(row, c), mergeTop: m ? m.top : row });
      }
      this.bandRows.set(row, out);
    }
    return out;
  }

  /** True when no cell of the row (within columns) has content; cells covered by a merge count as empty. */
  isBlankRow(row: number, fromCol = 1, toCol = this.maxCol): boolean {
    const cols = this.sheet.rows.get(row);
    if (!cols) return true;
    for (const [c, cell] of cols) {
      if (c < fromCol || c > toCol) continue;
      if (hasContent(cell)) return false;
    }
    return true;
  }

  /**
   * A row of column letters ("A", "B", "C", "F", "(F+H)", "I = F + H"), printed above or under a
   * header to name the columns the formulas refer to: every text cell of the row is one, and there
   * are two at least; or of column numbers, as text ("(1)", "(3) = (1) + (2)") or typed as numbers
   * (1, 2, 3…, three at least, rising by one). Read on the stored cells (a header merged down over the row does not count).
   */
  isLettersRow(row: number): boolean {
    let known = this.letterRows.get(row);
    if (known === undefined) {
      let letters = 0;
      known = true;
      // Columns numbered 1, 2, 3… typed as numbers: integers rising by one from column to column.
      let numbers: { col: number; value: number }[] | null = null;
      for (const [col, cell] of this.sheet.rows.get(row) ?? []) {
        if (!hasContent(cell)) continue;
        if (typeof cell.value === 'string' && isLetterText(cell.value)) letters++;
        else if (typeof cell.value === 'number' && !cell.formula && !cell.error && Number.isInteger(cell.value)) (numbers ??= []).push({ col, value: cell.value });
        else {
          known = false;
          break;
        }
      }
      known = known && (numbers === null ? letters >= 2 : letters === 0 && risingByOne(numbers));
      this.letterRows.set(row, known);
    }
    return known;
  }

  private readonly letterNames = new Map<number, string>();

  ref(row: number, col: number): CellRef {
    // Every amount cell read gets a ref: a column's letters are computed once.
    let l = this.letterNames.get(col);
    if (l === undefined) {
      l = columnLetters(col);
      this.letterNames.set(col, l);
    }
    return { sheet: this.name, row, col, address: `${l}${row}` };
  }
}

/** Three numbers at least, rising by one from column to column (1, 2, 3…). */
export function risingByOne(numbers: { col: number; value: number }[]): boolean {
  if (numbers.length < 3) return false;
  numbers.sort((a, b) => a.col - b.col);
  return numbers.every((n, i) => i === 0 || n.value === numbers[i - 1].value + 1);
}

/** A column's name: a letter or two, or a number of one or two digits, bracketed or not ("F", "(1)"). */
const NAME = String.raw`\(?(?:[A-Z]{1,2}|\d{1,2})\)?`;
/** A column's name, or a formula of names: "A", "(F)", "A+B+C", "I = F + H", "(3) = (1) + (2)". */
const LETTERS = new RegExp(String.raw`^\(?${NAME}(\s*[=+-]\s*${NAME})*\)?$`);

export function isLetterText(s: string): boolean {
  return LETTERS.test(s.trim());
}
const MAX_INDEXED_MERGE = 10_000;
const NO_COLUMNS: readonly number[] = Object.freeze([]);

/** A cell's normalised text; a number's needs no normalising ("-1234.5", "1e+21"; "infinity", "nan" in lower case). */
export function textOf(cell: GridCell | undefined): string {
  if (cell && typeof cell.value === 'number' && !cell.error) return Number.isFinite(cell.value) ? String(cell.value) : String(cell.value).toLowerCase();
  return normaliseText(cellText(cell));
}

/** A value, a formula or an error: what makes a cell not blank. */
export function hasContent(cell: GridCell | undefined): boolean {
  if (!cell) return false;
  const v = cell.value;
  if (typeof v === 'number' || cell.formula !== undefined || cell.error !== undefined) return true;
  return v !== null && (typeof v !== 'string' || v.trim() !== '');
}

function at<T>(m: Map<number, Map<number, T>>, row: number, col: number): T | undefined {
  return m.get(row)?.get(col);
}

function put<T>(m: Map<number, Map<number, T>>, row: number, col: number, v: T): void {
  let r = m.get(row);
  if (!r) {
    r = new Map();
    m.set(row, r);
  }
  r.set(col, v);
}

/** A row of SheetIndex.headerRows(): its text cells, in column order. */
export interface RowTexts {
  row: number;
  cols: number[];
  texts: string[];
}

/** A cell of SheetIndex.bandRow(): `mergeTop` is the row itself when no merge covers the cell. */
export interface BandCell {
  col: number;
  text: string;
  mergeTop: number;
}
