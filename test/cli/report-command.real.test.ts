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

describe('the report in LibreOffice (headless, recalculated on load)', () => {
  it('computes every formula of the report to the engine’s figure, to the cent', async () => {
    // Formulas written without any cached value: whatever LibreOffice shows, it computed itself.
    const bare = { ...report, plan: { ...report.plan, writes: report.plan.writes.map((w) => (w.formula ? { ...w, value: null } : w)) } };
    const file = path.join(dir, 'rapport-sans-cache.xlsx');
    writeFileSync(file, await reportToXlsxBuffer(bare));
    const outDir = mkdtempSync(path.join(dir, 'lo-'));
    const converted = await readXlsxFile(await convertWithLibreOffice(file, outDir));
    const formulas = report.plan.writes.filter((w) => w.formula);
    expect(formulas.length).toBeGreaterThan(400);
    const wrong = formulas.filter((w) => !same(cellOf(converted, w)?.value ?? null, w.value ?? null, w.numFmt));
    expect(wrong.map((w) => `${w.sheet}!${w.row}:${w.col} =${w.formula} engine ${w.value} LibreOffice ${cellOf(converted, w)?.value}`)).toEqual([]);
    // And the headline figure, from the workbook's own cells: State spent over 2024–2025.
    const total = report.plan.writes.filter((w) => w.sheet === STATEMENT_SHEET && w.value === 'Total')[2];
    const stateSpent = cellOf(converted, { sheet: STATEMENT_SHEET, row: total.row, col: C.stateSpent })?.value;
    const fromWorkbook = report.statement.actions.reduce((s, a) => s.plus(a.years[2024]!.stateSpent).plus(a.years[2025]!.stateSpent), new Decimal(0));
    expect(new Decimal(String(stateSpent)).toFixed(2)).toBe(fromWorkbook.toFixed(2));
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
