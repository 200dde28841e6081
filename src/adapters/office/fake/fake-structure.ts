/**
 * Rows and columns inserted or deleted, as Excel does it (what a user does between two add-in
 * actions): cells, merges, fills, lock states and defined names move; every formula of the workbook
 * that points into the sheet is shifted, and a reference to a deleted line becomes #REF!.
 */
import type { CellRange, GridCell, GridSheet } from '../../../layout/grid';
import type { FakeWorkbookModel } from './fake-workbook-model';
import { shiftReference } from '../formula-refs';

export type Axis = 'row' | 'col';

/** `count` > 0 inserts `count` lines before `at`; `count` < 0 deletes `-count` lines from `at`. */
export function shiftLines(model: FakeWorkbookModel, sheet: GridSheet, axis: Axis, at: number, count: number): void {
  const n = Math.abs(count);
  const moved = (v: number): number | null => (v < at ? v : count > 0 ? v + n : v < at + n ? null : v - n);

  // Cells.
  const cells: [number, number, GridCell][] = [];
  for (const [r, cols] of sheet.rows) for (const [c, cell] of cols) cells.push([r, c, cell]);
  sheet.rows.clear();
  for (const [r, c, cell] of cells) {
    const nr = axis === 'row' ? moved(r) : r;
    const nc = axis === 'col' ? moved(c) : c;
    if (nr === null || nc === null) continue;
    let row = sheet.rows.get(nr);
    if (!row) sheet.rows.set(nr, (row = new Map()));
    row.set(nc, cell);
  }

  // Areas: merges and names shrink or grow with the lines inside them.
  const area = (a: CellRange): CellRange | null => {
    const [lo, hi] = axis === 'row' ? [a.top, a.bottom] : [a.left, a.right];
    let nlo: number, nhi: number;
    if (count > 0) {
      nlo = lo >= at ? lo + n : lo;
      nhi = hi >= at ? hi + n : hi;
    } else {
      const last = at + n - 1;
      if (lo >= at && hi <= last) return null;
      nlo = lo < at ? lo : lo > last ? lo - n : at;
      nhi = hi < at ? hi : hi > last ? hi - n : at - 1;
    }
    return axis === 'row' ? { ...a, top: nlo, bottom: nhi } : { ...a, left: nlo, right: nhi };
  };
  sheet.merges = sheet.merges.map(area).filter((m): m is CellRange => m !== null && (m.top !== m.bottom || m.left !== m.right));
  for (const name of model.names.values()) {
    if (name.sheet !== sheet || !name.area) continue;
    name.area = area(name.area);
    if (!name.area) name.sheet = null;
  }

  // Keyed "row:col" maps: fills and cell locks.
  const rekey = <V>(m: Map<string, V> | undefined) => {
    if (!m) return;
    const entries = [...m];
    m.clear();
    for (const [key, v] of entries) {
      const [r, c] = key.split(':').map(Number);
      const nr = axis === 'row' ? moved(r) : r;
      const nc = axis === 'col' ? moved(c) : c;
      if (nr !== null && nc !== null) m.set(`${nr}:${nc}`, v);
    }
  };
  rekey(model.fills.get(sheet));
  rekey(model.protection.locks.get(sheet)?.cells);
  rekey(model.formats.cells.get(sheet));
  // Row heights, page breaks and the print setup's rows move with their rows.
  const page = model.pages.sheets.get(sheet);
  if (axis === 'row') {
    const heights = model.formats.rowHeights.get(sheet);
    if (heights) {
      const entries = [...heights];
      heights.clear();
      for (const [r, h] of entries) {
        const nr = moved(r);
        if (nr !== null) heights.set(nr, h);
      }
    }
    if (page) {
      page.rowBreaks = page.rowBreaks.map(moved).filter((r): r is number => r !== null && r > 1);
      if (page.printTitleRows) {
        const t = area({ top: page.printTitleRows.first, bottom: page.printTitleRows.last, left: 1, right: 1 });
        page.printTitleRows = t ? { first: t.top, last: t.bottom } : null;
      }
    }
  }
  if (page?.printArea) page.printArea = area(page.printArea);
  if (axis === 'col' && sheet.columnWidths) {
    const widths = [...sheet.columnWidths];
    sheet.columnWidths.clear();
    for (const [c, w] of widths) {
      const nc = moved(c);
      if (nc !== null) sheet.columnWidths.set(nc, w);
    }
  }

  // Formulas, in every sheet: qualified references to this sheet, unqualified ones on it.
  model.rewriteFormulas((ref, host) => {
    const target = ref.sheet === null ? (ref.brokenSheet ? null : host) : model.grid.sheets.find((s) => s.name.toLowerCase() === ref.sheet!.toLowerCase());
    return target === sheet ? shiftReference(ref, axis, at, count) : null;
  });
  model.emitChange(sheet, axis === 'row' ? { top: at, bottom: 1048576, left: 1, right: 16384 } : { top: 1, bottom: 1048576, left: at, right: 16384 });
  model.recalculate(false);
}
