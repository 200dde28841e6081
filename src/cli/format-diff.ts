import type { ValueChange, WorkbookDiff } from '../domain/diff';
import { type Money, plainAmount } from '../domain/money';
import { hasChanges } from '../domain/diff';
import { visibleText } from '../layout/visible-text';
import { DIFF_SECTIONS, diffSummary, findingLine, parameterLine, rowLine, shareLine, tableLine, valueLine } from '../domain/diff-lines';

/** `annexes diff` reports: French text and JSON (the xlsx one is format-diff-xlsx.ts). */
export interface DiffReport {
  before: string;
  after: string;
  diff: WorkbookDiff;
}

export function formatDiffText(r: DiffReport): string {
  const d = r.diff;
  const lines = [`Comparaison : « ${r.before} » (avant) → « ${r.after} » (après)`, diffSummary(d)];
  const section = (title: string, items: string[]) => {
    if (items.length) lines.push('', `${title} (${items.length})`, ...items.map((s) => `  ${s}`));
  };
  section(DIFF_SECTIONS.values, d.values.map(valueLine));
  section(DIFF_SECTIONS.totals, d.totals.map(valueLine));
  section(DIFF_SECTIONS.rows, d.rows.map(rowLine));
  section(DIFF_SECTIONS.tables, d.tables.map(tableLine));
  section(DIFF_SECTIONS.parameters, d.parameters.map(parameterLine));
  section(DIFF_SECTIONS.shares, d.shares.map(shareLine));
  section(DIFF_SECTIONS.fixed, d.fixed.map(findingLine));
  section(DIFF_SECTIONS.introduced, d.introduced.map(findingLine));
  // Labels come from the workbooks: one line each, control characters shown (visible-text.ts).
  return `${lines.map(visibleText).join('\n')}\n`;
}

const plain = (m: Money | null) => (m === null ? null : plainAmount(m));
const pct = (m: Money | null) => (m === null ? null : m.toDecimalPlaces(2).toFixed(2));

/** The JSON report: amounts as "1236000.00", shares in % as "48.79". */
export function formatDiffJson(r: DiffReport): string {
  const d = r.diff;
  const value = (c: ValueChange) => ({ ...c, difference: plain(c.difference), beforeValue: plain(c.beforeValue), afterValue: plain(c.afterValue) });
  const report = {
    before: r.before,
    after: r.after,
    changed: hasChanges(d),
    values: d.values.map(value),
    totals: d.totals.map(value),
    rows: d.rows,
    tables: d.tables,
    parameters: d.parameters,
    shares: d.shares.map((s) => ({ ...s, before: pct(s.before), after: pct(s.after), minimum: pct(s.minimum) })),
    findings: { fixed: d.fixed, introduced: d.introduced },
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}
