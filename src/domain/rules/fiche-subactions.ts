import type { Finding } from '../finding';
import { ficheBudgets, ficheMoney, headersOf, isBlankBudgetRow, rowBudget, STATE_KEYS, totalRow, yearRows } from '../fiche-budget';
import { type Money, ZERO, formatEuro, sameCents } from '../money';
import type { Rule } from './rule';
import { findingAt } from './report';

/**
 * A fiche's sub-actions add up to its budget (seed §4 items 8–9: fiche 1.3's 40 000 + 53 500 =
 * 93 500 € for 93 560 €; fiche 4.2's 170 130 + 170 130 + 0 = 340 260 € for 680 520 €).
 * Reading: the seed gives sub-action amounts per year (1.1: 300 000 + 936 000 = 1 236 000, one
 * year's budget), so the sum is compared with the budget of the fiche's first budgeted year (its
 * Total cell, else the sum of its funders); a sum equal to the Total row (the whole period) is
 * accepted too. A sum equal to the year's State or CD share alone is said in the message.
 */
export const ficheSubactions: Rule = {
  id: 'FICHE-SUBACTIONS',
  severity: 'error',
  article: 'CLS annexe 2 ; FT annexe 1',
  title: 'Sous-actions d’une fiche différentes de son budget',
  check(ctx) {
    const out: Finding[] = [];
    for (const table of ficheBudgets(ctx.workbook)) {
      const subs = table.fiche?.subActions ?? [];
      const values = subs.map((s) => s.amounts.amount?.value ?? ZERO);
      if (subs.length === 0 || subs.some((s) => s.amounts.amount?.value === null)) continue; // unreadable: CELL-*
      const sum = values.reduce((a: Money, v) => a.plus(v), ZERO);
      const [year, row] = [...yearRows(table)].filter(([, r]) => !isBlankBudgetRow(r)).sort(([a], [b]) => a - b)[0] ?? [];
      if (year === undefined || !row) continue;
      const annual = rowBudget(table, row);
      const total = totalRow(table);
      const period = total && !isBlankBudgetRow(total) ? rowBudget(table, total) : null;
      if (annual === null || sameCents(sum, annual) || (period !== null && sameCents(sum, period))) continue;
      const money = ficheMoney(table, row);
      const terms = values.length > 1 && values.length <= 6 ? ` (${values.map(formatEuro).join(' + ')})` : '';
      let message =
        `${table.title} : ${subs.length > 1 ? `les ${subs.length} sous-actions totalisent` : 'la sous-action s’élève à'} ${formatEuro(sum)}${terms} ` +
        `alors que le budget ${year} de la fiche est de ${formatEuro(annual)} (écart ${formatEuro(sum.minus(annual))})`;
      if (money.state && !money.state.isZero() && sameCents(sum, money.state)) {
        message += ` ; c’est la seule part État ${year} (${headersOf(table, STATE_KEYS)}) : la part du Département n’est pas répartie entre les sous-actions`;
      } else if (money.cd && !money.cd.isZero() && sameCents(sum, money.cd)) {
        message += ` ; c’est la seule part du Département ${year} : la part de l’État n’est pas répartie entre les sous-actions`;
      }
      out.push(findingAt(this, subs[0].amounts.amount!.ref, `${message}.`, { expected: annual, actual: sum }));
    }
    return out;
  },
};
