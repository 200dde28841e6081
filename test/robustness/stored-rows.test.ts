/**
 * A used range reaching row 1 048 576 (a stray space, a format on whole columns) must not make the
 * readers walk a million empty rows: they visit stored rows only (SheetIndex.rowsBetween).
 */
import { buildSampleGrid } from '../../scripts/sample/build-sample';
import { type Grid, setCell } from '../../src/layout/grid';
import { SheetIndex } from '../../src/layout/reading';
import { readClsBlocks } from '../../src/layout/cls-reader';
import { readFtPlans } from '../../src/layout/ft-plan-reader';
import { readActionPlans } from '../../src/layout/action-plan-reader';
import { readParameters } from '../../src/layout/params-reader';
import { LAST_ROW } from '../fixtures/corpus/size';

/** Calls of the per-row accessors while `read` runs. */
function rowVisits(grid: Grid, read: (views: SheetIndex[]) => unknown): { visits: number; result: unknown } {
  const views = grid.sheets.map((s) => new SheetIndex(s));
  const spies = (['raw', 'merged', 'isBlankRow', 'columnsOf'] as const).map((m) => jest.spyOn(SheetIndex.prototype, m));
  try {
    const result = read(views);
    return { visits: spies.reduce((n, s) => n + s.mock.calls.length, 0), result };
  } finally {
    spies.forEach((s) => s.mockRestore());
  }
}

const READERS: [string, (views: SheetIndex[]) => unknown][] = [
  ['CLS blocks', (vs) => vs.flatMap(readClsBlocks)],
  ['plans de financement', (vs) => vs.flatMap(readFtPlans)],
  ["plans d'action", (vs) => vs.flatMap(readActionPlans)],
  ['Paramètres', (vs) => readParameters(vs)],
];

describe('readers visit stored rows only', () => {
  it.each(READERS)('%s: a cell on the last row costs a handful of visits, and changes nothing', (_name, read) => {
    const plain = rowVisits(buildSampleGrid(), read);
    const stretched = buildSampleGrid();
    for (const s of stretched.sheets) setCell(s, LAST_ROW, 1, { value: 'fin' });
    const far = rowVisits(stretched, read);
    expect(far.visits).toBeLessThan(plain.visits + 1000);
    expect(JSON.stringify(far.result)).toBe(JSON.stringify(plain.result));
  });

  it('a plan with a header and no rows stops at its blank run, not at the last row', () => {
    const grid = buildSampleGrid();
    const ft = grid.sheets[1];
    for (const r of [...ft.rows.keys()]) if (r > 20) ft.rows.delete(r);
    setCell(ft, LAST_ROW, 8, { value: 'note' });
    expect(rowVisits(grid, (vs) => vs.flatMap(readFtPlans)).visits).toBeLessThan(20_000);
  });

  it('rowsBetween is the stored rows strictly after the first bound, up to the second', () => {
    const grid = buildSampleGrid();
    const s = grid.sheets[0];
    setCell(s, LAST_ROW, 1, { value: 'fin' });
    const view = new SheetIndex(s);
    const all = view.rowNumbers();
    expect(view.rowsBetween(0, LAST_ROW)).toEqual(all);
    expect(view.rowsBetween(all[2], all[4])).toEqual([all[3], all[4]]);
    expect(view.rowsBetween(all[all.length - 2], LAST_ROW)).toEqual([LAST_ROW]);
  });
});
