/**
 * The fake enforces the Office.js rules the adapter could get wrong and still pass on a lenient
 * mock: properties exist only after load + sync, operations run at sync in queue order, a failing
 * operation rejects the sync, Excel's sheet rules hold.
 */
import { buildSampleGrid } from '../../../scripts/sample/build-sample';
import { FakeExcel } from '../../../src/adapters/office/fake';
import type { FakeRequestContext } from '../../../src/adapters/office/fake/fake-excel';

const run = <T>(excel: FakeExcel, batch: (ctx: FakeRequestContext) => Promise<T>): Promise<T> => excel.run(batch);

describe('fake Excel', () => {
  test('a property read before load + sync throws PropertyNotLoaded', async () => {
    const excel = new FakeExcel(buildSampleGrid());
    await run(excel, async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Paramètres');
      const range = ws.getRange('A1:B2');
      expect(() => range.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      range.load('values');
      expect(() => range.values).toThrow(/call the load method .* "context.sync\(\)"/);
      await ctx.sync();
      expect(range.values[0][0]).toBe('Paramètre');
      expect(() => range.formulas).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    });
  });

  test('operations run at sync, in order; a failing one rejects the sync', async () => {
    const excel = new FakeExcel(buildSampleGrid());
    await expect(
      run(excel, async (ctx) => {
        const a = ctx.workbook.worksheets.add('Nouvelle');
        a.getRange('A1').formulas = [['=1+2']];
        expect(excel.model.find('Nouvelle')).toBeUndefined(); // nothing happened yet
        ctx.workbook.worksheets.getItem('Absente').activate();
        ctx.workbook.worksheets.add('Jamais');
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'ItemNotFound' });
    expect(excel.model.find('Nouvelle')?.rows.get(1)?.get(1)).toEqual({ value: 3, formula: '1+2' });
    expect(excel.model.find('Jamais')).toBeUndefined();
  });

  test('null objects: isNullObject after sync only; acting on one fails', async () => {
    const grid = buildSampleGrid();
    grid.sheets.push({ name: 'Vide', rows: new Map(), merges: [] });
    const excel = new FakeExcel(grid);
    await run(excel, async (ctx) => {
      const used = ctx.workbook.worksheets.getItem('Vide').getUsedRangeOrNullObject(true);
      expect(() => used.isNullObject).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      await ctx.sync();
      expect(used.isNullObject).toBe(true);
      used.select();
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'InvalidReference' });
    });
  });

  test("Excel's sheet rules: names, the last visible sheet, very hidden sheets", async () => {
    const excel = new FakeExcel(buildSampleGrid());
    const attempt = (batch: (ctx: FakeRequestContext) => void) =>
      run(excel, async (ctx) => {
        batch(ctx);
        await ctx.sync();
      });
    await expect(attempt((ctx) => ctx.workbook.worksheets.add('paramètres'))).rejects.toMatchObject({ code: 'ItemAlreadyExists' });
    await expect(attempt((ctx) => ctx.workbook.worksheets.add('a'.repeat(32)))).rejects.toMatchObject({ code: 'InvalidArgument' });
    await expect(attempt((ctx) => ctx.workbook.worksheets.add('a/b'))).rejects.toMatchObject({ code: 'InvalidArgument' });
    await attempt((ctx) => {
      ctx.workbook.worksheets.add('Cachée').visibility = 'VeryHidden';
    });
    await expect(attempt((ctx) => ctx.workbook.worksheets.getItem('Cachée').delete())).rejects.toMatchObject({ code: 'InvalidOperation' });
    await attempt((ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Cachée');
      ws.visibility = 'Hidden';
      ws.delete();
    });
    expect(excel.model.find('Cachée')).toBeUndefined();
  });

  test('counts every round trip, including the one Excel.run makes for a queue left pending', async () => {
    const excel = new FakeExcel(buildSampleGrid());
    await run(excel, async (ctx) => {
      ctx.workbook.worksheets.load('items/name');
      await ctx.sync();
      ctx.workbook.worksheets.getItem('Paramètres').getRange('Z1').formulas = [['x']];
    });
    expect(excel.syncCount).toBe(2);
    expect(excel.model.find('Paramètres')?.rows.get(1)?.get(26)).toEqual({ value: 'x' });
  });

  test('a proxy cannot be used once its Excel.run is over', async () => {
    const excel = new FakeExcel(buildSampleGrid());
    const ws = await run(excel, async (ctx) => ctx.workbook.worksheets.getItem('Paramètres'));
    expect(() => ws.activate()).toThrow(expect.objectContaining({ code: 'InvalidRequestContext' }));
  });
});
