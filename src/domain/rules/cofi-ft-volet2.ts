import { volet2Cofinancing, volet2Compliant } from '../cofinancing';
import type { Finding } from '../finding';
import { formatEuro, formatPercent, toCents } from '../money';
import type { AnnexTable, TableRow } from '../table';
import type { Rule } from './rule';
import { findingAt, tableRef as tableRefOf } from './report';

/**
 * FT art. 3.3: « Il participe à hauteur de 50% du coût total des actions inscrites au volet 2 au
 * titre du co-financement avec l'État. » The rapport says it is global over volet 2. Read from the
 * Plan d'action (the plan de financement holds only the State share). By default the FSE+
 * « valorisation » of other funders is NOT CD money (it is EU money the CD only reports); the option
 * fseAsCd counts it. The message always says which reading was applied. The sums come from
 * volet2Cofinancing, which the pane's gauge also draws.
 */
export const cofiFtVolet2: Rule = {
  id: 'COFI-FT-VOLET2',
  severity: 'error',
  article: 'FT art. 3.3',
  title: 'Cofinancement du Département inférieur à 50 % du volet 2',
  check(ctx) {
    const plans = ctx.workbook.tables.filter((t) => t.kind === 'ft-action-plan');
    if (plans.length === 0) {
      const hasFt = ctx.workbook.tables.some((t) => t.kind === 'ft-plan' && t.volet === 2);
      return hasFt
        ? [findingAt(this, null, 'Cofinancement du volet 2 non contrôlé : le classeur n’a pas de feuille « Plan d’action » (FA, État, Conseil départemental, Autres financeurs, Montant de l’action) ; le plan de financement ne porte que la part de l’État.', { severity: 'info' })]
        : [];
    }
    const out: Finding[] = [];
    const min = ctx.options.minCdShare;
    for (const plan of plans) {
      const info = (message: string) => out.push(findingAt(this, tableRefOf(plan), message, { severity: 'info' }));
      if (!plan.columns.some((c) => c.key === 'volet')) {
        info('Cofinancement du volet 2 non contrôlé : le « Plan d’action » n’a pas de colonne « Volet » pour distinguer les actions du volet 2.');
        continue;
      }
      const cofi = volet2Cofinancing(plan, ctx.options);
      if (!cofi) {
        info('Cofinancement du volet 2 non contrôlé : aucune action du « Plan d’action » n’est rattachée au volet 2.');
        continue;
      }
      const { rows, fse, total, counted, share } = cofi;
      if (rows.some((r) => ['cd', 'total', 'other'].some((k) => r.amounts[k]?.value === null))) continue; // CELL-* reports it
      const canSeeFse = plan.columns.some((c) => c.key === 'otherNature');
      if (share === null || volet2Compliant(cofi, min)) continue;
      const expected = toCents(total.times(min));
      const reading = !canSeeFse
        ? 'Lecture appliquée : sans colonne « Nature des autres financements », la valorisation FSE+ ne peut pas être identifiée et n’est pas comptée.'
        : ctx.options.fseAsCd
          ? `Lecture appliquée : la valorisation FSE+ (${formatEuro(fse)}) est comptée comme part du Département.`
          : `Lecture appliquée : la valorisation FSE+ (${formatEuro(fse)}) n’est pas comptée comme part du Département ` +
            '(option --fse-as-cd, ou paramètre « FSE+ valorisation comptée comme CD », pour la compter).';
      out.push(
        findingAt(this, anchor(plan, rows), `Volet 2 : le Département finance ${formatEuro(counted)} sur un coût total de ${formatEuro(total)}, soit ${formatPercent(share)} ` +
          `(minimum ${formatPercent(min.times(100))}, soit ${formatEuro(expected)}). ${reading}`,
          { expected, actual: counted }),
      );
    }
    return out;
  },
};

/** The CD cell of the first volet-2 action: the TOTAL row also counts volet 1. */
function anchor(_plan: AnnexTable, rows: TableRow[]): { sheet: string; address: string } | null {
  return rows[0].amounts.cd?.ref ?? null;
}
