import Decimal from 'decimal.js';
import { midTermWorkbook, CLS_2025_SHEET, EXECUTION_RATES_2025, MISSING_RESULT_2025 } from '../../helpers/mid-term';
import { EXECUTION_RATES_2024, seedAllocation } from '../../../scripts/sample/cls-years';
import { buildSampleGrid } from '../../../scripts/sample/build-sample';
import { analyseGrid } from '../../../src/layout/analyse';
import { planMidTermReport } from '../../../src/layout/report/mid-term-report';
import { C, STATEMENT_SHEET } from '../../../src/layout/report/statement-sheet';
import { CHART_SHEET } from '../../../src/layout/report/chart-sheet';
import { COVER_SHEET } from '../../../src/layout/report/cover-sheet';
import { OBSERVATIONS_SHEET } from '../../../src/layout/report/mid-term-report';
import { CONVENTION_SHEET } from '../../../src/layout/report/convention-sheet';
import { CORRECTIONS, cellsText, groupByCause } from '../../../src/layout/report/causes';
import { MAX_CELL_TEXT, PrintedSheet } from '../../../src/layout/printed-sheet';
import { RULES } from '../../../src/domain/rules/catalogue';
import { INDICATOR_SHEET } from '../../../src/layout/report/indicator-sheet';
import { FINDINGS_SHEET } from '../../../src/layout/report/findings-sheet';
import { cumulate, totalSpent } from '../../../src/layout/report/statement';
import type { CellWrite } from '../../../src/layout/write-plan';
import { reportToXlsxBuffer } from '../../../src/adapters/xlsx/write-report';

const grid = midTermWorkbook();
const report = planMidTermReport(grid, analyseGrid(grid), { date: new Date(Date.UTC(2026, 2, 2)) });
const alloc = seedAllocation();
const at = (sheet: string, row: number, col: number): CellWrite | undefined =>
  report.plan.writes.find((w) => w.sheet === sheet && w.row === row && w.col === col);

describe('planMidTermReport on a 2024–2025 workbook', () => {
  it('reads both years for the 11 actions, with the execution the workbook states', () => {
    expect(report.statement.actions.map((a) => a.fiche)).toEqual(['1.1', '1.2', '1.3', '1.4', '1.5', '3.1', '3.2', '3.3', '3.4', '4.1', '4.2']);
    for (const a of report.statement.actions) {
      const { state, cd } = alloc[a.fiche];
      const y24 = a.years[2024]!;
      const y25 = a.years[2025]!;
      expect(y24.planned.toNumber()).toBe(state + cd);
      expect(y24.stateSpent.toNumber()).toBe(Math.round(state * EXECUTION_RATES_2024[a.fiche].state));
      expect(y25.cdSpent.toNumber()).toBe(Math.round(cd * EXECUTION_RATES_2025[a.fiche].cd));
      expect(y25.paid.toNumber()).toBe(state);
      expect(y25.carryState.toNumber()).toBe(state - Math.round(state * EXECUTION_RATES_2025[a.fiche].state));
    }
  });

  it('cumulates 2024 and 2025 without counting a carry-over twice', () => {
    const a = report.statement.actions.find((x) => x.fiche === '1.3')!;
    const c = cumulate([a.years[2024], a.years[2025]])!;
    expect(c.planned.toNumber()).toBe(2 * 93560);
    expect(c.stateSpent.toNumber()).toBe(Math.round(46780 * 0.88) + Math.round(46780 * 0.6));
    expect(c.carryState.toNumber()).toBe(46780 - Math.round(46780 * 0.6));
    expect(totalSpent(c).toNumber()).toBe(c.stateSpent.plus(c.cdSpent).toNumber());
  });

  it('writes seven printable sheets in reading order: A4, one page wide, tables with their header repeated', () => {
    expect(report.plan.createSheets.map((s) => s.name)).toEqual([COVER_SHEET, STATEMENT_SHEET, CONVENTION_SHEET, CHART_SHEET, INDICATOR_SHEET, OBSERVATIONS_SHEET, FINDINGS_SHEET]);
    expect(report.print.map((p) => [p.sheet, p.orientation])).toEqual([
      [COVER_SHEET, 'portrait'],
      [STATEMENT_SHEET, 'landscape'],
      [CONVENTION_SHEET, 'landscape'],
      [CHART_SHEET, 'landscape'],
      [INDICATOR_SHEET, 'landscape'],
      [OBSERVATIONS_SHEET, 'portrait'],
      [FINDINGS_SHEET, 'landscape'],
    ]);
    for (const p of report.print) expect(p).toMatchObject({ paper: 'A4', fitToWidth: true });
    for (const s of report.plan.createSheets) expect(s.name.length).toBeLessThanOrEqual(31);
    expect(report.print[1].repeatRows).toEqual({ first: 4, last: 4 });
    // Each year of the statement on its own page; the chart's sheet one page.
    expect(report.print[1].rowBreaks).toHaveLength(2);
    expect(report.pages[CHART_SHEET]).toBe(1);
    // Wrapped texts get the height they need (the action titles on two lines at least).
    const statement = report.plan.createSheets[1];
    expect(Object.keys(statement.rowHeights ?? {}).length).toBeGreaterThan(10);
  });

  it('the cover names the Département, the period, the deadline and the deliberation to reference', () => {
    const texts = report.plan.writes.filter((w) => w.sheet === COVER_SHEET).map((w) => w.value);
    expect(texts).toEqual(expect.arrayContaining(['Pas-de-Calais', 'le préfet de département, au plus tard le 31 mars 2026', '02/03/2026']));
    expect(texts.some((t) => typeof t === 'string' && /^n° …+ du …+ \(à référencer/.test(t))).toBe(true);
  });

  it('observations in plain French grouped by cause, no rule ID; every finding in the technical annex', () => {
    const obs = report.plan.writes.filter((w) => w.sheet === OBSERVATIONS_SHEET).map((w) => String(w.value));
    expect(obs.filter((t) => /\b[A-Z]+-[A-Z0-9-]+\b/.test(t) && /(CALC|MID|PLAN|COFI|EXP|CELL)-/.test(t))).toEqual([]);
    expect(obs.some((t) => /^\d+\. Delta différent de Cible − Existant — 1 erreur$/.test(t))).toBe(true);
    const annexRules = report.plan.writes.filter((w) => w.sheet === FINDINGS_SHEET && w.col === 3 && w.row > 4).map((w) => w.value);
    expect(annexRules).toHaveLength(report.findings.length);
  });

  it('statement cells: values for inputs, formulas with the engine’s figures for totals, € and % formats', () => {
    const total = report.plan.writes.filter((w) => w.sheet === STATEMENT_SHEET && w.value === 'Total');
    expect(total).toHaveLength(3); // 2024, 2025, cumul
    const cumulTotalRow = total[2].row;
    const stateSpent = at(STATEMENT_SHEET, cumulTotalRow, C.stateSpent)!;
    const expected = report.statement.actions.reduce((s, a) => s.plus(a.years[2024]!.stateSpent).plus(a.years[2025]!.stateSpent), new Decimal(0));
    expect(stateSpent.formula).toMatch(/^E\d+\+E\d+\+E\d+$/);
    expect(stateSpent.value).toBe(expected.toNumber());
    expect(stateSpent.numFmt).toBe('#,##0.00 "€"');
    const rate = at(STATEMENT_SHEET, cumulTotalRow, C.stateRate)!;
    expect(rate.numFmt).toBe('0.0 %');
    expect(rate.formula).toBe(`IF(D${cumulTotalRow}=0,"",E${cumulTotalRow}/D${cumulTotalRow})`);
  });

  it('the chart plots planned vs spent for each action of the cumul, from a table on its own sheet', () => {
    const [chart] = report.charts;
    expect(chart.sheet).toBe(CHART_SHEET);
    const cats = [];
    for (let r = chart.categories.top; r <= chart.categories.bottom; r++) cats.push(at(CHART_SHEET, r, chart.categories.left)?.value);
    expect(cats).toEqual(report.statement.actions.map((a) => a.fiche));
    expect(chart.series.map((s) => [s.name, s.values.sheet, s.values.left])).toEqual([['Prévu', CHART_SHEET, 2], ['Réalisé', CHART_SHEET, 3]]);
    const first = at(CHART_SHEET, chart.series[0].values.top, 2)!;
    expect(first.value).toBe(2 * 1236000);
    // A live link to the statement's cumul.
    expect(first.formula).toMatch(/^'Rapport - bilan financier'!C\d+$/);
    // The same figures as plain numbers, for the task pane's own drawing.
    expect(report.chartData.categories).toEqual(cats);
    const spent = [];
    for (let r = chart.series[1].values.top; r <= chart.series[1].values.bottom; r++) spent.push(at(CHART_SHEET, r, 3)?.value);
    expect(report.chartData.series.map((s) => s.name)).toEqual(['Prévu', 'Réalisé']);
    expect(report.chartData.series[1].values).toEqual(spent);
  });

  it('the indicator matrix has baseline, targets, results and achievement rates for 2024 and 2025', () => {
    const rows = report.plan.writes.filter((w) => w.sheet === INDICATOR_SHEET && w.col === 4 && w.row > 4);
    expect(rows).toHaveLength(45); // 30 local + 15 national
    const neet = rows.find((w) => w.value === 'Nombre de jeunes NEET')!;
    const target = at(INDICATOR_SHEET, neet.row, 6)!.value as number;
    const result = at(INDICATOR_SHEET, neet.row, 7)!.value as number;
    expect(target).toBe(600);
    expect(at(INDICATOR_SHEET, neet.row, 8)).toMatchObject({ value: result / target, numFmt: '0.0 %' });
  });

  it('lists the findings a controller raises, with articles', () => {
    const rules = report.findings.map((f) => f.rule);
    const under = report.findings.find((f) => f.rule === 'MID-UNDERSPEND')!;
    expect(under).toMatchObject({ severity: 'warning', article: 'CLS art. 2.2', sheet: CLS_2025_SHEET });
    expect(under.message).toContain('Action 1.3');
    expect(report.findings.filter((f) => f.rule === 'MID-UNDERSPEND')).toHaveLength(1);
    const missing = report.findings.filter((f) => f.rule === 'MID-IND-MISSING');
    expect(missing).toHaveLength(1);
    expect(missing[0].message).toContain(MISSING_RESULT_2025);
    expect(rules).toContain('MID-CARRY-END');
    expect(rules).toContain('UNDERSPEND'); // the engine's, for 2025
    expect(rules).toContain('PLAN-DELTA'); // the FT defects of the sample are still there
    expect(rules).not.toContain('MID-BLOCK-MISSING');
    expect(report.findings.every((f) => f.article !== '')).toBe(true);
    // Errors first.
    const order = report.findings.map((f) => ({ error: 0, warning: 1, info: 2 })[f.severity]);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });
});

describe('probable causes', () => {
  it('every rule of the catalogue says what to correct', () => {
    expect(RULES.map((r) => r.id).filter((id) => !CORRECTIONS[id])).toEqual([]);
  });

  it('the sample: the empty exécution 2024 explains its 33 errors (and the UNDERSPEND information), one group', () => {
    const g = buildSampleGrid();
    const a = analyseGrid(g);
    const groups = groupByCause(a.workbook, a.findings);
    const empty = groups.find((x) => x.id === 'execution-vide-2024')!;
    expect(empty.findings.map((i) => a.findings[i].rule).sort()).toEqual([...Array(11).fill('CALC-ROW'), ...Array(22).fill('CROSS-BLOCK'), 'UNDERSPEND'].sort());
    expect(groups[0].id).toBe('execution-vide-2024');
    // Every finding in exactly one group.
    expect(groups.flatMap((x) => x.findings).sort((x, y) => x - y)).toEqual(a.findings.map((_, i) => i));
    expect(cellsText(empty.findings.map((i) => a.findings[i]))).toMatch(/^Tableau financier : A27, F28 à F32, F34 à F37, F39 à F40, G28 à G32/);
  });

  it('thousands of scattered cells: the list is cut, linear, and sends to the annex (a cell holds 32 767 characters at most)', () => {
    const many = Array.from({ length: 20_000 }, (_v, k) => ({ rule: 'CALC-ROW', severity: 'error' as const, sheet: 'Journal', cell: `G${2 * k + 2}`, message: 'm', article: 'a' }));
    const text = cellsText(many);
    expect(text.length).toBeLessThan(1_600);
    expect(text).toMatch(/^Journal : G2, G4, G6, .*… \(liste complète : annexe technique\)$/);
  });

  it('a text longer than an Excel cell holds is cut with a mark, never written whole', () => {
    const w = new PrintedSheet('Essai', { 1: 20 });
    w.value(1, 1, 'x'.repeat(40_000));
    const written = w.writes[0].value as string;
    expect(written.length).toBe(MAX_CELL_TEXT);
    expect(written.endsWith(' […]')).toBe(true);
  });
});

describe('planMidTermReport on the 2024 sample alone', () => {
  it('says the 2025 execution is missing and the indicators have no result', () => {
    const g = buildSampleGrid();
    const r = planMidTermReport(g, analyseGrid(g));
    const blocks = r.findings.filter((f) => f.rule === 'MID-BLOCK-MISSING');
    expect(blocks.map((f) => f.severity)).toEqual(['error']);
    expect(blocks[0].message).toContain('2025');
    expect(r.findings.filter((f) => f.rule === 'MID-IND-MISSING').length).toBeGreaterThan(40);
    expect(r.plan.writes.some((w) => w.value === 'Exercice 2025 — exécution non renseignée dans le classeur')).toBe(true);
  });
});

describe('planMidTermReport on a workbook without CLS tables', () => {
  it('still plans the report, without a chart, and says the blocks are missing', async () => {
    const g = buildSampleGrid();
    g.sheets = g.sheets.filter((s) => s.name !== 'Tableau financier');
    const r = planMidTermReport(g, analyseGrid(g));
    expect(r.charts).toEqual([]);
    expect(r.findings.filter((f) => f.rule === 'MID-BLOCK-MISSING').map((f) => f.severity)).toEqual(['error', 'error', 'error', 'error']);
    const xlsx = await reportToXlsxBuffer(r);
    expect(xlsx.length).toBeGreaterThan(1000);
  });
});

