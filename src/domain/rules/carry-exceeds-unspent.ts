import type { Finding } from '../finding';
import { type Money, formatEuro, toCents } from '../money';
import type { AnnexTable, TableRow } from '../table';
import type { Rule } from './rule';
import { clsYears } from './cls-blocks';
import { findingAt, rowPlace, rowsByKey } from './report';

/**
 * A carry-over can only move credits that were not consumed (CLS annexe 3, art. 5):
 * exécution: report part État ≤ B (non consommés); report part CD ≤ CD affectés (prévisionnel n)
 * − CD réalisé; récapitulatif: F ≤ B and G ≤ D.
 */
export const carryExceedsUnspent: Rule = {
  id: 'CARRY-EXCEEDS-UNSPENT',
  severity: 'error',
  article: 'CLS art. 5',
  title: 'Report supérieur aux crédits non consommés',
  check(ctx) {
    const out: Finding[] = [];
    const add = (table: AnnexTable, row: TableRow, carryKey: string, unspent: Money | null | undefined, part: string, source: string) => {
      const cell = row.amounts[carryKey];
      const carry = cell?.value;
      // Only a positive carry-over can exceed anything: a blank report with over-spending is not a carry-over.
      if (!cell || !carry || !carry.gt(0) || unspent === null || unspent === undefined || toCents(carry).lte(toCents(unspent))) return;
      out.push(
        findingAt(this, cell.ref, `${rowPlace(table, row)} : le report ${part} (${formatEuro(carry)}) dépasse ${source} (${formatEuro(unspent)}).`, {
          expected: unspent,
          actual: carry,
        }),
      );
    };
    for (const y of clsYears(ctx.workbook)) {
      const forecastRows = y.forecast ? rowsByKey(y.forecast) : new Map<string, TableRow>();
      if (y.execution) {
        for (const row of y.execution.rows.filter((r) => r.kind === 'detail')) {
          add(y.execution, row, 'carryOverState', row.amounts.stateUnspent?.value, 'part État', 'les crédits État non consommés');
          const allocated = row.key ? forecastRows.get(row.key)?.amounts.cdAllocated?.value : undefined;
          const spent = row.amounts.cdSpent?.value;
          if (allocated && spent) add(y.execution, row, 'carryOverCd', allocated.minus(spent), 'part CD', 'les crédits CD affectés non réalisés');
        }
      }
      if (y.recap) {
        for (const row of y.recap.rows.filter((r) => r.kind === 'detail')) {
          add(y.recap, row, 'carryOverState', row.amounts.stateUnspent?.value, 'part État (F)', 'les crédits État non consommés (B)');
          add(y.recap, row, 'carryOverCd', row.amounts.cdUnspent?.value, 'part CD (G)', 'les crédits CD non consommés (D)');
        }
      }
    }
    return out;
  },
};
