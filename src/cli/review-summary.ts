import Decimal from 'decimal.js';
import type { Finding } from '../domain/finding';
import { type Money, plainAmount } from '../domain/money';
import { type GroupSums, clsForecastSums, ftVoletSums, summarise } from '../domain/summary';
import type { AnnexWorkbook, CheckOptions, OptionOverrides } from '../domain/workbook';
import { type CauseGroup, groupByCause } from '../layout/report/causes';

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

/** A reading the file was checked with, and where it came from, in French (« option », « Paramètres », « défaut »). */
export interface AppliedReading {
  label: string;
  value: string;
  source: 'option de la commande' | 'feuille Paramètres' | 'par défaut';
}

export interface FileSummary {
  departmentCode?: string;
  conventions: ('CLS' | 'FT')[];
  groups: SummaryGroup[];
  /** The readings this file was checked with (its Paramètres may differ from the next file's). */
  readings?: AppliedReading[];
  /** CD share of the FT volet 2 under this file's FSE+ reading, as a ratio (« 0.5 »); null without a base. */
  ftVolet2Share?: string | null;
  fseCounted?: boolean;
  /** Findings grouped by probable cause (indices into the file's findings). */
  causes?: CauseGroup[];
}

/**
 * The file's summary; with the options it was checked with, the readings and the volet-2 share
 * under them, and with its findings, their probable causes.
 */
export function summariseWorkbook(wb: AnnexWorkbook, options?: CheckOptions, findings?: Finding[], overrides: OptionOverrides = {}): FileSummary {
  const conventions: FileSummary['conventions'] = [];
  if (wb.tables.some((t) => t.kind.startsWith('cls-'))) conventions.push('CLS');
  if (wb.tables.some((t) => t.kind.startsWith('ft-'))) conventions.push('FT');
  const groups = [
    ...clsForecastSums(wb).flatMap((block) => block.axes.map((a) => toGroup('CLS', block.year, `Axe ${a.axe}`, a))),
    // The FT convention is for 2024 only (FT préambule, art. 2); the Plan d'action has no year.
    ...ftVoletSums(wb).map((v) => toGroup('FT', 2024, `Volet ${v.volet}`, v)),
  ];
  const out: FileSummary = { ...(wb.params.departmentCode ? { departmentCode: wb.params.departmentCode } : {}), conventions, groups };
  if (options) {
    const cofi = summarise(wb, options).cofiVolet2;
    out.ftVolet2Share = cofi?.share ? cofi.share.div(100).toString() : null;
    out.fseCounted = options.fseAsCd;
    out.readings = readingsOf(wb, options, overrides);
  }
  if (findings) out.causes = groupByCause(wb, findings);
  return out;
}

/** Each reading, its value and its source: the command's option, the file's Paramètres, or the default. */
function readingsOf(wb: AnnexWorkbook, o: CheckOptions, overrides: OptionOverrides): AppliedReading[] {
  const p = wb.params;
  const source = (key: keyof OptionOverrides, inParams: boolean): AppliedReading['source'] =>
    overrides[key] !== undefined ? 'option de la commande' : inParams ? 'feuille Paramètres' : 'par défaut';
  const pct = (d: Decimal) => `${d.times(100).toString().replace('.', ',')} %`;
  return [
    { label: 'Valorisation FSE+ comptée comme part du Département (FT art. 3.3)', value: o.fseAsCd ? 'oui' : 'non', source: source('fseAsCd', p.fseAsCd !== undefined) },
    { label: 'Seuil de sous-consommation (CLS art. 2.2)', value: pct(o.underspendThreshold), source: source('underspendThreshold', p.underspendThreshold !== undefined) },
    { label: 'Part minimale du Département (CLS art. 2.2, FT art. 3.3)', value: pct(o.minCdShare), source: source('minCdShare', p.minCdShare !== undefined) },
    { label: 'Assiette du cofinancement CLS', value: o.clsCofiBase === 'total' ? 'budget global A + B + C' : 'État + CD', source: source('clsCofiBase', false) },
    {
      label: 'Forfait du volet 1 au bilan France Travail',
      value: o.ftVolet1 === 'lump-sum' ? 'retenu en totalité (FT art. 4.1)' : 'limité aux dépenses éligibles (FT art. 8)',
      source: source('ftVolet1', p.ftLumpSumInFull !== undefined),
    },
  ];
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
    // The share under the file's own FSE+ reading when it was checked with one; else the CD column alone.
    ftVolet2:
      s.ftVolet2Share !== undefined
        ? s.ftVolet2Share === null
          ? null
          : new Decimal(s.ftVolet2Share)
        : share(s.groups.filter((g) => g.convention === 'FT' && g.group === 'Volet 2')),
  };
}
