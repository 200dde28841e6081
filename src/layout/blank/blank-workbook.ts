import { analyseGrid } from '../analyse';
import type { Grid } from '../grid';
import { applyPlanToGrid } from '../fill/apply-plan';
import { planDerivedFormulas } from '../fill/derived-formulas';
import { planVoletTemplates } from '../fill/volet-templates';
import { buildActionPlanSheet } from './blank-action-plan';
import { buildClsSheets } from './blank-cls';
import { buildFtPlanSheets } from './blank-ft-plan';
import { buildJournalSheet } from './blank-journal';
import { buildParamsSheet } from './blank-params';
import { buildFicheBudgetSheet } from './blank-fiche-budgets';
import type { BlankWorkbook, SheetSetup } from './sheet-setup';

/**
 * `annexes template`: an empty workbook in the official layout for year n, ready for a finance
 * officer — CLS « Tableau financier » (three blocks), FT plan de financement (three volets), « Plan
 * d'action », « Journal des dépenses », « Budgets des fiches », « Paramètres », and the volet 1/2/3
 * « Etat des dépenses ».
 * The sheets hold labels, headers and the row formulas; the totals and the « Etat des dépenses »
 * come from the same write plans as `annexes fill`, run on the blank model itself — so the model
 * is read by the engine exactly as a filled workbook will be.
 */
export function buildBlankWorkbook(year: number): BlankWorkbook {
  const sheets = [...buildClsSheets(year), ...buildFtPlanSheets(year), buildActionPlanSheet(), buildJournalSheet(year), buildFicheBudgetSheet(), buildParamsSheet(year)];
  let grid: Grid = { sheets: sheets.map((s) => s.sheet) };
  const setup: SheetSetup[] = sheets.map((s) => s.setup);
  const analysis = analyseGrid(grid);
  grid = applyPlanToGrid(grid, planDerivedFormulas(grid, analysis));
  const volets = planVoletTemplates(grid, analyseGrid(grid));
  grid = applyPlanToGrid(grid, volets);
  for (const s of volets.createSheets) {
    // The statement's title lines stay in view; its sections each repeat the header row.
    setup.push({ sheet: s.name, frozenRows: 2, frozenCols: 0, validations: [], lockedRows: [1, 2, 3] });
  }
  return { grid, setup };
}
