import type { Finding } from '../finding';
import { type Money, formatEuro, formatPercent } from '../money';
import type { AnnexTable, TableRow } from '../table';
import type { Rule } from './rule';
import { findingAt, rowPlace } from './report';
import { clsActionCofinancing, clsCofiKeys } from '../cofinancing';

/**
 * CLS art. 2.2: « Il s'engage à apporter au moins 50 % des crédits dévolus à chaque action
 * contractualisée. » Reading applied by default: the CD's credits ≥ 50 % of all the credits of the
 * action, other funders included (B ≥ 50 % × (A + B + C) on the prévisionnel; K ≥ 50 % × (I + K + L)
 * on the récapitulatif's n+1 budget). Option clsCofiBase 'state-cd' (--cls-cofi-base etat-cd)
 * counts State + CD only. Compared in euros, to the cent: CD ≥ minimum share × base, rounded.
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
      const keys = clsCofiKeys(table.kind);
      if (!keys) continue;
      for (const row of table.rows) {
        if (row.kind !== 'detail') continue;
        const f = checkRow(table, row, keys, clsCofiBase, minCdShare);
        if (f) out.push(findingAt(this, f.ref, f.message, { expected: f.expected, actual: f.actual }));
      }
    }
    return out;
  },
};

function checkRow(table: AnnexTable, row: TableRow, keys: { cd: string; state: string; other: string }, base: 'total' | 'state-cd', min: Money) {
  const c = clsActionCofinancing(row, keys, base, min);
  if (!c || c.compliant) return null;
  const { cdRef, cd, whole, withOther, expected, share } = c;
  const reading = withOther ? 'État + CD + autres financeurs' : 'État + CD';
  return {
    ref: cdRef,
    expected,
    actual: cd,
    message:
      `${rowPlace(table, row)} : le Département apporte ${formatEuro(cd)} sur ${formatEuro(whole)} (${reading}), ` +
      `soit ${formatPercent(share)} ; il doit apporter au moins ${formatPercent(min.times(100))} des crédits de chaque action (${formatEuro(expected)}).`,
  };
}
