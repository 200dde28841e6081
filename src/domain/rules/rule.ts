import type { Finding, Severity } from '../finding';
import type { AnnexWorkbook, CheckOptions } from '../workbook';

export interface RuleContext {
  workbook: AnnexWorkbook;
  options: CheckOptions;
}

/**
 * One rule of the catalogue: a stable ID (controllers script on it), its usual severity, the article
 * it enforces, a French title, and the pure function that yields its findings.
 */
export interface Rule {
  id: string;
  severity: Severity;
  article: string;
  title: string;
  check(ctx: RuleContext): Finding[];
}
