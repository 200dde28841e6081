import Decimal from 'decimal.js';
import { existsSync, mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { buildSampleGrid } from '../../scripts/sample/build-sample';
import { applyWritePlanToCopy } from '../../src/adapters/xlsx/apply-write-plan';
import { readXlsxFile } from '../../src/adapters/xlsx/read-xlsx';
import { writeXlsxFile } from '../../src/adapters/xlsx/write-xlsx';
import { planFill } from '../../src/layout/fill';
import { BILAN_SHEET } from '../../src/layout/fill/bilan-sheet';
import { type Grid, getCell } from '../../src/layout/grid';
import type { CellWrite } from '../../src/layout/write-plan';
import { recalcWithLibreOffice } from '../helpers/libreoffice';
import { type PdfPage, pageText } from '../helpers/pdf';
import { firstPagePicture, printWorkbook, printedProblems } from '../helpers/printed-document';

/**
 * The documents `annexes fill` (and the pane's « Remplir les volets ») produce for the sample, as
 * LibreOffice prints them and as it recalculates them: the three « Etat des dépenses » and the
 * France Travail « Bilan financier FT ».
 */
jest.setTimeout(300_000);

const dir = mkdtempSync(path.join(tmpdir(), 'annexes-fill-docs-'));
const euros = (n: unknown) => (typeof n === 'number' ? new Decimal(n).toFixed(2) : String(n));

let fill: ReturnType<typeof planFill>;
let output: string;
let pdf: string;
let pages: PdfPage[];

beforeAll(async () => {
  const input = path.join(dir, 'exemple.xlsx');
  await writeXlsxFile(buildSampleGrid(), input);
  fill = planFill(await readXlsxFile(input));
  output = path.join(dir, 'exemple-rempli.xlsx');
  await applyWritePlanToCopy(input, output, fill.plan);
  ({ pdf, pages } = await printWorkbook(output));
});

const planned = (sheet: string) => fill.plan.createSheets.find((s) => s.name === sheet);

describe.each([
  ['Etat des dépenses VOLET 1', 'etat-depenses-volet-1', 2, ['VOLET 1 — Département : Pas-de-Calais', 'Postes d’ingénierie', 'Observations', 'TOTAL DEPENSES AU TITRE DU VOLET 1']],
  ['Etat des dépenses VOLET 2', 'etat-depenses-volet-2', 2, ['Postes d’accompagnement', 'Solutions d’accompagnement complémentaires', 'Observations']],
  ['Etat des dépenses VOLET 3', 'etat-depenses-volet-3', 2, ['Dépenses relatives au renforcement des équipes locales PE (le cas échéant)', 'Observations']],
])('%s, printed', (sheet, picture, expectedPages, firstPage) => {
  it(`A4 landscape, one page wide, ${expectedPages} pages as planned, nothing printed over anything`, () => {
    const { pages: mine, problems } = printedProblems(pages, sheet, { orientation: 'landscape', firstPage: firstPage.map((t) => t.replace(/’/g, "'")) });
    expect(problems).toEqual([]);
    expect(mine).toHaveLength(expectedPages);
    expect(planned(sheet)?.print?.rowBreaks).toHaveLength(expectedPages - 1);
    // The header row repeated on every page, the on-screen note never printed.
    for (const p of mine) expect(pageText(p)).toContain(`VOLET ${sheet.slice(-1)}`);
    expect(mine.flatMap((p) => p.words).some((w) => w.text === 'n’est' || /imprimée/.test(w.text))).toBe(false);
    expect(existsSync(firstPagePicture(pdf, mine[0], picture))).toBe(true);
  });

  it('the « Certifié exact » block is whole on the last page', () => {
    const last = printedProblems(pages, sheet, { orientation: 'landscape', firstPage: [] }).pages.at(-1) as PdfPage;
    const text = pageText(last);
    expect(text).toContain('Certifié exact');
    expect(text).toContain('Signature et cachet');
    expect(text).toContain('Qualité');
  });
});

describe('the expenses a check excludes, on paper', () => {
  it('volet 1 sets the 810 € « Frais de déplacement » apart, with its reason and article, out of the total', () => {
    const text = printedProblems(pages, 'Etat des dépenses VOLET 1', { orientation: 'landscape', firstPage: [] })
      .pages.map(pageText)
      .join('\n');
    expect(text).toMatch(/Dépenses écartées du bilan[^]*Frais de déplacement .*810,00 €.*frais de mission \(FT art\./);
    expect(text).toMatch(/TOTAL DEPENSES AU TITRE DU VOLET 1 129 000,00 €/);
  });

  it('volet 2 sets the invoice of 20/01/2025 apart (FT art. 2): 3 005 600,00 € in the total', () => {
    const text = printedProblems(pages, 'Etat des dépenses VOLET 2', { orientation: 'landscape', firstPage: [] })
      .pages.map(pageText)
      .join('\n');
    expect(text).toMatch(/TOTAL DEPENSES AU TITRE DU VOLET 2 3 005 600,00 €/);
    expect(text).toMatch(/Pack médiation insertion-santé forfait 1 5 746,00 € 20\/01\/2025 .* 5 746,00 € 2\.2 Écartée : datée hors de la période/);
  });
});

describe('the France Travail bilan financier final of the sample', () => {
  it('prints on one A4 portrait page, nothing over anything', () => {
    const { pages: mine, problems } = printedProblems(pages, BILAN_SHEET, {
      orientation: 'portrait',
      firstPage: ['Participation de l’État retenue', 'Solde à verser par l’État', 'Certifié exact', 'Total'],
    });
    expect(problems).toEqual([]);
    expect(mine).toHaveLength(1);
    expect(existsSync(firstPagePicture(pdf, mine[0], 'bilan-financier-ft'))).toBe(true);
  });

  // Computed by hand from the sample (scripts/sample/journal.ts, seed-figures.ts).
  const advance = new Decimal(4260892).times('0.6'); // FT art. 6: 60 % of 135 000 + 4 125 892
  const volet1 = new Decimal(12 * 4250).plus(12 * 4000).plus(25 * 1200); // without the 810 € of « Frais de déplacement »
  const volet2 = new Decimal(12 * 46000).plus(330 * 2400).plus(240 * 2490).plus(30 * 12000).plus(1760 * 400); // without the 5 746 € invoice of 2025
  const retained = Decimal.min(135000, volet1).plus(Decimal.min(4125892, volet2));
  const cdShare = volet2.plus(2905600).plus(100000).minus(volet2).minus(100000); // FSE+ not counted

  it('hand figures: advance 2 556 535,20 €, eligible 129 000 € and 3 005 600 €, solde 578 064,80 €', () => {
    expect(advance.toFixed(2)).toBe('2556535.20');
    expect(volet1.toFixed(2)).toBe('129000.00');
    expect(volet2.toFixed(2)).toBe('3005600.00');
    expect(retained.minus(advance).toFixed(2)).toBe('578064.80');
    expect(cdShare.toFixed(2)).toBe('2905600.00');
  });

  it('the sheet printed says the same, in French', () => {
    const text = printedProblems(pages, BILAN_SHEET, { orientation: 'portrait', firstPage: [] })
      .pages.map(pageText)
      .join('\n');
    expect(text).toContain('Dépenses éligibles réalisées (état des dépenses) 129 000,00 € 3 005 600,00 € 0,00 € 3 134 600,00 €');
    expect(text).toContain('2 556 535,20 €');
    expect(text).toMatch(/Solde à verser par l’État 578 064,80 €/);
    expect(text).toMatch(/Trop-perçu à reverser à l’État 0,00 €/);
    expect(text).toMatch(/Part du Département dans le coût total réalisé 48,34 %/);
    expect(text).toContain('31/03/2025');
  });

  describe('recalculated by LibreOffice', () => {
    let lo: Grid;
    beforeAll(async () => {
      // Every cached result poisoned: the values read back are LibreOffice's own.
      const poisoned = path.join(dir, 'exemple-sans-cache.xlsx');
      const writes = fill.plan.writes.map((w) => (w.formula !== undefined && typeof w.value === 'number' ? { ...w, value: -1 } : w));
      await applyWritePlanToCopy(path.join(dir, 'exemple.xlsx'), poisoned, { ...fill.plan, writes });
      lo = await readXlsxFile(await recalcWithLibreOffice(poisoned));
    });
    const at = (w: Pick<CellWrite, 'sheet' | 'row' | 'col'>) => getCell(lo.sheets.find((s) => s.name === w.sheet) as Grid['sheets'][number], w.row, w.col)?.value;

    it('agrees with the engine to the cent on every formula of the bilan and the statements', () => {
      const formulas = fill.plan.writes.filter((w) => w.formula !== undefined && (w.sheet === BILAN_SHEET || w.sheet.startsWith('Etat des dépenses')));
      expect(formulas.filter((w) => w.sheet === BILAN_SHEET).length).toBeGreaterThanOrEqual(25);
      const wrong = formulas.filter((w) => euros(at(w)) !== euros(w.value));
      expect(wrong.map((w) => `${w.sheet}!${w.row}:${w.col} =${w.formula} moteur ${w.value} LibreOffice ${at(w)}`)).toEqual([]);
    });

    it('and with the hand figures', () => {
      const bilan = fill.plan.writes.filter((w) => w.sheet === BILAN_SHEET);
      const row = (label: string) => bilan.find((w) => w.col === 1 && typeof w.value === 'string' && w.value.startsWith(label))?.row as number;
      const total = (label: string) => euros(at({ sheet: BILAN_SHEET, row: row(label), col: 5 }));
      expect(total('Avance versée')).toBe(advance.toFixed(2));
      expect(total('Dépenses éligibles réalisées')).toBe(volet1.plus(volet2).toFixed(2));
      expect(total('Participation de l’État retenue (tous volets)')).toBe(retained.toFixed(2));
      expect(total('Solde à verser par l’État')).toBe(retained.minus(advance).toFixed(2));
      expect(total('Trop-perçu à reverser')).toBe('0.00');
      expect(total('Part du Département (hors valorisation FSE+)')).toBe(cdShare.toFixed(2));
    });
  });
});
