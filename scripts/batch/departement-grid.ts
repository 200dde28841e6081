/**
 * Turns the clean sample (Pas-de-Calais) into another Département's workbook: every typed amount
 * scaled by one factor, the name and code replaced, cached values recomputed. The factor has two
 * decimals, so that every scaled amount is a whole number of cents and every total stays exact.
 */
import Decimal from 'decimal.js';
import type { Grid, GridSheet } from '../../src/layout/grid';
import { AMOUNT_FORMAT, PARAMS_SHEET } from '../sample/build-sample';
import { recalculateGrid } from '../sample/recalc';
import type { Departement } from './departements';

const SEED_NAME = 'Pas-de-Calais';

/** A size factor between 0,05 and 1,94 from the code; the Pas-de-Calais keeps its own figures. */
export function scaleFactor(d: Departement): Decimal {
  if (d.code === '62') return new Decimal(1);
  let h = 0;
  for (const ch of d.code) h = (h * 31 + ch.charCodeAt(0)) % 9973;
  return new Decimal(5 + ((h * 37) % 190)).div(100);
}

export function departementGrid(clean: Grid, d: Departement, factor: Decimal): Grid {
  const grid = cloneGrid(clean);
  for (const sheet of grid.sheets) {
    for (const cols of sheet.rows.values()) {
      for (const cell of cols.values()) {
        if (cell.formula === undefined && typeof cell.value === 'number' && cell.numFmt === AMOUNT_FORMAT) {
          cell.value = new Decimal(cell.value.toString()).times(factor).toNumber();
        } else if (typeof cell.value === 'string' && cell.value.includes(SEED_NAME)) {
          cell.value = cell.value.split(SEED_NAME).join(d.name);
        }
      }
    }
  }
  const params = grid.sheets.find((s) => s.name === PARAMS_SHEET);
  for (const cols of params?.rows.values() ?? []) {
    if (cols.get(1)?.value === 'Code département') cols.set(2, { value: /^\d+$/.test(d.code) ? Number(d.code) : d.code });
  }
  recalculateGrid(grid);
  return grid;
}

/**
 * A deep copy of a grid. Not structuredClone: under Jest the copy's Dates would come from another
 * realm and fail `instanceof Date` in ExcelJS, which would then write dates as garbage.
 */
export function cloneGrid(grid: Grid): Grid {
  return {
    sheets: grid.sheets.map((s): GridSheet => ({
      ...s,
      rows: new Map([...s.rows].map(([r, cols]) => [r, new Map([...cols].map(([c, cell]) => [c, { ...cell, value: cell.value instanceof Date ? new Date(cell.value.getTime()) : cell.value }]))])),
      merges: s.merges.map((m) => ({ ...m })),
      ...(s.columnWidths ? { columnWidths: new Map(s.columnWidths) } : {}),
    })),
  };
}
