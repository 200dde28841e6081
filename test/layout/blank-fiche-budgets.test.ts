/** The blank model's « Budgets des fiches » (src/layout/blank/blank-fiche-budgets.ts), written and read back. */
import { blankWorkbookToBuffer } from '../../src/adapters/xlsx/write-template';
import { readXlsxBuffer } from '../../src/adapters/xlsx/read-xlsx';
import { buildBlankWorkbook } from '../../src/layout/blank/blank-workbook';
import { analyseGrid } from '../../src/layout/analyse';
import { getCell, setCell } from '../../src/layout/grid';

const templateBuffer = (year: number) => blankWorkbookToBuffer(buildBlankWorkbook(year));

describe('the « Budgets des fiches » of the blank model', () => {
  it('reads back: fourteen unnumbered blocks, ERBM as State money, a filled block checked like any fiche', async () => {
    const grid = await readXlsxBuffer(await templateBuffer(2025), 'modele.xlsx');
    const sheet = grid.sheets.find((s) => s.name === 'Budgets des fiches')!;
    const fiches = analyseGrid(grid).workbook.tables.filter((t) => t.kind === 'fiche-budget');
    expect(fiches.map((t) => t.fiche?.number)).toEqual(Array(14).fill(''));
    expect(fiches[0].columns.map((c) => c.key)).toEqual(['year', 'state', 'cd', 'erbm', 'other', 'total']);
    expect(getCell(sheet, 6, 6)).toMatchObject({ formula: 'B6+C6+D6+E6' });
    expect(getCell(sheet, 10, 2)).toMatchObject({ formula: 'SUM(B6:B9)' });
    // The officer types the number and a year's budget whose Total was not recalculated.
    setCell(sheet, 4, 2, { value: '4.2' });
    setCell(sheet, 6, 2, { value: 340260 });
    setCell(sheet, 6, 3, { value: 340260 });
    const f = analyseGrid(grid).findings.filter((x) => x.sheet === 'Budgets des fiches');
    expect(f.map((x) => `${x.rule} ${x.cell}`)).toEqual(expect.arrayContaining(['FICHE-TOTAL F6', 'FICHE-YEARS B7']));
  });
});
