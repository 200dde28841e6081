import { computeFtBilan, journalExpenses } from '../../domain/ft-bilan';
import { ftPeriod } from '../../domain/rules/exp-period';
import type { Analysis } from '../analyse';
import type { Grid } from '../grid';
import type { WritePlan } from '../write-plan';
import { type StatementTotals, planBilanSheet } from './bilan-sheet';
import { VoletStatement } from './volet-statement';

export { VOLET_HEADERS, VOLET_NOTE } from './volet-statement';

/**
 * « Remplir les volets » (the pane) and the statements part of `annexes fill`: the documents of the
 * France Travail bilan financier final, rebuilt from the workbook's data at every fill (the sheets
 * are the tool's; expenses are typed in the « Journal des dépenses »):
 * - the volet 1, 2 and 3 « Etat des dépenses » (FT annexe 3, the model of art. 3.2), one sheet
 *   each (volet-statement.ts), the expenses a check excludes set apart;
 * - the « Bilan financier FT » (bilan-sheet.ts): per volet the notified amount, the eligible
 *   expenses and the State contribution retained; volet 2's realised co-financing; the advance and
 *   the balance or the overpayment — live formulas over the statements and the Paramètres.
 * Text copied from user cells is written as values: the adapters keep text starting with « = » as text.
 */
export function planVoletTemplates(grid: Grid, analysis: Analysis): WritePlan {
  const ctx = { workbook: analysis.workbook, options: analysis.options };
  const period = ftPeriod(ctx);
  const department = analysis.workbook.params.department;
  const bilan = computeFtBilan(ctx);
  const expenses = bilan?.expenses ?? journalExpenses(ctx);
  const plan: WritePlan = { description: '', createSheets: [], writes: [], styles: [] };
  const totals: StatementTotals[] = [];
  for (const volet of [1, 2, 3] as const) {
    const st = new VoletStatement(grid, volet, period, department).build(expenses.filter((e) => e.volet === volet));
    plan.createSheets.push(st.sheet);
    plan.writes.push(...st.writes);
    plan.styles?.push(...st.styles);
    totals.push({ volet, totalRow: st.totalRow, excludedRow: st.excludedRow });
  }
  const parts = [`${expenses.length} dépense${expenses.length > 1 ? 's' : ''} du journal`];
  const excluded = expenses.filter((e) => e.exclusions.length > 0 && e.kept === null).length;
  if (excluded) parts.push(`${excluded} écartée${excluded > 1 ? 's' : ''} (inéligible ou hors période)`);
  if (bilan) {
    const b = planBilanSheet(grid, bilan, analysis.options, totals, department);
    plan.createSheets.push(b.sheet);
    plan.writes.push(...b.writes);
    plan.styles?.push(...b.styles);
  }
  plan.description = `États des dépenses des volets 1, 2 et 3${bilan ? ' et bilan financier France Travail' : ''} : ${parts.join(', ')}.`;
  return plan;
}
