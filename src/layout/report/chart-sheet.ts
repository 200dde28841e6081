import { cellAddress } from '../grid';
import { toCents } from '../../domain/money';
import { PrintedSheet } from '../printed-sheet';
import { type FinancialStatement, shownCumul, totalSpent } from './statement';
import { C, STATEMENT_SHEET } from './statement-sheet';
import { type ChartSpec, EURO_FORMAT } from './report-plan';
import { quoteSheet } from '../fill/formula-text';

export const CHART_SHEET = 'Rapport - graphique';
export const CHART_TITLE = 'Crédits prévus et réalisés par action, 2024-2025';

const FICHE = 1, PLANNED = 2, SPENT = 3, CHART_LEFT = 5, CHART_RIGHT = 16;
const TOP = 4;
/** Rows the chart spans: with the title band, one landscape page (no row is taller than 15 pt). */
const CHART_ROWS = 27;
const WIDTHS: Record<number, number> = { 1: 8, 2: 16, 3: 16, 4: 2 };
for (let c = CHART_LEFT; c <= CHART_RIGHT; c++) WIDTHS[c] = 8;

/**
 * "Rapport - graphique": the planned and spent credits of each action over 2024–2025, a small
 * table (live links to the statement's cumul) and the native chart drawn from it, side by side on
 * one landscape page — a sheet of its own, so no page break cuts the chart and no repeated header
 * is drawn over it. The chart's ranges are on this sheet, as the pane's applier expects.
 */
export function buildChartSheet(st: FinancialStatement, cumul: { first: number } | null): { writer: PrintedSheet; chart: ChartSpec | null } {
  const w = new PrintedSheet(CHART_SHEET, WIDTHS);
  w.value(1, 1, `3. ${CHART_TITLE}`);
  w.merge(1, 1, CHART_RIGHT);
  w.style(1, 1, CHART_RIGHT, 'title');
  w.value(2, 1, 'Crédits prévus (État, Département et autres financeurs) et montants réalisés au 31/12/2025, par fiche action (cumul du bilan financier).');
  w.merge(2, 1, CHART_RIGHT);
  w.style(2, 1, CHART_RIGHT, 'note');
  ['Fiche', 'Prévu 2024-2025', 'Réalisé 2024-2025'].forEach((h, i) => w.value(TOP - 1, FICHE + i, h));
  w.style(TOP - 1, FICHE, SPENT, 'header');
  if (!cumul || st.actions.length === 0) {
    w.value(TOP, FICHE, 'Aucune action CLS : rien à représenter.');
    w.merge(TOP, FICHE, SPENT);
    return { writer: w, chart: null };
  }
  const source = quoteSheet(STATEMENT_SHEET);
  st.actions.forEach((a, i) => {
    const r = TOP + i;
    const from = cumul.first + i;
    const c = shownCumul(a);
    w.value(r, FICHE, a.fiche);
    w.formula(r, PLANNED, `${source}!${cellAddress(from, C.planned)}`, toCents(c.planned).toNumber(), EURO_FORMAT);
    w.formula(r, SPENT, `${source}!${cellAddress(from, C.totalSpent)}`, toCents(totalSpent(c)).toNumber(), EURO_FORMAT);
    w.style(r, FICHE, SPENT, 'cell');
    w.style(r, FICHE, FICHE, 'centre');
  });
  const last = TOP + st.actions.length - 1;
  const range = (col: number) => ({ sheet: CHART_SHEET, top: TOP, left: col, bottom: last, right: col });
  // The chart's last row is the sheet's last printed row: the print area covers it.
  w.minHeight(TOP - 1 + CHART_ROWS, 15);
  return {
    writer: w,
    chart: {
      sheet: CHART_SHEET,
      title: CHART_TITLE,
      categories: range(FICHE),
      series: [
        { name: 'Prévu', values: range(PLANNED) },
        { name: 'Réalisé', values: range(SPENT) },
      ],
      anchor: { fromRow: TOP - 1, fromCol: CHART_LEFT, toRow: TOP - 1 + CHART_ROWS, toCol: CHART_RIGHT },
      valueFormat: '#,##0 "€"',
    },
  };
}
