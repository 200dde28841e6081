/// <reference types="office-js" />
/**
 * The documents to send, written from the pane (Office adapter, strict fake) and by the command line
 * (xlsx adapter) from the same plan, are the same documents: each cell's font, fill, borders,
 * alignment, wrapping and number format, the rows' heights, and the page setup (A4, orientation,
 * one page wide, print area, repeated header rows, page breaks, margins, footer) — compared with
 * what the xlsx writer put in the file, not with the shared description both draw from. Then: the
 * requests stay under Excel on the web's 5 MB on a large plan in a bounded number of round trips,
 * and undo gives back the look a sheet had, or refuses and changes nothing.
 */
import { buildSampleGrid } from '../../../scripts/sample/build-sample';
import { applyWrites } from '../../../src/adapters/office/apply-writes';
import { createFakeOfficeHost, type FakeOfficeHost } from '../../../src/adapters/office/fake';
import { readWorkbook } from '../../../src/adapters/office/read-workbook';
import { UndoRefusedError, undoLastWrite } from '../../../src/adapters/office/undo-last-write';
import { applyWritePlanToBuffer } from '../../../src/adapters/xlsx/apply-write-plan';
import { reportToXlsxBuffer } from '../../../src/adapters/xlsx/write-report';
import { gridToXlsxBuffer } from '../../../src/adapters/xlsx/write-xlsx';
import { analyseGrid } from '../../../src/layout/analyse';
import { planVoletTemplates, voletSheetName } from '../../../src/layout/fill';
import { BILAN_SHEET } from '../../../src/layout/fill/bilan-sheet';
import { newSheet, setCell } from '../../../src/layout/grid';
import { planMidTermReport } from '../../../src/layout/report/mid-term-report';
import { fakeLook, xlsxLook } from './look-compare';
import { largeSample } from './office-view';

const STATEMENTS = [voletSheetName(1), voletSheetName(2), voletSheetName(3), BILAN_SHEET];

/** What the fake keeps of one sheet's look, to compare before and after (deep copies). */
function rawLook(host: FakeOfficeHost, name: string) {
  const m = host.excel.model;
  const s = m.find(name)!;
  return JSON.parse(
    JSON.stringify({
      formats: [...(m.formats.cells.get(s) ?? [])].sort(),
      fills: [...(m.fills.get(s) ?? [])].sort(),
      heights: [...(m.formats.rowHeights.get(s) ?? [])].sort((a, b) => a[0] - b[0]),
      page: m.pages.of(s),
    }),
  );
}

/** A batch as the officer's own Office.js would run it (the fake typed as Excel). */
const run = (host: FakeOfficeHost, batch: (ctx: Excel.RequestContext) => Promise<void>) => host.globals.excel.run(batch);

describe('a document written from the pane is the document `annexes fill` writes', () => {
  let host: FakeOfficeHost;
  let syncs: number;
  let file: Buffer;
  beforeAll(async () => {
    host = createFakeOfficeHost(buildSampleGrid());
    const read = await readWorkbook(host.globals.excel);
    const plan = planVoletTemplates(read, analyseGrid(read));
    expect(plan.createSheets.map((s) => s.name)).toEqual(STATEMENTS);
    file = await applyWritePlanToBuffer(await gridToXlsxBuffer(read), plan);
    host.excel.resetCounts();
    await applyWrites(host.globals.excel, plan);
    syncs = host.excel.syncCount;
  });

  test.each(STATEMENTS)('%s: same cells, heights and page setup', async (name) => {
    const expected = await xlsxLook(file, name);
    const got = fakeLook(host.excel.model, name);
    expect(got.page).toEqual(expected.page);
    expect(got.heights).toEqual(expected.heights);
    expect(got.cells).toEqual(expected.cells);
  });

  test('the statements are really styled: shaded headers, double rule over the total, € formats, landscape, repeated rows, a break', async () => {
    const look = fakeLook(host.excel.model, voletSheetName(2));
    const cells = Object.values(look.cells);
    expect(cells.filter((c) => c.fill === '#DCE3EE').length).toBeGreaterThan(5);
    expect(cells.some((c) => c.borders.startsWith('Double '))).toBe(true);
    expect(cells.some((c) => c.numFmt.includes('€'))).toBe(true);
    expect(cells.some((c) => c.font.includes('bold'))).toBe(true);
    expect(look.page).toMatchObject({ orientation: 'landscape', paper: 'A4', fit: '1 wide, 0 high', titleRows: '1:2', printArea: expect.stringMatching(/^A1:I\d+$/) });
    expect(look.page.breaks.length).toBeGreaterThan(0);
    expect(Object.keys(look.heights).length).toBeGreaterThan(5);
  });

  test('in at most 7 round trips, whatever the number of styled cells', () => {
    // list; before, formats, heights, print setup read; the record; the write; recalculate and read back; complete the record
    expect(syncs).toBeLessThanOrEqual(7);
  });
});

test('the mid-term report from the pane: the six sheets look and print as the file `annexes report` writes', async () => {
  const host = createFakeOfficeHost(buildSampleGrid());
  const read = await readWorkbook(host.globals.excel);
  const report = planMidTermReport(read, analyseGrid(read), { date: new Date(Date.UTC(2025, 5, 1)) });
  const file = await reportToXlsxBuffer(report);
  await applyWrites(host.globals.excel, report.plan, { charts: report.charts });
  for (const s of report.plan.createSheets) {
    const expected = await xlsxLook(file, s.name);
    const got = fakeLook(host.excel.model, s.name);
    expect([s.name, got.page]).toEqual([s.name, expected.page]);
    expect([s.name, got.heights]).toEqual([s.name, expected.heights]);
    expect([s.name, got.cells]).toEqual([s.name, expected.cells]);
  }
});

describe('a large plan', () => {
  const LIMIT = 200 * 1024;

  test('the report of a workbook six times the sample: requests under the limit, round trips bounded by its size, the same document as in one request', async () => {
    const small = createFakeOfficeHost(largeSample(6));
    small.excel.maxPayloadBytes = LIMIT;
    small.excel.maxResponseBytes = LIMIT;
    const read = await readWorkbook(small.globals.excel);
    const report = planMidTermReport(read, analyseGrid(read), { date: new Date(Date.UTC(2025, 5, 1)) });
    expect(report.plan.writes.length).toBeGreaterThan(7000);
    small.excel.resetCounts();
    await applyWrites(small.globals.excel, report.plan, { maxPayloadBytes: Math.floor(LIMIT * 0.8), charts: report.charts });
    const sent = small.excel.syncs.reduce((n, s) => n + s.requestBytes, 0);
    expect(small.excel.syncs.filter((s) => s.requestBytes > LIMIT)).toEqual([]);
    // A read's first guess of the answer's size may be refused once and read again in parts (range-reader.ts).
    expect(small.excel.syncs.filter((s) => s.responseBytes > LIMIT).length).toBeLessThanOrEqual(1);
    // More than one write request, but never a round trip per rectangle or per row.
    expect(small.excel.syncCount).toBeGreaterThan(7);
    expect(small.excel.syncCount).toBeLessThanOrEqual(7 + 2 * Math.ceil(sent / (LIMIT * 0.8)));

    const whole = createFakeOfficeHost(largeSample(6));
    whole.excel.resetCounts();
    await applyWrites(whole.globals.excel, report.plan, { charts: report.charts });
    expect(whole.excel.syncs.every((s) => s.requestBytes <= 5 * 1024 * 1024 && s.responseBytes <= 5 * 1024 * 1024)).toBe(true);
    expect(whole.excel.syncCount).toBeLessThanOrEqual(7);
    for (const s of report.plan.createSheets) expect([s.name, fakeLook(small.excel.model, s.name)]).toEqual([s.name, fakeLook(whole.excel.model, s.name)]);
  });
});

describe('undo after a styled write', () => {
  async function writeVolets(host: FakeOfficeHost): Promise<void> {
    const read = await readWorkbook(host.globals.excel);
    await applyWrites(host.globals.excel, planVoletTemplates(read, analyseGrid(read)));
  }

  /** The sample with its statements written once, VOLET 1 then dressed by the officer: own colours, heights and print setup. */
  async function dressed(): Promise<FakeOfficeHost> {
    const host = createFakeOfficeHost(buildSampleGrid());
    await writeVolets(host);
    await run(host, async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(voletSheetName(1));
      const r = ws.getRange('A1:C3');
      r.format.fill.color = '#FFFF00';
      r.format.font.bold = true;
      r.format.font.color = '#C00000';
      r.format.borders.getItem('EdgeBottom').style = 'Dash';
      r.format.horizontalAlignment = 'Left';
      ws.getRange('4:6').format.rowHeight = 30;
      ws.getRange('40:41').format.rowHeight = 22;
      ws.pageLayout.orientation = 'Portrait';
      ws.pageLayout.paperSize = 'Letter';
      ws.pageLayout.zoom = { scale: 85 };
      ws.pageLayout.setPrintArea('A1:F20');
      ws.pageLayout.setPrintTitleRows('$1:$1');
      ws.pageLayout.headersFooters.defaultForAllPages.centerFooter = 'Mon pied de page';
      ws.horizontalPageBreaks.add('A12');
      await ctx.sync();
    });
    return host;
  }

  test('gives back the formats, heights and print setup the sheet had, exactly', async () => {
    const host = await dressed();
    const before = STATEMENTS.slice(0, 3).map((n) => rawLook(host, n));
    await writeVolets(host);
    expect(rawLook(host, voletSheetName(1))).not.toEqual(before[0]);
    await undoLastWrite(host.globals.excel);
    expect(STATEMENTS.slice(0, 3).map((n) => rawLook(host, n))).toEqual(before);
  });

  test('two styled writes, two undos: the first write’s look, then the start', async () => {
    const host = await dressed();
    const start = rawLook(host, voletSheetName(1));
    await writeVolets(host);
    const first = rawLook(host, voletSheetName(1));
    await writeVolets(host);
    await undoLastWrite(host.globals.excel);
    expect(rawLook(host, voletSheetName(1))).toEqual(first);
    await undoLastWrite(host.globals.excel);
    expect(rawLook(host, voletSheetName(1))).toEqual(start);
  });

  test('a sheet that had no print area: undo leaves one over its used range (Office.js cannot remove it), the rest as it was', async () => {
    const grid = buildSampleGrid();
    const own = newSheet(voletSheetName(3));
    setCell(own, 1, 1, { value: 'Mon état des dépenses' });
    setCell(own, 4, 3, { value: 1250, numFmt: '0.00' });
    grid.sheets.push(own);
    const host = createFakeOfficeHost(grid);
    await run(host, async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(voletSheetName(3));
      ws.getRange('A1').format.font.size = 14;
      ws.getRange('C4').format.fill.color = '#E2EFDA';
      await ctx.sync();
    });
    const before = rawLook(host, voletSheetName(3));
    expect(before.page.printArea).toBeNull();
    await writeVolets(host);
    await undoLastWrite(host.globals.excel);
    const after = rawLook(host, voletSheetName(3));
    expect({ ...after, page: { ...after.page, printArea: null, printTitleRows: null } }).toEqual(before);
    expect(after.page.printArea).toEqual({ top: 1, left: 1, bottom: 4, right: 3 });
  });

  test('the officer typed in the statement since: undo refused, the statement’s look untouched', async () => {
    const host = await dressed();
    await writeVolets(host);
    const written = STATEMENTS.map((n) => rawLook(host, n));
    host.excel.user.edit(voletSheetName(2), 'B5', 'corrigé à la main');
    await expect(undoLastWrite(host.globals.excel)).rejects.toBeInstanceOf(UndoRefusedError);
    expect(STATEMENTS.map((n) => rawLook(host, n))).toEqual(written);
  });
});
