import type { Grid } from './grid';
import type { AnnexWorkbook } from '../domain/workbook';
import type { AnnexTable } from '../domain/table';
import { SheetView } from './sheet-view';
import { readClsBlocks } from './cls-reader';
import { readFtPlans } from './ft-plan-reader';
import { readActionPlans } from './action-plan-reader';
import { readExpenseJournal } from './journal-reader';
import { isFicheBudgetSheet, readFicheBudgets } from './fiche-budget-reader';
import { readParameters } from './params-reader';
import { normaliseText } from './text';

/** Sheet names that promise an annex table ("Tableau financier 2025", "Construction du plan de finance"). */
const PROMISES: { re: RegExp; expected: AnnexWorkbook['emptyAnnexSheets'][number]['expected'] }[] = [
  { re: /^tableau financier/, expected: 'cls' },
  { re: /^(construction du )?plan de financ/, expected: 'ft-plan' },
  { re: /^plan d.?action/, expected: 'ft-action-plan' },
  { re: /^journal\b/, expected: 'ft-expense-journal' },
  { re: /^budgets? (des |de la )?fiches?\b/, expected: 'fiche-budget' },
];

/** Finds every annex table of a workbook, wherever it sits, and the Paramètres. */
export function readAnnexWorkbook(grid: Grid): AnnexWorkbook {
  const views = grid.sheets.map((s) => new SheetView(s));
  const tables: AnnexTable[] = [];
  const emptyAnnexSheets: AnnexWorkbook['emptyAnnexSheets'] = [];
  for (const view of views) {
    // A « Budgets des fiches » sheet holds only fiche tables (its headers would read as a Plan d'action).
    const found = isFicheBudgetSheet(view.name)
      ? readFicheBudgets(view)
      : [...readClsBlocks(view), ...readFtPlans(view), ...readActionPlans(view), ...readExpenseJournal(view)];
    tables.push(...found);
    const name = normaliseText(view.name);
    for (const p of PROMISES) {
      if (!p.re.test(name)) continue;
      const kinds = p.expected === 'cls' ? ['cls-forecast', 'cls-execution', 'cls-recap'] : [p.expected];
      if (!found.some((t) => kinds.includes(t.kind))) emptyAnnexSheets.push({ sheet: view.name, expected: p.expected });
    }
  }
  return { sheetNames: grid.sheets.map((s) => s.name), tables, params: readParameters(views), emptyAnnexSheets };
}
