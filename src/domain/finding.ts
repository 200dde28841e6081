/** A finding: one breach or remark, pointing to its cell and citing its article. */
export type Severity = 'error' | 'warning' | 'info';

export interface Finding {
  /** Stable rule ID (public interface: controllers script on it), e.g. "CALC-ROW". */
  rule: string;
  severity: Severity;
  /** Sheet name as in the workbook; "" when the finding concerns the whole workbook. */
  sheet: string;
  /** A1 address of the cell; "" when the finding concerns a sheet or the workbook. */
  cell: string;
  /** French message saying what is wrong, where, expected and actual values. */
  message: string;
  /** Expected value, amounts as plain decimals with 2 places ("1236000.00"). */
  expected?: string;
  actual?: string;
  /** Article enforced, e.g. "CLS art. 2.2". */
  article: string;
}

export interface CellRef {
  sheet: string;
  row: number;
  col: number;
  /** A1 address, e.g. "H14". */
  address: string;
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Stable order: by sheet, then row, then column, then rule. */
export function compareFindings(a: Finding & { row?: number; col?: number }, b: Finding & { row?: number; col?: number }): number {
  if (a.sheet !== b.sheet) return a.sheet < b.sheet ? -1 : 1;
  const ra = a.row ?? 0;
  const rb = b.row ?? 0;
  if (ra !== rb) return ra - rb;
  const ca = a.col ?? 0;
  const cb = b.col ?? 0;
  if (ca !== cb) return ca - cb;
  if (a.rule !== b.rule) return a.rule < b.rule ? -1 : 1;
  return SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity];
}
