import { expectedConvention } from '../convention-view';
import type { Finding } from '../finding';
import { ficheBudgets, ficheConvention, ficheMoney, yearRows } from '../fiche-budget';
import { conventionYears } from '../periods';
import { type Money, ZERO, formatEuro, sameCents } from '../money';
import type { AnnexWorkbook } from '../workbook';
import type { Rule } from './rule';
import { clsYears } from './cls-blocks';
import { findingAt } from './report';

/**
 * CLS art. 2.2: « Sur la période du 1er janvier 2024 au 31 décembre 2027, le soutien financier de
 * l'État s'élève à » 3 342 548 € for 2024, then a prévisionnel of the same amount for each of 2025,
 * 2026, 2027 « notifié et précisé par avenant »: 13 370 192 € over the four years unless avenants
 * say otherwise. Expected per year: the Paramètres' « CLS État notifié <année> total » (or its axes),
 * else « CLS État prévisionnel annuel », else the first notified year's amount.
 * Compared, when each covers every year of the convention:
 * - the Tableau financier: each year's A (prévisionnel n), else H (récapitulatif n−1);
 * - the fiches' budgets: their State money (État + ERBM) per year, over the CLS fiches.
 */
export const ceilClsConvention: Rule = {
  id: 'CEIL-CLS-CONVENTION',
  severity: 'error',
  article: 'CLS art. 2.2',
  title: 'Total État de la convention différent de l’article 2.2',
  check(ctx) {
    const wb = ctx.workbook;
    const years = conventionYears(wb.params, 'CLS');
    const expected = expectedConvention(wb.params, years);
    const sources = [tableauByYear(wb, years), fichesByYear(wb, years)].filter((s): s is Source => s !== null);
    if (sources.length === 0) return [];
    if (expected.total === null) {
      return [findingAt({ ...this, severity: 'info' }, null, `Total ${years[0]}-${years[years.length - 1]} de la convention non contrôlé : la feuille Paramètres n’indique ni « CLS État notifié <année> total » ni « CLS État prévisionnel annuel ».`)];
    }
    const out: Finding[] = [];
    for (const s of sources) {
      const total = s.byYear.reduce((a: Money, v) => a.plus(v), ZERO);
      if (sameCents(total, expected.total)) continue;
      const off = years
        .map((y, i) => ({ y, got: s.byYear[i], want: expected.years[i].amount! }))
        .filter((x) => !sameCents(x.got, x.want))
        .map((x) => `${x.y} : ${formatEuro(x.got)} au lieu de ${formatEuro(x.want)}`);
      const basis = expected.years.every((e) => e.amount!.eq(expected.years[0].amount!)) ? ` (${years.length} × ${formatEuro(expected.years[0].amount!)})` : '';
      out.push(
        findingAt(
          this,
          { sheet: s.sheet, address: '' },
          `${s.what} totalise ${formatEuro(total)} sur ${years[0]}-${years[years.length - 1]} alors que l’article 2.2 et les montants notifiés prévoient ${formatEuro(expected.total)}${basis} ; écart ${formatEuro(total.minus(expected.total))} (${off.join(' ; ')}).`,
          { expected: expected.total, actual: total },
        ),
      );
    }
    return out;
  },
};

interface Source {
  what: string;
  sheet: string;
  byYear: Money[];
}

/** A for each year (prévisionnel n, else H of the récapitulatif n−1); null unless every year is there and readable. */
function tableauByYear(wb: AnnexWorkbook, years: number[]): Source | null {
  const blocks = new Map(clsYears(wb).map((y) => [y.year, y]));
  const byYear: Money[] = [];
  let sheet = '';
  for (const y of years) {
    const forecast = blocks.get(y)?.forecast;
    const recap = blocks.get(y - 1)?.recap;
    const [table, key] = forecast ? [forecast, 'stateNotified'] : recap ? [recap, 'stateNotifiedNext'] : [undefined, ''];
    if (!table || !table.columns.some((c) => c.key === key)) return null;
    let sum = ZERO;
    for (const r of table.rows) {
      if (r.kind !== 'detail') continue;
      const v = r.amounts[key]?.value;
      if (v === null) return null; // unreadable: CELL-*
      if (v) sum = sum.plus(v);
    }
    byYear.push(sum);
    sheet = sheet === '' || sheet === table.sheet ? table.sheet : '-';
  }
  return { what: 'Tableau financier : la participation de l’État', sheet: sheet === '-' ? '' : sheet, byYear };
}

/** The CLS fiches' State money (État + ERBM) per year; null without CLS fiches or with an unreadable cell. */
function fichesByYear(wb: AnnexWorkbook, years: number[]): Source | null {
  const fiches = ficheBudgets(wb).filter((t) => t.fiche?.number && ficheConvention(wb, t.fiche.number) === 'CLS');
  if (fiches.length === 0) return null;
  const byYear: Money[] = [];
  for (const y of years) {
    let sum = ZERO;
    for (const t of fiches) {
      const row = yearRows(t).get(y);
      if (!row) continue;
      const state = ficheMoney(t, row).state;
      if (state === null) return null;
      sum = sum.plus(state);
    }
    byYear.push(sum);
  }
  return { what: `Budgets des fiches : la part État (Etat + ERBM) ${fiches.length > 1 ? `des ${fiches.length} fiches` : 'de la fiche'} du CLS`, sheet: fiches[0].sheet, byYear };
}
