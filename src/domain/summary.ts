/**
 * The figures the pane draws next to the findings: per CLS axe the State / CD / other money and the
 * CD share; per FT volet the total against its plafond; the volet-2 co-financing share. Computed
 * from the same tables the rules check, with the same readings (options), so the picture and the
 * findings never disagree.
 */
import { type Money, ZERO, percent, sumMoney } from './money';
import type { AnnexTable, TableRow } from './table';
import type { AnnexWorkbook, CheckOptions } from './workbook';

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

/** FSE+ "valorisation", as COFI-FT-VOLET2 recognises it in "Nature des autres financements". */
const FSE = /\bfse\b|fse\s*\+|fonds social europ/i;

export function summarise(workbook: AnnexWorkbook, options: CheckOptions): WorkbookSummary {
  return { cls: clsSummary(workbook, options), volets: voletSummaries(workbook), cofiVolet2: cofiSummary(workbook, options) };
}

/** From the first prévisionnel block (the year the convention notified), else the récapitulatif's n+1. */
function clsSummary(workbook: AnnexWorkbook, options: CheckOptions): ClsSummary | null {
  const forecast = workbook.tables.find((t) => t.kind === 'cls-forecast');
  const recap = workbook.tables.find((t) => t.kind === 'cls-recap');
  const spec = forecast
    ? { table: forecast, state: 'stateNotified', cd: 'cdAllocated', other: 'otherFunders' }
    : recap
      ? { table: recap, state: 'stateNotifiedNext', cd: 'cdAllocatedNext', other: 'otherFundersNext' }
      : null;
  if (!spec) return null;
  const byAxe = new Map<string, TableRow[]>();
  for (const row of spec.table.rows) {
    if (row.kind !== 'detail') continue;
    const axe = row.group ?? '?';
    byAxe.set(axe, [...(byAxe.get(axe) ?? []), row]);
  }
  const axes = [...byAxe].map(([axe, rows]): AxeSummary => {
    const state = sumOf(rows, spec.state);
    const cd = sumOf(rows, spec.cd);
    const other = sumOf(rows, spec.other);
    const base = options.clsCofiBase === 'state-cd' ? state.plus(cd) : state.plus(cd).plus(other);
    return { axe, state, cd, other, cdShare: percent(cd, base) };
  });
  return { title: titleOf(spec.table, spec.table === recap), axes };
}

function titleOf(table: AnnexTable, isRecapNext: boolean): string {
  return isRecapNext && table.year !== null ? `Prévisionnel ${table.year + 1}` : table.title;
}

function voletSummaries(workbook: AnnexWorkbook): VoletSummary[] {
  return workbook.tables
    .filter((t) => t.kind === 'ft-plan' && t.volet !== undefined)
    .map((t) => {
      const grand = t.grandTotalIndex !== undefined ? t.rows[t.grandTotalIndex] : undefined;
      const sheetCeiling = t.ceiling && t.ceiling.kind !== 'empty' ? t.ceiling.value : null;
      return {
        volet: t.volet!,
        total: grand?.amounts.amount?.value ?? null,
        ceiling: sheetCeiling ?? workbook.params.ftCeilings.get(t.volet!) ?? null,
      };
    })
    .sort((a, b) => a.volet - b.volet);
}

function cofiSummary(workbook: AnnexWorkbook, options: CheckOptions): CofiSummary | null {
  const plan = workbook.tables.find((t) => t.kind === 'ft-action-plan');
  if (!plan) return null;
  const rows = plan.rows.filter((r) => r.kind === 'detail' && (r.texts?.volet ?? '').replace(/\D/g, '') === '2');
  if (rows.length === 0) return null;
  const cd = sumOf(rows, 'cd');
  const fse = sumOf(rows.filter((r) => FSE.test(r.texts?.otherNature ?? '')), 'other');
  const total = sumOf(rows, 'total');
  const counted = options.fseAsCd ? cd.plus(fse) : cd;
  return { cd, fse, total, share: percent(counted, total), minShare: options.minCdShare.times(100), fseCounted: options.fseAsCd };
}

/** Unreadable cells count as 0 here: the drawing is a summary, the CELL-* findings say what is wrong. */
function sumOf(rows: TableRow[], key: string): Money {
  return sumMoney(rows.map((r) => r.amounts[key]?.value ?? ZERO));
}
