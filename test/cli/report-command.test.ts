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
import { CHART_SHEET } from '../../src/layout/report/chart-sheet';
import { type Grid, getCell } from '../../src/layout/grid';
import type { CellWrite } from '../../src/layout/write-plan';
import { midTermWorkbook } from '../helpers/mid-term';
import { convertWithLibreOffice, sofficePath } from '../helpers/libreoffice';

jest.setTimeout(120_000);

const dir = mkdtempSync(path.join(os.tmpdir(), 'annexes-report-'));
const input = path.join(dir, 'mi-parcours.xlsx');
const output = path.join(dir, 'rapport.xlsx');
const grid = midTermWorkbook();
const report = planMidTermReport(grid, analyseGrid(grid));

async function run(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
  return { code, stdout, stderr };
}

function cellOf(g: Grid, w: CellWrite) {
  const s = g.sheets.find((x) => x.name === w.sheet);
  return s ? getCell(s, w.row, w.col) : undefined;
}

/** Same figure: amounts to the cent, rates to 1e-9, blanks as blanks. */
function same(actual: unknown, expected: unknown, numFmt: string | undefined): boolean {
  const blank = (v: unknown) => v === null || v === undefined || v === '';
  if (blank(expected)) return blank(actual);
  if (typeof expected !== 'number' || typeof actual !== 'number') return actual === expected;
  if (numFmt?.includes('%')) return Math.abs(actual - expected) < 1e-9;
  const cents = (n: number) => new Decimal(n.toString()).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
  return cents(actual).eq(cents(expected));
}

beforeAll(async () => {
  await writeXlsxFile(grid, input);
});

describe('annexes report', () => {
  it('writes the report workbook and says so in French', async () => {
    const { code, stderr } = await run(['report', input, '-o', output]);
    expect(code).toBe(0);
    expect(stderr).toMatch(/Rapport à mi-parcours écrit dans « .*rapport\.xlsx » \(\d+ erreurs?, \d+ avertissements?, \d+ informations?\)/);
    const back = await readXlsxFile(output);
    expect(back.sheets.map((s) => s.name)).toEqual(report.plan.createSheets.map((s) => s.name));
    // Every cell as planned: values, formulas, cached results.
    for (const w of report.plan.writes) {
      const c = cellOf(back, w);
      expect([w.sheet, w.row, w.col, same(c?.value ?? null, w.value ?? null, w.numFmt)]).toEqual([w.sheet, w.row, w.col, true]);
      if (w.formula) expect(c?.formula).toBe(w.formula);
    }
  });

  it('holds a native chart on its own sheet, bound to the fiche, planned and spent ranges beside it', async () => {
    const zip = await JSZip.loadAsync(readFileSync(output));
    const chart = await zip.file('xl/charts/chart1.xml')!.async('string');
    const drawing = await zip.file('xl/drawings/drawing1.xml')!.async('string');
    const drawingRels = await zip.file('xl/drawings/_rels/drawing1.xml.rels')!.async('string');
    // The chart sheet is the report's third: cover, statement, chart.
    const sheetRels = await zip.file('xl/worksheets/_rels/sheet3.xml.rels')!.async('string');
    const sheet = await zip.file('xl/worksheets/sheet3.xml')!.async('string');
    const statement = await zip.file('xl/worksheets/sheet2.xml')!.async('string');
    const types = await zip.file('[Content_Types].xml')!.async('string');
    const workbook = await zip.file('xl/workbook.xml')!.async('string');
    expect(workbook).toMatch(/<sheet [^>]*name="Rapport - graphique"[^>]*r:id="rId\d+"/);
    const spec = report.charts[0];
    expect(spec.sheet).toBe(CHART_SHEET);
    const refs = [...chart.matchAll(/<c:f>([^<]*)<\/c:f>/g)].map((m) => m[1].replace(/&apos;/g, "'"));
    expect(refs).toEqual([rangeFormula(spec.categories), rangeFormula(spec.series[0].values), rangeFormula(spec.categories), rangeFormula(spec.series[1].values)]);
    expect(refs[0]).toBe(`'${CHART_SHEET}'!$A$${spec.categories.top}:$A$${spec.categories.bottom}`);
    expect(refs[1]).toMatch(/!\$B\$\d+:\$B\$\d+$/);
    expect(refs[3]).toMatch(/!\$C\$\d+:\$C\$\d+$/);
    expect(chart).toContain('<c:barDir val="col"/>');
    expect(chart).toContain('<c:v>1.1</c:v>'); // cached categories
    expect(drawing).toContain('r:id="rId1"');
    expect(drawingRels).toContain('Target="../charts/chart1.xml"');
    expect(sheetRels).toMatch(/relationships\/drawing" Target="..\/drawings\/drawing1.xml"/);
    expect(sheet).toMatch(/<drawing r:id="rId\d+"\/><\/worksheet>$|<drawing r:id="rId\d+"\/><(tableParts|extLst|legacyDrawing)/);
    expect(types).toContain('<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>');
    expect(types).toContain('<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>');
    // Printable: A4 landscape, one page wide, header row repeated, each year on its own page.
    expect(statement).toMatch(/<pageSetup [^>]*paperSize="9"[^>]*orientation="landscape"[^>]*fitToWidth="1"[^>]*fitToHeight="0"/);
    expect(statement).toContain('<pageSetUpPr fitToPage="1"/>');
    expect(statement).toMatch(/<rowBreaks count="2"/);
    expect(workbook).toMatch(/_xlnm.Print_Titles" localSheetId="1">&apos;Rapport - bilan financier&apos;!\$4:\$4/);
  });

  it('bad arguments: usage and exit 2; unreadable workbook: French message and exit 2', async () => {
    expect((await run(['report', input])).code).toBe(2);
    expect((await run(['report', '-o', output])).stderr).toContain('Usage : annexes report');
    const broken = path.join(dir, 'casse.xlsx');
    writeFileSync(broken, 'pas un classeur');
    const r = await run(['report', broken, '-o', path.join(dir, 'r2.xlsx')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/n'est pas un classeur Excel lisible/);
    expect((await run(['report', '--help'])).stdout).toContain('CLS art. 2.3');
  });
});

const withLibreOffice = sofficePath() ? describe : describe.skip;

withLibreOffice('the report in LibreOffice (headless, recalculated on load)', () => {
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
    const stateSpent = cellOf(converted, { sheet: STATEMENT_SHEET, row: total.row, col: C.stateSpent, purpose: 'template' })?.value;
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
