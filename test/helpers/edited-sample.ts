/**
 * The sample as an officer corrects it, for the comparison of two versions (`annexes diff`, the
 * pane's « Comparer avec une version précédente »): three edits — the Delta of volet 2 « Action 2 »
 * corrected to 330 places, fiche 1.3's second sub-action set to 53 560 €, fiche 2.6's CD share raised
 * to 1 051 146 € in the Plan d'action — and the Plan d'action moved down 3 rows and right 2 columns.
 */
import { buildSampleGrid } from '../../scripts/sample/build-sample';
import { FICHE_BUDGET_SHEET } from '../../scripts/sample/fiche-budgets';
import { type Grid, getCell, setCell } from '../../src/layout/grid';
import { applyInsertions } from '../fixtures/grid-moves';
import { FT, PLAN } from './sample';

/** Changes a cell's value, keeping its format (and formula: the cached value is what a reader sees). */
function edit(grid: Grid, sheet: string, row: number, col: number, value: string | number): void {
  const s = grid.sheets.find((x) => x.name === sheet)!;
  setCell(s, row, col, { ...getCell(s, row, col), value });
}

/** The three edits and the move, made on `grid` (the sample, built or read from its file). */
export function withSampleEdits(grid: Grid): Grid {
  edit(grid, FT, 18, 6, '330 places');
  edit(grid, FICHE_BUDGET_SHEET, 45, 2, 53560);
  edit(grid, PLAN, 8, 5, 1051146);
  const i = grid.sheets.findIndex((s) => s.name === PLAN);
  grid.sheets[i] = applyInsertions({ sheets: [grid.sheets[i]] }, [
    { axis: 'row', at: 1, count: 3 },
    { axis: 'col', at: 1, count: 2 },
  ]).sheets[0];
  return grid;
}

export function editedSample(): Grid {
  return withSampleEdits(buildSampleGrid());
}
