import type { Finding } from '../finding';
import { formatEuro, formatPercent, percent } from '../money';
import type { AnnexTable } from '../table';
import type { Rule } from './rule';
import { clsYears, executionNotFilled } from './cls-blocks';
import { findingAt, rowPlace, tableRef } from './report';

/**
 * CLS art. 2.2: « Une partie des crédits peut être réduite l'année suivante (année n+1), si
 * l'exécution comptable des actions en année n fait état d'une sous-consommation manifeste… ».
 * "Manifeste" is not quantified: the threshold is a setting (default 80 % of the State credits
 * paid; « Seuil de sous-consommation » in Paramètres, --underspend-threshold). Warning, not error:
 * the article allows a justification. Rate = État réalisé / versés (exécution), or (A − B) / A
 * (récapitulatif, when there is no exécution block for the year).
 */
export const underspend: Rule = {
  id: 'UNDERSPEND',
  severity: 'warning',
  article: 'CLS art. 2.2',
  title: 'Sous-consommation des crédits',
  check(ctx) {
    const out: Finding[] = [];
    const threshold = ctx.options.underspendThreshold.times(100);
    for (const y of clsYears(ctx.workbook)) {
      const block = y.execution ?? y.recap;
      if (!block) continue;
      if (block.kind === 'cls-execution' && executionNotFilled(block)) {
        out.push(
          findingAt(this, tableRef(block), `« ${block.title} » : aucun montant réalisé n’est saisi (colonnes « Montant État réalisé » et « Montant CD réalisé » vides ou à zéro) ; la consommation ${y.year} ne peut pas être mesurée.`, {
            severity: 'info',
          }),
        );
        continue;
      }
      out.push(...rates(this, block, threshold));
    }
    return out;
  },
};

function rates(rule: Rule, block: AnnexTable, threshold: ReturnType<typeof percent> & object): Finding[] {
  const out: Finding[] = [];
  for (const row of block.rows) {
    if (row.kind !== 'detail') continue;
    const paid = row.amounts.statePaid?.value;
    const spent =
      block.kind === 'cls-execution'
        ? row.amounts.stateSpent?.value
        : row.amounts.stateUnspent?.value && paid
          ? paid.minus(row.amounts.stateUnspent.value)
          : null;
    if (!paid || !spent) continue;
    const rate = percent(spent, paid);
    if (rate === null || rate.gte(threshold)) continue;
    const cell = block.kind === 'cls-execution' ? row.amounts.stateSpent : row.amounts.stateUnspent;
    out.push(
      findingAt(rule, cell!.ref, `${rowPlace(block, row)} : ${formatEuro(spent)} consommés sur ${formatEuro(paid)} versés, soit ${formatPercent(rate)} (seuil ${formatPercent(threshold)}) ; l’État peut réduire les crédits de l’année suivante.`, {
        expected: paid.times(threshold).div(100),
        actual: spent,
      }),
    );
  }
  return out;
}
