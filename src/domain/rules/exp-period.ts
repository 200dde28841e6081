import { frenchDate, isoDay } from '../dates';
import type { Finding } from '../finding';
import type { Rule, RuleContext } from './rule';
import { findingAt } from './report';
import { expensePlace, expenseRef, expenseRows } from './expense-journal';

/** The FT convention period and where it was read, for the message. */
export interface FtPeriod {
  start: Date;
  end: Date;
  source: string;
}

/**
 * FT art. 2: « La présente convention est conclue pour la période du 1er janvier 2024 et jusqu'au
 * 31 décembre 2024. » Art. 3.2: the bilan financier covers « les coûts générés par les actions …
 * sur la durée de la convention ». The period is the Paramètres' « FT date de début / fin »; else
 * the year of the plan de financement's « Période du … au … »; else 2024, the seed's convention.
 */
export function ftPeriod(ctx: RuleContext): FtPeriod {
  const p = ctx.workbook.params;
  const planEnd = ctx.workbook.tables.find((t) => t.kind === 'ft-plan' && t.periodEnd)?.periodEnd;
  if (p.ftStart || p.ftEnd) {
    const start = p.ftStart ?? new Date(Date.UTC((p.ftEnd as Date).getUTCFullYear(), 0, 1));
    const end = p.ftEnd ?? new Date(Date.UTC(start.getUTCFullYear(), 11, 31));
    return { start, end, source: 'feuille Paramètres' };
  }
  if (planEnd) return { start: new Date(Date.UTC(planEnd.getUTCFullYear(), 0, 1)), end: planEnd, source: 'titre du plan de financement' };
  return { start: new Date(Date.UTC(2024, 0, 1)), end: new Date(Date.UTC(2024, 11, 31)), source: 'par défaut, convention 2024' };
}

export const expPeriod: Rule = {
  id: 'EXP-PERIOD',
  severity: 'error',
  article: 'FT art. 2',
  title: 'Dépense datée hors de la période de la convention',
  check(ctx) {
    const out: Finding[] = [];
    const period = ftPeriod(ctx);
    const periodText = `du ${frenchDate(period.start)} au ${frenchDate(period.end)} (${period.source})`;
    for (const { table, row } of expenseRows(ctx)) {
      const date = row.date;
      const ref = date?.ref ?? expenseRef(table, row, 'date');
      const place = expensePlace(table, row);
      if (!date || !date.start || !date.end) {
        const why = date && !date.readable ? `la date « ${date.raw} » est illisible (attendu : jj/mm/aaaa ou une période « du … au … »)` : 'la date est absente';
        out.push(findingAt({ ...this, severity: 'warning' }, ref, `${place} : ${why} ; la période de la dépense ne peut pas être contrôlée.`));
        continue;
      }
      if (date.start.getTime() >= period.start.getTime() && date.end.getTime() <= period.end.getTime()) continue;
      const when = date.start.getTime() === date.end.getTime() ? `datée du ${frenchDate(date.start)}` : `portant sur la période du ${frenchDate(date.start)} au ${frenchDate(date.end)}`;
      out.push(
        findingAt(this, ref, `${place} : dépense ${when}, hors de la période de la convention France Travail ${periodText} ; elle ne peut pas figurer au bilan financier de cette convention.`, {
          expected: `${isoDay(period.start)}/${isoDay(period.end)}`,
          actual: date.start.getTime() === date.end.getTime() ? isoDay(date.start) : `${isoDay(date.start)}/${isoDay(date.end)}`,
        }),
      );
    }
    return out;
  },
};
