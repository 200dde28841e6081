/**
 * Sheet protection as Excel applies it to the API as to users (AccessDenied): a protected sheet
 * refuses values in locked cells, and formatting unless the user allowed it ("Format de cellule",
 * "Format de colonne", objects); merging is refused outright. Every cell is locked unless a column
 * style or the cell says otherwise — as the tool's own template sets them.
 */
import type { CellRange, GridSheet } from '../../../layout/grid';
import { FakeOfficeError } from './fake-error';

/** WorksheetProtectionOptions, as Office.js names them (allowFormatCells, allowSort…). */
export type ProtectionOptions = Record<string, boolean>;

export interface SheetProtectionState {
  protected: boolean;
  options: ProtectionOptions;
  /** Set when protected with a password: unprotect() then needs it. */
  password?: string;
}

const NONE: SheetProtectionState = { protected: false, options: {} };

const accessDenied = (what: string) => new FakeOfficeError('AccessDenied', `You cannot perform the requested operation (${what}: the sheet is protected).`);

export class FakeProtection {
  readonly states = new Map<GridSheet, SheetProtectionState>();
  /** Per sheet: columns unlocked by their style, and cells locked or not on their own. */
  readonly locks = new Map<GridSheet, { unlockedCols: Set<number>; cells: Map<string, boolean> }>();

  of(sheet: GridSheet): SheetProtectionState {
    return this.states.get(sheet) ?? NONE;
  }

  forget(sheet: GridSheet): void {
    this.states.delete(sheet);
    this.locks.delete(sheet);
  }

  isLocked(sheet: GridSheet, row: number, col: number): boolean {
    const l = this.locks.get(sheet);
    if (!l) return true;
    return l.cells.get(`${row}:${col}`) ?? !l.unlockedCols.has(col);
  }

  lockedState(sheet: GridSheet, r: CellRange): boolean | null {
    let seen: boolean | null = null;
    for (let row = r.top; row <= r.bottom; row++) {
      for (let col = r.left; col <= r.right; col++) {
        const v = this.isLocked(sheet, row, col);
        if (seen === null) seen = v;
        else if (seen !== v) return null;
      }
    }
    return seen;
  }

  setLocked(sheet: GridSheet, r: CellRange, locked: boolean, wholeColumns = false): void {
    let l = this.locks.get(sheet);
    if (!l) this.locks.set(sheet, (l = { unlockedCols: new Set(), cells: new Map() }));
    for (let col = r.left; col <= r.right; col++) {
      if (wholeColumns) {
        if (locked) l.unlockedCols.delete(col);
        else l.unlockedCols.add(col);
        continue;
      }
      for (let row = r.top; row <= r.bottom; row++) l.cells.set(`${row}:${col}`, locked);
    }
  }

  /** Values into a locked cell of a protected sheet. */
  checkContent(sheet: GridSheet, r: CellRange): void {
    if (!this.of(sheet).protected) return;
    for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) if (this.isLocked(sheet, row, col)) throw accessDenied(`cell ${row}:${col} is locked`);
  }

  checkFormat(sheet: GridSheet, what = 'allowFormatCells'): void {
    const p = this.of(sheet);
    if (p.protected && !p.options[what]) throw accessDenied(what);
  }

  /** WorksheetProtection.protect: "Fails if the worksheet has already been protected." */
  protect(sheet: GridSheet, options: ProtectionOptions = {}, password?: string): void {
    if (this.of(sheet).protected) throw new FakeOfficeError('InvalidOperation', 'The operation attempted is invalid on the object (the sheet is already protected).');
    this.states.set(sheet, { protected: true, options: { ...options }, ...(password ? { password } : {}) });
  }

  unprotect(sheet: GridSheet, password?: string): void {
    const p = this.of(sheet);
    if (!p.protected) return;
    if (p.password !== undefined && p.password !== password) throw new FakeOfficeError('BadPassword', 'The password you supplied is incorrect.');
    this.states.delete(sheet);
  }

  /** Merging and unmerging: never on a protected sheet. */
  checkStructure(sheet: GridSheet, what: string): void {
    if (this.of(sheet).protected) throw accessDenied(what);
  }
}
