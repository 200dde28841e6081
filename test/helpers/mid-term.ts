/**
 * A Département's workbook as it stands when the mid-term report is due (early 2026), built from the
 * sample: "Tableau financier" with prévisionnel 2024, a filled-in exécution 2024 and the
 * récapitulatif 2024 / prévisionnel 2025; "Tableau financier 2025" with prévisionnel 2025, exécution
 * 2025 and récapitulatif 2025 / prévisionnel 2026; indicator results 2024 and 2025 filled in.
 * The FT sheets keep the seed's defects. Known on purpose:
 * - action 1.3 under-consumes in 2025 (60 % State), so 2024-2025 falls under 80 %;
 * - one local indicator (Nombre de séjours organisés) has no 2025 result.
 */
import { buildSampleGrid, CLS_SHEET } from '../../scripts/sample/build-sample';
import { buildClsYearSheet, EXECUTION_RATES_2024, seedAllocation, yearFromRates } from '../../scripts/sample/cls-years';
import { recalculateGrid } from '../../scripts/sample/recalc';
import { readIndicatorTables } from '../../src/layout/indicator-reader';
import { type Grid, setCell } from '../../src/layout/grid';

export const CLS_2025_SHEET = 'Tableau financier 2025';

export const EXECUTION_RATES_2025: Record<string, { state: number; cd: number }> = {
  '1.1': { state: 0.98, cd: 0.97 },
  '1.2': { state: 1, cd: 0.95 },
  '1.3': { state: 0.6, cd: 0.55 },
  '1.4': { state: 0.95, cd: 0.93 },
  '1.5': { state: 1, cd: 1 },
  '3.1': { state: 0.9, cd: 0.9 },
  '3.2': { state: 0.97, cd: 0.96 },
  '3.3': { state: 1, cd: 0.99 },
  '3.4': { state: 0.93, cd: 0.9 },
  '4.1': { state: 0.99, cd: 0.98 },
  '4.2': { state: 0.95, cd: 0.94 },
};

export const MISSING_RESULT_2025 = 'Nombre de séjours organisés';

export function midTermWorkbook(): Grid {
  const grid = buildSampleGrid();
  const alloc = seedAllocation();
  const y2024 = buildClsYearSheet(CLS_SHEET, 2024, yearFromRates(alloc, EXECUTION_RATES_2024, alloc));
  const y2025 = buildClsYearSheet(CLS_2025_SHEET, 2025, yearFromRates(alloc, EXECUTION_RATES_2025, alloc));
  const i = grid.sheets.findIndex((s) => s.name === CLS_SHEET);
  grid.sheets.splice(i, 1, y2024, y2025);
  fillIndicatorResults(grid);
  recalculateGrid(grid);
  return grid;
}

/** Results between 70 % and 120 % of the target, varying by row and year; whole numbers. */
function fillIndicatorResults(grid: Grid): void {
  let n = 0;
  for (const t of readIndicatorTables(grid)) {
    const sheet = grid.sheets.find((s) => s.name === t.sheet)!;
    for (const row of t.rows) {
      for (const year of [2024, 2025]) {
        const y = row.years[year];
        const target = y?.target?.value;
        if (!target || !y.result) continue;
        if (year === 2025 && row.label === MISSING_RESULT_2025) continue;
        const ratio = 0.7 + ((n++ * 7) % 11) * 0.05; // 0.70 … 1.20
        setCell(sheet, y.result.ref.row, y.result.ref.col, { value: Math.round(target.toNumber() * ratio) });
      }
    }
  }
}
