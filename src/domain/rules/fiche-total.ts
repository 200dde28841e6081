import type { Finding } from '../finding';
import { ficheBudgets, headersOf, partColumns, sumOf, yearRows } from '../fiche-budget';
import { type Money, ZERO, formatEuro, sameCents } from '../money';
import type { AnnexTable, TableRow } from '../table';
import type { Rule } from './rule';
import { findingAt } from './report';

/**
 * A fiche's budget table adds up (CLS annexe 2, FT annexe 1): on each year row, Total = the sum of
 * its funders (Etat, Conseil départemental, ERBM, third funders, whatever the headers); on the
 * Total row, each column = the sum of the year rows. A blank Total row under a filled year (the
 * seed's fiche 2.1) is a wrong sum. Unreadable cells are left to the CELL-* rules.
 */
export const ficheTotal: Rule = {
  id: 'FICHE-TOTAL',
  severity: 'error',
  article: 'CLS annexe 2 ; FT annexe 1',
  title: 'Total du budget d’une fiche différent de la somme de ses montants',
  check(ctx) {
    const out: Finding[] = [];
    for (const table of ficheBudgets(ctx.workbook)) {
      for (const row of table.rows) {
        if (row.kind === 'detail') out.push(...rowSum(this, table, row));
        else out.push(...columnSums(this, table, row));
      }
    }
    return out;
  },
};

function rowSum(rule: Rule, table: AnnexTable, row: TableRow): Finding[] {
  const total = row.amounts.total;
  const parts = partColumns(table).map((c) => c.key);
  const expected = sumOf(row, parts);
  if (!total || total.value === null || expected === null || sameCents(total.value, expected)) return [];
  return [
    findingAt(
      rule,
      total.ref,
      `${table.title}, ligne « ${row.label} » : le Total vaut ${formatEuro(total.value)} alors que ${headersOf(table, parts)} = ${formatEuro(expected)} (écart ${formatEuro(total.value.minus(expected))}).`,
      { expected, actual: total.value },
    ),
  ];
}

function columnSums(rule: Rule, table: AnnexTable, row: TableRow): Finding[] {
  const years = [...yearRows(table).keys()];
  const details = (row.sumOf ?? []).map((i) => table.rows[i]);
  const span = years.length > 1 ? `les années ${Math.min(...years)} à ${Math.max(...years)}` : years.length === 1 ? `l’année ${years[0]}` : 'les lignes du budget';
  const out: Finding[] = [];
  for (const c of table.columns) {
    const cell = row.amounts[c.key];
    if (!cell || cell.value === null) continue;
    const parts = details.map((d) => d.amounts[c.key]?.value);
    if (parts.some((v) => v === null)) continue; // unreadable: CELL-*
    const expected = parts.reduce((a: Money, v) => (v ? a.plus(v) : a), ZERO);
    if (sameCents(cell.value, expected)) continue;
    const shown = cell.kind === 'empty' ? 'est vide' : `vaut ${formatEuro(cell.value)}`;
    out.push(
      findingAt(rule, cell.ref, `${table.title}, ligne « Total » : « ${c.header || 'sans en-tête'} » ${shown} alors que ${span} totalisent ${formatEuro(expected)} (écart ${formatEuro(cell.value.minus(expected))}).`, {
        expected,
        actual: cell.value,
      }),
    );
  }
  return out;
}
