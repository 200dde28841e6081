/**
 * Text that could start a formula (=, +, -, @, and the tab / carriage return that CSV injection uses)
 * is written as text, never as a formula: both through the Grid writer (fixtures, reports) and
 * through the WritePlan applier (`annexes fill`). Checked on the file itself: a shared string, no <f>.
 */
import { inflateRawSync } from 'zlib';
import fc from 'fast-check';
import ExcelJS from 'exceljs';
import { gridToXlsxBuffer } from '../../src/adapters/xlsx/write-xlsx';
import { applyWritePlanToBuffer } from '../../src/adapters/xlsx/apply-write-plan';
import { readXlsxBuffer } from '../../src/adapters/xlsx/read-xlsx';
import { entryDataOffset, readZipDirectory } from '../../src/adapters/xlsx/zip-directory';
import { getCell, newSheet, setCell } from '../../src/layout/grid';

const STARTS = ['=', '+', '-', '@', '\t', '\r', '＝'];
const CHARS = [...'abcXYZ019 =+-@()!;,.\'"|/\\:€éÀ&<>%$', 'cmd', 'HYPERLINK', 'SUM', 'A1'];
const attack = fc
  .tuple(fc.constantFrom(...STARTS), fc.string({ unit: fc.constantFrom(...CHARS), maxLength: 30 }))
  .map(([start, rest]) => `${start}${rest}`.trimEnd());
const KNOWN = ['=SUM(A1:A2)', "=cmd|' /C calc'!A0", '+HYPERLINK("http://exemple.invalid","x")', '-2+3', '@SUM(1+1)', '=1+1', '\t=1+1'];

function sheetXml(xlsx: Buffer, part = 'xl/worksheets/sheet1.xml'): string {
  const entry = readZipDirectory(xlsx, 1000).find((e) => e.name === part)!;
  const start = entryDataOffset(xlsx, entry);
  return inflateRawSync(xlsx.subarray(start, start + entry.compressedSize)).toString('utf8');
}

/** XML turns a carriage return into a line feed on reading: the text is the same, as XML sees it. */
const asXmlReadsIt = (t: string) => t.replace(/\r\n?/g, '\n');

async function expectText(xlsx: Buffer, written: string[]) {
  const texts = written.map(asXmlReadsIt);
  expect(sheetXml(xlsx)).not.toContain('<f>');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(xlsx as unknown as Parameters<ExcelJS.Xlsx['load']>[0]);
  const ws = wb.worksheets[0];
  texts.forEach((t, i) => {
    const cell = ws.getCell(i + 1, 1);
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.formula).toBeUndefined();
    expect(cell.value).toBe(t);
  });
  const back = (await readXlsxBuffer(xlsx, 'x.xlsx')).sheets[0];
  texts.forEach((t, i) => expect(getCell(back, i + 1, 1)).toEqual({ value: t }));
}

async function viaGrid(texts: string[]): Promise<Buffer> {
  const sheet = newSheet('Annexe');
  texts.forEach((t, i) => setCell(sheet, i + 1, 1, { value: t }));
  return gridToXlsxBuffer({ sheets: [sheet] });
}

async function viaPlan(texts: string[]): Promise<Buffer> {
  const base = await viaGrid(texts.map(() => 'ancienne valeur'));
  return applyWritePlanToBuffer(base, {
    description: 'test',
    createSheets: [],
    writes: texts.map((t, i) => ({ sheet: 'Annexe', row: i + 1, col: 1, value: t, purpose: 'template' as const })),
  });
}

describe('formula-like text is written as text', () => {
  it.each([
    ['the Grid writer', viaGrid],
    ['the WritePlan applier', viaPlan],
  ])('%s: known injection strings', async (_name, write) => {
    await expectText(await write(KNOWN), KNOWN);
  });

  it.each([
    ['the Grid writer', viaGrid],
    ['the WritePlan applier', viaPlan],
  ])('%s: any text starting like a formula', async (_name, write) => {
    await fc.assert(
      fc.asyncProperty(fc.array(attack, { minLength: 1, maxLength: 8 }), async (texts) => {
        await expectText(await write(texts), texts);
      }),
      { numRuns: 25 },
    );
  });
});
