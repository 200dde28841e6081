import type { Finding } from '../finding';
import { formatEuro, sameCents } from '../money';
import type { Rule } from './rule';
import { findingAt } from './report';
import { expensePlace, expenseRef, expenseRows } from './expense-journal';

const VOLETS = new Set(['1', '2', '3']);

/**
 * A journal line the « Etat des dépenses » cannot take as it is:
 * - Montant ≠ Nombre d'unités × coût unitaire (FT annexe 3: « Nombre d'unités | coût unitaire | …
 *   | Montant »). A product, so not a CALC-ROW derivation (those are signed sums of columns); checked
 *   only when the three cells hold amounts, to the cent. A lump sum (no nombre, no coût) is fine.
 * - no volet, or a volet other than 1, 2 or 3 (FT art. 4.1): the line would go into no statement.
 */
export const expLine: Rule = {
  id: 'EXP-LINE',
  severity: 'error',
  article: 'FT annexe 3',
  title: 'Ligne du journal des dépenses incohérente',
  check(ctx) {
    const out: Finding[] = [];
    for (const { table, row } of expenseRows(ctx)) {
      const place = expensePlace(table, row);
      const { count, unitCost, amount } = row.amounts;
      const filled = (c: typeof amount) => c && c.value !== null && c.kind !== 'empty';
      if (count && unitCost && amount && filled(count) && filled(unitCost) && filled(amount)) {
        const expected = count.value!.times(unitCost.value!);
        if (!sameCents(expected, amount.value!)) {
          out.push(
            findingAt(
              this,
              amount.ref,
              `${place} : le montant vaut ${formatEuro(amount.value!)} alors que Nombre d’unités × coût unitaire = ` +
                `${count.value!.toString().replace('.', ',')} × ${formatEuro(unitCost.value!)} = ${formatEuro(expected)} (écart ${formatEuro(amount.value!.minus(expected))}).`,
              { expected, actual: amount.value! },
            ),
          );
        }
      }
      const volet = row.texts?.volet;
      if (!volet || !VOLETS.has(volet)) {
        const shown = volet ? `le volet « ${volet} » n’existe pas (1, 2 ou 3)` : 'le volet n’est pas indiqué';
        out.push(
          findingAt({ ...this, article: 'FT art. 4.1' }, expenseRef(table, row, 'volet'), `${place} : ${shown} ; la dépense ne peut être reportée dans aucun état des dépenses.`, {
            expected: '1, 2 ou 3',
            actual: volet ?? '',
          }),
        );
      }
    }
    return out;
  },
};
