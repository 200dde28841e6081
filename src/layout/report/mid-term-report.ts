import type { Grid } from '../grid';
import type { Analysis } from '../analyse';
import type { Finding } from '../../domain/finding';
import type { IndicatorTable } from '../../domain/indicators';
import { readIndicatorTables } from '../indicator-reader';
import type { SheetToCreate } from '../write-plan';
import { type FinancialStatement, buildStatement, shownCumul, totalSpent } from './statement';
import { toCents } from '../../domain/money';
import { CHART_TITLE, STATEMENT_COLUMNS, buildStatementSheet } from './statement-sheet';
import { INDICATOR_COLUMNS, buildIndicatorSheet } from './indicator-sheet';
import { buildFindingsSheet } from './findings-sheet';
import { midTermObservations } from './observations';
import type { PrintSetup, ReportPlan, SheetPlanWriter } from './report-plan';

/** The chart's figures as plain numbers, for a pane that draws it itself (no cell to read). */
export interface ChartData {
  title: string;
  /** Fiche numbers, in the chart's order. */
  categories: string[];
  series: { name: string; values: number[] }[];
}

export interface MidTermReport extends ReportPlan {
  chartData: ChartData;
  statement: FinancialStatement;
  indicators: IndicatorTable[];
  /** The engine's findings then the report's (MID-*), as listed in the "constats" sheet. */
  findings: Finding[];
}

/**
 * The mid-term report of the CLS (art. 2.3, 2024–2025, due 31 March 2026) as a plan: three sheets —
 * financial statement per action and per axe, indicator matrix, findings — and a native chart of
 * planned vs spent per action. Pure: reads the grid and its analysis, never touches a workbook.
 * The CLI writes it to a new file; the task pane applies `plan` to the open workbook (the sheets
 * are "replace": re-running the command refreshes them).
 */
export function planMidTermReport(grid: Grid, analysis: Analysis): MidTermReport {
  const department = analysis.workbook.params.department;
  const statement = buildStatement(analysis.workbook);
  const indicators = readIndicatorTables(grid);
  const findings = [...analysis.findings, ...midTermObservations(statement, indicators, analysis.options)];

  const st = buildStatementSheet(statement, department);
  const ind = buildIndicatorSheet(indicators, department);
  const fs = buildFindingsSheet(findings);
  const sheets: { w: SheetPlanWriter; headerRow: number; widths: Record<number, number> }[] = [
    { w: st.writer, headerRow: st.headerRow, widths: widths(STATEMENT_COLUMNS, { 1: 8, 2: 7, 3: 44 }, 15) },
    { w: ind.writer, headerRow: ind.headerRow, widths: widths(INDICATOR_COLUMNS, { 1: 14, 2: 7, 3: 34, 4: 50, 5: 12 }, 11) },
    { w: fs.writer, headerRow: fs.headerRow, widths: { 1: 5, 2: 14, 3: 22, 4: 24, 5: 9, 6: 90, 7: 18 } },
  ];
  const createSheets: SheetToCreate[] = sheets.map((s) => ({
    name: s.w.sheet,
    replace: true,
    columnWidths: s.widths,
    merges: s.w.merges,
    frozenRows: s.headerRow,
  }));
  const print: PrintSetup[] = sheets.map((s) => ({
    sheet: s.w.sheet,
    orientation: 'landscape',
    paper: 'A4',
    fitToWidth: true,
    repeatRows: { first: s.headerRow, last: s.headerRow },
  }));
  return {
    plan: {
      description: 'Préparer le rapport à mi-parcours 2024-2025 (bilan financier, indicateurs, constats)',
      createSheets,
      writes: sheets.flatMap((s) => s.w.writes),
    },
    print,
    styles: sheets.flatMap((s) => s.w.styles),
    charts: st.chart ? [st.chart] : [],
    chartData: chartData(statement, CHART_TITLE),
    statement,
    indicators,
    findings: fs.ordered,
  };
}

/** Planned and spent per action over 2024–2025: the same figures as the chart's cells. */
function chartData(st: FinancialStatement, title: string): ChartData {
  const cumul = st.actions.map(shownCumul);
  return {
    title,
    categories: st.actions.map((a) => a.fiche),
    series: [
      { name: 'Prévu', values: cumul.map((c) => toCents(c.planned).toNumber()) },
      { name: 'Réalisé', values: cumul.map((c) => toCents(totalSpent(c)).toNumber()) },
    ],
  };
}

function widths(count: number, first: Record<number, number>, rest: number): Record<number, number> {
  const out: Record<number, number> = {};
  for (let c = 1; c <= count; c++) out[c] = first[c] ?? rest;
  return out;
}
