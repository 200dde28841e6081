import type { Finding } from '../finding';
import { conventionYears } from '../periods';
import { formatEuro } from '../money';
import type { AnnexTable } from '../table';
import type { Rule } from './rule';
import { clsYears } from './cls-blocks';
import { findingAt, rowPlace, tableRef } from './report';

/**
 * The CLS runs from 2024 to 2027 (art. 4; « CLS date de début / de fin » in Paramètres), and its
 * years follow one another: each year's récapitulatif plans the next (reports, amounts notified by
 * avenant), and nothing is planned or carried beyond the end (art. 5). This rule says when the
 * workbook's years break that chain:
 * - a block of a year outside the convention → error;
 * - the last year's récapitulatif planning new money for the year after the end (H, J, L ≠ 0) →
 *   error (its carry-overs F, G are CARRY-BEYOND-END's);
 * - a year missing between two years the workbook holds → info: that link of the chain (carry-overs,
 *   amounts notified, payments) cannot be checked.
 */
export const clsYearsRule: Rule = {
  id: 'CLS-YEARS',
  severity: 'error',
  article: 'CLS art. 4, art. 5',
  title: 'Années du CLS hors de la convention ou manquantes',
  check(ctx) {
    const out: Finding[] = [];
    const years = conventionYears(ctx.workbook.params, 'CLS');
    const [first, last] = [years[0], years[years.length - 1]];
    const blocks = clsYears(ctx.workbook);
    for (const y of blocks) {
      for (const t of [y.forecast, y.execution, y.recap]) {
        if (!t) continue;
        if (y.year < first || y.year > last) {
          out.push(findingAt(this, tableRef(t), `« ${t.title} » : l’année ${y.year} est hors de la période du CLS (${first}-${last}) ; aucun crédit de la convention ne peut y être prévu, versé ni reporté.`));
        }
      }
      if (y.recap && y.year === last) out.push(...plannedAfterEnd(this, y.recap, last));
    }
    const present = blocks.map((b) => b.year);
    for (let i = 0; i + 1 < present.length; i++) {
      const [a, b] = [present[i], present[i + 1]];
      if (b <= a + 1) continue;
      const gap = b === a + 2 ? `${a + 1}` : `${a + 1} à ${b - 1}`;
      out.push(findingAt({ ...this, severity: 'info' }, null, `CLS : aucun bloc pour ${gap}, entre ${a} et ${b} ; l’enchaînement des années (reports, montants notifiés, versements) n’est pas contrôlé sur cette période.`));
    }
    return out;
  },
};

const NEXT_YEAR_MONEY = ['stateNotifiedNext', 'cdAllocatedNext', 'otherFundersNext'];

function plannedAfterEnd(rule: Rule, recap: AnnexTable, last: number): Finding[] {
  const out: Finding[] = [];
  for (const row of recap.rows) {
    if (row.kind !== 'detail') continue;
    for (const key of NEXT_YEAR_MONEY) {
      const cell = row.amounts[key];
      if (!cell?.value || cell.value.isZero()) continue;
      out.push(
        findingAt(rule, cell.ref, `${rowPlace(recap, row)} : ${formatEuro(cell.value)} prévus pour ${last + 1}, après la fin du CLS (31/12/${last}) ; la convention ne finance rien au-delà.`, {
          expected: '0.00',
          actual: cell.value,
        }),
      );
    }
  }
  return out;
}
