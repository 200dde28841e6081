import { type CellRange, type GridCell, type GridSheet, cellAddress, getCell, sheetExtent } from './grid';
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
  private readonly mergeOwner = new Map<string, CellRange>();
  /** Merges by their top-left cell: mergeAt() is called per cell, a linear search would be quadratic. */
  private readonly mergeByTopLeft = new Map<string, CellRange>();
  private readonly normCache = new Map<number, Map<number, string>>();

  constructor(readonly sheet: GridSheet) {
    this.name = sheet.name;
    const ext = sheetExtent(sheet);
    this.maxRow = ext.maxRow;
    this.maxCol = ext.maxCol;
    for (const m of sheet.merges) {
      if (!this.mergeByTopLeft.has(`${m.top}:${m.left}`)) this.mergeByTopLeft.set(`${m.top}:${m.left}`, m);
      // Merges are few; index every covered cell except the owner itself.
      const area = (m.bottom - m.top + 1) * (m.right - m.left + 1);
      if (area > 10000) continue; // a merge this large is not a table label
      for (let r = m.top; r <= m.bottom; r++) {
        for (let c = m.left; c <= m.right; c++) {
          if (r !== m.top || c !== m.left) this.mergeOwner.set(`${r}:${c}`, m);
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
    const m = this.mergeOwner.get(`${row}:${col}`);
    return m ? getCell(this.sheet, m.top, m.left) : getCell(this.sheet, row, col);
  }

  /** The merge covering a cell, if any (for the owner cell too). */
  mergeAt(row: number, col: number): CellRange | undefined {
    const m = this.mergeOwner.get(`${row}:${col}`);
    if (m) return m;
    return this.mergeByTopLeft.get(`${row}:${col}`);
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
      t = normaliseText(cellText(this.merged(row, col)));
      r.set(col, t);
    }
    return t;
  }

  /** Columns holding a cell on a row, sorted. */
  columnsOf(row: number): number[] {
    const cols = this.sheet.rows.get(row);
    return cols ? [...cols.keys()].sort((a, b) => a - b) : [];
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
    return { sheet: this.name, row, col, address: cellAddress(row, col) };
  }
}
