/**
 * A write plan's cells grouped the way Office.js writes them cheaply: runs of adjacent cells on one
 * row, each run one range with one 1×n array. Pure, so the grouping is tested without Excel.
 */
import { type CellRange } from '../../layout/grid';
import type { CellWrite } from '../../layout/write-plan';

export interface WriteRun {
  sheet: string;
  area: CellRange;
  /** One write per column of the area, in order. */
  cells: CellWrite[];
}

/** Runs per sheet; when a plan writes a cell twice, the later write wins (as applying in order would). */
export function writeRuns(writes: CellWrite[]): WriteRun[] {
  const bySheet = new Map<string, Map<number, Map<number, CellWrite>>>();
  for (const w of writes) {
    let rows = bySheet.get(w.sheet);
    if (!rows) bySheet.set(w.sheet, (rows = new Map()));
    let cols = rows.get(w.row);
    if (!cols) rows.set(w.row, (cols = new Map()));
    cols.set(w.col, w);
  }
  const runs: WriteRun[] = [];
  for (const [sheet, rows] of bySheet) {
    for (const row of [...rows.keys()].sort((a, b) => a - b)) {
      const cols = rows.get(row)!;
      let current: WriteRun | null = null;
      for (const col of [...cols.keys()].sort((a, b) => a - b)) {
        if (current && col === current.area.right + 1) {
          current.area.right = col;
          current.cells.push(cols.get(col)!);
        } else {
          current = { sheet, area: { top: row, bottom: row, left: col, right: col }, cells: [cols.get(col)!] };
          runs.push(current);
        }
      }
    }
  }
  return runs;
}
