import { existsSync, mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { buildSampleGrid } from '../../scripts/sample/build-sample';
import { reportToXlsxBuffer } from '../../src/adapters/xlsx/write-report';
import { RULES } from '../../src/domain/rules/catalogue';
import { analyseGrid } from '../../src/layout/analyse';
import type { Grid } from '../../src/layout/grid';
import { CHART_SHEET } from '../../src/layout/report/chart-sheet';
import { COVER_SHEET } from '../../src/layout/report/cover-sheet';
import { FINDINGS_SHEET } from '../../src/layout/report/findings-sheet';
import { type MidTermReport, OBSERVATIONS_SHEET, planMidTermReport } from '../../src/layout/report/mid-term-report';
import { STATEMENT_SHEET } from '../../src/layout/report/statement-sheet';
import { midTermWorkbook } from '../helpers/mid-term';
import { conventionWorkbook } from '../helpers/convention';
import { CONVENTION_SHEET } from '../../src/layout/report/convention-sheet';
import { type PdfPage, pageText, pagesOf } from '../helpers/pdf';
import { firstPagePicture, printWorkbook, printedProblems } from '../helpers/printed-document';

/**
 * The mid-term report for the préfet, printed by LibreOffice: every sheet on A4 as planned, one
 * page wide, no wrapped text over its neighbours, the chart alone on one page, plain French in the
 * body and rule IDs only in the technical annex. Printed for the sample (no execution yet), for
 * a 2024–2025 workbook whose execution is filled in, and for a whole 2024–2027 convention.
 */
jest.setTimeout(300_000);

const DATE = new Date(Date.UTC(2026, 2, 2));

async function printReport(name: string, grid: Grid): Promise<{ report: MidTermReport; pdf: string; pages: PdfPage[] }> {
  const report = planMidTermReport(grid, analyseGrid(grid), { date: DATE });
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'annexes-report-doc-')), `${name}.xlsx`);
  writeFileSync(file, await reportToXlsxBuffer(report));
  return { report, ...(await printWorkbook(file)) };
}

/** The convention's sheet on paper; its text. */
function conventionPrinted({ pages, report }: { pages: PdfPage[]; report: MidTermReport }): string {
  const mine = printedProblems(pages, CONVENTION_SHEET, {
    orientation: 'landscape',
    firstPage: ['2. Convention 2024-2027', 'Origine du montant attendu', 'Exécution lue dans', 'Convention 2024-2027', '13 370 192,00 €', 'Total de la convention', 'affecté)'],
  });
  expect(mine.problems).toEqual([]);
  const text = mine.pages.map(pageText).join('\n');
  // Every action printed; no block cut by a page: as many cumuls as block titles on each page.
  for (const a of report.statement.actions) expect(text).toContain(`${a.fiche} — `);
  for (const p of mine.pages) {
    const t = pageText(p);
    expect((t.match(/Cumul 2024-2027/g) ?? []).length).toBe((t.match(/(^|\s)(Total de la convention|Axe \d —|\d\.\d —)/g) ?? []).length);
  }
  return text;
}

describe.each([
  ['the sample', 'exemple', buildSampleGrid, { [COVER_SHEET]: 1, [STATEMENT_SHEET]: 3, [CHART_SHEET]: 1 }],
  ['a workbook with its 2024 and 2025 execution', 'mi-parcours', midTermWorkbook, { [COVER_SHEET]: 1, [STATEMENT_SHEET]: 3, [CHART_SHEET]: 1 }],
])('the mid-term report of %s, printed', (_label, name, build, expectedPages) => {
  let printed: Awaited<ReturnType<typeof printReport>>;
  beforeAll(async () => {
    printed = await printReport(name, build());
  });

  it('prints every sheet on A4, one page wide, on the pages planned, with no text over text', () => {
    const { report, pages } = printed;
    for (const sheet of report.plan.createSheets) {
      const orientation = sheet.print?.orientation ?? 'landscape';
      const { pages: mine, problems } = printedProblems(pages, sheet.name, { orientation, firstPage: [] });
      expect({ sheet: sheet.name, problems }).toEqual({ sheet: sheet.name, problems: [] });
      expect({ sheet: sheet.name, pages: mine.length }).toEqual({ sheet: sheet.name, pages: report.pages[sheet.name] });
    }
    for (const [sheet, n] of Object.entries(expectedPages)) expect(report.pages[sheet]).toBe(n);
    expect(pages).toHaveLength(Object.values(report.pages).reduce((a, b) => a + b, 0));
  });

  it('one page wide: every column of the statement and the annex on their first page', () => {
    const { pages } = printed;
    expect(printedProblems(pages, STATEMENT_SHEET, { orientation: 'landscape', firstPage: ['Fiche', 'Intitulé de l’action', 'versé)'] }).problems).toEqual([]);
    expect(printedProblems(pages, FINDINGS_SHEET, { orientation: 'landscape', firstPage: ['N°', 'Gravité', 'Règle', 'Constat', 'Article'] }).problems).toEqual([]);
  });

  it('the cover: Département, period, deadline, deliberation to reference, date, signature', () => {
    const { pages, pdf } = printed;
    const [cover] = printedProblems(pages, COVER_SHEET, { orientation: 'portrait', firstPage: [] }).pages;
    const text = pageText(cover);
    expect(text).toContain('Rapport à mi-parcours');
    expect(text).toMatch(/Département Pas-de-Calais/);
    expect(text).toContain('du 1er janvier 2024 au 31 décembre 2025');
    expect(text).toContain('au plus tard le 31 mars 2026');
    expect(text).toMatch(/Délibération départementale n° …+ du …+ \(à référencer avant la transmission\)/);
    expect(text).toContain('Rapport établi le 02/03/2026');
    expect(text).toContain('Signature et cachet');
    // The picture for the README: the report of a workbook whose execution is filled in.
    if (name === 'mi-parcours') expect(existsSync(firstPagePicture(pdf, cover, 'rapport-mi-parcours'))).toBe(true);
  });

  it('the convention 2024-2027: art. 2.2’s amount against the notified on its first page, one page wide, every block whole', () => {
    const text = conventionPrinted(printed);
    if (name === 'exemple') {
      expect(text).toContain('année non encore lue : aucun bloc 2026 dans le classeur');
      expect(text).toContain('exécution 2025 non encore renseignée');
      expect(text).toContain('2 années non lues');
    }
    if (name === 'mi-parcours') expect(existsSync(firstPagePicture(printed.pdf, pagesOf(printed.pages, CONVENTION_SHEET)[0], 'rapport-convention'))).toBe(true);
  });

  it('the chart alone on one page, whole: title, every action, both series', () => {
    const { pages, pdf, report } = printed;
    const mine = printedProblems(pages, CHART_SHEET, { orientation: 'landscape', firstPage: [] }).pages;
    expect(mine).toHaveLength(1);
    const text = pageText(mine[0]);
    expect(text.match(/Crédits prévus et réalisés par action, 2024-2025/g)?.length).toBe(2); // the sheet's title and the chart's
    for (const fiche of report.statement.actions.map((a) => a.fiche)) expect(text).toContain(fiche);
    expect(text).toMatch(/Prévu .*Réalisé/);
    if (name === 'mi-parcours') expect(existsSync(firstPagePicture(pdf, mine[0], 'rapport-graphique'))).toBe(true);
  });

  it('observations in plain French, grouped by cause; rule IDs only in the technical annex', () => {
    const { pages } = printed;
    const ids = [...RULES.map((r) => r.id), 'MID-BLOCK-MISSING', 'MID-UNDERSPEND', 'MID-IND-MISSING', 'MID-IND-BELOW'];
    const text = (sheet: string) => printedProblems(pages, sheet, { orientation: 'portrait', firstPage: [] }).pages.map(pageText).join('\n');
    const body = [COVER_SHEET, STATEMENT_SHEET, CHART_SHEET, OBSERVATIONS_SHEET].map(text).join('\n');
    expect(ids.filter((id) => new RegExp(`\\b${id}\\b`).test(body))).toEqual([]);
    expect(text(FINDINGS_SHEET)).toMatch(/\bPLAN-DELTA\b/);
    expect(text(OBSERVATIONS_SHEET)).toMatch(/Suite à donner : /);
    if (name === 'exemple') expect(text(OBSERVATIONS_SHEET)).toMatch(/1\. Exécution 2024 non renseignée — 33 erreurs et 1 information/);
  });
});

describe('the mid-term report of a whole 2024–2027 convention, printed', () => {
  let printed: Awaited<ReturnType<typeof printReport>>;
  beforeAll(async () => {
    printed = await printReport('quatre-ans', conventionWorkbook({ fiches: true }).grid);
  });

  it('every sheet on the pages planned, nothing over anything; the convention read in full, year by year', () => {
    for (const sheet of printed.report.plan.createSheets) {
      const { pages: mine, problems } = printedProblems(printed.pages, sheet.name, { orientation: sheet.print?.orientation ?? 'landscape', firstPage: [] });
      expect({ sheet: sheet.name, problems, pages: mine.length }).toEqual({ sheet: sheet.name, problems: [], pages: printed.report.pages[sheet.name] });
    }
    const text = conventionPrinted(printed);
    expect(text).not.toMatch(/non encore lue|non lu\b|non encore renseignée/);
    for (const y of [2024, 2025, 2026, 2027]) expect(text).toContain(`Prévisionnel ${y} Exécution ${y}`);
  });
});
