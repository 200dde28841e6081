import { mkdtempSync, readFileSync, writeFileSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import JSZip from 'jszip';
import { main } from '../../src/cli/main';
import { writeXlsxFile } from '../../src/adapters/xlsx/write-xlsx';
import { readXlsxFile } from '../../src/adapters/xlsx/read-xlsx';
import { rangeFormula } from '../../src/adapters/xlsx/xlsx-chart';
import { analyseGrid } from '../../src/layout/analyse';
import { planMidTermReport } from '../../src/layout/report/mid-term-report';
import { CHART_SHEET } from '../../src/layout/report/chart-sheet';
import { midTermWorkbook } from '../helpers/mid-term';
import { cellOf, same } from '../helpers/report-cells';

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
    // The chart sheet is the report's fourth: cover, statement, convention 2024-2027, chart.
    const sheetRels = await zip.file('xl/worksheets/_rels/sheet4.xml.rels')!.async('string');
    const sheet = await zip.file('xl/worksheets/sheet4.xml')!.async('string');
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
