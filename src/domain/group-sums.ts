/**
 * State / CD / other / total money per CLS axe and per FT volet, summed once for every figure drawn
 * or added up next to the findings: the pane's summary (summary.ts, which also exposes these) and
 * the controllers' review workbook (src/cli/review-summary.ts). Unreadable cells count as 0 (see
 * columnSum): the CELL-* findings say what is wrong.
 */
import { type Money, ZERO } from './money';
import { type AnnexTable, type TableRow, columnSum } from './table';
import type { AnnexWorkbook } from './workbook';

/** cd and other are null when the source does not say (plan de financement: State share only). */
export interface GroupSums {
  state: Money;
  cd: Money | null;
  other: Money | null;
  total: Money;
}

export interface AxeSums extends GroupSums {
  axe: string;
  cd: Money;
  other: Money;
}

export interface ClsBlockSums {
  year: number | null;
  /** In axe order ("1", "3", "4"), whatever the sheet's order. */
  axes: AxeSums[];
}

export interface VoletSums extends GroupSums {
  /** As the Plan d'action writes it (the readers keep the digits), or the plan de financement's number. */
  volet: string;
}

/** Where a CLS block's money is: the prévisionnel's A, B, C, F; the récapitulatif's plan for n+1 (H, J, L, M). */
const CLS_COLUMNS = {
  'cls-forecast': { state: 'stateNotified', cd: 'cdAllocated', other: 'otherFunders', total: 'totalBudget' },
  'cls-recap': { state: 'stateNotifiedNext', cd: 'cdAllocatedNext', other: 'otherFundersNext', total: 'totalBudgetNext' },
};

/** Every CLS prévisionnel block (each year the file plans), summed per axe. */
export function clsForecastSums(workbook: AnnexWorkbook): ClsBlockSums[] {
  return workbook.tables
    .filter((t) => t.kind === 'cls-forecast')
    .map((t) => ({ year: t.year, axes: clsAxeSums(t).sort((a, b) => a.axe.localeCompare(b.axe)) }));
}

/** Per axe of a prévisionnel or récapitulatif (n+1) block's action rows, in sheet order; rows without an axe under "?". */
export function clsAxeSums(table: AnnexTable): AxeSums[] {
  const keys = CLS_COLUMNS[table.kind as keyof typeof CLS_COLUMNS];
  if (!keys) throw new Error(`clsAxeSums: ${table.kind} is not a CLS prévisionnel or récapitulatif`);
  return [...groupBy(table.rows, (r) => r.group ?? '?')].map(([axe, rows]) => ({
    axe,
    state: columnSum(rows, keys.state),
    cd: columnSum(rows, keys.cd),
    other: columnSum(rows, keys.other),
    total: columnSum(rows, keys.total),
  }));
}

/**
 * Per FT volet, in volet order: from the first Plan d'action with a « Volet » column (State, CD,
 * other, action cost); else each plan de financement's TOTAL BESOINS, which is the State share only
 * (an unreadable total counts as 0).
 */
export function ftVoletSums(workbook: AnnexWorkbook): VoletSums[] {
  const plan = workbook.tables.find((t) => t.kind === 'ft-action-plan' && t.columns.some((c) => c.key === 'volet'));
  const byVolet = new Map<string, GroupSums>();
  if (plan) {
    for (const [volet, rows] of groupBy(plan.rows, (r) => r.texts?.volet || undefined)) {
      byVolet.set(volet, { state: columnSum(rows, 'state'), cd: columnSum(rows, 'cd'), other: columnSum(rows, 'other'), total: columnSum(rows, 'total') });
    }
  } else {
    for (const t of workbook.tables.filter((x) => x.kind === 'ft-plan' && x.volet !== undefined)) {
      const total = ftPlanTotal(t) ?? ZERO;
      byVolet.set(String(t.volet), { state: total, cd: null, other: null, total });
    }
  }
  return [...byVolet].sort(([a], [b]) => Number(a) - Number(b)).map(([volet, sums]) => ({ volet, ...sums }));
}

/** TOTAL BESOINS DEPARTEMENTAUX of a plan de financement; null when absent or unreadable. */
export function ftPlanTotal(t: AnnexTable): Money | null {
  return t.grandTotalIndex !== undefined ? (t.rows[t.grandTotalIndex]?.amounts.amount?.value ?? null) : null;
}

/** Detail rows by key, in first-seen order; rows whose key is undefined are left out. Linear: each row is pushed once. */
export function groupBy(rows: TableRow[], keyOf: (r: TableRow) => string | undefined): Map<string, TableRow[]> {
  const out = new Map<string, TableRow[]>();
  for (const row of rows) {
    const key = row.kind === 'detail' ? keyOf(row) : undefined;
    if (key === undefined) continue;
    const list = out.get(key);
    if (list) list.push(row);
    else out.set(key, [row]);
  }
  return out;
}
