import { columnLabel } from '../columns';
import { DERIVATIONS } from '../derivations';
import type { Finding } from '../finding';
import { type Money, formatEuro, sameCents, sumMoney } from '../money';
import type { AnnexTable, TableRow } from '../table';
import type { Rule } from './rule';
import { findingAt, rowPlace } from './report';

/** Expected value of a derived cell from its row, or null when a term is missing or unreadable. */
export function derivedValue(table: AnnexTable, row: TableRow, terms: { key: string; sign: 1 | -1 }[]): Money | null {
  if (!terms.every((t) => table.columns.some((c) => c.key === t.key))) return null;
  return rowValue(row, terms);
}

/** derivedValue() once the terms are known to be columns of the table. */
function rowValue(row: TableRow, terms: { key: string; sign: 1 | -1 }[]): Money | null {
  const values: Money[] = [];
  for (const t of terms) {
    const v = row.amounts[t.key]?.value;
    if (v === null || v === undefined) return null;
    values.push(t.sign === 1 ? v : v.neg());
  }
  return sumMoney(values);
}

export const calcRow: Rule = {
  id: 'CALC-ROW',
  severity: 'error',
  article: 'CLS annexe 3 ; FT annexe 2',
  title: 'Colonne calculée différente de sa définition',
  check(ctx) {
    const out: Finding[] = [];
    for (const table of ctx.workbook.tables) {
      const keys = new Set(table.columns.map((c) => c.key));
      for (const d of DERIVATIONS[table.kind]) {
        // A term that is not a column of the table: derivedValue() gives null on every row.
        if (!d.terms.every((t) => keys.has(t.key))) continue;
        for (const row of table.rows) {
          if (row.kind !== 'detail') continue; // totals are checked by CALC-TOTAL
          const cell = row.amounts[d.target];
          if (!cell || cell.value === null) continue;
          const expected = rowValue(row, d.terms);
          if (expected === null || sameCents(expected, cell.value)) continue;
          out.push(
            findingAt(
              { ...this, article: d.article },
              cell.ref,
              `${rowPlace(table, row)} : « ${columnLabel(table.kind, d.target)} » vaut ${formatEuro(cell.value)} ` +
                `alors que ${d.text} = ${formatEuro(expected)} (écart ${formatEuro(cell.value.minus(expected))}).`,
              { expected, actual: cell.value },
            ),
          );
        }
      }
    }
    return out;
  },
};
