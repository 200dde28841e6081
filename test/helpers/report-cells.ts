/** Comparing a report workbook read back with the plan that wrote it (report-command tests). */
import Decimal from 'decimal.js';
import { type Grid, getCell } from '../../src/layout/grid';
import type { CellWrite } from '../../src/layout/write-plan';

export function cellOf(g: Grid, w: Pick<CellWrite, 'sheet' | 'row' | 'col'>) {
  const s = g.sheets.find((x) => x.name === w.sheet);
  return s ? getCell(s, w.row, w.col) : undefined;
}

/** Same figure: amounts to the cent, rates to 1e-9, blanks as blanks. */
export function same(actual: unknown, expected: unknown, numFmt: string | undefined): boolean {
  const blank = (v: unknown) => v === null || v === undefined || v === '';
  if (blank(expected)) return blank(actual);
  if (typeof expected !== 'number' || typeof actual !== 'number') return actual === expected;
  if (numFmt?.includes('%')) return Math.abs(actual - expected) < 1e-9;
  const cents = (n: number) => new Decimal(n.toString()).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
  return cents(actual).eq(cents(expected));
}
