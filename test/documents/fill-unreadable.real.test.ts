import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { applyWritePlanToCopy } from '../../src/adapters/xlsx/apply-write-plan';
import { readXlsxFile } from '../../src/adapters/xlsx/read-xlsx';
import { writeXlsxFile } from '../../src/adapters/xlsx/write-xlsx';
import { planFill } from '../../src/layout/fill';
import { BILAN_SHEET } from '../../src/layout/fill/bilan-sheet';
import { type Grid, getCell } from '../../src/layout/grid';
import { recalcWithLibreOffice } from '../helpers/libreoffice';
import { type PdfPage, pageText } from '../helpers/pdf';
import { printWorkbook, printedProblems } from '../helpers/printed-document';
import { sampleWith } from '../helpers/sample';

/**
 * The sample with #REF! in the Nombre, coût unitaire and Montant of its first journal line (volet 1),
 * written to .xlsx, filled, printed and recalculated by LibreOffice: the signed documents carry no
 * figure that rests on the unreadable cells — no 0,00 € for the line, no total, no solde.
 */
jest.setTimeout(300_000);

const REF = { value: null, error: '#REF!' };
const dir = mkdtempSync(path.join(tmpdir(), 'annexes-fill-unreadable-'));
let fill: ReturnType<typeof planFill>;
let output: string;
let pages: PdfPage[];

beforeAll(async () => {
  const input = path.join(dir, 'exemple-ref.xlsx');
  await writeXlsxFile(sampleWith({ 'Journal des dépenses': { G2: REF, H2: REF, I2: REF } }), input);
  fill = planFill(await readXlsxFile(input));
  output = path.join(dir, 'exemple-ref-rempli.xlsx');
  await applyWritePlanToCopy(input, output, fill.plan);
  ({ pages } = await printWorkbook(output));
});

/** The sheet's printed text; nothing printed over anything, the orientation as planned. */
function printed(sheet: string, orientation: 'landscape' | 'portrait'): string {
  const { pages: mine, problems } = printedProblems(pages, sheet, { orientation, firstPage: [] });
  expect(problems).toEqual([]);
  return mine.map(pageText).join('\n');
}

it('the volet 1 statement prints the line « illisible » with its cells, its totals « non calculé », no 0,00 €', () => {
  const text = printed('Etat des dépenses VOLET 1', 'landscape');
  expect(text).toMatch(/Rémunération chef de projet.*illisible/);
  expect(text).toMatch(/Montant illisible : voir feuille/);
  expect(text).toMatch(/TOTAL DEPENSES AU TITRE DU VOLET 1 non calculé/);
  expect(text).not.toMatch(/(^|\s)0,00 €/m);
  expect(text).not.toContain('129 000,00');
  expect(text).not.toContain('78 000,00');
});

it('the bilan prints « non calculé » for the solde and the trop-perçu, the advance as before', () => {
  const text = printed(BILAN_SHEET, 'portrait');
  expect(text).toMatch(/Solde à verser par l'État non calculé|Solde à verser par l’État non calculé/);
  expect(text).toMatch(/Trop-perçu à reverser à l.État non calculé/);
  expect(text).toContain('2 556 535,20 €');
  expect(text).not.toMatch(/527 064,80|578 064,80/);
});

it('LibreOffice recalculating the filled workbook shows no figure where the engine has none', async () => {
  const lo = await readXlsxFile(await recalcWithLibreOffice(output));
  const unknown = fill.plan.writes.filter((w) => (w.sheet === BILAN_SHEET || w.sheet.startsWith('Etat des dépenses')) && w.value === 'non calculé');
  expect(unknown.length).toBeGreaterThanOrEqual(8);
  const at = (w: (typeof unknown)[number]) => getCell(lo.sheets.find((s) => s.name === w.sheet) as Grid['sheets'][number], w.row, w.col)?.value;
  expect(unknown.filter((w) => at(w) !== 'non calculé').map((w) => `${w.sheet}!${w.row}:${w.col} ${String(at(w))}`)).toEqual([]);
});
