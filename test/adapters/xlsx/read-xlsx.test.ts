import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { randomBytes } from 'crypto';
import ExcelJS from 'exceljs';
import { readXlsxBuffer, readXlsxFile } from '../../../src/adapters/xlsx/read-xlsx';
import { UnreadableWorkbookError } from '../../../src/adapters/xlsx/errors';
import { translateFormula } from '../../../src/adapters/xlsx/shared-formula';
import { isDateFormat } from '../../../src/adapters/xlsx/exceljs-fixes';
import { type Grid, type GridSheet, getCell, isUncachedFormula } from '../../../src/layout/grid';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'annexes-read-xlsx-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const jan31 = new Date(Date.UTC(2024, 0, 31));

/** Built with ExcelJS directly (not our writer) so the reader is tested against an independent file. */
async function sampleBuffer(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Annexe financière');
  ws.getCell('A1').value = 1000;
  ws.getCell('A2').value = 1234.56;
  ws.getCell('A3').value = 'Crédits de l’État — Département : œuvre « sociale »';
  ws.getCell('A4').value = { richText: [{ text: 'Total ', font: { bold: true } }, { text: 'général' }] };
  ws.getCell('A5').value = jan31;
  ws.getCell('A6').value = true;
  ws.getCell('A7').value = false;
  ws.getCell('A8').value = { text: 'Lien vers la convention', hyperlink: 'https://example.org' };
  ws.getCell('A9').value = 0;
  ws.getCell('A10').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } }; // style only
  ws.getCell('A11').value = 35;
  ws.getCell('A11').numFmt = '0\\ \\h'; // escaped "h": a number of hours, not a time
  ws.getCell('A12').value = 45322;
  ws.getCell('A12').numFmt = 'dd/mm/yyyy';
  ws.getCell('A2').numFmt = '#,##0.00\\ "€"';

  ws.getCell('C1').value = { formula: 'A1*2', result: 2000 };
  ws.getCell('C2').value = { formula: 'A1-A1', result: 0 };
  ws.getCell('C3').value = { formula: 'A1<0', result: false };
  ws.getCell('C4').value = { formula: 'IF(A1>0,"","x")', result: '' };
  ws.getCell('C5').value = { formula: 'A1+1' };
  ws.getCell('C6').value = { formula: 'A1/0', result: { error: '#DIV/0!' } };
  ws.getCell('C7').value = { formula: 'Feuil9!A1', result: { error: '#REF!' } };
  ws.getCell('C8').value = { formula: 'VLOOKUP(1,A1:A2,2,FALSE)', result: { error: '#N/A' } };
  ws.getCell('C9').value = { formula: 'A3+1', result: { error: '#VALUE!' } };
  ws.getCell('C10').value = { formula: 'A5+1', result: new Date(Date.UTC(2024, 1, 1)) };
  ws.getCell('C10').numFmt = 'dd/mm/yyyy';

  for (const [addr, error] of [['D1', '#REF!'], ['D2', '#DIV/0!'], ['D3', '#N/A'], ['D4', '#VALUE!']] as const) {
    ws.getCell(addr).value = { error };
  }

  // Shared formulas, vertical (B2:B4) and horizontal (D6:F6), written as <f t="shared" si=…>.
  ws.getCell('B2').value = { formula: 'IF(A2>$A$1,SUM(A$2:A2),"A1")', shareType: 'shared', ref: 'B2:B4', result: 0 } as ExcelJS.CellValue;
  ws.getCell('B3').value = { sharedFormula: 'B2', result: 0 };
  ws.getCell('B4').value = { sharedFormula: 'B2', result: 7 };
  ws.getCell('D6').value = { formula: "SUM(A:A)+Feuil2!A1+'Autre feuille'!B$1+D5", shareType: 'shared', ref: 'D6:F6', result: 1 } as ExcelJS.CellValue;
  ws.getCell('E6').value = { sharedFormula: 'D6', result: 2 };
  ws.getCell('F6').value = { sharedFormula: 'D6', result: 3 };

  ws.getCell('G1').value = 'Titre fusionné';
  ws.mergeCells('G1:I2');
  ws.getColumn(1).width = 42;

  wb.addWorksheet('Paramètres', { state: 'hidden' }).getCell('B2').value = 'caché';
  wb.addWorksheet('Interne', { state: 'veryHidden' }).getCell('A1').value = 1;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('readXlsxFile on a workbook built with ExcelJS', () => {
  let grid: Grid;
  let s: GridSheet;
  beforeAll(async () => {
    const file = join(dir, 'annexe.xlsx');
    writeFileSync(file, await sampleBuffer());
    grid = await readXlsxFile(file);
    s = grid.sheets[0];
  });
  const at = (addr: string) => {
    const m = /^([A-Z]+)(\d+)$/.exec(addr)!;
    const col = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
    return getCell(s, Number(m[2]), col);
  };

  it('reads every sheet in order, with its state', () => {
    expect(grid.sheets.map((x) => [x.name, x.state])).toEqual([
      ['Annexe financière', 'visible'],
      ['Paramètres', 'hidden'],
      ['Interne', 'veryHidden'],
    ]);
    expect(getCell(grid.sheets[1], 2, 2)).toEqual({ value: 'caché' });
  });

  it('reads plain values: numbers, French text, rich text, dates, booleans, hyperlinks', () => {
    expect(at('A1')).toEqual({ value: 1000 });
    expect(at('A2')).toEqual({ value: 1234.56, numFmt: '#,##0.00\\ "€"' });
    expect(at('A3')).toEqual({ value: 'Crédits de l’État — Département : œuvre « sociale »' });
    expect(at('A4')).toEqual({ value: 'Total général' });
    expect(at('A5')?.value).toEqual(jan31);
    expect(at('A6')).toEqual({ value: true });
    expect(at('A7')).toEqual({ value: false });
    expect(at('A8')).toEqual({ value: 'Lien vers la convention' });
    expect(at('A9')).toEqual({ value: 0 });
  });

  it('skips style-only empty cells and the covered cells of a merge', () => {
    expect(at('A10')).toBeUndefined();
    expect(at('G1')).toEqual({ value: 'Titre fusionné' });
    expect(at('H1')).toBeUndefined();
    expect(at('I2')).toBeUndefined();
  });

  it('keeps numbers whose format only has escaped date letters, converts real date formats', () => {
    expect(at('A11')).toEqual({ value: 35, numFmt: '0\\ \\h' });
    expect(at('A12')).toEqual({ value: jan31, numFmt: 'dd/mm/yyyy' });
  });

  it('reads formulas with their cached results, including falsy ones', () => {
    expect(at('C1')).toEqual({ value: 2000, formula: 'A1*2' });
    expect(at('C2')).toEqual({ value: 0, formula: 'A1-A1' });
    expect(isUncachedFormula(at('C2'))).toBe(false);
    expect(at('C3')).toEqual({ value: false, formula: 'A1<0' });
    // Stored as <v></v>, exactly as Excel does for IF(…;"";…): a computed empty string, not "uncached".
    expect(at('C4')).toEqual({ value: '', formula: 'IF(A1>0,"","x")' });
    expect(isUncachedFormula(at('C4'))).toBe(false);
    expect(at('C10')).toEqual({ value: new Date(Date.UTC(2024, 1, 1)), formula: 'A5+1', numFmt: 'dd/mm/yyyy' });
  });

  it('reads a formula with no cached result as value null and no error', () => {
    expect(at('C5')).toEqual({ value: null, formula: 'A1+1' });
    expect(isUncachedFormula(at('C5'))).toBe(true);
  });

  it('reads error values, plain and as formula results', () => {
    expect(at('C6')).toEqual({ value: null, formula: 'A1/0', error: '#DIV/0!' });
    expect(at('C7')).toEqual({ value: null, formula: 'Feuil9!A1', error: '#REF!' });
    expect(at('C8')).toEqual({ value: null, formula: 'VLOOKUP(1,A1:A2,2,FALSE)', error: '#N/A' });
    expect(at('C9')).toEqual({ value: null, formula: 'A3+1', error: '#VALUE!' });
    expect([at('D1'), at('D2'), at('D3'), at('D4')]).toEqual([
      { value: null, error: '#REF!' },
      { value: null, error: '#DIV/0!' },
      { value: null, error: '#N/A' },
      { value: null, error: '#VALUE!' },
    ]);
    expect(isUncachedFormula(at('C6'))).toBe(false);
  });

  it('gives each shared-formula cell its own translated formula', () => {
    expect(at('B2')).toEqual({ value: 0, formula: 'IF(A2>$A$1,SUM(A$2:A2),"A1")' });
    expect(at('B3')).toEqual({ value: 0, formula: 'IF(A3>$A$1,SUM(A$2:A3),"A1")' });
    expect(at('B4')).toEqual({ value: 7, formula: 'IF(A4>$A$1,SUM(A$2:A4),"A1")' });
    expect(at('D6')?.formula).toBe("SUM(A:A)+Feuil2!A1+'Autre feuille'!B$1+D5");
    expect(at('E6')).toEqual({ value: 2, formula: "SUM(B:B)+Feuil2!B1+'Autre feuille'!C$1+E5" });
    expect(at('F6')).toEqual({ value: 3, formula: "SUM(C:C)+Feuil2!C1+'Autre feuille'!D$1+F5" });
  });

  it('reads merges and column widths', () => {
    expect(s.merges).toEqual([{ top: 1, left: 7, bottom: 2, right: 9 }]);
    expect(s.columnWidths?.get(1)).toBe(42);
  });
});

describe('unreadable files', () => {
  async function expectUnreadable(p: Promise<unknown>, name: string, fragment: RegExp): Promise<UnreadableWorkbookError> {
    const err = await p.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(UnreadableWorkbookError);
    const e = err as UnreadableWorkbookError;
    expect(e.message).toContain(`« ${name}`);
    expect(e.message).toMatch(fragment);
    return e;
  }

  it('rejects random bytes', async () => {
    const file = join(dir, 'aleatoire.xlsx');
    writeFileSync(file, randomBytes(4096));
    const e = await expectUnreadable(readXlsxFile(file), file, /n'est pas un classeur Excel lisible \(format \.xlsx attendu\)/);
    expect(e.reason).toBe('not-xlsx');
    expect(e.cause).toBeDefined(); // the original JSZip error is kept for debugging
  });

  it('rejects a truncated xlsx', async () => {
    const buf = await sampleBuffer();
    const file = join(dir, 'tronque.xlsx');
    writeFileSync(file, buf.subarray(0, Math.floor(buf.length / 2)));
    await expectUnreadable(readXlsxFile(file), file, /n'est pas un classeur Excel lisible/);
    await expectUnreadable(readXlsxBuffer(buf.subarray(0, buf.length - 10), 'fin.xlsx'), 'fin.xlsx', /lisible/);
  });

  it('rejects a valid zip without xl/workbook.xml', async () => {
    // Renaming the entry in place (same length) keeps the zip valid but removes the workbook part.
    const buf = await sampleBuffer();
    const renamed = Buffer.from(buf.toString('latin1').split('xl/workbook.xml').join('xl/notebook.xml'), 'latin1');
    expect(renamed.equals(buf)).toBe(false);
    await expectUnreadable(readXlsxBuffer(renamed, 'sans-classeur.xlsx'), 'sans-classeur.xlsx', /lisible/);
  });

  it('rejects a text file and an empty file', async () => {
    await expectUnreadable(readXlsxBuffer(Buffer.from('Dépenses;Recettes\n1;2\n'), 'export.csv'), 'export.csv', /lisible/);
    await expectUnreadable(readXlsxBuffer(Buffer.alloc(0), 'vide.xlsx'), 'vide.xlsx', /lisible/);
  });

  it('reports a missing file as introuvable', async () => {
    const file = join(dir, 'absent.xlsx');
    const e = await expectUnreadable(readXlsxFile(file), file, /est introuvable\.$/);
    expect(e.reason).toBe('not-found');
  });

  it('rejects a directory', async () => {
    const d = join(dir, 'dossier.xlsx');
    mkdirSync(d);
    await expectUnreadable(readXlsxFile(d), d, /lisible/);
  });

  it('rejects a file larger than maxFileBytes before reading it', async () => {
    const file = join(dir, 'gros.xlsx');
    writeFileSync(file, await sampleBuffer());
    const e = await expectUnreadable(
      readXlsxFile(file, { maxFileBytes: 1024 }),
      file,
      /dépasse la taille maximale autorisée \([\d,]+ Mo pour [\d,]+ Mo au plus\)/,
    );
    expect(e.reason).toBe('too-large');
    await expect(readXlsxFile(file, { maxFileBytes: 10 * 1024 * 1024 })).resolves.toBeDefined();
  });
});

describe('translateFormula (shared formulas)', () => {
  it.each([
    ['A1+B2', 1, 0, 'A2+B3'],
    ['$A$1+A$1+$A1', 2, 3, '$A$1+D$1+$A3'],
    ['SUM(A1:B3)', 0, 1, 'SUM(B1:C3)'],
    ['"A1"&A1', 1, 0, '"A1"&A2'],
    ['"say ""B2"""&B2', 1, 0, '"say ""B2"""&B3'],
    ["'Feuille 1'!A1+Feuil2!$B1", 1, 1, "'Feuille 1'!B2+Feuil2!$B2"],
    ['SUM(A:A)+SUM(2:3)', 1, 1, 'SUM(B:B)+SUM(3:4)'],
    ['LOG10(A1)+ROUND(A1,2)', 0, 1, 'LOG10(B1)+ROUND(B1,2)'],
    ['A1-1', -1, 0, '#REF!-1'],
    ['IF(ISERROR(A1),#N/A,A1)', 1, 0, 'IF(ISERROR(A2),#N/A,A2)'],
    ['Tableau1[Montant]+A1', 1, 0, 'Tableau1[Montant]+A2'],
  ])('%s shifted by (%i, %i) → %s', (f, dr, dc, expected) => {
    expect(translateFormula(f, dr, dc)).toBe(expected);
  });
});

describe('isDateFormat', () => {
  it.each([
    ['dd/mm/yyyy', true],
    ['[$-40C]d mmmm yyyy', true],
    ['[h]:mm', true],
    ['0\\ \\h', false],
    ['#,##0\\ \\m\\o\\i\\s', false],
    ['0" jours"', false],
    ['_-* #,##0.00\\ "€"_-', false],
    ['General', false],
  ])('%s → %s', (fmt, expected) => {
    expect(isDateFormat(fmt)).toBe(expected);
  });
});
