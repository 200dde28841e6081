import type { Finding } from '../finding';
import { type Money, formatEuro, formatPercent, percent, toCents } from '../money';
import type { AnnexTable, TableRow } from '../table';
import type { Rule } from './rule';
import { findingAt, rowPlace } from './report';

/**
 * CLS art. 2.2: « Il s'engage à apporter au moins 50 % des crédits dévolus à chaque action
 * contractualisée. » Reading applied by default: CD credits ≥ 50 % of the action's whole budget
 * (State + CD + other funders, F = A+B+C); option clsCofiBase 'state-cd' uses State + CD only.
 * Checked on the prévisionnel (B / F) and on the récapitulatif's n+1 budget (K / M).
 */
export const cofiClsAction: Rule = {
  id: 'COFI-CLS-ACTION',
  severity: 'error',
  article: 'CLS art. 2.2',
  title: 'Part du Département inférieure à 50 % d’une action',
  check(ctx) {
    const out: Finding[] = [];
    const { minCdShare, clsCofiBase } = ctx.options;
    for (const table of ctx.workbook.tables) {
      const keys =
        table.kind === 'cls-forecast'
          ? { cd: 'cdAllocated', state: 'stateNotified', other: 'otherFunders', year: table.year }
          : table.kind === 'cls-recap'
            ? { cd: 'cdBudgetNext', state: 'stateBudgetNext', other: 'otherFundersNext', year: table.year ? table.year + 1 : null }
            : null;
      if (!keys) continue;
      for (const row of table.rows) {
        if (row.kind !== 'detail') continue;
        const f = check(table, row, keys, clsCofiBase, minCdShare);
        if (f) out.push(findingAt(this, f.ref, f.message, { expected: f.expected, actual: f.actual }));
      }
    }
    return out;
  },
};

function check(
  table: AnnexTable,
  row: TableRow,
  keys: { cd: string; state: string; other: string; year: number | null },
  base: 'total' | 'state-cd',
  min: Money,
) {
  const cdCell = row.amounts[keys.cd];
  const cd = cdCell?.value;
  const state = row.amounts[keys.state]?.value;
  const other = row.amounts[keys.other]?.value ?? null;
  if (!cdCell || !cd || !state) return null;
  const whole = base === 'total' && other ? state.plus(cd).plus(other) : state.plus(cd);
  const share = percent(cd, whole);
  if (share === null || share.gte(min.times(100))) return null;
  const expected = toCents(whole.times(min));
  const reading = base === 'total' ? 'État + CD + autres financeurs' : 'État + CD';
  return {
    ref: cdCell.ref,
    expected,
    actual: cd,
    message:
      `${rowPlace(table, row)} : le Département apporte ${formatEuro(cd)} sur ${formatEuro(whole)} (${reading}), ` +
      `soit ${formatPercent(share)} ; il doit apporter au moins ${formatPercent(min.times(100))} des crédits de chaque action (${formatEuro(expected)}).`,
  };
}
