import type { Grid } from '../grid';
import type { Analysis } from '../analyse';
import type { Finding } from '../../domain/finding';
import type { IndicatorTable } from '../../domain/indicators';
import { sumMoney, toCents } from '../../domain/money';
import { readIndicatorTables } from '../indicator-reader';
import type { PrintedSheet, PrintedSheetOptions } from '../printed-sheet';
import type { WritePlan } from '../write-plan';
import { type FinancialStatement, buildStatement, shownCumul, totalSpent } from './statement';
import { buildStatementSheet } from './statement-sheet';
import { CHART_TITLE, buildChartSheet } from './chart-sheet';
import { buildIndicatorSheet } from './indicator-sheet';
import { FINDINGS_SHEET, buildFindingsSheet } from './findings-sheet';
import { buildObservationsSheet } from './observations-sheet';
import { buildCoverSheet } from './cover-sheet';
import { midTermObservations } from './observations';
import { groupByCause } from './causes';
import { type ReportPlan, printsOf } from './report-plan';
import { buildConventionSheet } from './convention-sheet';
import { conventionView } from '../../domain/convention-view';

export const OBSERVATIONS_SHEET = 'Rapport - observations';

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
  /** The engine's findings then the report's (MID-*), as listed in the technical annex. */
  findings: Finding[];
  /** Printed pages per sheet, as planned (the page breaks are the plan's). */
  pages: Record<string, number>;
}

/**
 * The mid-term report of the CLS (art. 2.3, 2024–2025, due 31 March 2026) as a plan, sheet by
 * sheet in the order the préfet reads them:
 * - cover: Département, period, deadline, deliberation to reference, contents, key figures, signature;
 * - 1. financial statement per action and per axe (2024, 2025, cumul), each year on its own page;
 * - 2. the whole convention 2024–2027: art. 2.2's amount against the notified, then per axe and
 *   action each year and the cumul (the four-year view, src/domain/convention-view.ts);
 * - 3. chart of planned vs spent per action, alone on its page;
 * - 4. indicator matrix;
 * - 5. observations in plain French, grouped by probable cause;
 * - technical annex: every finding with its rule ID.
 * Pure: reads the grid and its analysis, never touches a workbook. The CLI writes it to a new
 * file; the task pane applies `plan` and `charts` to the open workbook (the sheets are « replace »:
 * re-running the command refreshes them).
 */
export function planMidTermReport(grid: Grid, analysis: Analysis, opts: { date?: Date } = {}): MidTermReport {
  const department = analysis.workbook.params.department;
  const statement = buildStatement(analysis.workbook);
  const indicators = readIndicatorTables(grid);
  const findings = [...analysis.findings, ...midTermObservations(statement, indicators, analysis.options)];

  const st = buildStatementSheet(statement, department);
  const convention = buildConventionSheet(conventionView(analysis.workbook), department);
  const chart = buildChartSheet(statement, st.cumul);
  const ind = buildIndicatorSheet(indicators, department);
  const annex = buildFindingsSheet(findings);
  const groups = groupByCause(analysis.workbook, findings);
  const observations = buildObservationsSheet(
    OBSERVATIONS_SHEET,
    '5. Observations',
    [
      'Les points relevés par le contrôle des annexes financières, regroupés par cause probable, avec ce qu’il convient de corriger ou d’expliquer.',
      `Le détail de chaque constat (cellule, règle, article) figure dans la feuille « ${FINDINGS_SHEET} ».`,
    ],
    groups,
    findings,
    FINDINGS_SHEET,
    'Suite à donner',
  );
  const cumul = statement.actions.map(shownCumul);
  const contents = [
    '1. Bilan financier par action et par axe : exercices 2024 et 2025, cumul 2024-2025',
    '2. Convention 2024-2027 : art. 2.2, axes et actions, année par année et en cumul',
    `3. ${CHART_TITLE}`,
    '4. Matrice des indicateurs locaux (annexe 1) et nationaux (annexe 4)',
    '5. Observations, par cause probable',
    'Annexe technique : constats du contrôle automatique des annexes financières',
  ];
  const cover = buildCoverSheet({
    department,
    date: opts.date ?? new Date(),
    cumulTotalRow: st.cumul?.total ?? null,
    planned: sumMoney(cumul.map((c) => c.planned)),
    spent: sumMoney(cumul.map(totalSpent)),
    actions: statement.actions.length,
    findings,
    contents,
  });

  const SHEETS: { w: PrintedSheet; print: PrintedSheetOptions }[] = [
    { w: cover, print: { orientation: 'portrait', footer: department } },
    { w: st.writer, print: { orientation: 'landscape', frozenRows: st.headerRow, repeatRows: { first: st.headerRow, last: st.headerRow }, footer: department } },
    { w: convention.writer, print: { orientation: 'landscape', ...(convention.header ? { repeatRows: convention.header } : {}), footer: department } },
    { w: chart.writer, print: { orientation: 'landscape', footer: department } },
    { w: ind.writer, print: { orientation: 'landscape', frozenRows: ind.headerRow, repeatRows: { first: ind.headerRow, last: ind.headerRow }, footer: department } },
    { w: observations, print: { orientation: 'portrait', footer: department } },
    { w: annex.writer, print: { orientation: 'landscape', frozenRows: annex.headerRow, repeatRows: { first: annex.headerRow, last: annex.headerRow }, footer: department } },
  ];
  const pages: Record<string, number> = {};
  const plan: WritePlan = {
    description: 'Préparer le rapport à mi-parcours 2024-2025 (couverture, bilan financier, convention 2024-2027, graphique, indicateurs, observations, annexe technique)',
    createSheets: [],
    writes: [],
    styles: [],
  };
  for (const s of SHEETS) {
    const { sheet, pages: n } = s.w.toSheet(s.print);
    pages[sheet.name] = n;
    plan.createSheets.push(sheet);
    plan.writes.push(...s.w.writes);
    plan.styles?.push(...s.w.styles);
  }
  return {
    plan,
    print: printsOf(plan),
    styles: plan.styles ?? [],
    charts: chart.chart ? [chart.chart] : [],
    chartData: {
      title: CHART_TITLE,
      categories: statement.actions.map((a) => a.fiche),
      series: [
        { name: 'Prévu', values: cumul.map((c) => toCents(c.planned).toNumber()) },
        { name: 'Réalisé', values: cumul.map((c) => toCents(totalSpent(c)).toNumber()) },
      ],
    },
    statement,
    indicators,
    findings: annex.ordered,
    pages,
  };
}
