import type { Grid } from './grid';
import type { AnnexWorkbook } from '../domain/workbook';
import type { AnnexTable } from '../domain/table';
import { SheetIndex, locateTables } from './reading';
import { TABLE_DEFINITIONS } from './definitions';
import { readClsBlocks } from './cls-reader';
import { readFtPlans } from './ft-plan-reader';
import { readActionPlans } from './action-plan-reader';
import { readExpenseJournal } from './journal-reader';
import { readFicheBudgets } from './fiche-budget-reader';
import { readParameters } from './params-reader';
import { normaliseText, shortLabel } from './text';

/** Sheet names that promise an annex table ("Tableau financier 2025", "Construction du plan de finance"). */
const PROMISES: { re: RegExp; expected: AnnexWorkbook['emptyAnnexSheets'][number]['expected'] }[] = [
  { re: /^tableau financier/, expected: 'cls' },
  { re: /^(construction du )?plan de financ/, expected: 'ft-plan' },
  { re: /^plan d.?action/, expected: 'ft-action-plan' },
  { re: /^journal\b/, expected: 'ft-expense-journal' },
  { re: /^budgets? (des |de la )?fiches?\b/, expected: 'fiche-budget' },
];

/** Title families whose table, found nowhere under the title, is reported (STRUCT-SHEET). */
const TITLED: Record<string, NonNullable<AnnexWorkbook['unreadTitles']>[number]['expected']> = {
  cls: 'cls',
  'ft-plan': 'ft-plan',
  'ft-action-plan': 'ft-action-plan',
};

/** Finds every annex table of a workbook, wherever it sits, and the Paramètres. */
export function readAnnexWorkbook(grid: Grid): AnnexWorkbook {
  const indexes = grid.sheets.map((s) => new SheetIndex(s));
  const tables: AnnexTable[] = [];
  const emptyAnnexSheets: AnnexWorkbook['emptyAnnexSheets'] = [];
  const unreadTitles: NonNullable<AnnexWorkbook['unreadTitles']> = [];
  for (const index of indexes) {
    // A « Budgets des fiches » sheet holds only fiche tables (definitions/fiche-budget.ts is exclusive there).
    const found = [...readClsBlocks(index), ...readFtPlans(index), ...readActionPlans(index), ...readExpenseJournal(index), ...readFicheBudgets(index)];
    tables.push(...found);
    const name = normaliseText(index.name);
    for (const p of PROMISES) {
      if (!p.re.test(name)) continue;
      const kinds = p.expected === 'cls' ? ['cls-forecast', 'cls-execution', 'cls-recap'] : [p.expected];
      if (!found.some((t) => kinds.includes(t.kind))) emptyAnnexSheets.push({ sheet: index.name, expected: p.expected });
    }
    for (const o of locateTables(index, TABLE_DEFINITIONS).orphanTitles) {
      const expected = TITLED[o.family];
      if (expected) unreadTitles.push({ sheet: index.name, address: index.ref(o.row, o.col).address, expected, title: shortLabel(o.text), ...(o.header ? { header: true } : {}), ...(o.noLabels ? { noLabels: true } : {}) });
    }
  }
  return { sheetNames: grid.sheets.map((s) => s.name), tables, params: readParameters(indexes), emptyAnnexSheets, unreadTitles };
}
