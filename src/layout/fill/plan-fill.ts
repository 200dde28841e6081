import type { OptionOverrides } from '../../domain/workbook';
import { type Analysis, analyseGrid } from '../analyse';
import type { Grid } from '../grid';
import type { WritePlan } from '../write-plan';
import { applyPlanToGrid } from './apply-plan';
import { planControlsSheet } from './controls-sheet';
import { planDerivedFormulas } from './derived-formulas';
import { mergePlans } from './merge-plans';
import { planVoletTemplates } from './volet-templates';

export interface FillPlans {
  derived: WritePlan;
  volets: WritePlan;
  controls: WritePlan;
  /** The three as one plan, in that order. */
  plan: WritePlan;
  /** The workbook as the plan leaves it, and its findings (those the « Contrôles » sheet lists). */
  filled: Grid;
  after: Analysis;
}

/**
 * What `annexes fill` writes: derived formulas and volet statements planned on the input, then the
 * « Contrôles » sheet planned on the workbook they produce, so it tells the state of the workbook
 * as written, not as it came in.
 */
export function planFill(grid: Grid, overrides: OptionOverrides = {}): FillPlans {
  const analysis = analyseGrid(grid, overrides);
  const derived = planDerivedFormulas(grid, analysis);
  const volets = planVoletTemplates(grid, analysis);
  const filled = applyPlanToGrid(applyPlanToGrid(grid, derived), volets);
  const after = analyseGrid(filled, overrides);
  const controls = planControlsSheet(after);
  return { derived, volets, controls, plan: mergePlans([derived, volets, controls]), filled: applyPlanToGrid(filled, controls), after };
}
