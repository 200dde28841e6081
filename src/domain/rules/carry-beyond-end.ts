import type { Finding } from '../finding';
import { formatEuro } from '../money';
import type { Rule } from './rule';
import { findingAt, rowPlace, tableRef } from './report';

const CLS_DEFAULT_END = 2027;
const FT_DEFAULT_END = new Date(Date.UTC(2024, 11, 31));

/**
 * CLS art. 5: « Le Conseil départemental veille à ce qu'il n'y ait aucun report des crédits au-delà
 * de la durée d'exécution de la présente convention » (31/12/2027, or « CLS date de fin »): no
 * carry-over out of the last year. FT (art. 2, 6): annual, no carry-over at all; the tables have
 * no carry-over column, so the check is that a plan de financement's period does not run past the
 * convention's end (31/12/2024, or « FT date de fin »).
 */
export const carryBeyondEnd: Rule = {
  id: 'CARRY-BEYOND-END',
  severity: 'error',
  article: 'CLS art. 5 ; FT art. 2, 6',
  title: 'Report au-delà de la fin de la convention',
  check(ctx) {
    const out: Finding[] = [];
    const params = ctx.workbook.params;
    const clsEnd = params.clsEnd ? params.clsEnd.getUTCFullYear() : CLS_DEFAULT_END;
    const ftEnd = params.ftEnd ?? FT_DEFAULT_END;
    for (const table of ctx.workbook.tables) {
      if ((table.kind === 'cls-execution' || table.kind === 'cls-recap') && table.year !== null && table.year >= clsEnd) {
        for (const row of table.rows) {
          if (row.kind !== 'detail') continue;
          for (const key of ['carryOverState', 'carryOverCd']) {
            const cell = row.amounts[key];
            if (!cell?.value || cell.value.isZero()) continue;
            out.push(
              findingAt({ ...this, article: 'CLS art. 5' }, cell.ref, `${rowPlace(table, row)} : report de ${formatEuro(cell.value)} en ${table.year + 1}, au-delà de la fin de la convention (31/12/${clsEnd}) ; aucun report n’est possible.`, {
                expected: '0.00',
                actual: cell.value,
              }),
            );
          }
        }
      }
      if (table.kind === 'ft-plan' && table.periodEnd && table.periodEnd.getTime() > ftEnd.getTime()) {
        out.push(
          findingAt({ ...this, article: 'FT art. 2, 6' }, tableRef(table), `${table.title} : la période se termine le ${fr(table.periodEnd)}, après la fin de la convention France Travail (${fr(ftEnd)}) ; la convention est annuelle et n’admet aucun report.`),
        );
      }
    }
    return out;
  },
};

function fr(d: Date): string {
  return `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`;
}
