import { buildSampleGrid, type SampleLayout } from '../../scripts/sample/build-sample';
import { analyseGrid } from '../../src/layout/analyse';
import type { Finding } from '../../src/domain/finding';

/** What a finding says, without where it is: the same breaches must be found whatever the layout. */
function signature(findings: Finding[]): string[] {
  return findings
    .filter((f) => f.rule !== 'CELL-TEXT-AMOUNT')
    .map((f) => [f.rule, f.severity, f.expected ?? '', f.actual?.startsWith('=') ? '=formula' : (f.actual ?? '')].join('|'))
    .sort();
}

const canonical = analyseGrid(buildSampleGrid());

const VARIANTS: [string, SampleLayout][] = [
  ['shifted rows and columns', { rowOffset: 7, colOffset: 3 }],
  ['blank rows', { blankRows: true }],
  ['headers wrapped over two rows', { wrapHeaders: true }],
  ['no accents, upper-case titles', { noAccents: true }],
  ['amounts typed as French text', { textAmounts: true }],
  ['axe label written once, not merged', { mergeAxe: false }],
  ['sheet names with suffix or renamed', { sheetSuffix: ' 2025', renameFtSheet: 'Plan de financement FT' }],
  ['everything at once', { rowOffset: 3, colOffset: 2, blankRows: true, wrapHeaders: true, noAccents: true, textAmounts: true, mergeAxe: false, sheetSuffix: ' 2024' }],
];

describe('layout variants give the same findings as the canonical layout', () => {
  it('canonical layout finds the seed defects', () => {
    const rules = new Set(canonical.findings.map((f) => f.rule));
    // EXP-*: the sample's journal plants a « Frais de déplacement » and an invoice of 20/01/2025.
    // FICHE-*: the « Budgets des fiches » sheet carries 4.2's blank 2027, 1.3's 60 €, 2.1's blank Total…
    // FT-SOLDE: the bilan financier's outcome; COFI-FT-VOLET2-REALISE: the sample's realised volet 2 at 48,34 %.
    expect(rules).toEqual(
      new Set(['PLAN-DELTA', 'CALC-FORMULA', 'COFI-FT-VOLET2', 'CALC-ROW', 'CROSS-BLOCK', 'UNDERSPEND', 'EXP-INELIGIBLE', 'EXP-PERIOD', 'FICHE-TOTAL', 'FICHE-YEARS', 'FICHE-SUBACTIONS', 'CEIL-CLS-CONVENTION', 'FT-SOLDE', 'COFI-FT-VOLET2-REALISE']),
    );
    const fiches = canonical.workbook.tables.filter((t) => t.kind === 'fiche-budget');
    expect(fiches.map((t) => t.fiche?.number)).toEqual(['1.1', '1.2', '1.3', '1.4', '1.5', '3.1', '3.2', '3.3', '3.4', '4.1', '4.2', '2.1', '2.2', '2.3', '2.4', '2.5', '2.6', '2.7']);
    expect(canonical.workbook.tables.filter((t) => t.kind !== 'fiche-budget').map((t) => t.kind).sort()).toEqual(
      ['cls-execution', 'cls-forecast', 'cls-recap', 'ft-action-plan', 'ft-expense-journal', 'ft-plan', 'ft-plan', 'ft-plan'].sort(),
    );
  });

  it.each(VARIANTS)('%s', (_name, layout) => {
    const a = analyseGrid(buildSampleGrid(layout));
    expect(signature(a.findings)).toEqual(signature(canonical.findings));
    expect(a.workbook.tables.length).toBe(canonical.workbook.tables.length);
  });

  it('text amounts are reported and their parsed value used', () => {
    const a = analyseGrid(buildSampleGrid({ textAmounts: true }));
    const text = a.findings.filter((f) => f.rule === 'CELL-TEXT-AMOUNT');
    expect(text.length).toBeGreaterThan(50);
    expect(text.every((f) => f.severity === 'warning' && f.actual !== undefined)).toBe(true);
    expect(text.map((f) => f.actual)).toContain('618000.00');
  });

  it('moves only the addresses when the tables move', () => {
    const a = analyseGrid(buildSampleGrid({ rowOffset: 7, colOffset: 3 }));
    const delta = a.findings.find((f) => f.rule === 'PLAN-DELTA');
    const base = canonical.findings.find((f) => f.rule === 'PLAN-DELTA');
    expect(base?.cell).toBe('F18');
    expect(delta?.cell).toBe('I25');
  });
});
