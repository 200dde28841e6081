/**
 * The write plans of `annexes fill` and of the add-in's pane (same three functions, same
 * signatures): pure functions of a grid and its analysis, applied by an adapter.
 */
export { planDerivedFormulas } from './derived-formulas';
export { planVoletTemplates } from './volet-templates';
export { planControlsSheet, CONTROLS_SHEET } from './controls-sheet';
export { applyPlanToGrid } from './apply-plan';
export { mergePlans } from './merge-plans';
export { voletSheetName } from './volet-sections';
export { planFill, type FillPlans } from './plan-fill';
export { claimToolSheets, isToolSheet, type ToolSheetRename } from './tool-sheets';
