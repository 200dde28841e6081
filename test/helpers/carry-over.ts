import { buildSampleGrid } from '../../scripts/sample/build-sample';
import { analyseGrid } from '../../src/layout/analyse';
import { type Grid, type GridSheet, getCell, setCell } from '../../src/layout/grid';
import type { AnnexTable } from '../../src/domain/table';

/**
 * The sample with a real 2024 execution: on every action, part of the State and CD credits is
 * unspent and carried over to 2025 (B, D > 0 and F = B, G = D in the récapitulatif; réalisé =
 * versés − B and C − D in the exécution block, with the same carry-overs), other funders on two
 * actions, amounts with cents. The derived cells still hold the sample's figures: stale on purpose,
 * for `annexes fill` to recompute.
 */
export function carryOverGrid(): Grid {
  const grid = buildSampleGrid();
  const { workbook } = analyseGrid(grid);
  const table = (kind: string) => workbook.tables.find((t) => t.kind === kind) as AnnexTable;
  const sheetOf = (t: AnnexTable) => grid.sheets.find((s) => s.name === t.sheet) as GridSheet;
  const recap = table('cls-recap');
  const exec = table('cls-execution');
  const forecast = table('cls-forecast');
  const put = (t: AnnexTable, row: number, key: string, value: number) => {
    const col = t.columns.find((c) => c.key === key)?.col as number;
    setCell(sheetOf(t), row, col, { value, numFmt: '#,##0.00 "€"' });
  };
  const read = (t: AnnexTable, row: number, key: string) => Number(getCell(sheetOf(t), row, t.columns.find((c) => c.key === key)?.col as number)?.value ?? 0);
  const execRows = new Map(exec.rows.filter((r) => r.kind === 'detail').map((r) => [r.key, r.row]));
  recap.rows
    .filter((r) => r.kind === 'detail')
    .forEach((r, i) => {
      const stateUnspent = Math.round((1234.56 * (i + 1) + 0.07) * 100) / 100;
      const cdUnspent = Math.round(789.01 * (i + 1) * 100) / 100;
      put(recap, r.row, 'stateUnspent', stateUnspent);
      put(recap, r.row, 'cdUnspent', cdUnspent);
      put(recap, r.row, 'carryOverState', stateUnspent);
      put(recap, r.row, 'carryOverCd', cdUnspent);
      if (i % 5 === 0) put(recap, r.row, 'otherFunders', 1500.15);
      const e = execRows.get(r.key) as number;
      put(exec, e, 'stateSpent', Math.round((read(exec, e, 'statePaid') - stateUnspent) * 100) / 100);
      put(exec, e, 'cdSpent', Math.round((read(recap, r.row, 'cdAllocated') - cdUnspent) * 100) / 100);
      put(exec, e, 'carryOverState', stateUnspent);
      put(exec, e, 'carryOverCd', cdUnspent);
    });
  const firstForecast = forecast.rows.find((r) => r.kind === 'detail') as AnnexTable['rows'][number];
  put(forecast, firstForecast.row, 'otherFunders', 5000.05);
  return grid;
}
