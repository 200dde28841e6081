/// <reference types="office-js" />
/**
 * The add-in's native charts: a clustered column chart per spec (ExcelApi 1.1 for `charts.add`, 1.7
 * for the series calls), named so that a later rewrite or undo finds it again. The series' columns
 * are not side by side in the sheet, so the chart starts from the first series and the others are
 * added with their own ranges, categories on every series.
 */
import { cellAddress } from '../../layout/grid';
import type { ChartSpec, SheetRange } from '../../layout/report/report-plan';
import { areaAddress } from './office-address';

export const CHART_PREFIX = 'annexes_';

export function queueChart(ws: Excel.Worksheet, spec: ChartSpec, name: string): void {
  const [first, ...rest] = spec.series;
  if (!first) return;
  const range = (r: SheetRange) => ws.getRange(areaAddress(r));
  const categories = range(spec.categories);
  const chart = ws.charts.add('ColumnClustered' as Excel.ChartType, range(first.values), 'Columns' as Excel.ChartSeriesBy);
  chart.name = name;
  chart.title.text = spec.title;
  const s0 = chart.series.getItemAt(0);
  s0.name = first.name;
  s0.setXAxisValues(categories);
  for (const s of rest) {
    const series = chart.series.add(s.name);
    series.setValues(range(s.values));
    series.setXAxisValues(categories);
  }
  chart.setPosition(cellAddress(spec.anchor.fromRow, spec.anchor.fromCol), cellAddress(spec.anchor.toRow, spec.anchor.toCol));
}
