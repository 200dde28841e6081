/// <reference types="office-js" />
/**
 * The fake is at least as strict as Excel where the adapter could go wrong (sources in
 * docs/addin-limits.md): answers above 5 MB, more than 512 merged areas per call, more than
 * 5 000 000 cells per read, sheets known by id, protection, references that follow a rename and
 * break on a delete or a deleted line, calculation left undone after a suspended round trip,
 * English-only formulas, events after the round trip, round trips that fail part-way or hang.
 */
import { FakeExcel } from '../../../src/adapters/office/fake';
import type { FakeRequestContext } from '../../../src/adapters/office/fake/fake-excel';
import { type Grid, type GridSheet, getCell, newSheet, setCell } from '../../../src/layout/grid';

const run = <T>(excel: FakeExcel, batch: (ctx: FakeRequestContext) => Promise<T>): Promise<T> => excel.run(batch);

function book(...sheets: GridSheet[]): Grid {
  return { sheets };
}

function sheet(name: string, cells: Record<string, string | number> = {}): GridSheet {
  const s = newSheet(name);
  for (const [a, v] of Object.entries(cells)) {
    const m = /^([A-Z]+)(\d+)$/.exec(a)!;
    const col = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
    setCell(s, Number(m[2]), col, typeof v === 'string' && v.startsWith('=') ? { value: null, formula: v.slice(1) } : { value: v });
  }
  return s;
}

const cellOf = (excel: FakeExcel, name: string, row: number, col: number) => getCell(excel.model.find(name)!, row, col);

describe('the fake Excel, as strict as Excel', () => {
  test('an answer above 5 MB is refused (ResponsePayloadSizeLimitExceeded), whatever the request size', async () => {
    const s = newSheet('Journal');
    for (let r = 1; r <= 20000; r++) for (let c = 1; c <= 10; c++) setCell(s, r, c, { value: `libellé ${r}-${c} de la dépense` });
    const excel = new FakeExcel(book(s));
    await expect(
      run(excel, async (ctx) => {
        ctx.workbook.worksheets.getItem('Journal').getRange('A1:J20000').load('values,formulas');
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'ResponsePayloadSizeLimitExceeded' });
    expect(excel.syncs[0].requestBytes).toBeLessThan(1024);
  });

  test('a round trip refused for its answer size answers none of its loads (they stay unloaded, as in Excel)', async () => {
    const s = newSheet('Journal');
    for (let r = 1; r <= 20000; r++) for (let c = 1; c <= 10; c++) setCell(s, r, c, { value: `libellé ${r}-${c} de la dépense` });
    const excel = new FakeExcel(book(s, sheet('Petite', { A1: 'x', B2: 3 })));
    await run(excel, async (ctx) => {
      const small = ctx.workbook.worksheets.getItem('Petite');
      const a1 = small.getRange('A1');
      a1.load('values');
      const used = small.getUsedRangeOrNullObject(true);
      used.load('address');
      const props = small.getRange('A1:B2').getCellProperties({ format: { font: { bold: true } } });
      ctx.workbook.worksheets.load('items/name');
      ctx.workbook.worksheets.getItem('Journal').getRange('A1:J20000').load('values');
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'ResponsePayloadSizeLimitExceeded' });
      expect(() => a1.values).toThrow(/is not available/);
      expect(() => used.isNullObject).toThrow(/is not available/);
      expect(() => used.address).toThrow(/is not available/);
      expect(() => props.value).toThrow(/is not available/);
      expect(() => ctx.workbook.worksheets.items).toThrow(/is not available/);
      // Queued again without the large read: all there.
      a1.load('values');
      used.load('address');
      await ctx.sync();
      expect(a1.values).toEqual([['x']]);
      expect(used.isNullObject).toBe(false);
      expect(used.address).toBe('Petite!A1:B2');
    });
  });

  test('a read of more than 5 000 000 cells is refused (RangeExceedsLimit); the address alone is not a read', async () => {
    const excel = new FakeExcel(book(sheet('Feuil1', { A1: 1, Z300000: 2 })));
    await run(excel, async (ctx) => {
      const used = ctx.workbook.worksheets.getItem('Feuil1').getUsedRangeOrNullObject(true);
      used.load('address');
      await ctx.sync();
      expect(used.address).toBe('Feuil1!A1:Z300000');
      used.load('values');
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'RangeExceedsLimit' });
    });
  });

  test('getMergedAreasOrNullObject: top-left cell in the range only, and a failure above 512 areas', async () => {
    const s = newSheet('Fusions');
    for (let i = 0; i < 600; i++) s.merges.push({ top: 2 * i + 1, left: 1, bottom: 2 * i + 2, right: 2 });
    const excel = new FakeExcel(book(s));
    await expect(
      run(excel, async (ctx) => {
        ctx.workbook.worksheets.getItem('Fusions').getRange().getMergedAreasOrNullObject().load('areas/items/address');
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'GeneralException' });
    await run(excel, async (ctx) => {
      // Rows 2 to 1024: the area starting row 1 overlaps but does not start there.
      const m = ctx.workbook.worksheets.getItem('Fusions').getRange('A2:B1024').getMergedAreasOrNullObject();
      m.load('areas/items/address');
      await ctx.sync();
      expect(m.areas.items).toHaveLength(511);
      expect(m.areas.items[0].address).toBe('Fusions!A3:B4');
    });
  });

  test('sheets have a stable id; getItem takes a name or an id', async () => {
    const excel = new FakeExcel(book(sheet('Contrôles')));
    const id = await run(excel, async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Contrôles');
      ws.load('id');
      await ctx.sync();
      ws.name = 'Anciens contrôles';
      await ctx.sync();
      return ws.id;
    });
    expect(id).toMatch(/^\{[0-9A-F-]{36}\}$/i);
    await run(excel, async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(id);
      ws.load('name');
      await ctx.sync();
      expect(ws.name).toBe('Anciens contrôles');
    });
  });

  test('a rename rewrites every reference to the sheet; a delete turns them into #REF!', async () => {
    const excel = new FakeExcel(book(sheet('Synthèse', { A1: "='Contrôles'!B2*2", A2: '=SUM(Contrôles!B1:B2)', A3: '=HYPERLINK("#\'Contrôles\'!B2","B2")' }), sheet('Contrôles', { B1: 1, B2: 20 })));
    expect(cellOf(excel, 'Synthèse', 1, 1)).toMatchObject({ value: 40 });
    excel.user.rename('Contrôles', 'Contrôles 2024');
    expect(cellOf(excel, 'Synthèse', 1, 1)).toMatchObject({ formula: "'Contrôles 2024'!B2*2", value: 40 });
    expect(cellOf(excel, 'Synthèse', 2, 1)).toMatchObject({ formula: "SUM('Contrôles 2024'!B1:B2)", value: 21 });
    expect(cellOf(excel, 'Synthèse', 3, 1)?.formula).toBe('HYPERLINK("#\'Contrôles\'!B2","B2")'); // text is not a reference
    excel.user.deleteSheet('Contrôles 2024');
    expect(cellOf(excel, 'Synthèse', 1, 1)).toMatchObject({ formula: '#REF!B2*2', error: '#REF!' });
  });

  test('inserting a row moves cells, formulas pointing at them and defined names; deleting it back breaks a reference inside', async () => {
    const excel = new FakeExcel(book(sheet('Plan', { F17: 10, F18: 20, G18: '=F18*2', A30: '=SUM(F17:F18)' }), sheet('Autre', { A1: '=Plan!F18' })));
    await run(excel, async (ctx) => {
      ctx.workbook.names.add('zone', ctx.workbook.worksheets.getItem('Plan').getRange('F17:G18'));
      await ctx.sync();
    });
    excel.user.insertRows('Plan', 18);
    expect(cellOf(excel, 'Plan', 19, 6)).toEqual({ value: 20 });
    expect(cellOf(excel, 'Plan', 19, 7)).toMatchObject({ formula: 'F19*2', value: 40 });
    expect(cellOf(excel, 'Plan', 31, 1)).toMatchObject({ formula: 'SUM(F17:F19)', value: 30 });
    expect(cellOf(excel, 'Autre', 1, 1)).toMatchObject({ formula: 'Plan!F19', value: 20 });
    expect(excel.model.nameFormula(excel.model.names.get('zone')!)).toBe('=Plan!$F$17:$G$19');
    excel.user.deleteRows('Plan', 19);
    expect(cellOf(excel, 'Autre', 1, 1)).toMatchObject({ formula: 'Plan!#REF!', error: '#REF!' });
  });

  test('protection: values into locked cells and formatting without permission are AccessDenied', async () => {
    const excel = new FakeExcel(book(sheet('Paramètres', { A1: 'Seuil de sous-consommation', B1: 0.8 })));
    excel.user.setLocked('Paramètres', 'B1:B100', false, true);
    excel.user.protect('Paramètres');
    const attempt = (batch: (ctx: FakeRequestContext) => void) =>
      run(excel, async (ctx) => {
        batch(ctx);
        await ctx.sync();
      });
    await attempt((ctx) => (ctx.workbook.worksheets.getItem('Paramètres').getRange('B1').formulas = [[0.7]]));
    expect(cellOf(excel, 'Paramètres', 1, 2)).toEqual({ value: 0.7 });
    await expect(attempt((ctx) => (ctx.workbook.worksheets.getItem('Paramètres').getRange('A1').formulas = [['x']]))).rejects.toMatchObject({ code: 'AccessDenied' });
    await expect(attempt((ctx) => (ctx.workbook.worksheets.getItem('Paramètres').getRange('B1').format.fill.color = '#FFC7CE'))).rejects.toMatchObject({ code: 'AccessDenied' });
    await expect(attempt((ctx) => (ctx.workbook.worksheets.getItem('Paramètres').getRange('B1').numberFormat = [['0%']]))).rejects.toMatchObject({ code: 'AccessDenied' });
    excel.user.protect('Paramètres', { allowFormatCells: true });
    await attempt((ctx) => (ctx.workbook.worksheets.getItem('Paramètres').getRange('B1').format.fill.color = '#FFC7CE'));
    expect(excel.model.fill(excel.model.find('Paramètres')!, 1, 2)).toBe('#FFC7CE');
  });

  test('formats and print setup: what Excel refuses is refused (InvalidArgument), protection without the permission is AccessDenied', async () => {
    const excel = new FakeExcel(book(sheet('État', { A1: 'Titre', A2: 12 })));
    const attempt = (batch: (ws: Excel.Worksheet) => void) =>
      run(excel, async (ctx) => {
        batch(ctx.workbook.worksheets.getItem('État') as unknown as Excel.Worksheet);
        await ctx.sync();
      });
    const refused = (batch: (ws: Excel.Worksheet) => void) => expect(attempt(batch)).rejects.toMatchObject({ code: 'InvalidArgument' });
    // Enumerations are Excel's members, spelt as Excel spells them.
    await refused((ws) => (ws.pageLayout.orientation = 'landscape' as Excel.PageOrientation));
    await refused((ws) => (ws.pageLayout.paperSize = 'A4Paper' as Excel.PaperType));
    await refused((ws) => (ws.getRange('A1').format.horizontalAlignment = 'middle' as Excel.HorizontalAlignment));
    await refused((ws) => (ws.getRange('A1').format.borders.getItem('EdgeTop').style = 'Thin' as Excel.BorderLineStyle));
    await refused((ws) => (ws.getRange('A1').format.borders.getItem('Outline' as Excel.BorderIndex).style = 'Continuous'));
    // Zoom: a whole object, a scale of 10 to 400 or pages to fit, not both.
    await refused((ws) => (ws.pageLayout.zoom = { scale: 5 }));
    await refused((ws) => (ws.pageLayout.zoom = { scale: 80, horizontalFitToPages: 1 }));
    await refused((ws) => (ws.pageLayout.zoom = {}));
    // Print title rows span whole rows; no page break above the first row; an inside border needs an inside.
    await refused((ws) => ws.pageLayout.setPrintTitleRows('A1:C2'));
    await refused((ws) => ws.horizontalPageBreaks.add('A1'));
    await refused((ws) => (ws.getRange('A1:C1').format.borders.getItem('InsideHorizontal').style = 'Continuous'));
    await refused((ws) => (ws.getRange('1:1').format.rowHeight = 410));
    await refused((ws) => (ws.getRange('A1').format.font.color = 'navy'));
    const setup = excel.model.pages.of(excel.model.find('État')!);
    expect(setup).toMatchObject({ orientation: 'Portrait', paperSize: 'Letter', zoom: { scale: 100 }, printTitleRows: null, rowBreaks: [] });

    await attempt((ws) => {
      ws.pageLayout.orientation = 'Landscape';
      ws.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
      ws.pageLayout.setPrintTitleRows('$1:$1');
      ws.horizontalPageBreaks.add('A2');
    });
    expect(setup).toMatchObject({ orientation: 'Landscape', zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 }, printTitleRows: { first: 1, last: 1 }, rowBreaks: [2] });

    // Protected: cell formats need allowFormatCells, row heights allowFormatRows.
    excel.user.protect('État', { allowFormatRows: true });
    const denied = (batch: (ws: Excel.Worksheet) => void) => expect(attempt(batch)).rejects.toMatchObject({ code: 'AccessDenied' });
    await denied((ws) => (ws.getRange('A1').format.font.bold = true));
    await denied((ws) => (ws.getRange('A1').format.borders.getItem('EdgeBottom').style = 'Continuous'));
    await denied((ws) => (ws.getRange('A1').format.wrapText = true));
    await attempt((ws) => (ws.getRange('2:2').format.rowHeight = 30));
    excel.user.unprotect('État');
    excel.user.protect('État', { allowFormatCells: true });
    await denied((ws) => (ws.getRange('2:2').format.rowHeight = 40));
    await attempt((ws) => (ws.getRange('A1').format.font.bold = true));
    expect(excel.model.formats.get(excel.model.find('État')!, 1, 1).font.bold).toBe(true);
    expect(excel.model.formats.rowHeight(excel.model.find('État')!, 2)).toBe(30);
  });

  test('calculation suspended until the next sync stays undone until application.calculate()', async () => {
    const excel = new FakeExcel(book(sheet('S', { A1: 2 })));
    await run(excel, async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('S');
      ctx.workbook.application.suspendApiCalculationUntilNextSync();
      ws.getRange('B1').formulas = [['=A1*10']];
      await ctx.sync();
      const b1 = ws.getRange('B1');
      b1.load('values');
      ws.getRange('C1').formulas = [['=A1+1']]; // a later, unsuspended write does not catch up B1
      await ctx.sync();
      expect(b1.values).toEqual([[0]]);
      ctx.workbook.application.calculate('Recalculate');
      b1.load('values');
      await ctx.sync();
      expect(b1.values).toEqual([[20]]);
    });
  });

  test('formulas are English with commas: a semicolon is refused, a French function shows #NAME?', async () => {
    const excel = new FakeExcel(book(sheet('S', { A1: 1, A2: 2 })));
    await expect(
      run(excel, async (ctx) => {
        ctx.workbook.worksheets.getItem('S').getRange('B1').formulas = [['=SUM(A1;A2)']];
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
    await run(excel, async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('S');
      ws.getRange('B1:B2').formulas = [['=SOMME(A1,A2)'], ['=SUM(A1,A2)']];
      await ctx.sync();
    });
    expect(cellOf(excel, 'S', 1, 2)).toMatchObject({ error: '#NAME?' });
    expect(cellOf(excel, 'S', 2, 2)).toMatchObject({ value: 3 });
  });

  test('change events come after the round trip that caused them, the add-in’s own writes included', async () => {
    const excel = new FakeExcel(book(sheet('S', { A1: 1 })));
    const seen: string[] = [];
    await run(excel, async (ctx) => {
      ctx.workbook.worksheets.onChanged.add(async (e) => {
        seen.push(`${e.address}`);
      });
      await ctx.sync();
      ctx.workbook.worksheets.getItem('S').getRange('B2').formulas = [[5]];
      await ctx.sync();
      expect(seen).toEqual([]); // not yet: events are delivered later
    });
    await new Promise((r) => setTimeout(r, 5));
    excel.user.edit('S', 'C3', 'x');
    await new Promise((r) => setTimeout(r, 5));
    expect(seen).toEqual(['B2', 'C3']);
  });

  test('a round trip can be made to fail part-way (earlier operations stay done) or never answer', async () => {
    const excel = new FakeExcel(book(sheet('S')));
    excel.faults.push({ at: ({ index }) => index === 0, kind: 'fail', afterOperations: 3, code: 'GeneralException' });
    await expect(
      run(excel, async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem('S');
        ws.getRange('A1').formulas = [[1]];
        ws.getRange('A2').formulas = [[2]];
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'GeneralException' });
    expect(cellOf(excel, 'S', 1, 1)).toEqual({ value: 1 }); // getItem, getRange, then A1's write ran
    expect(cellOf(excel, 'S', 2, 1)).toBeUndefined();
    excel.faults.push({ at: () => true, kind: 'hang' });
    const hung = run(excel, async (ctx) => {
      ctx.workbook.worksheets.load('items/name');
      await ctx.sync();
    });
    const outcome = await Promise.race([hung.then(() => 'answered'), new Promise((r) => setTimeout(() => r('no answer'), 50))]);
    expect(outcome).toBe('no answer');
  });

  test('no fill reads as white, told apart by fill.pattern; DATE(1904,1,1) tells the date system', async () => {
    const excel = new FakeExcel(book(sheet('S')));
    excel.user.fill('S', 'B1', '#ffffff');
    excel.model.date1904 = true;
    await run(excel, async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('S');
      const a = ws.getRange('A1').format.fill;
      const b = ws.getRange('B1').format.fill;
      a.load('color,pattern');
      b.load('color,pattern');
      const date = ctx.workbook.functions.date(1904, 1, 1);
      date.load('value');
      await ctx.sync();
      expect([a.color, a.pattern, b.color, b.pattern]).toEqual(['#FFFFFF', 'None', '#FFFFFF', 'Solid']);
      expect(date.value).toBe(0);
    });
  });
});
