/**
 * Our outputs built from hostile input, opened by a real spreadsheet engine (LibreOffice), and a
 * workbook written by another tool (openpyxl) with sheets bearing the tool's names:
 * - the review workbook, the « Contrôles » of a fill and the mid-term report open (valid files) and
 *   show the hostile texts as text with visible marks; a literal « _x001B_ » comes back literal;
 * - fill keeps the openpyxl workbook's own « Contrôles » and « Etat des dépenses VOLET 2 », and the
 *   copy opens in LibreOffice with both the user's sheets and the tool's « (2) » sheets.
 * Real tier (`npm run test:real`).
 */
import { mkdtempSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runMain as run } from '../helpers/run-main';
import { readXlsxFile } from '../../src/adapters/xlsx/read-xlsx';
import { writeXlsxFile } from '../../src/adapters/xlsx/write-xlsx';
import { type Grid, getCell } from '../../src/layout/grid';
import { sampleWith } from '../helpers/sample';
import { midTermWorkbook } from '../helpers/mid-term';
import { convertWithLibreOffice } from '../helpers/libreoffice';
import { runPython } from '../helpers/python';

const dir = mkdtempSync(path.join(os.tmpdir(), 'annexes-hostile-lo-'));
// « _x001B_ » in a file is the character ESC (OOXML escape): the reader gives ESC, our outputs show ␛.
const HOSTILE = '=HYPERLINK("http://exemple.invalid","clic")\u202E\u0085 _x001B_[8m';
const SHOWN = '=HYPERLINK("http://exemple.invalid","clic")⟨U+202E⟩⟨U+0085⟩ ␛[8m';
// « _x005F_x001B_ » in a file is the text « _x001B_ »: it must stay that text through our outputs.
const LITERAL = 'code _x005F_x001B_ littéral';


/** Every text of a workbook as LibreOffice saves it back. */
async function textsThroughLibreOffice(file: string): Promise<{ grid: Grid; texts: string[] }> {
  const converted = await convertWithLibreOffice(file, mkdtempSync(path.join(dir, 'lo-')));
  const grid = await readXlsxFile(converted);
  const texts = grid.sheets.flatMap((s) => [...s.rows.values()].flatMap((cols) => [...cols.values()].map((c) => c.value).filter((v): v is string => typeof v === 'string')));
  return { grid, texts };
}

describe('hostile texts in our outputs, opened by LibreOffice', () => {
  it('review workbook: opens, the Département and cell texts are text with visible marks', async () => {
    const input = path.join(dir, 'hostile.xlsx');
    await writeXlsxFile(sampleWith({ Paramètres: { B2: HOSTILE }, 'Tableau financier': { E28: HOSTILE, E29: LITERAL } }), input);
    const out = path.join(dir, 'revue.xlsx');
    expect((await run(['check', input, '--format', 'xlsx', '--out', out])).code).toBe(1);
    const { texts } = await textsThroughLibreOffice(out);
    expect(texts).toContain(SHOWN);
    expect(texts.some((t) => t.includes('\u202E') || t.includes('\u001B'))).toBe(false);
    expect(texts.some((t) => t.includes('« code _x001B_ littéral »'))).toBe(true);
  }, 600_000);

  it('mid-term report: opens, hostile labels are text cells', async () => {
    const grid = midTermWorkbook();
    for (const s of grid.sheets) for (const cols of s.rows.values()) for (const c of cols.values()) if (c.value === 'Pas-de-Calais') c.value = HOSTILE;
    const input = path.join(dir, 'mi-parcours.xlsx');
    await writeXlsxFile(grid, input);
    const out = path.join(dir, 'rapport.xlsx');
    expect((await run(['report', input, '-o', out])).code).toBe(0);
    const { grid: back, texts } = await textsThroughLibreOffice(out);
    expect(texts.some((t) => t.includes(SHOWN))).toBe(true);
    const formulas = back.sheets.flatMap((s) => [...s.rows.values()].flatMap((cols) => [...cols.values()].map((c) => c.formula ?? '')));
    expect(formulas.some((f) => f.includes('exemple.invalid'))).toBe(false);
  }, 600_000);
});

describe('a workbook written by openpyxl with sheets bearing the tool’s names', () => {
  it('fill keeps them; LibreOffice opens the copy with the user’s sheets and the tool’s « (2) » sheets', async () => {
    const base = path.join(dir, 'base.xlsx');
    await writeXlsxFile(sampleWith({}), base);
    const input = path.join(dir, 'openpyxl.xlsx');
    runPython(
      `
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb.create_sheet('Contrôles'); ws['A1'] = 'Mes propres contrôles'; ws['B2'] = 42
ws = wb.create_sheet('ETAT DES DÉPENSES VOLET 2'); ws['A1'] = 'État saisi à la main'
wb['Paramètres']['E1'] = "='Contrôles'!B2"
wb.save(sys.argv[2])
`,
      [base, input],
    );
    const out = path.join(dir, 'openpyxl-rempli.xlsx');
    const r = await run(['fill', input, '-o', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('la feuille de l’outil s’appelle « Contrôles (2) »');
    expect(r.stdout).toContain('la feuille de l’outil s’appelle « Etat des dépenses VOLET 2 (2) »');
    const { grid } = await textsThroughLibreOffice(out);
    const sheet = (n: string) => grid.sheets.find((s) => s.name === n)!;
    expect(getCell(sheet('Contrôles'), 1, 1)?.value).toBe('Mes propres contrôles');
    expect(getCell(sheet('ETAT DES DÉPENSES VOLET 2'), 1, 1)?.value).toBe('État saisi à la main');
    expect(getCell(sheet('Contrôles (2)'), 1, 1)?.value).toBe('Contrôles des annexes financières');
    expect(getCell(sheet('Etat des dépenses VOLET 2 (2)'), 1, 1)?.value).toMatch(/^Etat des dépenses contractualisation/);
    expect(getCell(sheet('Paramètres'), 1, 5)).toMatchObject({ value: 42 });
  }, 600_000);
});
