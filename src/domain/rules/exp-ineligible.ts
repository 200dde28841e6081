import type { Finding } from '../finding';
import { ineligibleCategory } from '../ineligible-expenses';
import { formatEuro } from '../money';
import type { Rule } from './rule';
import { findingAt } from './report';
import { expensePlace, expenseRef, expenseRows } from './expense-journal';

/**
 * FT art. 4.2: overheads, staff mission costs, evaluation/training/project-management services and
 * investment other than IT development are not eligible for State money. The nature and objet of
 * each journal line are matched against the article's categories (src/domain/ineligible-expenses.ts);
 * a warning, since words can mislead (the finance officer confirms or moves the expense).
 */
export const expIneligible: Rule = {
  id: 'EXP-INELIGIBLE',
  severity: 'warning',
  article: 'FT art. 4.2',
  title: 'Dépense inéligible au financement de l’État',
  check(ctx) {
    const out: Finding[] = [];
    for (const { table, row } of expenseRows(ctx)) {
      const text = [row.texts?.nature, row.texts?.object].filter(Boolean).join(' ');
      const hit = text ? ineligibleCategory(text) : null;
      if (!hit) continue;
      const amount = row.amounts.amount?.value;
      const what = amount && !amount.isZero() ? `la dépense de ${formatEuro(amount)}` : 'la dépense';
      out.push(
        findingAt(
          this,
          expenseRef(table, row, row.texts?.nature ? 'nature' : 'object'),
          `${expensePlace(table, row)} : ${what} relève des ${hit.category.label} (« ${hit.matched} »), ` +
            'que l’État ne finance pas au titre de la convention France Travail ; à retirer de l’état des dépenses ou à justifier.',
          { actual: hit.category.short },
        ),
      );
    }
    return out;
  },
};
