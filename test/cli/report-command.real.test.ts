/**
 * The mid-term report in a real spreadsheet engine (real tier): LibreOffice recalculates every
 * formula written without a cached value, and keeps the native chart when it opens and saves it.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import JSZip from 'jszip';
import Decimal from 'decimal.js';
import { main } from '../../src/cli/main';
import { writeXlsxFile } from '../../src/adapters/xlsx/write-xlsx';
import { readXlsxFile } from '../../src/adapters/xlsx/read-xlsx';
import { reportToXlsxBuffer } from '../../src/adapters/xlsx/write-report';
import { rangeFormula } from '../../src/adapters/xlsx/xlsx-chart';
import { analyseGrid } from '../../src/layout/analyse';
import { planMidTermReport } from '../../src/layout/report/mid-term-report';
import { C, STATEMENT_SHEET } from '../../src/layout/report/statement-sheet';
import { midTermWorkbook } from '../helpers/mid-term';
import { convertWithLibreOffice } from '../helpers/libreoffice';
import { cellOf, same } from '../helpers/report-cells';
import { YEARS, conventionWorkbook } from '../helpers/convention';
import { CONVENTION_SHEET, V } from '../../src/layout/report/convention-sheet';
import type { MidTermReport } from '../../src/layout/report/mid-term-report';

const dir = mkdtempSync(path.join(os.tmpdir(), 'annexes-report-lo-'));
const input = path.join(dir, 'mi-parcours.xlsx');
const output = path.join(dir, 'rapport.xlsx');
const grid = midTermWorkbook();
const report = planMidTermReport(grid, analyseGrid(grid));

beforeAll(async () => {
  await writeXlsxFile(grid, input);
  const code = await main(['report', input, '-o', output], { stdout: () => undefined, stderr: () => undefined });
  expect(code).toBe(0);
});

/** The report written with its formulas only (no cached value), opened and saved by LibreOffice. */
async function recalculated(r: MidTermReport, name: string) {
  const bare = { ...r, plan: { ...r.plan, writes: r.plan.writes.map((w) => (w.formula ? { ...w, value: null } : w)) } };
  const file = path.join(dir, `${name}-sans-cache.xlsx`);
  writeFileSync(file, await reportToXlsxBuffer(bare));
  const converted = await readXlsxFile(await convertWithLibreOffice(file, mkdtempSync(path.join(dir, 'lo-'))));
  const wrong = r.plan.writes.filter((w) => w.formula && !same(cellOf(converted, w)?.value ?? null, w.value ?? null, w.numFmt));
  return { converted, wrong: wrong.map((w) => `${w.sheet}!${w.row}:${w.col} =${w.formula} engine ${w.value} LibreOffice ${cellOf(converted, w)?.value}`) };
}

describe('the report in LibreOffice (headless, recalculated on load)', () => {
  it('computes every formula of the report to the engine’s figure, to the cent', async () => {
    // Formulas written without any cached value: whatever LibreOffice shows, it computed itself.
    const { converted, wrong } = await recalculated(report, 'rapport');
    expect(report.plan.writes.filter((w) => w.formula).length).toBeGreaterThan(400);
    expect(wrong).toEqual([]);
    // And the headline figure, from the workbook's own cells: State spent over 2024–2025.
    const total = report.plan.writes.filter((w) => w.sheet === STATEMENT_SHEET && w.value === 'Total')[2];
    const stateSpent = cellOf(converted, { sheet: STATEMENT_SHEET, row: total.row, col: C.stateSpent })?.value;
    const fromWorkbook = report.statement.actions.reduce((s, a) => s.plus(a.years[2024]!.stateSpent).plus(a.years[2025]!.stateSpent), new Decimal(0));
    expect(new Decimal(String(stateSpent)).toFixed(2)).toBe(fromWorkbook.toFixed(2));
  });

  it('a whole 2024–2027 convention: every formula, the four-year sheet’s included, to the engine’s figure; its total to the generator’s', async () => {
    const four = conventionWorkbook({ fiches: true });
    const r = planMidTermReport(four.grid, analyseGrid(four.grid));
    const { converted, wrong } = await recalculated(r, 'quatre-ans');
    expect(r.plan.writes.filter((w) => w.formula && w.sheet === CONVENTION_SHEET).length).toBeGreaterThan(400);
    expect(wrong).toEqual([]);
    // The convention's cumul, State spent: LibreOffice's sum of the sheet's cells, against the generator's figures added up.
    const cumul = r.plan.writes.find((w) => w.sheet === CONVENTION_SHEET && w.col === 1 && w.value === 'Cumul 2024-2027')!;
    const spent = YEARS.reduce((s, y) => s + Object.values(four.figures[y]).reduce((t, f) => t + f.stateSpent, 0), 0);
    expect(cellOf(converted, { sheet: CONVENTION_SHEET, row: cumul.row, col: V.stateSpent })?.value).toBe(spent);
  });

  it('keeps the chart with its ranges when it opens and saves the report', async () => {
    const outDir = mkdtempSync(path.join(dir, 'lo-chart-'));
    const zip = await JSZip.loadAsync(readFileSync(await convertWithLibreOffice(output, outDir)));
    const chartParts = Object.keys(zip.files).filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f));
    expect(chartParts).toHaveLength(1);
    const chart = await zip.file(chartParts[0])!.async('string');
    const spec = report.charts[0];
    expect(chart.replace(/&apos;/g, "'")).toContain(rangeFormula(spec.series[1].values));
    expect(chart).toMatch(/<c:barChart>/);
  });
});
