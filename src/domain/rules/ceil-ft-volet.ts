import type { Finding } from '../finding';
import { formatEuro, sameCents } from '../money';
import type { Rule } from './rule';
import { findingAt } from './report';

/**
 * FT art. 4.1: 135 000 € for volet 1 (forfait), 4 125 892 € for volet 2, volet 3 by avenant. The
 * volet's TOTAL BESOINS must equal its PLAFOND DEPARTEMENT; the plafond must equal the amount the
 * Paramètres sheet states, when it states one.
 */
export const ceilFtVolet: Rule = {
  id: 'CEIL-FT-VOLET',
  severity: 'error',
  article: 'FT art. 4.1',
  title: 'Total d’un volet différent de son plafond',
  check(ctx) {
    const out: Finding[] = [];
    const params = ctx.workbook.params;
    for (const table of ctx.workbook.tables) {
      if (table.kind !== 'ft-plan' || table.volet === undefined) continue;
      if (table.ceiling && table.ceiling.value === null) continue; // unreadable plafond: reported by CELL-*
      const grand = table.grandTotalIndex !== undefined ? table.rows[table.grandTotalIndex] : undefined;
      const totalCell = grand?.amounts.amount;
      const sheetCeiling = table.ceiling && table.ceiling.kind !== 'empty' ? table.ceiling : undefined;
      const stated = params.ftCeilings.get(table.volet);
      const ceiling = sheetCeiling?.value ?? stated ?? null;
      const label = `Volet ${table.volet}`;
      if (sheetCeiling?.value && stated && !sameCents(sheetCeiling.value, stated)) {
        out.push(
          findingAt(this, sheetCeiling.ref, `${label} : le PLAFOND DEPARTEMENT (${formatEuro(sheetCeiling.value)}) diffère du montant de la feuille Paramètres (${formatEuro(stated)}).`, {
            expected: stated,
            actual: sheetCeiling.value,
          }),
        );
      }
      if (!totalCell || totalCell.value === null) continue;
      if (ceiling === null) {
        if (!totalCell.value.isZero()) {
          out.push(findingAt(this, totalCell.ref, `${label} : aucun plafond n’est indiqué (PLAFOND DEPARTEMENT vide, pas de paramètre « FT plafond volet ${table.volet} ») ; le total ${formatEuro(totalCell.value)} n’est pas contrôlé.`, { severity: 'info' }));
        }
        continue;
      }
      if (sameCents(totalCell.value, ceiling)) continue;
      out.push(
        findingAt(
          this,
          totalCell.ref,
          `${label} : TOTAL BESOINS DEPARTEMENTAUX = ${formatEuro(totalCell.value)} alors que le plafond est de ${formatEuro(ceiling)} (écart ${formatEuro(totalCell.value.minus(ceiling))}).`,
          { expected: ceiling, actual: totalCell.value },
        ),
      );
    }
    return out;
  },
};
