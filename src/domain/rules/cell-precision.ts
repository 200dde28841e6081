import Decimal from 'decimal.js';
import { columnLabel } from '../columns';
import type { Finding } from '../finding';
import { formatEuro, formatFrenchNumber, toCents } from '../money';
import type { AnnexTable, AmountCell } from '../table';
import type { Rule } from './rule';
import { cellIndex } from './cell-kind';
import { findingAt, rowPlace } from './report';

const KINDS = new Set<AnnexTable['kind']>(['cls-forecast', 'cls-execution', 'cls-recap', 'ft-plan', 'ft-action-plan']);
/** A number cell holds a binary double: 1234.56 may be stored as 1234.5600000000001. That is not a fourth decimal. */
const FLOAT_NOISE = new Decimal('1e-9');

/**
 * Amounts are euros and cents. A typed amount with more decimals (1 234,567 €) shows rounded in
 * Excel but adds up unrounded, while the checks compare to the cent: said, so that the two
 * readings cannot silently differ. Formula results are left alone (their inputs are what was typed).
 */
export const cellPrecision: Rule = {
  id: 'CELL-PRECISION',
  severity: 'warning',
  article: 'Annexes financières',
  title: 'Montant à plus de deux décimales',
  check(ctx) {
    const out: Finding[] = [];
    for (const v of cellIndex(ctx).amounts) {
      if (!KINDS.has(v.table.kind) || !hasSubCents(v.cell)) continue;
      const value = v.cell.value as Decimal;
      out.push(
        findingAt(
          this,
          v.cell.ref,
          `${rowPlace(v.table, v.row)} : « ${columnLabel(v.table.kind, v.key)} » vaut ${formatFrenchNumber(value, value.decimalPlaces())} €, ` +
            `avec plus de deux décimales ; Excel l’affiche arrondi mais l’additionne tel quel, les contrôles le comparent au centime (${formatEuro(value)}).`,
          { expected: toCents(value), actual: value.toString() },
        ),
      );
    }
    return out;
  },
};

function hasSubCents(cell: AmountCell): boolean {
  if (cell.formula !== undefined || cell.value === null || cell.value.decimalPlaces() <= 2) return false;
  if (cell.kind === 'text') return true;
  if (cell.kind !== 'number') return false;
  const off = cell.value.minus(toCents(cell.value)).abs();
  return off.gt(FLOAT_NOISE.times(Decimal.max(1, cell.value.abs())));
}
