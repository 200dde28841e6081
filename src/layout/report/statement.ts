import { type Money, ZERO } from '../../domain/money';
import type { AnnexTable, TableRow } from '../../domain/table';
import type { CellRef } from '../../domain/finding';
import type { AnnexWorkbook } from '../../domain/workbook';
import { clsYears } from '../../domain/rules/cls-blocks';

/**
 * The financial statement of the mid-term report (CLS art. 2.3: « un bilan financier des actions
 * mises en œuvre … l'exécution budgétaire des crédits contractualisés »), per action and year, read
 * from the workbook's "Tableau financier" blocks. Readings:
 * - planned n = the prévisionnel n's budget global F (A + B + C): the year's own credits, carry-overs
 *   excluded, so that 2024 + 2025 counts no euro twice; without a prévisionnel n, the récapitulatif
 *   n−1's H + J + L (notified, CD and other funders for n, again without the carry-overs);
 * - paid, State spent, CD spent, carry-overs: the exécution n block; without it, the récapitulatif n
 *   (A, A − B, C − D, F, G);
 * - other funders spent: the récapitulatif n's E (the exécution block has no such column); 0 without it;
 * - an unreadable cell (error, formula never calculated) counts 0 here: the engine's CELL-* findings,
 *   listed in the report, say which cell it is.
 */
export const REPORT_YEARS = [2024, 2025] as const;

export interface YearFigures {
  planned: Money;
  paid: Money;
  stateSpent: Money;
  cdSpent: Money;
  otherSpent: Money;
  carryState: Money;
  carryCd: Money;
}

export interface ActionStatement {
  fiche: string;
  /** Intitulé as read in the prévisionnel (else the first block that has the action). */
  title: string;
  axe: string;
  /** null when the year has neither exécution nor récapitulatif: its execution is unknown. */
  years: Record<number, YearFigures | null>;
  /** Planned credits known but no execution for the year. */
  plannedOnly: Record<number, Money | null>;
  /** The workbook cell of the year's State spending, for findings. */
  stateSpentRef: Record<number, CellRef | undefined>;
}

export interface FinancialStatement {
  actions: ActionStatement[];
  /** Per year, which blocks were found ("prévisionnel", "exécution", "récapitulatif"). */
  blocks: Record<number, { forecast: boolean; execution: boolean; recap: boolean; previousRecap: boolean }>;
}

export const totalSpent = (y: YearFigures): Money => y.stateSpent.plus(y.cdSpent).plus(y.otherSpent);
export const stateUnspent = (y: YearFigures): Money => y.paid.minus(y.stateSpent);

/** The two years added up; carry-overs are those of the last year (what remains at its end). */
export function cumulate(years: (YearFigures | null)[]): YearFigures | null {
  const present = years.filter((y): y is YearFigures => y !== null);
  if (present.length === 0) return null;
  // Flows add up over the years; a carry-over is a stock: what remains at the end of the last year.
  const last = years[years.length - 1];
  return { ...addFigures(present), carryState: last ? last.carryState : ZERO, carryCd: last ? last.carryCd : ZERO };
}

/** The year as the report shows it: its figures or, execution unknown, its planned credits and zeros. */
export function shownYear(a: ActionStatement, year: number): YearFigures {
  return a.years[year] ?? { planned: a.plannedOnly[year] ?? ZERO, paid: ZERO, stateSpent: ZERO, cdSpent: ZERO, otherSpent: ZERO, carryState: ZERO, carryCd: ZERO };
}

/** 2024–2025 as the report shows it. */
export function shownCumul(a: ActionStatement): YearFigures {
  return cumulate(REPORT_YEARS.map((y) => shownYear(a, y))) as YearFigures;
}

export function addFigures(list: YearFigures[]): YearFigures {
  const sum = (k: keyof YearFigures) => list.reduce((s, y) => s.plus(y[k]), ZERO);
  return {
    planned: sum('planned'),
    paid: sum('paid'),
    stateSpent: sum('stateSpent'),
    cdSpent: sum('cdSpent'),
    otherSpent: sum('otherSpent'),
    carryState: sum('carryState'),
    carryCd: sum('carryCd'),
  };
}

export function buildStatement(workbook: AnnexWorkbook): FinancialStatement {
  const byYear = new Map(clsYears(workbook).map((y) => [y.year, y]));
  const actions = new Map<string, ActionStatement>();
  const ensure = (row: TableRow): ActionStatement | null => {
    if (!row.key) return null;
    let a = actions.get(row.key);
    if (!a) {
      a = { fiche: row.key, title: titleOf(row), axe: row.group ?? row.key.split('.')[0], years: {}, plannedOnly: {}, stateSpentRef: {} };
      actions.set(row.key, a);
    }
    return a;
  };
  const blocks: FinancialStatement['blocks'] = {};
  for (const year of REPORT_YEARS) {
    const y = byYear.get(year);
    const prev = byYear.get(year - 1)?.recap;
    blocks[year] = { forecast: !!y?.forecast, execution: !!y?.execution, recap: !!y?.recap, previousRecap: !!prev };
    // Every action of every block of the two years, in the order the workbook lists them.
    for (const t of [y?.forecast, prev, y?.execution, y?.recap]) for (const r of details(t)) ensure(r);
  }
  for (const a of actions.values()) {
    for (const year of REPORT_YEARS) {
      const y = byYear.get(year);
      const prevRecap = byYear.get(year - 1)?.recap;
      const planned = plannedOf(a.fiche, y?.forecast, prevRecap);
      const exec = rowOf(y?.execution, a.fiche);
      const recap = rowOf(y?.recap, a.fiche);
      a.plannedOnly[year] = planned;
      a.stateSpentRef[year] = (exec?.amounts.stateSpent ?? recap?.amounts.stateUnspent)?.ref;
      if (!exec && !recap) {
        a.years[year] = null;
        continue;
      }
      const v = (row: TableRow | undefined, key: string) => row?.amounts[key]?.value ?? ZERO;
      a.years[year] = exec
        ? {
            planned: planned ?? ZERO,
            paid: v(exec, 'statePaid'),
            stateSpent: v(exec, 'stateSpent'),
            cdSpent: v(exec, 'cdSpent'),
            otherSpent: recap ? v(recap, 'otherFunders') : ZERO,
            carryState: v(exec, 'carryOverState'),
            carryCd: v(exec, 'carryOverCd'),
          }
        : {
            planned: planned ?? ZERO,
            paid: v(recap, 'statePaid'),
            stateSpent: v(recap, 'statePaid').minus(v(recap, 'stateUnspent')),
            cdSpent: v(recap, 'cdAllocated').minus(v(recap, 'cdUnspent')),
            otherSpent: v(recap, 'otherFunders'),
            carryState: v(recap, 'carryOverState'),
            carryCd: v(recap, 'carryOverCd'),
          };
    }
  }
  const list = [...actions.values()].sort((a, b) => compareFiche(a.fiche, b.fiche));
  return { actions: list, blocks };
}

function details(t: AnnexTable | undefined): TableRow[] {
  return t ? t.rows.filter((r) => r.kind === 'detail') : [];
}

function rowOf(t: AnnexTable | undefined, fiche: string): TableRow | undefined {
  return details(t).find((r) => r.key === fiche);
}

function plannedOf(fiche: string, forecast: AnnexTable | undefined, prevRecap: AnnexTable | undefined): Money | null {
  const f = rowOf(forecast, fiche);
  if (f) {
    const total = f.amounts.totalBudget?.value;
    if (total) return total;
    const parts = ['stateNotified', 'cdAllocated', 'otherFunders'].map((k) => f.amounts[k]?.value ?? ZERO);
    return parts.reduce((s, x) => s.plus(x), ZERO);
  }
  const r = rowOf(prevRecap, fiche);
  if (!r) return null;
  return ['stateNotifiedNext', 'cdAllocatedNext', 'otherFundersNext'].map((k) => r.amounts[k]?.value ?? ZERO).reduce((s, x) => s.plus(x), ZERO);
}

/** "1.1 Accueil de proximité…" → "Accueil de proximité…". */
function titleOf(row: TableRow): string {
  return row.key && row.label.startsWith(row.key) ? row.label.slice(row.key.length).trim() : row.label;
}

/** "1.10" after "1.9": fiche numbers compare part by part. */
export function compareFiche(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0 && !Number.isNaN(d)) return d;
  }
  return a.localeCompare(b);
}
