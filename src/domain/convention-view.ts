/**
 * The whole CLS 2024–2027 at a glance: per action, per axe and in total, year by year and over the
 * four years, what the State notified, what it paid, what was spent and left unspent, what was
 * carried over, and the cumulative consumption rate; and the convention total art. 2.2 expects
 * (4 × 3 342 548 € for the Pas-de-Calais, unless avenants say otherwise). Pure: read from the
 * tables the rules check, so the view and the findings never disagree.
 *
 * Sources for year n, per action:
 * - notified, CD allocated: the prévisionnel n (A, B), else the récapitulatif n−1 (H, J);
 * - paid: the exécution n (versés), else the récapitulatif n (A);
 * - spent, unspent, carried over: the exécution n when its realised columns are filled in, else the
 *   récapitulatif n (A − B, B, C − D, F, G). The seed's exécution 2024 is an unfinished template
 *   (every realised amount 0): its récapitulatif is the better source, as UNDERSPEND reads it.
 * An unreadable cell leaves its figure unknown (null): it is not added, the CELL-* findings say why.
 */
import { clsYears, executionNotFilled, type ClsYear } from './rules/cls-blocks';
import { type Money, ZERO, percent } from './money';
import type { AnnexTable, TableRow } from './table';
import type { AnnexWorkbook } from './workbook';
import type { Parameters } from './parameters';
import { conventionYears } from './periods';

export interface YearMoney {
  year: number;
  notified: Money | null;
  cdAllocated: Money | null;
  paid: Money | null;
  stateSpent: Money | null;
  stateUnspent: Money | null;
  cdSpent: Money | null;
  carryOverState: Money | null;
  carryOverCd: Money | null;
}

export type MoneyKey = Exclude<keyof YearMoney, 'year'>;
export const MONEY_KEYS: MoneyKey[] = ['notified', 'cdAllocated', 'paid', 'stateSpent', 'stateUnspent', 'cdSpent', 'carryOverState', 'carryOverCd'];

/** Sums over the years where the figure is known, and the cumulative consumption rates. */
export type FourYearTotals = Record<MoneyKey, Money> & {
  /** Σ État réalisé ÷ Σ versés over the years with both known, in %; null when nothing was paid. */
  stateRate: Money | null;
  /** Σ CD réalisé ÷ Σ CD affectés over the years with both known, in %. */
  cdRate: Money | null;
};

export interface FourYearLine {
  years: YearMoney[];
  totals: FourYearTotals;
}

export interface ActionFourYears extends FourYearLine {
  key: string;
  label: string;
  axe: string;
}

export interface AxeFourYears extends FourYearLine {
  axe: string;
}

export interface YearSource {
  year: number;
  /** Block the notified amounts come from ("Prévisionnel 2025", "Récapitulatif 2024 – prévisionnel 2025"). */
  planned: string | null;
  /** Block the execution comes from. */
  executed: string | null;
}

/** How a year was read: « prévu et exécuté », « prévu », « exécuté », or null when nothing was. */
export function yearReadAs(s: YearSource): string | null {
  const parts = [s.planned ? 'prévu' : '', s.executed ? 'exécuté' : ''].filter(Boolean);
  return parts.length ? parts.join(' et ') : null;
}

/** « 2024 prévu et exécuté, 2025 prévu », or « aucune »: what the CLI report and the pane both say. */
export function yearsRead(sources: YearSource[]): string {
  const read = sources.flatMap((s) => {
    const how = yearReadAs(s);
    return how ? [`${s.year} ${how}`] : [];
  });
  return read.join(', ') || 'aucune';
}

export interface ExpectedYear {
  year: number;
  amount: Money | null;
  /** « notifié » (Paramètres: the year's notified amount, by avenant after 2024) or « prévisionnel » (art. 2.2). */
  source: 'notifié' | 'prévisionnel' | null;
}

export interface ConventionView {
  years: number[];
  sources: YearSource[];
  actions: ActionFourYears[];
  axes: AxeFourYears[];
  total: FourYearLine;
  /** State money art. 2.2 and the avenants provide, per year and in total (null when a year is unknown). */
  expected: { years: ExpectedYear[]; total: Money | null };
}

/** null when the workbook holds no CLS block. */
export function conventionView(workbook: AnnexWorkbook): ConventionView | null {
  const actions: ActionFourYears[] = [];
  const v = visitConvention(workbook, (a) => actions.push(a));
  return v && { years: v.years, sources: v.sources, actions, axes: v.axes, total: v.total, expected: v.expected };
}

/**
 * The view without its actions, each handed to `visit` in the view's order, the axes and the total
 * added up as they go: a caller that keeps nothing of each action (the CLI's JSON and text reports
 * stop at the axes) never holds 200 000 of them at once. null when the workbook holds no CLS block.
 */
export function visitConvention(workbook: AnnexWorkbook, visit: (action: ActionFourYears) => void): Omit<ConventionView, 'actions'> | null {
  const byYear = new Map(clsYears(workbook).map((y) => [y.year, y]));
  if (byYear.size === 0) return null;
  const years = conventionYears(workbook.params, 'CLS');
  // Years the workbook holds outside the convention still show (CLS-YEARS flags them).
  for (const y of byYear.keys()) if (!years.includes(y)) years.push(y);
  years.sort((a, b) => a - b);
  const prev = (y: number) => byYear.get(y - 1);
  const sources = years.map((y): YearSource => {
    const c = byYear.get(y);
    const planned = c?.forecast ?? prev(y)?.recap;
    const executed = executionSource(c);
    return { year: y, planned: planned ? titleOf(planned) : null, executed: executed ? executed.title : null };
  });
  const named = new Map<string, { label: string; axe: string }>();
  const order: string[] = [];
  for (const y of years) {
    for (const t of [byYear.get(y)?.forecast, byYear.get(y)?.execution, byYear.get(y)?.recap, prev(y)?.recap]) {
      for (const row of t?.rows ?? []) {
        if (row.kind !== 'detail' || !row.key || named.has(row.key)) continue;
        named.set(row.key, { label: row.label, axe: row.group ?? '?' });
        order.push(row.key);
      }
    }
  }
  const rowOf = detailRows();
  const total = new LineSum(years);
  const byAxe = new Map<string, LineSum>();
  for (const key of order.sort(compareKeys)) {
    const { label, axe } = named.get(key)!;
    const ys = years.map((y) => actionYear(rowOf, key, y, byYear.get(y), prev(y)));
    const action: ActionFourYears = { key, label, axe, years: ys, totals: totalsOf(ys) };
    total.add(action);
    let sum = byAxe.get(axe);
    if (!sum) byAxe.set(axe, (sum = new LineSum(years)));
    sum.add(action);
    visit(action);
  }
  const axes = [...byAxe.keys()].sort(compareKeys).map((axe): AxeFourYears => ({ axe, ...byAxe.get(axe)!.line() }));
  return { years, sources, axes, total: total.line(), expected: expectedConvention(workbook.params, conventionYears(workbook.params, 'CLS')) };
}

/**
 * State money art. 2.2 provides for each year: the amount the Paramètres notify for it (« CLS État
 * notifié <année> total », else the sum of its axes) — confirmed by avenant after 2024 — else the
 * yearly prévisionnel (« CLS État prévisionnel annuel », else the first notified year's amount:
 * art. 2.2 repeats 3 342 548 € for each year).
 */
export function expectedConvention(params: Parameters, years: number[]): { years: ExpectedYear[]; total: Money | null } {
  const notified = (y: number): Money | null => {
    const m = params.clsNotified.get(y);
    if (!m) return null;
    if (m.has('total')) return m.get('total')!;
    return [...m.values()].reduce((a, v) => a.plus(v), ZERO);
  };
  const first = [...params.clsNotified.keys()].sort((a, b) => a - b).map(notified).find((v) => v !== null) ?? null;
  const forecast = params.clsYearlyForecast ?? first;
  const out = years.map((year): ExpectedYear => {
    const n = notified(year);
    if (n) return { year, amount: n, source: 'notifié' };
    return { year, amount: forecast, source: forecast ? 'prévisionnel' : null };
  });
  const total = out.every((e) => e.amount !== null) ? out.reduce((a, e) => a.plus(e.amount!), ZERO) : null;
  return { years: out, total };
}

function executionSource(c: ClsYear | undefined): AnnexTable | undefined {
  if (c?.execution && !executionNotFilled(c.execution)) return c.execution;
  return c?.recap;
}

function titleOf(t: AnnexTable): string {
  return t.kind === 'cls-recap' && t.year !== null ? `Récapitulatif ${t.year} (prévisionnel ${t.year + 1})` : t.title;
}

type RowOf = (t: AnnexTable | undefined, key: string) => TableRow | undefined;

/** A table's action row by fiche number, each table indexed once (a block may hold 200 000 actions). */
function detailRows(): RowOf {
  const index = new Map<AnnexTable, Map<string, TableRow>>();
  return (t, key) => {
    if (!t) return undefined;
    let rows = index.get(t);
    if (!rows) {
      rows = new Map();
      for (const r of t.rows) if (r.kind === 'detail' && r.key && !rows.has(r.key)) rows.set(r.key, r);
      index.set(t, rows);
    }
    return rows.get(key);
  };
}

const val = (row: TableRow | undefined, key: string): Money | null => row?.amounts[key]?.value ?? null;
const minus = (a: Money | null, b: Money | null): Money | null => (a && b ? a.minus(b) : null);

function actionYear(rowOf: RowOf, key: string, year: number, c: ClsYear | undefined, previous: ClsYear | undefined): YearMoney {
  const forecast = rowOf(c?.forecast, key);
  const planned = forecast ?? rowOf(previous?.recap, key);
  const fromForecast = forecast !== undefined;
  const out: YearMoney = {
    year,
    notified: val(planned, fromForecast ? 'stateNotified' : 'stateNotifiedNext'),
    cdAllocated: fromForecast ? val(forecast, 'cdAllocated') : (val(rowOf(c?.recap, key), 'cdAllocated') ?? val(planned, 'cdAllocatedNext')),
    paid: val(rowOf(c?.execution, key), 'statePaid') ?? val(rowOf(c?.recap, key), 'statePaid'),
    stateSpent: null,
    stateUnspent: null,
    cdSpent: null,
    carryOverState: null,
    carryOverCd: null,
  };
  const source = executionSource(c);
  const row = rowOf(source, key);
  if (!source || !row) return out;
  if (source.kind === 'cls-execution') {
    out.stateSpent = val(row, 'stateSpent');
    out.stateUnspent = val(row, 'stateUnspent');
    out.cdSpent = val(row, 'cdSpent');
  } else {
    out.stateUnspent = val(row, 'stateUnspent');
    out.stateSpent = minus(val(row, 'statePaid'), out.stateUnspent);
    out.cdSpent = minus(val(row, 'cdAllocated'), val(row, 'cdUnspent'));
  }
  out.carryOverState = val(row, 'carryOverState');
  out.carryOverCd = val(row, 'carryOverCd');
  return out;
}

function emptyTotals(): FourYearTotals {
  // A literal, in MONEY_KEYS order: made for every action of a CLS that may hold 200 000.
  return { notified: ZERO, cdAllocated: ZERO, paid: ZERO, stateSpent: ZERO, stateUnspent: ZERO, cdSpent: ZERO, carryOverState: ZERO, carryOverCd: ZERO, stateRate: null, cdRate: null };
}

function totalsOf(years: YearMoney[]): FourYearTotals {
  const t = emptyTotals();
  for (const y of years) for (const k of MONEY_KEYS) if (y[k]) t[k] = t[k].plus(y[k]!);
  const rate = (part: MoneyKey, whole: MoneyKey) => {
    const both = years.filter((y) => y[part] !== null && y[whole] !== null);
    return percent(both.reduce((a, y) => a.plus(y[part]!), ZERO), both.reduce((a, y) => a.plus(y[whole]!), ZERO));
  };
  t.stateRate = rate('stateSpent', 'paid');
  t.cdRate = rate('cdSpent', 'cdAllocated');
  return t;
}

/** Actions added up year by year, one action at a time (a figure no action knows stays unknown). */
class LineSum {
  /** By year, then by MONEY_KEYS: the sum so far, null while no action knows the figure. */
  private readonly sums: (Money | null)[][];

  constructor(private readonly years: number[]) {
    this.sums = years.map(() => MONEY_KEYS.map(() => null));
  }

  add(action: FourYearLine): void {
    this.sums.forEach((sums, i) => {
      const y = action.years[i];
      MONEY_KEYS.forEach((k, j) => {
        const v = y[k];
        if (v !== null) sums[j] = (sums[j] ?? ZERO).plus(v);
      });
    });
  }

  line(): FourYearLine {
    const years = this.years.map((year, i): YearMoney => {
      const y = { year } as YearMoney;
      MONEY_KEYS.forEach((k, j) => {
        y[k] = this.sums[i][j];
      });
      return y;
    });
    return { years, totals: totalsOf(years) };
  }
}

/** "1.2" before "1.10", "3" before "4", anything else after. */
function compareKeys(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i] ?? -1;
    const y = pb[i] ?? -1;
    if (Number.isNaN(x) || Number.isNaN(y)) return a.localeCompare(b);
    if (x !== y) return x - y;
  }
  return 0;
}
