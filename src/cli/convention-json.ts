import Decimal from 'decimal.js';
import { type ConventionView, type FourYearLine, MONEY_KEYS, type MoneyKey, visitConvention, yearsRead } from '../domain/convention-view';
import type { AnnexWorkbook } from '../domain/workbook';
import { type Money, formatEuro, formatPercent, plainAmount } from '../domain/money';

/**
 * The four-year CLS view (src/domain/convention-view.ts) as plain data: amounts as "1236000.00",
 * rates as "91.91" (%), null for what the workbook does not say. It crosses worker threads and is the
 * `convention` object of `annexes check --format json`; the text report prints a few lines of it.
 */
export type PlainYear = { year: number } & Record<MoneyKey, string | null>;

export interface PlainLine {
  years: PlainYear[];
  totals: Record<MoneyKey, string> & { stateRate: string | null; cdRate: string | null };
}

export interface PlainConvention extends PlainLine {
  period: number[];
  sources: ConventionView['sources'];
  expected: { years: { year: number; amount: string | null; source: string | null }[]; total: string | null };
  axes: (PlainLine & { axe: string })[];
  /**
   * Per action: only for the review workbook. A CLS block may hold thousands of actions and each
   * line is four years of eight amounts: the JSON report and the text report stop at the axes.
   */
  actions?: (PlainLine & { key: string; label: string; axe: string })[];
}

const plain = (m: Money | null) => (m === null ? null : plainAmount(m));
const rate = (m: Money | null) => (m === null ? null : m.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2));

function plainLine(l: FourYearLine): PlainLine {
  const totals = Object.fromEntries(MONEY_KEYS.map((k) => [k, plainAmount(l.totals[k])])) as Record<MoneyKey, string>;
  return {
    years: l.years.map((y) => ({ year: y.year, ...(Object.fromEntries(MONEY_KEYS.map((k) => [k, plain(y[k])])) as Record<MoneyKey, string | null>) })),
    totals: { ...totals, stateRate: rate(l.totals.stateRate), cdRate: rate(l.totals.cdRate) },
  };
}

/**
 * The four-year view of a workbook's CLS as plain data; null when it holds no CLS block. The view
 * hands its actions over one at a time (visitConvention): they are kept only when asked for.
 */
export function plainConvention(workbook: AnnexWorkbook, options: { actions?: boolean } = {}): PlainConvention | null {
  const actions: NonNullable<PlainConvention['actions']> = [];
  const view = visitConvention(workbook, options.actions ? (a) => actions.push({ key: a.key, label: a.label, axe: a.axe, ...plainLine(a) }) : () => undefined);
  if (!view) return null;
  return {
    period: view.years,
    sources: view.sources,
    expected: { years: view.expected.years.map((e) => ({ year: e.year, amount: plain(e.amount), source: e.source })), total: plain(view.expected.total) },
    ...plainLine(view.total),
    axes: view.axes.map((a) => ({ axe: a.axe, ...plainLine(a) })),
    ...(options.actions ? { actions } : {}),
  };
}

const euro = (s: string) => formatEuro(new Decimal(s));

/** « notifié … ; versé … ; réalisé … (…) ; reporté … » for one line of the view. */
function figures(l: PlainLine): string {
  const t = l.totals;
  const spent = `réalisé ${euro(t.stateSpent)}${t.stateRate !== null ? ` (${formatPercent(new Decimal(t.stateRate))} des crédits versés)` : ''}`;
  return `notifié ${euro(t.notified)} ; versé ${euro(t.paid)} ; ${spent} ; non consommé ${euro(t.stateUnspent)} ; reporté ${euro(t.carryOverState)} (part CD ${euro(t.carryOverCd)})`;
}

/** The text report's lines: the years read and the total expected, then the whole convention and each axe. */
export function conventionLines(c: PlainConvention): string[] {
  const [first, last] = [c.period[0], c.period[c.period.length - 1]];
  const expected = c.expected.total !== null ? ` ; attendu ${euro(c.expected.total)} selon l’art. 2.2 et les avenants` : '';
  return [
    `  CLS ${first}-${last}, part État (années lues : ${yearsRead(c.sources)}${expected}) :`,
    `    total : ${figures(c)}`,
    ...c.axes.map((a) => `    axe ${a.axe} : ${figures(a)}`),
  ];
}
