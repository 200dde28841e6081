import type { Finding } from '../finding';
import { ficheBudgets, ficheConvention, isBlankBudgetRow, rowBudget, totalRow, yearRows } from '../fiche-budget';
import { conventionYears } from '../periods';
import { formatEuro } from '../money';
import type { AnnexTable } from '../table';
import type { Rule } from './rule';
import { findingAt, tableRef } from './report';

/**
 * A fiche budgets every year of its convention, and none outside it. CLS art. 4: « …pour une durée
 * de quatre ans et couvrent la période du 1er janvier 2024 jusqu'au 31 décembre 2027 » with an
 * amount for each year (art. 2.2); FT art. 2: 01/01/2024 – 31/12/2024 (or the Paramètres' dates).
 * A year row left blank counts as missing (the seed's fiche 4.2 prints « 2027 » and nothing else).
 * A year past the CLS is an error (art. 5: nothing beyond the convention); past the annual FT
 * convention a warning (the seed's fiche 2.4 runs 24 months, « hors contractualisation »).
 * A fiche with no amount at all is not filled in yet: one info, not one error per year (none for an
 * unnumbered block of the template).
 */
export const ficheYears: Rule = {
  id: 'FICHE-YEARS',
  severity: 'error',
  article: 'CLS art. 2.2, art. 4 ; FT art. 2',
  title: 'Année de la convention absente du budget d’une fiche',
  check(ctx) {
    const out: Finding[] = [];
    for (const table of ficheBudgets(ctx.workbook)) {
      const convention = ficheConvention(ctx.workbook, table.fiche?.number ?? '');
      const years = conventionYears(ctx.workbook.params, convention);
      const rows = yearRows(table);
      const article = convention === 'CLS' ? 'CLS art. 2.2, art. 4' : 'FT art. 2';
      const period = years.length > 1 ? `de ${years[0]} à ${years[years.length - 1]}` : `en ${years[0]}`;
      const name = convention === 'CLS' ? 'le CLS' : 'la convention France Travail';
      const missing = years.filter((y) => !rows.has(y) || isBlankBudgetRow(rows.get(y)!));
      if (missing.length === years.length && table.rows.every((r) => isBlankBudgetRow(r))) {
        // A block of the template nobody used (no number, no amount) says nothing.
        if (!table.fiche?.number) continue;
        out.push(findingAt({ ...this, severity: 'info', article }, tableRef(table), `${table.title} : aucun montant n’est saisi dans le budget de la fiche ; elle n’est pas contrôlée.`));
        continue;
      }
      for (const y of missing) out.push(missingYear(this, table, y, years, { article, period, name }));
      for (const [y, row] of rows) {
        if (years.includes(y) || isBlankBudgetRow(row)) continue;
        const budget = rowBudget(table, row);
        const beyond = y > years[years.length - 1];
        out.push(
          findingAt(
            { ...this, severity: convention === 'CLS' ? 'error' : 'warning', article: convention === 'CLS' ? 'CLS art. 4, art. 5' : 'FT art. 2' },
            firstCell(table, y) ?? tableRef(table),
            `${table.title} : un budget ${y}${budget ? ` (${formatEuro(budget)})` : ''} est prévu ${beyond ? 'après la fin' : 'avant le début'} de ${name}, qui court ${period} ; ${convention === 'CLS' ? 'aucun crédit de la convention ne peut y être affecté' : 'la convention, annuelle, ne peut pas le financer'}.`,
          ),
        );
      }
    }
    return out;
  },
};

function missingYear(rule: Rule, table: AnnexTable, year: number, years: number[], c: { article: string; period: string; name: string }): Finding {
  const rows = yearRows(table);
  const row = rows.get(year);
  const budgeted = years.filter((y) => y !== year && rows.has(y) && !isBlankBudgetRow(rows.get(y)!));
  const before = [...rows.keys()].filter((y) => y < year && !isBlankBudgetRow(rows.get(y)!)).sort((a, b) => b - a)[0];
  const previous = before !== undefined ? rowBudget(table, rows.get(before)!) : null;
  const total = totalRow(table)?.amounts.total?.value;
  const what = row ? `la ligne ${year} est vide` : `il n’y a pas de ligne ${year}`;
  let message = `${table.title} : aucun budget pour ${year} (${what}) alors que ${c.name} court ${c.period}`;
  message += `, et le budget de la fiche couvre ${budgeted.length} année${budgeted.length > 1 ? 's' : ''} sur ${years.length}`;
  if (total && !total.isZero()) message += ` (Total ${formatEuro(total)})`;
  if (previous && !previous.isZero()) message += ` ; au niveau de ${before}, il manque ${formatEuro(previous)}`;
  return findingAt({ ...rule, article: c.article }, (row && firstCell(table, year)) ?? totalRow(table)?.amounts.total?.ref ?? tableRef(table), `${message}.`);
}

/** The first funder cell of a year's row. */
function firstCell(table: AnnexTable, year: number) {
  const row = yearRows(table).get(year);
  if (!row) return undefined;
  const first = table.columns.find((c) => c.key !== 'year' && row.amounts[c.key]);
  return first ? row.amounts[first.key]?.ref : undefined;
}
