import { columnLabel } from '../columns';
import type { Finding } from '../finding';
import { type Money, formatEuro, toCents } from '../money';
import type { AnnexTable, TableRow } from '../table';
import type { Rule } from './rule';
import { executionNotFilled } from './cls-blocks';
import { findingAt, rowPlace } from './report';

/**
 * CLS art. 5 and FT art. 8: « L'État contrôle à l'issue de la convention que la contribution
 * financière n'excède pas le coût de la mise en œuvre de l'action. »
 * - planning blocks: State amount ≤ the action's budget (A ≤ F; I ≤ M; État ≤ Montant de l'action);
 * - exécution: State money kept (versés − report part État) ≤ total realised (A + C), once the bilan
 *   is filled in (a blank exécution is reported by UNDERSPEND).
 */
export const stateExceedsCost: Rule = {
  id: 'STATE-EXCEEDS-COST',
  severity: 'error',
  article: 'CLS art. 5 ; FT art. 8',
  title: 'Contribution de l’État supérieure au coût de l’action',
  check(ctx) {
    const out: Finding[] = [];
    for (const table of ctx.workbook.tables) {
      const pair = PAIRS[table.kind];
      if (!pair) continue;
      if (table.kind === 'cls-execution' && executionNotFilled(table)) continue;
      for (const row of table.rows) {
        if (row.kind !== 'detail') continue;
        const state = pair.state(row);
        const cost = pair.cost(row);
        const cell = row.amounts[pair.anchor];
        if (!state || !cost || !cell || toCents(state).lte(toCents(cost))) continue;
        out.push(
          findingAt({ ...this, article: pair.article }, cell.ref, `${rowPlace(table, row)} : ${pair.stateText} (${formatEuro(state)}) dépasse ${pair.costText} (${formatEuro(cost)}) de ${formatEuro(state.minus(cost))}.`, {
            expected: cost,
            actual: state,
          }),
        );
      }
    }
    return out;
  },
};

interface Pair {
  anchor: string;
  state: (r: TableRow) => Money | null | undefined;
  cost: (r: TableRow) => Money | null | undefined;
  stateText: string;
  costText: string;
  article: string;
}

const v = (k: string) => (r: TableRow) => r.amounts[k]?.value;

const PAIRS: Partial<Record<AnnexTable['kind'], Pair>> = {
  'cls-forecast': { anchor: 'stateNotified', state: v('stateNotified'), cost: v('totalBudget'), stateText: 'la participation État', costText: `le budget global (${columnLabel('cls-forecast', 'totalBudget')})`, article: 'CLS art. 5' },
  'cls-recap': { anchor: 'stateBudgetNext', state: v('stateBudgetNext'), cost: v('totalBudgetNext'), stateText: 'le budget total État n+1', costText: 'le budget global n+1', article: 'CLS art. 5' },
  'cls-execution': {
    anchor: 'statePaid',
    state: (r) => {
      const paid = r.amounts.statePaid?.value;
      const carried = r.amounts.carryOverState?.value;
      return paid && carried !== null ? paid.minus(carried ?? 0) : null;
    },
    cost: (r) => {
      const a = r.amounts.stateSpent?.value;
      const c = r.amounts.cdSpent?.value;
      return a && c ? a.plus(c) : null;
    },
    stateText: 'la contribution État conservée (versés − report part État)',
    costText: 'le coût réalisé de l’action (A + C)',
    article: 'CLS art. 5',
  },
  'ft-action-plan': { anchor: 'state', state: v('state'), cost: v('total'), stateText: 'la part État', costText: 'le montant de l’action', article: 'FT art. 8' },
};
