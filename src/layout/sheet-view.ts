import { type CellRange, type GridCell, type GridSheet, columnLetters, getCell, sheetExtent } from './grid';
import { cellText, normaliseText } from './text';
import type { CellRef } from '../domain/finding';

/**
 * Read access to one sheet for the layout readers: merged cells resolved to their top-left cell,
 * normalised texts computed once, row-wise lookups.
 */
export class SheetView {
  readonly name: string;
  readonly maxRow: number;
  readonly maxCol: number;
  /** Merge covering each cell but its owner, by row then column (looked up for every cell read). */
  private readonly mergeOwner = new Map<number, Map<number, CellRange>>();
  /** Merges by their top-left cell: mergeAt() is called per cell, a linear search would be quadratic. */
  private readonly mergeByTopLeft = new Map<number, Map<number, CellRange>>();
  private readonly normCache = new Map<number, Map<number, string>>();

  constructor(readonly sheet: GridSheet) {
    this.name = sheet.name;
    const ext = sheetExtent(sheet);
    this.maxRow = ext.maxRow;
    this.maxCol = ext.maxCol;
    for (const m of sheet.merges) {
      if (!at(this.mergeByTopLeft, m.top, m.left)) put(this.mergeByTopLeft, m.top, m.left, m);
      // Merges are few; index every covered cell except the owner itself.
      const area = (m.bottom - m.top + 1) * (m.right - m.left + 1);
      if (area > 10000) continue; // a merge this large is not a table label
      for (let r = m.top; r <= m.bottom; r++) {
        for (let c = m.left; c <= m.right; c++) {
          if (r !== m.top || c !== m.left) put(this.mergeOwner, r, c, m);
        }
      }
    }
  }

  private readonly memo = new Map<string, unknown>();
  private mergesByRow: Map<number, CellRange[]> | null = null;

  /** Caches a value computed from this sheet (readers try several table kinds on the same rows). */
  cached<T>(key: string, compute: () => T): T {
    if (this.memo.has(key)) return this.memo.get(key) as T;
    const v = compute();
    this.memo.set(key, v);
    return v;
  }

  /** Merges that cover a row (indexed once; header bands look them up row by row). */
  mergesOnRow(row: number): CellRange[] {
    if (!this.mergesByRow) {
      this.mergesByRow = new Map();
      for (const m of this.sheet.merges) {
        if (m.bottom - m.top > 10000) continue;
        for (let r = m.top; r <= m.bottom; r++) {
          const list = this.mergesByRow.get(r) ?? [];
          list.push(m);
          this.mergesByRow.set(r, list);
        }
      }
    }
    return this.mergesByRow.get(row) ?? [];
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
    const m = at(this.mergeOwner, row, col);
    if (m) return m;
    return at(this.mergeByTopLeft, row, col);
  }

  /** Normalised text of a cell, merged-aware. */
  norm(row: number, col: number): string {
    let r = this.normCache.get(row);
    if (!r) {
      r = new Map();
      this.normCache.set(row, r);
    }
    let t = r.get(col);
    if (t === undefined) {
      t = textOf(this.merged(row, col));
      r.set(col, t);
    }
    return t;
  }

  private readonly sortedCols = new Map<number, readonly number[]>();

  /** Columns holding a cell on a row, sorted (computed once per row: every reader asks). Do not modify. */
  columnsOf(row: number): readonly number[] {
    let out = this.sortedCols.get(row);
    if (out === undefined) {
      const cols = this.sheet.rows.get(row);
      out = cols ? [...cols.keys()].sort((a, b) => a - b) : NO_COLUMNS;
      this.sortedCols.set(row, out);
    }
    return out;
  }

  private textIndex: RowTexts[] | null = null;

  /**
   * Stored rows holding at least one non-empty normalised text, in order, with those texts (column
   * order, merged-aware like norm()). Built once per sheet: every reader looks for its anchor in it
   * instead of walking every cell again.
   */
  textRows(): readonly RowTexts[] {
    if (!this.textIndex) {
      const index: RowTexts[] = [];
      for (const r of this.rowNumbers()) {
        const texts: string[] = [];
        const cells = this.sheet.rows.get(r);
        const owners = this.mergeOwner.get(r);
        for (const c of this.columnsOf(r)) {
          // norm() without filling its cache: the readers ask for a few of these cells only.
          const m = owners?.get(c);
          const t = textOf(m ? getCell(this.sheet, m.top, m.left) : cells?.get(c));
          if (t) texts.push(t);
        }
        if (texts.length) index.push({ row: r, texts });
      }
      this.textIndex = index;
    }
    return this.textIndex;
  }

  private readonly bandRowCache = new Map<number, BandCell[]>();

  /**
   * The header cells of a row as header bands read them: stored columns and columns covered by a
   * merge on the row, sorted, each with its normalised text and the first row of its merge.
   */
  bandRow(row: number): readonly BandCell[] {
    let out = this.bandRowCache.get(row);
    if (out === undefined) {
      const cols = new Set<number>(this.columnsOf(row));
      for (const m of this.mergesOnRow(row)) for (let c = m.left; c <= m.right; c++) cols.add(c);
      out = [];
      for (const c of [...cols].sort((a, b) => a - b)) {
        const m = this.mergeAt(row, c);
        out.push({ col: c, text: this.norm(row, c), mergeTop: m ? m.top : row });
      }
      this.bandRowCache.set(row, out);
    }
    return out;
  }

  private sortedRows: number[] | null = null;

  /** Sorted row numbers that hold at least one cell (computed once: sheets may hold 200 000 rows). */
  rowNumbers(): number[] {
    if (!this.sortedRows) {
      this.sortedRows = [...this.sheet.rows.keys()].filter((r) => (this.sheet.rows.get(r)?.size ?? 0) > 0).sort((a, b) => a - b);
    }
    return this.sortedRows;
  }

  /** Stored rows strictly after `after` and up to `last`, in order: readers never walk empty rows. */
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

  /** True when no cell of the row (within columns) has content. */
  isBlankRow(row: number, fromCol = 1, toCol = this.maxCol): boolean {
    const cols = this.sheet.rows.get(row);
    if (!cols) return true;
    for (const [c, cell] of cols) {
      if (c < fromCol || c > toCol) continue;
      if (cell.value !== null && String(cell.value).trim() !== '') return false;
      if (cell.formula !== undefined || cell.error !== undefined) return false;
    }
    return true;
  }

  ref(row: number, col: number): CellRef {
    return { sheet: this.name, row, col, address: `${letters(col)}${row}` };
  }
}

const NO_COLUMNS: readonly number[] = Object.freeze([]);

/** normaliseText(cellText(cell)); a number's text needs no normalising ("-1234.5", "1e+21"; "infinity", "nan" in lower case). */
function textOf(cell: GridCell | undefined): string {
  if (cell && typeof cell.value === 'number' && !cell.error) return Number.isFinite(cell.value) ? String(cell.value) : String(cell.value).toLowerCase();
  return normaliseText(cellText(cell));
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

/** A row of SheetView.textRows(). */
export interface RowTexts {
  row: number;
  texts: string[];
}

/** A cell of SheetView.bandRow(): `mergeTop` is the row itself when no merge covers the cell. */
export interface BandCell {
  col: number;
  text: string;
  mergeTop: number;
}

/** Column letters by number (cellAddress without recomputing them for every cell of a column). */
const LETTERS: string[] = [];

function letters(col: number): string {
  if (col > 0 && col < 20_000 && Number.isInteger(col)) return (LETTERS[col] ??= columnLetters(col));
  return columnLetters(col);
}
