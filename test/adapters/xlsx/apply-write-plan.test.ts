import { mkdtempSync, readFileSync, statSync, symlinkSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { buildSampleGrid, type SampleLayout } from '../../../scripts/sample/build-sample';
import { SameFileError, applyWritePlanToBuffer, applyWritePlanToCopy } from '../../../src/adapters/xlsx/apply-write-plan';
import { readXlsxBuffer, readXlsxFile } from '../../../src/adapters/xlsx/read-xlsx';
import { writeXlsxFile } from '../../../src/adapters/xlsx/write-xlsx';
import { planFill } from '../../../src/layout/fill';
import { type Grid, type GridCell, getCell } from '../../../src/layout/grid';
import type { WritePlan } from '../../../src/layout/write-plan';
import { carryOverGrid } from '../../helpers/carry-over';

const dir = mkdtempSync(path.join(tmpdir(), 'annexes-apply-'));

function cells(grid: Grid, sheet: string): Map<string, GridCell> {
  const s = grid.sheets.find((x) => x.name === sheet);
  const out = new Map<string, GridCell>();
  for (const [r, cols] of s?.rows ?? []) for (const [c, cell] of cols) out.set(`${r}:${c}`, cell);
  return out;
}

describe('a filled copy keeps every cell the plan does not write', () => {
  const cases: [string, () => Grid][] = [
    ['the sample', () => buildSampleGrid()],
    ['the sample in every layout variant at once', () => buildSampleGrid({ rowOffset: 2, colOffset: 1, blankRows: true, wrapHeaders: true, noAccents: true, textAmounts: true, mergeAxe: false, sheetSuffix: ' 2024' } as SampleLayout)],
    ['a workbook with real carry-overs', carryOverGrid],
  ];

  it.each(cases)('%s: value, formula and format, cell by cell; merges and widths', async (_name, build) => {
    const input = path.join(dir, `in-${_name.length}.xlsx`);
    const output = path.join(dir, `out-${_name.length}.xlsx`);
    await writeXlsxFile(build(), input);
    const before = await readXlsxFile(input);
    const { plan } = planFill(before);
    await applyWritePlanToCopy(input, output, plan);
    const after = await readXlsxFile(output);

    const written = new Set(plan.writes.map((w) => `${w.sheet}!${w.row}:${w.col}`));
    const toolSheets = new Set(plan.createSheets.map((s) => s.name));
    let kept = 0;
    for (const sheet of before.sheets) {
      const a = cells(after, sheet.name);
      for (const [key, cell] of cells(before, sheet.name)) {
        if (written.has(`${sheet.name}!${key}`)) continue;
        expect({ at: `${sheet.name}!${key}`, ...a.get(key) }).toEqual({ at: `${sheet.name}!${key}`, ...cell });
        kept++;
      }
      // Nothing appears in an input sheet but the planned cells.
      const added = [...a.keys()].filter((key) => !cells(before, sheet.name).has(key) && !written.has(`${sheet.name}!${key}`));
      expect(added).toEqual([]);
      const out = after.sheets.find((s) => s.name === sheet.name);
      expect(out?.merges).toEqual(sheet.merges);
      expect(out?.columnWidths).toEqual(sheet.columnWidths);
    }
    expect(kept).toBeGreaterThan(500);
    // The input sheets stay in their order; the tool's sheets come after them.
    expect(after.sheets.map((s) => s.name)).toEqual([...before.sheets.map((s) => s.name), ...toolSheets]);
    // And every planned cell holds what the plan says.
    for (const w of plan.writes) {
      const cell = getCell(after.sheets.find((s) => s.name === w.sheet)!, w.row, w.col);
      expect({ at: `${w.sheet}!${w.row}:${w.col}`, formula: cell?.formula, value: cell?.value }).toEqual({ at: `${w.sheet}!${w.row}:${w.col}`, formula: w.formula, value: w.value });
    }
  });
});

describe('applyWritePlanToBuffer', () => {
  async function book(build: (ws: ExcelJS.Worksheet) => void): Promise<Buffer> {
    const wb = new ExcelJS.Workbook();
    build(wb.addWorksheet('Feuille'));
    return Buffer.from(await wb.xlsx.writeBuffer());
  }
  const plan = (writes: WritePlan['writes']): WritePlan => ({ description: '', createSheets: [], writes });

  it('text starting with =, +, - or @ is written as text, never as a formula', async () => {
    const texts = ['=HYPERLINK("http://exemple.invalid","cliquer")', '+33 6 00 00 00 00', '-50 places', '@SUM(A1:A2)', '=1+1'];
    const out = await applyWritePlanToBuffer(
      await book(() => undefined),
      plan(texts.map((value, i) => ({ sheet: 'Feuille', row: i + 1, col: 1, value, purpose: 'template' as const }))),
    );
    const grid = await readXlsxBuffer(out, 'x');
    // The reader reports a <f> element as a formula: there is none.
    texts.forEach((t, i) => expect(getCell(grid.sheets[0], i + 1, 1)).toEqual({ value: t }));
  });

  it('overwriting the master of a shared formula gives its followers their own formula, results kept', async () => {
    const input = await book((ws) => {
      ws.getCell('A1').value = 1;
      ws.getCell('A2').value = 2;
      ws.getCell('A3').value = 3;
      ws.getCell('B1').value = { formula: 'A1*2', result: 2, shareType: 'shared', ref: 'B1:B3' } as ExcelJS.CellFormulaValue;
      ws.getCell('B2').value = { sharedFormula: 'B1', result: 4 } as ExcelJS.CellSharedFormulaValue;
      ws.getCell('B3').value = { sharedFormula: 'B1', result: 6 } as ExcelJS.CellSharedFormulaValue;
    });
    const out = await applyWritePlanToBuffer(input, plan([{ sheet: 'Feuille', row: 1, col: 2, formula: 'A1+10', value: 11, purpose: 'derived' }]));
    const s = (await readXlsxBuffer(out, 'x')).sheets[0];
    expect(getCell(s, 1, 2)).toMatchObject({ formula: 'A1+10', value: 11 });
    expect(getCell(s, 2, 2)).toMatchObject({ formula: 'A2*2', value: 4 });
    expect(getCell(s, 3, 2)).toMatchObject({ formula: 'A3*2', value: 6 });
  });

  it('a formula is written with its cached result and the given format', async () => {
    const out = await applyWritePlanToBuffer(
      await book((ws) => (ws.getCell('A1').value = 5)),
      plan([{ sheet: 'Feuille', row: 2, col: 1, formula: 'A1*2', value: 10, numFmt: '#,##0.00 "€"', purpose: 'derived' }]),
    );
    expect(getCell((await readXlsxBuffer(out, 'x')).sheets[0], 2, 1)).toEqual({ formula: 'A1*2', value: 10, numFmt: '#,##0.00 "€"' });
  });
});

describe('the copy never overwrites its input', () => {
  it('refuses the same path, another spelling of it, and a link to it; the input is untouched', async () => {
    const input = path.join(dir, 'entree.xlsx');
    await writeXlsxFile(buildSampleGrid(), input);
    const bytes = readFileSync(input);
    const mtime = statSync(input).mtimeMs;
    const link = path.join(dir, 'lien.xlsx');
    symlinkSync(input, link);
    const { plan } = planFill(await readXlsxFile(input));
    for (const output of [input, path.join(dir, '.', 'sous', '..', 'entree.xlsx'), link]) {
      await expect(applyWritePlanToCopy(input, output, plan)).rejects.toBeInstanceOf(SameFileError);
    }
    await expect(applyWritePlanToCopy(input, input, plan)).rejects.toThrow(/n'écrit jamais sur son entrée/);
    expect(readFileSync(input).equals(bytes)).toBe(true);
    expect(statSync(input).mtimeMs).toBe(mtime);
  });
});
