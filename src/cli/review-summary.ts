import Decimal from 'decimal.js';
import { type Money, ZERO, plainAmount } from '../domain/money';
import type { AnnexTable } from '../domain/table';
import type { AnnexWorkbook } from '../domain/workbook';

/**
 * What the controllers' review workbook shows of a file besides its findings: which conventions it
 * holds, the State money, the CD's share, and the amounts per CLS axe and FT volet (added up across
 * files). Amounts are plain strings ("1236000.00") so that results cross worker threads unchanged.
 * Sources: CLS — each prévisionnel (A État, B CD, C autres, F budget global); FT — the « Plan
 * d'action » per volet (État, CD, autres, montant de l'action), else the plan de financement's
 * TOTAL BESOINS, which is the State share.
 */
export interface SummaryGroup {
  convention: 'CLS' | 'FT';
  year: number | null;
  /** "Axe 1", "Volet 2". */
  group: string;
  state: string;
  /** null when the source does not say (plan de financement: State share only). */
  cd: string | null;
  other: string | null;
  total: string;
}

export interface FileSummary {
  departmentCode?: string;
  conventions: ('CLS' | 'FT')[];
  groups: SummaryGroup[];
}

export function summariseWorkbook(wb: AnnexWorkbook): FileSummary {
  const conventions: FileSummary['conventions'] = [];
  if (wb.tables.some((t) => t.kind.startsWith('cls-'))) conventions.push('CLS');
  if (wb.tables.some((t) => t.kind.startsWith('ft-'))) conventions.push('FT');
  const groups = [...clsGroups(wb), ...ftGroups(wb)];
  return { ...(wb.params.departmentCode ? { departmentCode: wb.params.departmentCode } : {}), conventions, groups };
}

type Sums = { state: Money; cd: Money | null; other: Money | null; total: Money };
const zero = (): Sums => ({ state: ZERO, cd: ZERO, other: ZERO, total: ZERO });
const plus = (a: Money | null, b: Money): Money | null => (a === null ? null : a.plus(b));
const value = (t: AnnexTable, i: number, key: string): Money => t.rows[i].amounts[key]?.value ?? ZERO;

function toGroup(convention: SummaryGroup['convention'], year: number | null, group: string, s: Sums): SummaryGroup {
  const plain = (m: Money | null) => (m === null ? null : plainAmount(m));
  return { convention, year, group, state: plainAmount(s.state), cd: plain(s.cd), other: plain(s.other), total: plainAmount(s.total) };
}

function clsGroups(wb: AnnexWorkbook): SummaryGroup[] {
  const out: SummaryGroup[] = [];
  for (const t of wb.tables.filter((x) => x.kind === 'cls-forecast')) {
    const byAxe = new Map<string, Sums>();
    t.rows.forEach((r, i) => {
      if (r.kind !== 'detail') return;
      const axe = r.group ?? '?';
      const s = byAxe.get(axe) ?? zero();
      s.state = s.state.plus(value(t, i, 'stateNotified'));
      s.cd = plus(s.cd, value(t, i, 'cdAllocated'));
      s.other = plus(s.other, value(t, i, 'otherFunders'));
      s.total = s.total.plus(value(t, i, 'totalBudget'));
      byAxe.set(axe, s);
    });
    for (const [axe, s] of [...byAxe].sort(([a], [b]) => a.localeCompare(b))) out.push(toGroup('CLS', t.year, `Axe ${axe}`, s));
  }
  return out;
}

function ftGroups(wb: AnnexWorkbook): SummaryGroup[] {
  const plan = wb.tables.find((t) => t.kind === 'ft-action-plan' && t.columns.some((c) => c.key === 'volet'));
  const byVolet = new Map<string, Sums>();
  if (plan) {
    plan.rows.forEach((r, i) => {
      const volet = r.texts?.volet;
      if (r.kind !== 'detail' || !volet) return;
      const s = byVolet.get(volet) ?? zero();
      s.state = s.state.plus(value(plan, i, 'state'));
      s.cd = plus(s.cd, value(plan, i, 'cd'));
      s.other = plus(s.other, value(plan, i, 'other'));
      s.total = s.total.plus(value(plan, i, 'total'));
      byVolet.set(volet, s);
    });
  } else {
    for (const t of wb.tables.filter((x) => x.kind === 'ft-plan' && x.volet !== undefined)) {
      const total = t.grandTotalIndex !== undefined ? value(t, t.grandTotalIndex, 'amount') : ZERO;
      byVolet.set(String(t.volet), { state: total, cd: null, other: null, total });
    }
  }
  return [...byVolet].sort(([a], [b]) => Number(a) - Number(b)).map(([v, s]) => toGroup('FT', 2024, `Volet ${v}`, s));
}

/** State total of a file: every CLS prévisionnel's first year plus the FT volets. */
export function stateTotals(s: FileSummary): { cls: Decimal | null; ft: Decimal | null } {
  const clsYears = [...new Set(s.groups.filter((g) => g.convention === 'CLS').map((g) => g.year ?? 0))].sort((a, b) => a - b);
  const sum = (list: SummaryGroup[], k: 'state' | 'total') => list.reduce((acc, g) => acc.plus(g[k]), new Decimal(0));
  const cls = s.groups.filter((g) => g.convention === 'CLS' && (g.year ?? 0) === clsYears[0]);
  const ft = s.groups.filter((g) => g.convention === 'FT');
  return { cls: cls.length ? sum(cls, 'state') : null, ft: ft.length ? sum(ft, 'state') : null };
}

/** The CD's share of a convention's budget (CLS: first prévisionnel; FT: volet 2), null without a base. */
export function cdShares(s: FileSummary): { cls: Decimal | null; ftVolet2: Decimal | null } {
  const clsYears = [...new Set(s.groups.filter((g) => g.convention === 'CLS').map((g) => g.year ?? 0))].sort((a, b) => a - b);
  const share = (list: SummaryGroup[]) => {
    if (list.length === 0 || list.some((g) => g.cd === null)) return null;
    const cd = list.reduce((a, g) => a.plus(g.cd as string), new Decimal(0));
    const total = list.reduce((a, g) => a.plus(g.total), new Decimal(0));
    return total.isZero() ? null : cd.div(total);
  };
  return {
    cls: share(s.groups.filter((g) => g.convention === 'CLS' && (g.year ?? 0) === clsYears[0])),
    ftVolet2: share(s.groups.filter((g) => g.convention === 'FT' && g.group === 'Volet 2')),
  };
}
