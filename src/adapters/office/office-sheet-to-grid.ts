/**
 * One sheet as Office.js returns it (pieces of its used range: the four parallel arrays, and its
 * merged areas) → the engine's GridSheet. Pure, so it is tested without any Excel.
 */
import { type CellRange, type GridSheet, newSheet, setCell } from '../../layout/grid';
import { officeToGridCell } from './cell-values';

export interface OfficePiece {
  area: CellRange;
  values: unknown[][];
  formulas: unknown[][];
  numberFormat: unknown[][];
  /** Office.js's own word for each cell ("Error", "String"…): how errors are told from text. */
  valueTypes?: unknown[][];
}

export function officeSheetToGrid(name: string, visibility: string, pieces: OfficePiece[], merges: CellRange[], date1904 = false): GridSheet {
  const sheet = newSheet(name);
  sheet.state = visibility === 'Hidden' ? 'hidden' : visibility === 'VeryHidden' ? 'veryHidden' : 'visible';
  for (const p of pieces) {
    p.values.forEach((line, i) => {
      line.forEach((value, j) => {
        const cell = officeToGridCell(
          {
            value,
            formula: p.formulas[i]?.[j],
            numberFormat: String(p.numberFormat[i]?.[j] ?? 'General'),
            ...(p.valueTypes ? { valueType: String(p.valueTypes[i]?.[j] ?? '') } : {}),
          },
          date1904,
        );
        if (cell) setCell(sheet, p.area.top + i, p.area.left + j, cell);
      });
    });
  }
  sheet.merges = merges.map((m) => ({ ...m }));
  return sheet;
}
