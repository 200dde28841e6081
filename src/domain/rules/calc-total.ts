import { columnLabel } from '../columns';
import { SUMMED_COLUMNS } from '../derivations';
import type { Finding } from '../finding';
import { type Money, formatEuro, sameCents, sumMoney } from '../money';
import type { AnnexTable } from '../table';
import type { Rule } from './rule';
import { findingAt, rowPlace } from './report';

function summedKeys(table: AnnexTable): string[] {
  const s = SUMMED_COLUMNS[table.kind];
  if (s !== 'all-amounts') return s;
  const keys = new Set<string>();
  for (const r of table.rows) for (const k of Object.keys(r.amounts)) keys.add(k);
  return [...keys];
}

export const calcTotal: Rule = {
  id: 'CALC-TOTAL',
  severity: 'error',
  article: 'CLS annexe 3 ; FT annexe 2',
  title: 'Ligne de total différente de la somme de ses lignes',
  check(ctx) {
    const out: Finding[] = [];
    for (const table of ctx.workbook.tables) {
      const keys = summedKeys(table);
      for (const row of table.rows) {
        if (row.kind === 'detail' || !row.sumOf) continue;
        for (const key of keys) {
          const cell = row.amounts[key];
          if (!cell || cell.value === null) continue;
          const parts: Money[] = [];
          let readable = true;
          for (const i of row.sumOf) {
            const v = table.rows[i].amounts[key]?.value;
            if (v === null) readable = false;
            else if (v) parts.push(v);
          }
          if (!readable) continue;
          const expected = sumMoney(parts);
          if (sameCents(expected, cell.value)) continue;
          out.push(
            findingAt(
              this,
              cell.ref,
              `${rowPlace(table, row)} : « ${columnLabel(table.kind, key)} » vaut ${formatEuro(cell.value)} alors que ` +
                `${row.sumOf.length > 1 ? `ses ${row.sumOf.length} lignes totalisent` : 'sa ligne totalise'} ${formatEuro(expected)} (écart ${formatEuro(cell.value.minus(expected))}).`,
              { expected, actual: cell.value },
            ),
          );
        }
      }
    }
    return out;
  },
};
