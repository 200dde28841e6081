import type { Finding } from './finding';
import { compareFindings } from './finding';
import { parseAddress } from './a1';
import { RULES } from './rules/catalogue';
import type { Rule } from './rules/rule';
import type { AnnexWorkbook, CheckOptions } from './workbook';

/** Runs the catalogue on a workbook's tables; findings sorted by sheet, row, column, rule. */
export function checkWorkbook(workbook: AnnexWorkbook, options: CheckOptions, rules: Rule[] = RULES): Finding[] {
  const ctx = { workbook, options };
  const findings = rules.flatMap((r) => r.check(ctx));
  const keyed = findings.map((f) => ({ f, ...(parseAddress(f.cell) ?? { row: 0, col: 0 }) }));
  keyed.sort((a, b) => compareFindings({ ...a.f, row: a.row, col: a.col }, { ...b.f, row: b.row, col: b.col }));
  return keyed.map((k) => k.f);
}
