/**
 * Recomputes the cached values of the formulas the sample builders write — sums of same-sheet cells:
 * "D5+E5+F5", "E50-F50+G50", "SUM(D5:D9)", "SUM(G5:G7,G9:G10)+G12" — exactly, with decimal.js, as
 * Excel would after a recalculation. Generated workbooks change input cells (scaling, planted
 * faults) and must then carry the values Excel would show, or the checker would see stale caches
 * that no real workbook has. Anything else is refused: a builder that needs more must say so.
 */
import Decimal from 'decimal.js';
import { type Grid, type GridCell, type GridSheet, getCell, parseAddress } from '../../src/layout/grid';
import { parseFrenchAmount } from '../../src/domain/money';

const TERM = /^([+-])?\s*(SUM\(([^()]*)\)|\$?[A-Z]{1,3}\$?\d+|\d+(?:\.\d+)?)\s*/i;

export function recalculateGrid(grid: Grid): void {
  for (const sheet of grid.sheets) recalculateSheet(sheet);
}

export function recalculateSheet(sheet: GridSheet): void {
  const done = new Map<GridCell, Decimal | null>();
  const visiting = new Set<GridCell>();

  const valueOf = (row: number, col: number): Decimal | null => {
    const cell = getCell(sheet, row, col);
    if (!cell) return new Decimal(0);
    if (cell.formula !== undefined) return evaluate(cell);
    if (cell.error) return null;
    if (typeof cell.value === 'number') return new Decimal(cell.value.toString());
    if (typeof cell.value === 'string') return parseFrenchAmount(cell.value) ?? new Decimal(0);
    return new Decimal(0);
  };

  const evaluate = (cell: GridCell): Decimal | null => {
    if (done.has(cell)) return done.get(cell) ?? null;
    if (visiting.has(cell)) throw new Error(`circular formula =${cell.formula} in ${sheet.name}`);
    visiting.add(cell);
    const v = evaluateText(cell.formula as string, valueOf, sheet.name);
    visiting.delete(cell);
    done.set(cell, v);
    if (v === null) {
      cell.value = null;
      cell.error = '#VALUE!';
    } else {
      cell.value = v.toNumber();
      delete cell.error;
    }
    return v;
  };

  for (const cols of sheet.rows.values()) for (const cell of cols.values()) if (cell.formula !== undefined) evaluate(cell);
}

function evaluateText(formula: string, valueOf: (r: number, c: number) => Decimal | null, sheetName: string): Decimal | null {
  let rest = formula.trim();
  let total: Decimal | null = new Decimal(0);
  while (rest !== '') {
    const m = TERM.exec(rest);
    if (!m) throw new Error(`unsupported formula =${formula} in ${sheetName}`);
    const sign = m[1] === '-' ? -1 : 1;
    const term = m[3] !== undefined ? sumArgs(m[3], valueOf, formula) : single(m[2], valueOf);
    total = total === null || term === null ? null : total.plus(term.times(sign));
    rest = rest.slice(m[0].length);
  }
  return total;
}

function single(token: string, valueOf: (r: number, c: number) => Decimal | null): Decimal | null {
  const a = parseAddress(token);
  return a ? valueOf(a.row, a.col) : new Decimal(token);
}

function sumArgs(args: string, valueOf: (r: number, c: number) => Decimal | null, formula: string): Decimal | null {
  let total: Decimal | null = new Decimal(0);
  for (const part of args.split(',')) {
    const [from, to = from] = part.trim().split(':');
    const a = parseAddress(from);
    const b = parseAddress(to);
    if (!a || !b) throw new Error(`unsupported formula =${formula}`);
    for (let r = Math.min(a.row, b.row); r <= Math.max(a.row, b.row); r++) {
      for (let c = Math.min(a.col, b.col); c <= Math.max(a.col, b.col); c++) {
        const v = valueOf(r, c);
        total = total === null || v === null ? null : total.plus(v);
      }
    }
  }
  return total;
}
