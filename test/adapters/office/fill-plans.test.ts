/**
 * The pane's three write actions through the Office adapter and the fake Excel give the workbook
 * the file path gives (applyPlanToGrid): same cells, same formulas, same findings afterwards.
 * Where the two could differ is exactly what the adapter adds: typing rules, formats kept, sheet
 * rewriting, recalculation. The plans' formulas are English with commas: the stricter fake refuses
 * anything else, as Excel's `range.formulas` does.
 */
import { buildSampleGrid } from '../../../scripts/sample/build-sample';
import { applyWrites } from '../../../src/adapters/office/apply-writes';
import { createFakeOfficeHost } from '../../../src/adapters/office/fake';
import { readWorkbook } from '../../../src/adapters/office/read-workbook';
import { undoLastWrite } from '../../../src/adapters/office/undo-last-write';
import { analyseGrid } from '../../../src/layout/analyse';
import { applyPlanToGrid, planControlsSheet, planDerivedFormulas, planVoletTemplates } from '../../../src/layout/fill';
import type { Grid } from '../../../src/layout/grid';
import type { WritePlan } from '../../../src/layout/write-plan';
import { cloneGrid, officeView } from './office-view';

const PLANNERS: [string, (g: Grid) => WritePlan][] = [
  ['planDerivedFormulas', (g) => planDerivedFormulas(g, analyseGrid(g))],
  ['planVoletTemplates', (g) => planVoletTemplates(g, analyseGrid(g))],
  ['planControlsSheet', (g) => planControlsSheet(analyseGrid(g))],
];

const brief = (g: Grid) => analyseGrid(g).findings.map((f) => `${f.rule} ${f.sheet}!${f.cell}`);

describe.each(PLANNERS)('%s through the Office adapter', (_name, planner) => {
  test('writes what the file path writes, then undoes it exactly', async () => {
    const host = createFakeOfficeHost(buildSampleGrid());
    const before = cloneGrid(host.excel.model.grid);
    const read = await readWorkbook(host.globals.excel);
    const plan = planner(read);
    const expected = officeView(applyPlanToGrid(read, plan));

    host.excel.resetCounts();
    await applyWrites(host.globals.excel, plan);
    expect(host.excel.syncCount).toBeLessThanOrEqual(6); // list, save, record, write, recalculate and read back, complete the record
    const after = await readWorkbook(host.globals.excel);
    const sheetNames = (g: Grid) => g.sheets.map((s) => s.name).sort();
    expect(sheetNames(after)).toEqual(sheetNames(expected));
    for (const sheet of expected.sheets) {
      const got = after.sheets.find((s) => s.name === sheet.name)!;
      expect([sheet.name, got.rows]).toEqual([sheet.name, sheet.rows]);
    }
    expect(brief(after)).toEqual(brief(expected));

    await undoLastWrite(host.globals.excel);
    expect(host.excel.model.grid).toEqual(before);
  });
});
