import { type Grid, type GridCell, type GridSheet, newSheet, setCell } from '../grid';
import type { WritePlan } from '../write-plan';

/**
 * A write plan applied to a copy of a grid, as the adapters apply it to a file or to the open
 * workbook: tool sheets created or replaced, then the writes. Used to check what a fill produces
 * (the « Contrôles » sheet lists the findings of the filled workbook) without writing any file.
 */
export function applyPlanToGrid(grid: Grid, plan: WritePlan): Grid {
  const sheets: GridSheet[] = grid.sheets.map(copySheet);
  for (const s of plan.createSheets) {
    const i = sheets.findIndex((x) => x.name.toLowerCase() === s.name.toLowerCase()); // Excel ignores case
    if (i >= 0 && !s.replace) continue;
    const created = newSheet(s.name);
    created.merges = (s.merges ?? []).map((m) => ({ ...m }));
    if (s.columnWidths) created.columnWidths = new Map(Object.entries(s.columnWidths).map(([c, w]) => [Number(c), w]));
    if (i >= 0) sheets.splice(i, 1);
    sheets.push(created);
  }
  const byName = new Map(sheets.map((s) => [s.name, s]));
  for (const w of plan.writes) {
    const sheet = byName.get(w.sheet);
    if (!sheet) throw new Error(`write plan: no sheet "${w.sheet}"`);
    const previous = sheet.rows.get(w.row)?.get(w.col);
    if (w.formula === undefined && (w.value === null || w.value === undefined)) {
      sheet.rows.get(w.row)?.delete(w.col);
      continue;
    }
    const cell: GridCell = { value: w.value ?? null };
    if (w.formula !== undefined) cell.formula = w.formula;
    const numFmt = w.numFmt ?? previous?.numFmt;
    if (numFmt) cell.numFmt = numFmt;
    setCell(sheet, w.row, w.col, cell);
  }
  return { sheets };
}

function copySheet(s: GridSheet): GridSheet {
  const rows = new Map<number, Map<number, GridCell>>();
  for (const [r, cols] of s.rows) rows.set(r, new Map([...cols].map(([c, cell]) => [c, { ...cell }])));
  const copy: GridSheet = { ...s, rows, merges: s.merges.map((m) => ({ ...m })) };
  if (s.columnWidths) copy.columnWidths = new Map(s.columnWidths);
  return copy;
}
