import { columnLabel } from '../columns';
import type { Finding } from '../finding';
import { type Money, formatEuro, sameCents } from '../money';
import type { AnnexTable, TableRow } from '../table';
import type { Rule } from './rule';
import { clsYears } from './cls-blocks';
import { findingAt, rowsByKey } from './report';

/** One quantity read in two blocks: [block, column] pairs, or a computed right-hand side. */
interface Pair {
  left: [AnnexTable | undefined, string];
  right: [AnnexTable | undefined, string | ((row: TableRow) => Money | null), string?];
  why: string;
  article: string;
}

export const crossBlock: Rule = {
  id: 'CROSS-BLOCK',
  severity: 'error',
  article: 'CLS annexe 3',
  title: 'Même montant différent d’un bloc à l’autre',
  check(ctx) {
    const out: Finding[] = [];
    for (const y of clsYears(ctx.workbook)) {
      const cdSpentFromRecap = (r: TableRow) => {
        const c = r.amounts.cdAllocated?.value;
        const d = r.amounts.cdUnspent?.value;
        return c && d ? c.minus(d) : null;
      };
      const pairs: Pair[] = [
        { left: [y.execution, 'statePaid'], right: [y.forecast, 'stateNotified'], why: 'crédits versés et participation notifiée (versement en totalité)', article: 'CLS art. 3' },
        { left: [y.recap, 'statePaid'], right: [y.execution, 'statePaid'], why: 'crédits État versés', article: 'CLS annexe 3' },
        { left: [y.recap, 'stateUnspent'], right: [y.execution, 'stateUnspent'], why: 'crédits État non consommés', article: 'CLS annexe 3' },
        { left: [y.recap, 'totalSpent'], right: [y.execution, 'totalSpent'], why: 'montant total réalisé', article: 'CLS annexe 3' },
        { left: [y.recap, 'carryOverState'], right: [y.execution, 'carryOverState'], why: 'report part État', article: 'CLS art. 5' },
        { left: [y.recap, 'carryOverCd'], right: [y.execution, 'carryOverCd'], why: 'report part CD', article: 'CLS art. 5' },
        { left: [y.recap, 'cdAllocated'], right: [y.forecast, 'cdAllocated'], why: 'crédits CD affectés', article: 'CLS art. 2.2' },
        { left: [y.execution, 'cdSpent'], right: [y.recap, cdSpentFromRecap, 'C − D'], why: 'montant CD réalisé', article: 'CLS annexe 3' },
        { left: [y.nextForecast, 'stateNotified'], right: [y.recap, 'stateNotifiedNext'], why: 'participation État notifiée', article: 'CLS art. 2.2' },
        { left: [y.nextForecast, 'cdAllocated'], right: [y.recap, 'cdAllocatedNext'], why: 'crédits CD affectés', article: 'CLS art. 2.2' },
        // The chain n → n+1 without a prévisionnel n+1: what year n planned for n+1 (H, J) is what
        // n+1 paid and allocated (with one, the pairs above and those of year n+1 link them already).
        ...(y.nextForecast
          ? []
          : [
              { left: [y.nextExecution, 'statePaid'], right: [y.recap, 'stateNotifiedNext'], why: 'crédits versés et participation notifiée (versement en totalité)', article: 'CLS art. 3' } as Pair,
              { left: [y.nextExecution ? undefined : y.nextRecap, 'statePaid'], right: [y.recap, 'stateNotifiedNext'], why: 'crédits versés et participation notifiée (versement en totalité)', article: 'CLS art. 3' } as Pair,
              { left: [y.nextRecap, 'cdAllocated'], right: [y.recap, 'cdAllocatedNext'], why: 'crédits CD affectés', article: 'CLS art. 2.2' } as Pair,
            ]),
      ];
      for (const p of pairs) out.push(...comparePair(this, p));
      out.push(...missingActions(this, y.forecast, y.execution), ...missingActions(this, y.forecast, y.recap));
    }
    return out;
  },
};

function comparePair(rule: Rule, p: Pair): Finding[] {
  const [lt, lk] = p.left;
  const [rt, rk, rText] = p.right;
  if (!lt || !rt || !lt.columns.some((c) => c.key === lk)) return [];
  if (typeof rk === 'string' && !rt.columns.some((c) => c.key === rk)) return [];
  const out: Finding[] = [];
  const rightRows = rowsByKey(rt);
  for (const [key, lrow] of rowsByKey(lt)) {
    const rrow = rightRows.get(key);
    if (!rrow) continue; // reported once by missingActions
    const lcell = lrow.amounts[lk];
    const lv = lcell?.value;
    const rcell = typeof rk === 'string' ? rrow.amounts[rk] : undefined;
    const rv = typeof rk === 'string' ? rcell?.value : rk(rrow);
    if (!lcell || !lv || !rv || sameCents(lv, rv)) continue;
    const rName = typeof rk === 'string' ? `« ${columnLabel(rt.kind, rk)} » (${rcell?.ref.address})` : rText;
    out.push(
      findingAt(
        { ...rule, article: p.article },
        lcell.ref,
        `Action ${key}, ${p.why} : « ${lt.title} » indique ${formatEuro(lv)} (« ${columnLabel(lt.kind, lk)} ») ` +
          `mais « ${rt.title} » indique ${formatEuro(rv)} (${rName}).`,
        { expected: rv, actual: lv },
      ),
    );
  }
  return out;
}

/** An action listed in one block of a year and not in the other (warning: a row may have been lost). */
function missingActions(rule: Rule, a: AnnexTable | undefined, b: AnnexTable | undefined): Finding[] {
  if (!a || !b) return [];
  const out: Finding[] = [];
  const ka = rowsByKey(a);
  const kb = rowsByKey(b);
  for (const [from, to, rows, other] of [[a, b, ka, kb], [b, a, kb, ka]] as const) {
    for (const [key, row] of rows) {
      if (other.has(key)) continue;
      const first = Object.values(row.amounts).find((c) => c !== undefined);
      if (!first) continue;
      out.push(findingAt({ ...rule, severity: 'warning' }, first.ref, `Action ${key} : présente dans « ${from.title} » mais absente de « ${to.title} ».`));
    }
  }
  return out;
}
