import Decimal from 'decimal.js';
import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { buildSampleGrid } from '../../../scripts/sample/build-sample';
import { applyWritePlanToCopy } from '../../../src/adapters/xlsx/apply-write-plan';
import { readXlsxFile } from '../../../src/adapters/xlsx/read-xlsx';
import { writeXlsxFile } from '../../../src/adapters/xlsx/write-xlsx';
import { recomputeTable } from '../../../src/domain/recompute';
import { analyseGrid } from '../../../src/layout/analyse';
import { planFill } from '../../../src/layout/fill';
import { type Grid, getCell } from '../../../src/layout/grid';
import type { CellWrite } from '../../../src/layout/write-plan';
import { carryOverGrid } from '../../helpers/carry-over';
import { recalcWithLibreOffice } from '../../helpers/libreoffice';

/**
 * The filled workbook in a real spreadsheet engine: LibreOffice Calc recalculates every formula of
 * the copy `annexes fill` writes, and every derived and template cell must come out at the
 * engine's value, to the cent. To be sure LibreOffice computed them rather than showing the cached
 * values, the file converted is the filled copy with every cached formula result poisoned (-1).
 * Real tier (`npm run test:real`): the runner refuses to start without LibreOffice.
 */
const dir = mkdtempSync(path.join(tmpdir(), 'annexes-lo-'));

function cellOf(grid: Grid, w: Pick<CellWrite, 'sheet' | 'row' | 'col'>) {
  const s = grid.sheets.find((x) => x.name === w.sheet);
  return s ? getCell(s, w.row, w.col) : undefined;
}

function sameValue(actual: unknown, expected: unknown): boolean {
  if (typeof expected === 'number') return typeof actual === 'number' && new Decimal(actual).toFixed(2) === new Decimal(expected).toFixed(2);
  return actual === expected;
}

async function fillAndRecalc(name: string, source: Grid) {
  const input = path.join(dir, `${name}.xlsx`);
  await writeXlsxFile(source, input);
  const grid = await readXlsxFile(input);
  const fill = planFill(grid);
  // The product's file, then the same plan with every cached result wrong: LibreOffice must compute.
  const output = path.join(dir, `${name}-rempli.xlsx`);
  await applyWritePlanToCopy(input, output, fill.plan);
  const poisoned = path.join(dir, `${name}-sans-cache.xlsx`);
  await applyWritePlanToCopy(input, poisoned, { ...fill.plan, writes: fill.plan.writes.map((w) => (w.formula !== undefined && typeof w.value === 'number' ? { ...w, value: -1 } : w)) });
  const lo = await readXlsxFile(await recalcWithLibreOffice(poisoned));
  return { grid, fill, written: await readXlsxFile(output), lo };
}

describe.each([
  ['the sample', 'exemple', buildSampleGrid],
  ['a workbook with real carry-overs', 'reports', carryOverGrid],
])('%s, filled then recalculated by LibreOffice', (_label, name, build) => {
  let result: Awaited<ReturnType<typeof fillAndRecalc>>;
  beforeAll(async () => {
    result = await fillAndRecalc(name, build());
  });

  it('every formula written computes, in LibreOffice, to the value cached by the engine, to the cent', () => {
    const formulas = result.fill.plan.writes.filter((w) => w.formula !== undefined);
    const wrong = formulas.filter((w) => !sameValue(cellOf(result.lo, w)?.value, w.value));
    expect(wrong.map((w) => `${w.sheet}!${w.row}:${w.col} =${w.formula} moteur ${w.value} LibreOffice ${cellOf(result.lo, w)?.value}`)).toEqual([]);
    const derived = formulas.filter((w) => w.purpose === 'derived');
    const templates = formulas.filter((w) => w.purpose === 'template');
    expect(derived.length).toBeGreaterThanOrEqual(200);
    expect(templates.length).toBeGreaterThanOrEqual(40);
    // The copy itself carries those values: it reads right before any recalculation.
    expect(formulas.filter((w) => !sameValue(cellOf(result.written, w)?.value, w.value))).toEqual([]);
  });

  it('the values are the engine’s: every derived cell of recomputeTable, as LibreOffice computes it', () => {
    let compared = 0;
    for (const table of analyseGrid(result.grid).workbook.tables) {
      for (const dv of recomputeTable(table)) {
        if (dv.value === null) continue;
        const lo = cellOf(result.lo, dv.cell.ref)?.value;
        expect(`${dv.cell.ref.sheet}!${dv.cell.ref.address} ${typeof lo === 'number' ? new Decimal(lo).toFixed(2) : lo}`).toBe(
          `${dv.cell.ref.sheet}!${dv.cell.ref.address} ${dv.value.toFixed(2)}`,
        );
        compared++;
      }
    }
    expect(compared).toBeGreaterThanOrEqual(200);
  });

  it('the « Etat des dépenses » totals are Σ Nombre × coût unitaire of the journal, the two excluded lines aside, in LibreOffice', () => {
    const journal = analyseGrid(result.grid).workbook.tables.find((t) => t.kind === 'ft-expense-journal');
    // Excluded: the « Frais de déplacement » (FT art. 4.2) and the invoice dated 2025 (FT art. 2).
    const excluded = (r: { texts?: Record<string, string>; date?: { start: Date | null } }) => r.texts?.nature === 'Frais de déplacement' || r.date?.start?.getUTCFullYear() === 2025;
    for (const volet of ['1', '2']) {
      const expected = (journal?.rows ?? [])
        .filter((r) => r.kind === 'detail' && r.texts?.volet === volet && !excluded(r))
        .reduce((s, r) => s.plus((r.amounts.count?.value as Decimal).times(r.amounts.unitCost?.value as Decimal)), new Decimal(0));
      const total = result.fill.volets.writes.find((w) => w.sheet === `Etat des dépenses VOLET ${volet}` && w.value === `TOTAL DEPENSES AU TITRE DU VOLET ${volet}`) as CellWrite;
      expect(new Decimal(cellOf(result.lo, { sheet: total.sheet, row: total.row, col: 7 })?.value as number).toFixed(2)).toBe(expected.toFixed(2));
    }
  });

  it('after LibreOffice’s recalculation, check finds no CALC-* anomaly', () => {
    expect(analyseGrid(result.lo).findings.filter((f) => f.rule.startsWith('CALC-'))).toEqual([]);
  });
});
