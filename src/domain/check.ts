import type { Finding } from './finding';
import { compareFindings } from './finding';
import { parseAddress } from './a1';
import { RULES } from './rules/catalogue';
import type { Rule } from './rules/rule';
import type { AnnexWorkbook, CheckOptions } from './workbook';

/** Runs the catalogue on a workbook's tables; findings sorted by sheet (workbook order), row, column, rule. */
export function checkWorkbook(workbook: AnnexWorkbook, options: CheckOptions, rules: Rule[] = RULES): Finding[] {
  const ctx = { workbook, options };
  const findings = rules.flatMap((r) => r.check(ctx));
  // Sort keys made once per finding, not once per comparison.
  const keyed = findings.map((f) => {
    const at = parseAddress(f.cell);
    return { f, key: { ...f, row: at ? at.row : 0, col: at ? at.col : 0 } };
  });
  // Sheets in the order the user sees their tabs; workbook-level findings ("") first.
  const tab = new Map(workbook.sheetNames.map((name, i) => [name, i + 1]));
  keyed.sort((a, b) => (tab.get(a.f.sheet) ?? 0) - (tab.get(b.f.sheet) ?? 0) || compareFindings(a.key, b.key));
  return keyed.map((k) => k.f);
}
