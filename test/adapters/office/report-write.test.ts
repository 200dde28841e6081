/**
 * The mid-term report through the Office adapter (the pane's « Préparer le rapport à mi-parcours »):
 * its seven sheets and the native chart land in the workbook in at most six round trips, the
 * cells show the engine's figures after Excel recalculates, and undo takes everything back.
 */
import { buildSampleGrid } from '../../../scripts/sample/build-sample';
import { applyWrites } from '../../../src/adapters/office/apply-writes';
import { createFakeOfficeHost } from '../../../src/adapters/office/fake';
import { readWorkbook } from '../../../src/adapters/office/read-workbook';
import { undoLastWrite } from '../../../src/adapters/office/undo-last-write';
import { areaAddress } from '../../../src/adapters/office/office-address';
import { analyseGrid } from '../../../src/layout/analyse';
import { getCell } from '../../../src/layout/grid';
import { planMidTermReport } from '../../../src/layout/report/mid-term-report';
import { cloneGrid } from './office-view';


test('report sheets and chart in ≤ 6 round trips, engine figures in the cells, undone exactly', async () => {
  const host = createFakeOfficeHost(buildSampleGrid());
  const before = cloneGrid(host.excel.model.grid);
  const grid = await readWorkbook(host.globals.excel);
  const report = planMidTermReport(grid, analyseGrid(grid));
  expect(report.plan.createSheets).toHaveLength(7);
  expect(report.charts).toHaveLength(1);

  host.excel.resetCounts();
  const result = await applyWrites(host.globals.excel, report.plan, { charts: report.charts });
  expect(host.excel.syncCount).toBeLessThanOrEqual(6);
  expect(result).toMatchObject({ sheetsCreated: report.plan.createSheets.map((s) => s.name), chartsAdded: 1 });

  const model = host.excel.model;
  for (const s of report.plan.createSheets) expect(model.find(s.name)).toBeDefined();
  // The chart's cells (cumulated planned / spent per action: formulas Excel recalculates) hold the
  // figures the engine gives the pane's own chart.
  const spec = report.charts[0];
  const sheet = model.find(spec.sheet)!;
  report.chartData.series.forEach((series, k) => {
    const r = spec.series[k].values;
    const cells = report.chartData.categories.map((_, i) => getCell(sheet, r.top + i, r.left)?.value);
    expect(cells).toEqual(series.values);
  });
  expect(report.chartData.series[0].values.some((v) => v > 0)).toBe(true);

  // The native chart: the one charts.add call, its series and where it sits.
  expect(model.charts.get(sheet)).toEqual([
    {
      name: expect.stringMatching(/^annexes_\d+_1$/),
      type: 'ColumnClustered',
      seriesBy: 'Columns',
      source: areaAddress(spec.series[0].values),
      title: spec.title,
      series: spec.series.map((s) => ({ name: s.name, values: areaAddress(s.values), categories: areaAddress(spec.categories) })),
      position: { start: expect.any(String), end: expect.any(String) },
    },
  ]);

  await undoLastWrite(host.globals.excel);
  expect(model.grid).toEqual(before);
  expect(model.charts.size).toBe(0);
});

test('the report written twice: its sheets rewritten in place with one chart each time; two undos give back the start', async () => {
  const host = createFakeOfficeHost(buildSampleGrid());
  const before = cloneGrid(host.excel.model.grid);
  const ids: string[][] = [];
  for (let i = 0; i < 2; i++) {
    const grid = await readWorkbook(host.globals.excel);
    const report = planMidTermReport(grid, analyseGrid(grid));
    await applyWrites(host.globals.excel, report.plan, { charts: report.charts });
    ids.push(report.plan.createSheets.map((s) => host.excel.model.sheetId(host.excel.model.find(s.name)!)));
    const sheet = host.excel.model.find(report.charts[0].sheet)!;
    expect(host.excel.model.charts.get(sheet)).toHaveLength(1);
  }
  expect(ids[1]).toEqual(ids[0]); // the same sheets, rewritten
  await undoLastWrite(host.globals.excel);
  const chartSheet = host.excel.model.find('Rapport - graphique')!;
  expect(host.excel.model.charts.get(chartSheet)).toHaveLength(1); // the first report's chart, back
  await undoLastWrite(host.globals.excel);
  expect(host.excel.model.grid).toEqual(before);
  expect(host.excel.model.charts.size).toBe(0);
});
