/**
 * The figures the pane draws next to the findings: per CLS axe the State / CD / other money and the
 * CD share; per FT volet the total against its plafond; the volet-2 co-financing share. Computed
 * from the same tables the rules check, with the same readings (options), so the picture and the
 * findings never disagree. The per-axe and per-volet sums come from group-sums.ts (exposed here for
 * the review workbook), the co-financing from cofinancing.ts (also read by COFI-FT-VOLET2).
 */
import { volet2Cofinancing } from './cofinancing';
import { clsAxeSums, ftPlanTotal } from './group-sums';
import { type Money, percent } from './money';
import type { AnnexTable } from './table';
import type { AnnexWorkbook, CheckOptions } from './workbook';

export { type AxeSums, type ClsBlockSums, type GroupSums, type VoletSums, clsForecastSums, ftVoletSums } from './group-sums';

export interface AxeSummary {
  axe: string;
  state: Money;
  cd: Money;
  other: Money;
  /** CD ÷ base in %, base per options.clsCofiBase (CLS art. 2.2); null when the base is 0. */
  cdShare: Money | null;
}

export interface ClsSummary {
  /** "Prévisionnel 2024": the block the figures come from. */
  title: string;
  axes: AxeSummary[];
}

export interface VoletSummary {
  volet: number;
  /** TOTAL BESOINS DEPARTEMENTAUX; null when unreadable. */
  total: Money | null;
  /** PLAFOND DEPARTEMENT, else the Paramètres sheet's ceiling; null when neither says. */
  ceiling: Money | null;
}

export interface CofiSummary {
  cd: Money;
  fse: Money;
  total: Money;
  /** CD (plus FSE+ when counted) ÷ total, in %. */
  share: Money | null;
  /** Minimum share in % (50 by default, FT art. 3.3). */
  minShare: Money;
  fseCounted: boolean;
}

export interface WorkbookSummary {
  cls: ClsSummary | null;
  volets: VoletSummary[];
  cofiVolet2: CofiSummary | null;
}

export function summarise(workbook: AnnexWorkbook, options: CheckOptions): WorkbookSummary {
  return { cls: clsSummary(workbook, options), volets: voletSummaries(workbook), cofiVolet2: cofiSummary(workbook, options) };
}

/** From the first prévisionnel block (the year the convention notified), else the récapitulatif's n+1. */
function clsSummary(workbook: AnnexWorkbook, options: CheckOptions): ClsSummary | null {
  const forecast = workbook.tables.find((t) => t.kind === 'cls-forecast');
  const recap = workbook.tables.find((t) => t.kind === 'cls-recap');
  const table = forecast ?? recap;
  if (!table) return null;
  // In sheet order: the pane draws the axes as the sheet lists them.
  const axes = clsAxeSums(table).map(({ axe, state, cd, other }): AxeSummary => {
    const base = options.clsCofiBase === 'state-cd' ? state.plus(cd) : state.plus(cd).plus(other);
    return { axe, state, cd, other, cdShare: percent(cd, base) };
  });
  return { title: titleOf(table, table === recap), axes };
}

function titleOf(table: AnnexTable, isRecapNext: boolean): string {
  return isRecapNext && table.year !== null ? `Prévisionnel ${table.year + 1}` : table.title;
}

function voletSummaries(workbook: AnnexWorkbook): VoletSummary[] {
  return workbook.tables
    .filter((t) => t.kind === 'ft-plan' && t.volet !== undefined)
    .map((t) => {
      const sheetCeiling = t.ceiling && t.ceiling.kind !== 'empty' ? t.ceiling.value : null;
      return { volet: t.volet!, total: ftPlanTotal(t), ceiling: sheetCeiling ?? workbook.params.ftCeilings.get(t.volet!) ?? null };
    })
    .sort((a, b) => a.volet - b.volet);
}

function cofiSummary(workbook: AnnexWorkbook, options: CheckOptions): CofiSummary | null {
  const plan = workbook.tables.find((t) => t.kind === 'ft-action-plan');
  const cofi = plan ? volet2Cofinancing(plan, options) : null;
  if (!cofi) return null;
  const { cd, fse, total, share } = cofi;
  return { cd, fse, total, share, minShare: options.minCdShare.times(100), fseCounted: options.fseAsCd };
}
