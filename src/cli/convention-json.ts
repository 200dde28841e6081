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
  /** Actions left out of `actions` because there were more than the review shows (their count). */
  actionsOmitted?: number;
}

/** Actions the review workbook details per file: beyond, its axes and total only (a sheet of 5 rows an action stays usable). */
export const REVIEW_MAX_ACTIONS = 500;

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
 * hands its actions over one at a time (visitConvention): they are kept only when asked for, and
 * only up to `maxActions` (REVIEW_MAX_ACTIONS): beyond, only their count (`actionsOmitted`).
 */
export function plainConvention(workbook: AnnexWorkbook, options: { actions?: boolean; maxActions?: number } = {}): PlainConvention | null {
  const max = options.maxActions ?? REVIEW_MAX_ACTIONS;
  let actions: NonNullable<PlainConvention['actions']> | null = [];
  let count = 0;
  const keep = (a: Parameters<Parameters<typeof visitConvention>[1]>[0]) => {
    count++;
    if (count > max) actions = null; // too many to detail: the count only
    else if (actions) actions.push({ key: a.key, label: a.label, axe: a.axe, ...plainLine(a) });
  };
  const view = visitConvention(workbook, options.actions ? keep : () => undefined);
  if (!view) return null;
  return {
    period: view.years,
    sources: view.sources,
    expected: { years: view.expected.years.map((e) => ({ year: e.year, amount: plain(e.amount), source: e.source })), total: plain(view.expected.total) },
    ...plainLine(view.total),
    axes: view.axes.map((a) => ({ axe: a.axe, ...plainLine(a) })),
    ...(options.actions && actions ? { actions } : {}),
    ...(options.actions && !actions ? { actionsOmitted: count } : {}),
  };
}

/** The State money notified in the tables against art. 2.2's, over the years the workbook has them. */
export interface ReadGap {
  /** Years of the convention whose notified amount was read, and those not read yet. */
  read: number[];
  unread: number[];
  /** Σ notified over the years read. */
  notified: Decimal;
  /** Σ expected over the years read (null when one of them is unknown). */
  expected: Decimal | null;
  /** notified − expected over the years read; null when the expected amount is unknown or nothing was read. */
  gap: Decimal | null;
}

export function readGap(c: PlainConvention): ReadGap {
  const notifiedOf = new Map(c.years.map((y) => [y.year, y.notified]));
  const read: number[] = [];
  const unread: number[] = [];
  let notified = new Decimal(0);
  let expected: Decimal | null = new Decimal(0);
  for (const e of c.expected.years) {
    const n = notifiedOf.get(e.year);
    if (n === null || n === undefined) {
      unread.push(e.year);
      continue;
    }
    read.push(e.year);
    notified = notified.plus(n);
    expected = expected === null || e.amount === null ? null : expected.plus(e.amount);
  }
  return { read, unread, notified, expected, gap: expected !== null && read.length > 0 ? notified.minus(expected) : null };
}

const euro = (s: string) => formatEuro(new Decimal(s));

/** « notifié … ; versé … ; réalisé … (…) ; reporté … » for one line of the view. */
export function figures(l: PlainLine): string {
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
