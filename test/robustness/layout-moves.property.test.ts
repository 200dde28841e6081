/**
 * Property: where a table sits is not what it says. Moving every table by random rows and columns,
 * or inserting a few blank rows anywhere, never changes the findings — only their addresses, which
 * move exactly like the cells they point to.
 */
import fc from 'fast-check';
import { buildSampleGrid, type SampleLayout } from '../../scripts/sample/build-sample';
import { analyseGrid } from '../../src/layout/analyse';
import type { Finding } from '../../src/domain/finding';
import type { Grid } from '../../src/layout/grid';
import { type Insertion, applyInsertions, movedAddress, movedFormula } from '../fixtures/grid-moves';
import { syntheticCls } from '../fixtures/synthetic-cls';

/** A finding as it should read once its workbook has moved: same everything, cell and formulas moved. */
function moved(f: Finding, moves: Insertion[]): string {
  const formula = (s: string | undefined) => (s?.startsWith('=') ? `=${movedFormula(s.slice(1), moves)}` : (s ?? ''));
  return [f.rule, f.severity, f.sheet, f.cell ? movedAddress(f.cell, moves) : '', formula(f.expected), formula(f.actual), f.article, digitless(f.message)].join('|');
}

/** Messages quote addresses and row numbers ("=L50+N50", "(H28)", "lignes 17, 18"): compared without them. */
const digitless = (s: string) => s.replace(/\$?[A-Z]{1,3}\$?\d+/g, '@').replace(/\d+/g, '#');

const insertions = (maxRow: number) =>
  fc.record({
    rows: fc.nat({ max: 40 }),
    cols: fc.nat({ max: 12 }),
    // At most three blank rows in all: a title may sit a few rows above its header, not any number.
    blanks: fc.array(fc.record({ at: fc.integer({ min: 2, max: maxRow }), count: fc.constant(1) }), { maxLength: 3 }),
  }).map(({ rows, cols, blanks }): Insertion[] => [
    ...blanks.map((b) => ({ axis: 'row' as const, ...b })),
    { axis: 'row', at: 1, count: rows },
    { axis: 'col', at: 1, count: cols },
  ]);

function checkMoves(name: string, build: () => Grid, maxRow: number, numRuns: number) {
  it(`${name}: moving tables and inserting blank rows only moves the findings`, () => {
    const base = build();
    const before = analyseGrid(base).findings;
    expect(before.length).toBeGreaterThan(0);
    fc.assert(
      fc.property(insertions(maxRow), (moves) => {
        const after = analyseGrid(applyInsertions(base, moves)).findings;
        expect(after.map((f) => moved(f, []))).toEqual(before.map((f) => moved(f, moves)));
      }),
      { numRuns },
    );
  });
}

describe('findings do not depend on where the tables sit', () => {
  checkMoves('the seed sample', () => buildSampleGrid(), 70, 40);
  // A clean synthetic workbook with one defect per kind of rule, so that every finding moves.
  checkMoves(
    'a synthetic CLS workbook with defects',
    () => {
      const s = syntheticCls({ actionsPerAxe: 3, edit: (a) => a.fiche === '3.2' && (a.other = -10) });
      const sheet = s.grid.sheets[0];
      const f = s.at('forecast', '1.2', 'totalBudget');
      sheet.rows.get(f.row)?.set(f.col, { value: 1, formula: movedFormula('D5+E5', []) });
      return s.grid;
    },
    60,
    40,
  );

  it('the sample layout options (offsets, blank rows, wrapped headers…) give the same findings', () => {
    const signature = (fs: Finding[]) =>
      fs
        .filter((f) => f.rule !== 'CELL-TEXT-AMOUNT')
        .map((f) => [f.rule, f.severity, f.expected ?? '', f.actual?.startsWith('=') ? '=formula' : (f.actual ?? '')].join('|'))
        .sort();
    const canonical = signature(analyseGrid(buildSampleGrid()).findings);
    const layout: fc.Arbitrary<SampleLayout> = fc.record({
      rowOffset: fc.nat({ max: 30 }),
      colOffset: fc.nat({ max: 8 }),
      blankRows: fc.boolean(),
      wrapHeaders: fc.boolean(),
      noAccents: fc.boolean(),
      mergeAxe: fc.boolean(),
    });
    fc.assert(
      fc.property(layout, (l) => {
        expect(signature(analyseGrid(buildSampleGrid(l)).findings)).toEqual(canonical);
      }),
      { numRuns: 30 },
    );
  });
});
