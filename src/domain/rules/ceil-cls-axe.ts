import type { Finding } from '../finding';
import { type Money, ZERO, formatEuro, sameCents } from '../money';
import type { AnnexTable } from '../table';
import type { Rule } from './rule';
import { findingAt, tableRef } from './report';

/**
 * CLS art. 2.2 and 3: the State amounts per axe (1 659 288 / 1 010 000 / 673 260 in 2024) and in
 * total (3 342 548). Checked on the prévisionnel (A) and on the récapitulatif's notified n+1 (H),
 * against the "CLS État notifié <année> axe <n> / total" keys of the Paramètres sheet. The sums are
 * recomputed from the action rows, so a wrong Sous total cell does not hide a breach.
 */
export const ceilClsAxe: Rule = {
  id: 'CEIL-CLS-AXE',
  severity: 'error',
  article: 'CLS art. 2.2, art. 3',
  title: 'Montants État par axe différents des montants notifiés',
  check(ctx) {
    const out: Finding[] = [];
    const notified = ctx.workbook.params.clsNotified;
    for (const table of ctx.workbook.tables) {
      const spec =
        table.kind === 'cls-forecast' ? { key: 'stateNotified', year: table.year } : table.kind === 'cls-recap' ? { key: 'stateNotifiedNext', year: table.year ? table.year + 1 : null } : null;
      if (!spec || spec.year === null || !table.columns.some((c) => c.key === spec.key)) continue;
      const stated = notified.get(spec.year);
      if (!stated) {
        out.push(findingAt(this, tableRef(table), `« ${table.title} » : montants notifiés ${spec.year} non contrôlés, la feuille Paramètres n’indique pas « CLS État notifié ${spec.year} axe n / total ».`, { severity: 'info' }));
        continue;
      }
      out.push(...compare(this, table, spec.key, spec.year, stated));
    }
    return out;
  },
};

function compare(rule: Rule, table: AnnexTable, key: string, year: number, stated: Map<string, Money>): Finding[] {
  const out: Finding[] = [];
  const perAxe = new Map<string, Money>();
  let total = ZERO;
  for (const row of table.rows) {
    if (row.kind !== 'detail') continue;
    const v = row.amounts[key]?.value;
    if (v === null || v === undefined) return []; // unreadable cell: reported by CELL-*
    perAxe.set(row.group ?? '?', (perAxe.get(row.group ?? '?') ?? ZERO).plus(v));
    total = total.plus(v);
  }
  const anchorFor = (axe: string | null) => {
    const sub = table.rows.find((r) => (axe === null ? r.kind === 'total' : r.kind === 'subtotal' && r.group === axe));
    return sub?.amounts[key]?.ref ?? tableRef(table);
  };
  for (const [axe, expected] of stated) {
    const actual = axe === 'total' ? total : perAxe.get(axe) ?? ZERO;
    if (sameCents(actual, expected)) continue;
    const what = axe === 'total' ? 'Total' : `Axe ${axe}`;
    out.push(
      findingAt(rule, anchorFor(axe === 'total' ? null : axe), `« ${table.title} » : ${what} — la participation État ${year} des actions totalise ${formatEuro(actual)} alors que le montant notifié est de ${formatEuro(expected)} (écart ${formatEuro(actual.minus(expected))}).`, {
        expected,
        actual,
      }),
    );
  }
  return out;
}
