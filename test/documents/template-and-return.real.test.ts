import { existsSync, mkdirSync, mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { buildSampleGrid } from '../../scripts/sample/build-sample';
import { writeBlankWorkbook } from '../../src/adapters/xlsx/write-template';
import { writeXlsxFile } from '../../src/adapters/xlsx/write-xlsx';
import { main } from '../../src/cli/main';
import { RETURN_ANNEX_SHEET, RETURN_SHEET } from '../../src/cli/return-document';
import { buildBlankWorkbook } from '../../src/layout/blank/blank-workbook';
import { type PdfPage, overprints, pageText } from '../helpers/pdf';
import { firstPagePicture, printWorkbook, printedProblems } from '../helpers/printed-document';

/**
 * The blank model (`annexes template`) and a controllers' return document (`annexes check
 * --par-departement`), printed by LibreOffice: A4, one page wide, the pages planned, no text over
 * text.
 */
jest.setTimeout(300_000);

const dir = mkdtempSync(path.join(tmpdir(), 'annexes-docs-'));

describe('the blank model, printed', () => {
  const blank = buildBlankWorkbook(2024);
  let pdf: string;
  let pages: PdfPage[];
  beforeAll(async () => {
    const file = path.join(dir, 'modele.xlsx');
    await writeBlankWorkbook(blank, file);
    ({ pdf, pages } = await printWorkbook(file));
  });

  it('every sheet on A4, one page wide, on the pages planned (22 in all, 7 of them the fiche budgets; not 53 unstyled pages), nothing over anything', () => {
    for (const setup of blank.setup) {
      const orientation = setup.print?.orientation ?? 'landscape';
      const { pages: mine, problems } = printedProblems(pages, setup.sheet, { orientation, firstPage: [] });
      expect({ sheet: setup.sheet, problems }).toEqual({ sheet: setup.sheet, problems: [] });
      expect({ sheet: setup.sheet, pages: mine.length }).toEqual({ sheet: setup.sheet, pages: (setup.print?.rowBreaks?.length ?? 0) + 1 });
    }
    expect(pages).toHaveLength(22);
  });

  it('looks like the model: titles, headers, the letters A…F, the totals', () => {
    const { pages: mine } = printedProblems(pages, 'Tableau financier prév. 2024', {
      orientation: 'landscape',
      firstPage: ['TABLEAU FINANCIER DU CONTRAT LOCAL DES SOLIDARITÉS', 'Prévisionnel Année 2024', 'Axes de la contractualisation', '(A+B+C)', 'TOTAUX FINANCIERS'],
    });
    expect(pageText(mine[0])).toMatch(/A B C F/);
    expect(existsSync(firstPagePicture(pdf, mine[0], 'modele-vierge'))).toBe(true);
    const v1 = printedProblems(pages, 'Plan de financement VOLET 1', { orientation: 'landscape', firstPage: ['PLAFOND DEPARTEMENT', 'TOTAL BESOINS', 'Montant delta'] });
    expect(v1.problems).toEqual([]);
  });
});

describe('a controllers’ return document, printed', () => {
  let pdf: string;
  let pages: PdfPage[];
  beforeAll(async () => {
    const folder = path.join(dir, 'lot');
    const returns = path.join(dir, 'retours');
    mkdirSync(folder, { recursive: true });
    await writeXlsxFile(buildSampleGrid(), path.join(folder, '62-pas-de-calais.xlsx'));
    const code = await main(['check', folder, '--par-departement', returns, '--format', 'xlsx', '--out', path.join(dir, 'revue.xlsx')], { stdout: () => undefined, stderr: () => undefined });
    expect(code).toBe(1);
    ({ pdf, pages } = await printWorkbook(path.join(returns, 'retour-62-pas-de-calais.xlsx')));
  });

  it('A4 portrait, one page wide, nothing over anything; the annex landscape', () => {
    const body = printedProblems(pages, RETURN_SHEET, {
      orientation: 'portrait',
      firstPage: [
        'Retour du contrôle des annexes financières', 'Département : Pas-de-Calais (62)', 'Lectures appliquées',
        'Contrat local des solidarités 2024-2027 : crédits de l’État sur la durée de la convention', 'Attendu selon l’art. 2.2 et les avenants : 13 370 192,00 €',
        'Années non encore lues : 2026 et 2027', 'Exécution 2024 non renseignée',
      ],
    });
    expect(body.problems).toEqual([]);
    expect(body.pages.length).toBeGreaterThanOrEqual(2);
    expect(pageText(body.pages.at(-1) as PdfPage)).toContain('Signature et cachet');
    const annex = printedProblems(pages, RETURN_ANNEX_SHEET, { orientation: 'landscape', firstPage: ['N°', 'Gravité', 'Règle', 'Constat', 'Article'] });
    expect(annex.problems).toEqual([]);
    expect(existsSync(firstPagePicture(pdf, body.pages[0], 'retour-departement'))).toBe(true);
  });
});

describe('the controllers’ review workbook, printed', () => {
  it('one page wide, its findings rows tall enough for their messages: nothing printed over anything', async () => {
    const { pages } = await printWorkbook(path.join(dir, 'revue.xlsx'));
    expect(pages.flatMap(overprints)).toEqual([]);
    expect(pages.some((p) => pageText(p).includes('Cause probable'))).toBe(true);
    // The four-year sheet: the sample's convention, its axes and actions, 2026 and 2027 not read.
    const convention = pages.filter((p) => pageText(p).includes('CLS 2024-2027 sur la durée de la convention'));
    expect(convention).toHaveLength(1);
    const text = pageText(convention[0]);
    for (const t of ['Contrat local des solidarités 2024-2027', 'Cumul 2024-2027', '2 années lues sur 4,', 'non lue', 'prévisionnel (art. 2.2)', '13 370 192,00 €']) expect(text).toContain(t);
    expect(pages.every((p) => p.width > p.height)).toBe(true); // landscape
  });
});

describe('the print checks themselves', () => {
  it('catch wrapped text taller than its row, as the report had it before row heights', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Essai');
    ws.getColumn(1).width = 20;
    ws.getCell('A1').value = 'Un constat assez long pour tenir sur plusieurs lignes dans une colonne étroite, sans hauteur de ligne.';
    ws.getCell('A1').alignment = { wrapText: true, vertical: 'top' };
    ws.getRow(1).height = 15;
    ws.getCell('A2').value = 'La ligne suivante, écrasée.';
    const file = path.join(dir, 'debordement.xlsx');
    await wb.xlsx.writeFile(file);
    const { pages } = await printWorkbook(file);
    expect(pages.flatMap(overprints).length).toBeGreaterThan(0);
  });
});
