/**
 * One sheet as Office.js returns it (used range address, the four parallel arrays, merged areas)
 * → the engine's GridSheet. Pure, so it is tested without any Excel.
 */
import { type CellRange, type GridSheet, newSheet, setCell } from '../../layout/grid';
import { officeToGridCell } from './cell-values';
import { parseArea, splitSheetAddress } from './office-address';

export interface OfficeUsedRange {
  address: string;
  values: unknown[][];
  formulas: unknown[][];
  numberFormat: unknown[][];
}

export function officeSheetToGrid(name: string, visibility: string, used: OfficeUsedRange | null, mergeAddresses: string[]): GridSheet {
  const sheet = newSheet(name);
  sheet.state = visibility === 'Hidden' ? 'hidden' : visibility === 'VeryHidden' ? 'veryHidden' : 'visible';
  if (used) {
    const origin = parseArea(splitSheetAddress(used.address).area);
    if (!origin) throw new Error(`adresse de plage illisible : ${used.address}`);
    used.values.forEach((line, i) => {
      line.forEach((value, j) => {
        const cell = officeToGridCell({
          value,
          formula: used.formulas[i]?.[j],
          numberFormat: String(used.numberFormat[i]?.[j] ?? 'General'),
        });
        if (cell) setCell(sheet, origin.top + i, origin.left + j, cell);
      });
    });
  }
  sheet.merges = mergeAddresses
    .map((a) => parseArea(splitSheetAddress(a).area))
    .filter((m): m is CellRange => m !== null);
  return sheet;
}
