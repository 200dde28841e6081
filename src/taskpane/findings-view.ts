/**
 * The findings list as the pane shows it: filtered by rule and severity, grouped by sheet then
 * severity, with counts. Pure, so the grouping rules are tested without rendering anything.
 */
import type { Finding, Severity } from '../domain/finding';

export const SEVERITIES: Severity[] = ['error', 'warning', 'info'];

export const SEVERITY_LABELS: Record<Severity, { one: string; many: string }> = {
  error: { one: 'erreur', many: 'erreurs' },
  warning: { one: 'avertissement', many: 'avertissements' },
  info: { one: 'information', many: 'informations' },
};

export interface FindingFilter {
  /** Rule ID, or null for every rule. */
  rule: string | null;
  severities: ReadonlySet<Severity>;
}

export interface SeverityGroup {
  severity: Severity;
  findings: Finding[];
}

export interface SheetGroup {
  /** Sheet name; "" for findings about the whole workbook. */
  sheet: string;
  count: number;
  bySeverity: SeverityGroup[];
}

export function countLabel(n: number, severity: Severity): string {
  const l = SEVERITY_LABELS[severity];
  return `${n} ${n > 1 ? l.many : l.one}`;
}

export function countBySeverity(findings: Finding[]): Record<Severity, number> {
  const out: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) out[f.severity]++;
  return out;
}

export function rulesOf(findings: Finding[]): string[] {
  return [...new Set(findings.map((f) => f.rule))].sort();
}

/** Groups keep the workbook's sheet order as the findings list it; whole-workbook findings first. */
export function groupFindings(findings: Finding[], filter: FindingFilter): SheetGroup[] {
  const kept = findings.filter((f) => filter.severities.has(f.severity) && (filter.rule === null || f.rule === filter.rule));
  const sheets = [...new Set(kept.map((f) => f.sheet))].sort((a, b) => (a === '' ? -1 : b === '' ? 1 : 0));
  return sheets.map((sheet) => {
    const inSheet = kept.filter((f) => f.sheet === sheet);
    return {
      sheet,
      count: inSheet.length,
      bySeverity: SEVERITIES.map((severity) => ({ severity, findings: inSheet.filter((f) => f.severity === severity) })).filter((g) => g.findings.length > 0),
    };
  });
}
