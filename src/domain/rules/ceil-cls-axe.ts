import type { Finding } from '../finding';
import { type Money, ZERO, formatEuro, sameCents } from '../money';
import type { AnnexTable } from '../table';
import type { Rule } from './rule';
import { conventionYears } from '../periods';
import { findingAt, tableRef } from './report';

/** One column of a block compared with the year's notified amounts, and how its message names it. */
interface Spec {
  key: string;
  year: number;
  what: string;
  /** Paid columns: no info when the Paramètres are silent (the prévisionnel's info says it once). */
  paid?: boolean;
}

/**
 * CLS art. 2.2 and 3: the State amounts per axe (1 659 288 / 1 010 000 / 673 260 in 2024) and in
 * total (3 342 548). Checked on the prévisionnel (A), on the récapitulatif's notified n+1 (H), and
 * on the credits paid in year n when no prévisionnel n says what was notified (exécution n « Crédits
 * État versés », else récapitulatif n A: the year's contribution « est versée en totalité », then
 * « déterminée par avenant »), against the "CLS État
 * notifié <année> axe <n> / total" keys of the Paramètres sheet — the avenants' amounts. The sums
 * are recomputed from the action rows, so a wrong Sous total cell does not hide a breach.
 */
export const ceilClsAxe: Rule = {
  id: 'CEIL-CLS-AXE',
  severity: 'error',
  article: 'CLS art. 2.2, art. 3',
  title: 'Montants État par axe différents des montants notifiés',
  check(ctx) {
    const out: Finding[] = [];
    const notified = ctx.workbook.params.clsNotified;
    // A year outside the convention has nothing to notify: CLS-YEARS says so.
    const years = conventionYears(ctx.workbook.params, 'CLS');
    const has = (kind: string, year: number) => ctx.workbook.tables.some((t) => t.kind === kind && t.year === year);
    for (const table of ctx.workbook.tables) {
      for (const spec of specsOf(table, has)) {
        if (!table.columns.some((c) => c.key === spec.key) || !years.includes(spec.year)) continue;
        const stated = notified.get(spec.year);
        if (!stated) {
          if (!spec.paid) {
            out.push(findingAt(this, tableRef(table), `« ${table.title} » : montants notifiés ${spec.year} non contrôlés, la feuille Paramètres n’indique pas « CLS État notifié ${spec.year} axe n / total ».`, { severity: 'info' }));
          }
          continue;
        }
        out.push(...compare(this, table, spec, stated));
      }
    }
    return out;
  },
};

/**
 * The columns a block compares. Credits paid in n are compared only where nothing upstream is: with
 * a prévisionnel n, CROSS-BLOCK ties versés to its A (checked here); with an exécution n, it ties the
 * récapitulatif's A to the exécution's versés — one finding per breach, not one per block.
 */
function specsOf(table: AnnexTable, has: (kind: string, year: number) => boolean): Spec[] {
  const y = table.year;
  if (y === null) return [];
  const paid = (year: number): Spec[] => (has('cls-forecast', year) ? [] : [{ key: 'statePaid', year, what: `les crédits État versés en ${year}`, paid: true }]);
  if (table.kind === 'cls-forecast') return [{ key: 'stateNotified', year: y, what: `la participation État ${y}` }];
  if (table.kind === 'cls-execution') return paid(y);
  if (table.kind === 'cls-recap') return [{ key: 'stateNotifiedNext', year: y + 1, what: `la participation État ${y + 1}` }, ...(has('cls-execution', y) ? [] : paid(y))];
  return [];
}

function compare(rule: Rule, table: AnnexTable, spec: Spec, stated: Map<string, Money>): Finding[] {
  const { key, year } = spec;
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
      findingAt(rule, anchorFor(axe === 'total' ? null : axe), `« ${table.title} » : ${what} — ${spec.what} des actions totalise${spec.paid ? 'nt' : ''} ${formatEuro(actual)} alors que le montant notifié ${year} est de ${formatEuro(expected)} (écart ${formatEuro(actual.minus(expected))}).`, {
        expected,
        actual,
      }),
    );
  }
  return out;
}
