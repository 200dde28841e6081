import { type CellRange, type CellScalar, type GridSheet, newSheet, setCell } from '../../../src/layout/grid';

/** A sheet from rows of values (row 1 first, column A first; null or '' = no cell), with optional merges. */
export function sheetFrom(name: string, rows: (CellScalar | null)[][], merges: CellRange[] = []): GridSheet {
  const sheet = newSheet(name);
  rows.forEach((cells, r) =>
    cells.forEach((v, c) => {
      if (v !== null && v !== '') setCell(sheet, r + 1, c + 1, { value: v });
    }),
  );
  sheet.merges = merges;
  return sheet;
}
