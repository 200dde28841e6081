import { columnLabel } from '../columns';
import type { CellRef, Finding } from '../finding';
import { STATE_KEYS, ficheBudgets, ficheConvention, ficheMoney, headersOf, isBlankBudgetRow, otherColumns, yearRows } from '../fiche-budget';
import { type Money, formatEuro, sameCents } from '../money';
import type { AnnexTable, TableRow } from '../table';
import type { AnnexWorkbook } from '../workbook';
import type { Rule } from './rule';
import { findingAt, rowsByKey } from './report';

/** Where the Tableau financier states an action's money for year n, and in which columns. */
interface Source {
  table: AnnexTable;
  row: TableRow | undefined;
  state: string;
  cd: string;
  other: string;
}

/**
 * A CLS fiche's budget for year n is the action's line of the Tableau financier for n (CLS art. 2.2:
 * « Le Conseil départemental s'engage sur des montants financiers par action figurant dans le tableau
 * financier récapitulatif »): État + ERBM = A « Participation État notifiée » of the prévisionnel n
 * (else H of the récapitulatif n−1), Conseil départemental = B (else J), third funders = C (else L).
 * ERBM is State money (art. 2.2), never « autres financeurs »: the seed's fiche 1.5, 220 000 « Etat »
 * + 75 000 « ETAT/ERBM », is the 295 000 € of A. Years the Tableau does not hold are not compared.
 * France Travail fiches (axe 2) are not compared: their Plan d'action has no year, and a fiche may be
 * funded outside the convention (the seed's 2.4, « hors contractualisation »).
 * Actions of the Tableau without a fiche, and CLS fiches absent from the Tableau, are warnings.
 */
export const ficheVsTableau: Rule = {
  id: 'FICHE-VS-TABLEAU',
  severity: 'error',
  article: 'CLS art. 2.2',
  title: 'Budget d’une fiche différent du Tableau financier',
  check(ctx) {
    const wb = ctx.workbook;
    const fiches = ficheBudgets(wb).filter((t) => t.fiche?.number && ficheConvention(wb, t.fiche.number) === 'CLS');
    if (fiches.length === 0) return [];
    const out: Finding[] = [];
    const absentFrom = new Set<AnnexTable>();
    for (const table of fiches) {
      const number = table.fiche!.number;
      for (const [year, row] of yearRows(table)) {
        if (isBlankBudgetRow(row)) continue; // FICHE-YEARS
        const source = sourceFor(wb, year, number);
        if (!source) continue;
        if (!source.row) {
          if (!absentFrom.has(source.table)) out.push(findingAt({ ...this, severity: 'warning' }, table.fiche!.ref, `${table.title} : l’action ${number} n’est pas dans « ${source.table.title} » du Tableau financier.`));
          absentFrom.add(source.table);
          continue;
        }
        out.push(...compareYear(this, table, row, year, source));
      }
    }
    out.push(...actionsWithoutFiche(this, wb, new Set(fiches.map((t) => t.fiche!.number))));
    return out;
  },
};

function sourceFor(wb: AnnexWorkbook, year: number, number: string): Source | null {
  const forecast = wb.tables.find((t) => t.kind === 'cls-forecast' && t.year === year);
  if (forecast) return { table: forecast, row: rowsByKey(forecast).get(number), state: 'stateNotified', cd: 'cdAllocated', other: 'otherFunders' };
  const recap = wb.tables.find((t) => t.kind === 'cls-recap' && t.year === year - 1);
  if (recap) return { table: recap, row: rowsByKey(recap).get(number), state: 'stateNotifiedNext', cd: 'cdAllocatedNext', other: 'otherFundersNext' };
  return null;
}

function compareYear(rule: Rule, table: AnnexTable, row: TableRow, year: number, s: Source): Finding[] {
  const money = ficheMoney(table, row);
  const others = otherColumns(table).map((c) => c.key);
  const checks: { fiche: Money | null; keys: string[]; column: string; what: string; note?: string }[] = [
    { fiche: money.state, keys: STATE_KEYS, column: s.state, what: 'part État', note: row.amounts.erbm ? ' ; l’ERBM est une part des crédits de l’État (art. 2.2)' : '' },
    { fiche: money.cd, keys: ['cd'], column: s.cd, what: 'part du Département' },
    { fiche: money.other, keys: others, column: s.other, what: 'part des autres financeurs' },
  ];
  const out: Finding[] = [];
  for (const c of checks) {
    const cell = s.row!.amounts[c.column];
    const tableau = cell?.value;
    if (c.fiche === null || !cell || tableau === null || tableau === undefined || sameCents(c.fiche, tableau)) continue;
    if (c.keys.length === 0 && tableau.isZero()) continue;
    const where = c.keys.length ? headersOf(table, c.keys) : 'aucune colonne';
    out.push(
      findingAt(
        rule,
        anchor(table, row, c.keys),
        `${table.title}, ${year} : ${c.what} ${where} = ${formatEuro(c.fiche)} mais « ${s.table.title} » indique ${formatEuro(tableau)} ` +
          `(« ${columnLabel(s.table.kind, c.column)} », ${cell.ref.sheet === table.sheet ? '' : `feuille « ${cell.ref.sheet} », `}${cell.ref.address}) ; écart ${formatEuro(c.fiche.minus(tableau))}${c.note ?? ''}.`,
        { expected: tableau, actual: c.fiche },
      ),
    );
  }
  return out;
}

/** The first non-zero cell among the columns compared (the fiche's « ETAT/ERBM » when « Etat » is blank). */
function anchor(table: AnnexTable, row: TableRow, keys: string[]): CellRef {
  const cells = keys.map((k) => row.amounts[k]).filter((c) => c !== undefined);
  const ref = (cells.find((c) => c.value && !c.value.isZero()) ?? cells[0])?.ref;
  return ref ?? Object.values(row.amounts).find((c) => c !== undefined)!.ref;
}

/** Actions of the CLS prévisionnels and récapitulatifs that no fiche budgets. */
function actionsWithoutFiche(rule: Rule, wb: AnnexWorkbook, fiches: Set<string>): Finding[] {
  const out: Finding[] = [];
  const seen = new Set<string>();
  for (const t of wb.tables) {
    if (t.kind !== 'cls-forecast' && t.kind !== 'cls-recap') continue;
    for (const [key, row] of rowsByKey(t)) {
      if (fiches.has(key) || seen.has(key)) continue;
      seen.add(key);
      const first = Object.values(row.amounts).find((c) => c !== undefined);
      if (first) out.push(findingAt({ ...rule, severity: 'warning' }, first.ref, `Action ${key} de « ${t.title} » : aucun budget de fiche ne lui correspond dans la feuille des budgets des fiches.`));
    }
  }
  return out;
}
