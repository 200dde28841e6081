import type { Grid } from './grid';
import { readAnnexWorkbook } from './read-workbook';
import { checkWorkbook } from '../domain/check';
import type { Finding } from '../domain/finding';
import { type AnnexWorkbook, type CheckOptions, type OptionOverrides, resolveOptions } from '../domain/workbook';

export interface Analysis {
  workbook: AnnexWorkbook;
  options: CheckOptions;
  findings: Finding[];
}

/** Reads the annex tables of a grid and runs the rule catalogue: the one entry point of every app. */
export function analyseGrid(grid: Grid, overrides: OptionOverrides = {}): Analysis {
  const workbook = readAnnexWorkbook(grid);
  const options = resolveOptions(workbook.params, overrides);
  return { workbook, options, findings: checkWorkbook(workbook, options) };
}
