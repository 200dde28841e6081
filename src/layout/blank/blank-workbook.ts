import { analyseGrid } from '../analyse';
import type { Grid, GridSheet } from '../grid';
import { applyPlanToGrid } from '../fill/apply-plan';
import { planDerivedFormulas } from '../fill/derived-formulas';
import { planVoletTemplates } from '../fill/volet-templates';
import { PrintedSheet } from '../printed-sheet';
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
 * d'action », « Journal des dépenses », « Budgets des fiches », « Paramètres », the volet 1/2/3
 * « Etat des dépenses » and the « Bilan financier FT ». The sheets hold labels, headers and the row
 * formulas; the totals, the « Etat des dépenses » and the bilan come from the same write plans as
 * `annexes fill`, run on the blank model itself — so the model is read by the engine exactly as a
 * filled workbook will be. Every sheet is styled and set up to print on A4, one page wide
 * (print-layout.ts).
 */
export function buildBlankWorkbook(year: number): BlankWorkbook {
  const sheets = [...buildClsSheets(year), ...buildFtPlanSheets(year), buildActionPlanSheet(), buildJournalSheet(year), buildFicheBudgetSheet(), buildParamsSheet(year)];
  let grid: Grid = { sheets: sheets.map((s) => s.sheet) };
  const setup: SheetSetup[] = sheets.map((s) => s.setup);
  const analysis = analyseGrid(grid);
  grid = applyPlanToGrid(grid, planDerivedFormulas(grid, analysis));
  for (const s of setup) printLayout(grid.sheets.find((g) => g.name === s.sheet) as GridSheet, s);
  const volets = planVoletTemplates(grid, analyseGrid(grid));
  grid = applyPlanToGrid(grid, volets);
  for (const s of volets.createSheets) {
    // The statement's title lines stay in view; its sections each repeat the header row.
    setup.push({
      sheet: s.name,
      frozenRows: 2,
      frozenCols: 0,
      validations: [],
      lockedRows: [1, 2, 3],
      styles: (volets.styles ?? []).filter((x) => x.sheet === s.name),
      ...(s.print ? { print: s.print } : {}),
      ...(s.rowHeights ? { rowHeights: s.rowHeights } : {}),
    });
  }
  return { grid, setup };
}

/** Row heights and page breaks of a model sheet, from its cells and styles; no print area (it grows). */
function printLayout(sheet: GridSheet, setup: SheetSetup): void {
  const w = new PrintedSheet(sheet.name, Object.fromEntries(sheet.columnWidths ?? []));
  for (const [r, cols] of sheet.rows) {
    for (const [c, cell] of cols) {
      if (cell.formula !== undefined) w.formula(r, c, cell.formula, cell.value);
      else w.value(r, c, cell.value);
    }
  }
  for (const m of sheet.merges) w.merge(m.top, m.left, m.right, m.bottom);
  for (const s of setup.styles ?? []) w.style(s.row, s.fromCol, s.toCol, s.style);
  for (const [first, last] of setup.keepTogether ?? []) w.keepTogether(first, last);
  const { sheet: planned } = w.toSheet({ orientation: setup.orientation ?? 'landscape', repeatRows: setup.repeatRows, printArea: false });
  setup.print = planned.print;
  setup.rowHeights = planned.rowHeights;
}
