/**
 * A comparison (src/domain/diff.ts) as the pane lists it: the sections and wording of `annexes
 * diff` (src/domain/diff-lines.ts), each change in three parts, and the cell in the open workbook a
 * click shows — the cell after the change; none for what no longer exists there (a removed row, a
 * fixed finding, a changed parameter).
 */
import { type ChangeParts, DIFF_SECTIONS, parameterParts, rowParts, shareParts, tableParts, valueParts } from '../domain/diff-lines';
import type { ValueChange, WorkbookDiff } from '../domain/diff';
import type { Finding } from '../domain/finding';
import { RULES } from '../domain/rules/catalogue';
import { parseAddress } from '../layout/grid';
import { SEVERITY_LABELS } from './findings-view';
import { frenchSpacing, inPaneWords } from './pane-text';

export interface Place {
  sheet: string;
  /** '' for the sheet itself. */
  address: string;
}

export interface ChangeItem extends ChangeParts {
  key: string;
  /** Where a click goes in the open workbook; null when the change has no cell there. */
  target: Place | null;
}

export interface ChangeSection {
  id: keyof typeof DIFF_SECTIONS;
  title: string;
  items: ChangeItem[];
}

const TITLES = new Map(RULES.map((r) => [r.id, r.title]));

/** « Feuille!F18 » (workbook-places' cellName) → its sheet and cell; the sheet's name may hold a « ! ». */
export function placeOf(cellName: string | null): Place | null {
  if (!cellName) return null;
  const bang = cellName.lastIndexOf('!');
  if (bang <= 0) return null;
  const address = cellName.slice(bang + 1);
  return parseAddress(address) ? { sheet: cellName.slice(0, bang), address } : null;
}

const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function findingParts(f: Finding): ChangeParts {
  const cell = f.sheet ? `${f.sheet}${f.cell ? `!${f.cell}` : ''}` : 'classeur entier';
  return { what: `${capitalised(SEVERITY_LABELS[f.severity].one)} — ${TITLES.get(f.rule) ?? f.rule}`, how: inPaneWords(f.message), where: `${cell} · ${f.rule}` };
}

/** The CLI's words, with the pane's no-break spaces (before « : », « € », « % »…). */
function spaced(p: ChangeParts): ChangeParts {
  return { what: frenchSpacing(p.what), how: frenchSpacing(p.how), where: p.where };
}

/** Only the sections that hold something, in the order of the CLI's report. */
export function comparisonSections(d: WorkbookDiff): ChangeSection[] {
  const value = (c: ValueChange, i: number): ChangeItem => ({ key: `v${i}`, ...valueParts(c), target: placeOf(c.cellAfter) });
  const sections: ChangeSection[] = [
    { id: 'values', title: DIFF_SECTIONS.values, items: d.values.map(value) },
    { id: 'totals', title: DIFF_SECTIONS.totals, items: d.totals.map(value) },
    { id: 'rows', title: DIFF_SECTIONS.rows, items: d.rows.map((r, i) => ({ key: `r${i}`, ...rowParts(r), target: r.change === 'added' ? placeOf(r.cell) : null })) },
    { id: 'tables', title: DIFF_SECTIONS.tables, items: d.tables.map((t, i) => ({ key: `t${i}`, ...tableParts(t), target: t.change === 'added' ? { sheet: t.sheet, address: '' } : null })) },
    { id: 'parameters', title: DIFF_SECTIONS.parameters, items: d.parameters.map((p, i) => ({ key: `p${i}`, ...parameterParts(p), target: null })) },
    { id: 'shares', title: DIFF_SECTIONS.shares, items: d.shares.map((s, i) => ({ key: `s${i}`, ...shareParts(s), target: null })) },
    { id: 'fixed', title: DIFF_SECTIONS.fixed, items: d.fixed.map((f, i) => ({ key: `f${i}`, ...findingParts(f), target: null })) },
    {
      id: 'introduced',
      title: DIFF_SECTIONS.introduced,
      items: d.introduced.map((f, i) => ({ key: `n${i}`, ...findingParts(f), target: f.sheet ? { sheet: f.sheet, address: f.cell } : null })),
    },
  ];
  return sections.filter((s) => s.items.length > 0).map((s) => ({ ...s, items: s.items.map((i) => ({ ...i, ...spaced(i) })) }));
}
