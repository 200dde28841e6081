import { columnLabel } from '../columns';
import type { Finding } from '../finding';
import { formatEuro } from '../money';
import type { AnnexTable } from '../table';
import type { Rule } from './rule';
import { cellIndex } from './cell-kind';
import { findingAt, rowPlace } from './report';

/**
 * Every amount of these tables is a sum of money granted, allocated, paid, spent, left unspent,
 * carried over or budgeted: none can be negative. (Plan de financement quantities — Existant,
 * Cible, Delta — are not amounts: a Delta below zero is a target under the existing.)
 */
const NON_NEGATIVE = new Set<AnnexTable['kind']>(['cls-forecast', 'cls-execution', 'cls-recap', 'ft-plan', 'ft-action-plan']);

/** Detail rows and the PLAFOND only: a negative total follows from its rows (CALC-TOTAL checks the sum). */
export const cellNegative: Rule = {
  id: 'CELL-NEGATIVE',
  severity: 'error',
  article: 'CLS annexe 3 ; FT annexe 2',
  title: 'Montant négatif',
  check(ctx) {
    const out: Finding[] = [];
    for (const v of cellIndex(ctx).amounts) {
      if (!NON_NEGATIVE.has(v.table.kind) || (v.row.kind !== 'detail' && v.key !== 'ceiling')) continue;
      const value = v.cell.value;
      if (value === null || !value.isNegative() || value.isZero()) continue; // below zero: value.lt(0)
      out.push(
        findingAt(
          this,
          v.cell.ref,
          `${rowPlace(v.table, v.row)} : « ${columnLabel(v.table.kind, v.key)} » vaut ${formatEuro(value)} ; un montant de crédits, ` +
            'de dépenses ou de budget ne peut pas être négatif.',
          { actual: value },
        ),
      );
    }
    return out;
  },
};
