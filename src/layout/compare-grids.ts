import type { Grid } from './grid';
import { analyseGrid } from './analyse';
import { type WorkbookDiff, diffWorkbooks } from '../domain/diff';
import type { OptionOverrides } from '../domain/workbook';

/**
 * What changed from one version of a workbook to another, each read and checked with the same
 * readings: the one entry point of `annexes diff` and of the pane's « Comparer avec une version
 * précédente » (the previous version read from the chosen file, the current one from Excel).
 */
export function compareGrids(before: Grid, after: Grid, overrides: OptionOverrides = {}): WorkbookDiff {
  return diffWorkbooks(analyseGrid(before, overrides), analyseGrid(after, overrides));
}
