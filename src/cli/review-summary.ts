import Decimal from 'decimal.js';
import { type Money, plainAmount } from '../domain/money';
import { type GroupSums, clsForecastSums, ftVoletSums } from '../domain/summary';
import type { AnnexWorkbook } from '../domain/workbook';

/**
 * What the controllers' review workbook shows of a file besides its findings: which conventions it
 * holds, the State money, the CD's share, and the amounts per CLS axe and FT volet (added up across
 * files). The amounts are the domain's (src/domain/summary.ts: CLS — each prévisionnel; FT — the
 * « Plan d'action » per volet, else the plan de financement's TOTAL BESOINS, the State share); here
 * they only become plain strings ("1236000.00") so that results cross worker threads unchanged.
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
  const groups = [
    ...clsForecastSums(wb).flatMap((block) => block.axes.map((a) => toGroup('CLS', block.year, `Axe ${a.axe}`, a))),
    // The FT convention is for 2024 only (FT préambule, art. 2); the Plan d'action has no year.
    ...ftVoletSums(wb).map((v) => toGroup('FT', 2024, `Volet ${v.volet}`, v)),
  ];
  return { ...(wb.params.departmentCode ? { departmentCode: wb.params.departmentCode } : {}), conventions, groups };
}

function toGroup(convention: SummaryGroup['convention'], year: number | null, group: string, s: GroupSums): SummaryGroup {
  const plain = (m: Money | null) => (m === null ? null : plainAmount(m));
  return { convention, year, group, state: plainAmount(s.state), cd: plain(s.cd), other: plain(s.other), total: plainAmount(s.total) };
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
