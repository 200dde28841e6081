import type { OptionOverrides } from '../../domain/workbook';
import { type Analysis, analyseGrid } from '../analyse';
import type { Grid } from '../grid';
import type { WritePlan } from '../write-plan';
import { applyPlanToGrid } from './apply-plan';
import { planControlsSheet } from './controls-sheet';
import { planDerivedFormulas } from './derived-formulas';
import { mergePlans } from './merge-plans';
import { planVoletTemplates } from './volet-templates';
import { type ToolSheetRename, claimToolSheets } from './tool-sheets';

export interface FillPlans {
  derived: WritePlan;
  volets: WritePlan;
  controls: WritePlan;
  /** The three as one plan, in that order. */
  plan: WritePlan;
  /** The workbook as the plan leaves it, and its findings (those the « Contrôles » sheet lists). */
  filled: Grid;
  after: Analysis;
  /** The tool's sheets named otherwise because a sheet of the user holds their name (said in the descriptions). */
  renamed: ToolSheetRename[];
}

/**
 * What `annexes fill` writes: derived formulas and volet statements planned on the input, then the
 * « Contrôles » sheet planned on the workbook they produce, so it tells the state of the workbook
 * as written, not as it came in. A sheet of the user bearing the name of one of the tool's sheets
 * is kept: the tool's sheet takes another name (tool-sheets.ts).
 */
export function planFill(grid: Grid, overrides: OptionOverrides = {}): FillPlans {
  const analysis = analyseGrid(grid, overrides);
  const derived = planDerivedFormulas(grid, analysis);
  const volets = claimToolSheets(grid, planVoletTemplates(grid, analysis));
  const filled = applyPlanToGrid(applyPlanToGrid(grid, derived), volets.plan);
  const after = analyseGrid(filled, overrides);
  const controls = claimToolSheets(filled, planControlsSheet(after));
  return {
    derived,
    volets: volets.plan,
    controls: controls.plan,
    plan: mergePlans([derived, volets.plan, controls.plan]),
    filled: applyPlanToGrid(filled, controls.plan),
    after,
    renamed: [...volets.renamed, ...controls.renamed],
  };
}
