/**
 * Test helpers: a grid as Office.js would hand it over (dates as serial numbers, no style-only
 * cells, no column widths), and a sample workbook made n times larger.
 */
import { buildSampleGrid } from '../../../scripts/sample/build-sample';
import { type Grid, type GridCell, type GridSheet, newSheet, setCell, sheetExtent } from '../../../src/layout/grid';
import { dateToSerial } from '../../../src/adapters/office/cell-values';

export function officeView(grid: Grid): Grid {
  return {
    sheets: grid.sheets.map((s) => {
      const out = newSheet(s.name);
      out.state = s.state ?? 'visible';
      for (const [r, cols] of s.rows) {
        for (const [c, cell] of cols) {
          const v = officeCell(cell);
          if (v) setCell(out, r, c, v);
        }
      }
      out.merges = s.merges.map((m) => ({ ...m }));
      return out;
    }),
  };
}

function officeCell(cell: GridCell): GridCell | undefined {
  if (cell.formula === undefined && cell.error === undefined && (cell.value === null || cell.value === '')) return undefined;
  const out: GridCell = { value: cell.value instanceof Date ? dateToSerial(cell.value) : cell.value };
  if (cell.formula !== undefined) {
    out.formula = cell.formula;
    if (out.value === null && !cell.error) out.value = '';
  }
  if (cell.error) {
    out.value = null;
    out.error = cell.error;
  }
  if (cell.numFmt && cell.numFmt !== 'General') out.numFmt = cell.numFmt;
  return out;
}

/** The sample with every sheet's content stacked `copies` times (formulas refer to their own copy). */
export function largeSample(copies: number): Grid {
  const base = buildSampleGrid();
  return {
    sheets: base.sheets.map((s) => {
      const height = sheetExtent(s).maxRow + 3;
      const out: GridSheet = newSheet(s.name);
      for (let k = 0; k < copies; k++) {
        const dr = k * height;
        for (const [r, cols] of s.rows) {
          for (const [c, cell] of cols) {
            const f = cell.formula?.replace(/(\$?[A-Z]{1,3}\$?)(\d+)/g, (_m, col: string, row: string) => `${col}${Number(row) + dr}`);
            setCell(out, r + dr, c, { ...cell, ...(f !== undefined ? { formula: f } : {}) });
          }
        }
        for (const m of s.merges) out.merges.push({ ...m, top: m.top + dr, bottom: m.bottom + dr });
      }
      return out;
    }),
  };
}

export function cellCount(grid: Grid): number {
  return grid.sheets.reduce((n, s) => n + [...s.rows.values()].reduce((k, cols) => k + cols.size, 0), 0);
}

/** Deep copy (Maps and Dates included) so a fake can be compared with the grid it started from. */
export function cloneGrid(grid: Grid): Grid {
  return {
    sheets: grid.sheets.map((s) => ({
      ...s,
      rows: new Map([...s.rows].map(([r, cols]) => [r, new Map([...cols].map(([c, cell]) => [c, { ...cell }]))])),
      merges: s.merges.map((m) => ({ ...m })),
      ...(s.columnWidths ? { columnWidths: new Map(s.columnWidths) } : {}),
    })),
  };
}
