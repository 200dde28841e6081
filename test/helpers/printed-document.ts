/**
 * A workbook printed the way a user would (LibreOffice headless → PDF, French locale), and the
 * checks every document of the tool must pass on paper: A4 in its orientation, one page wide, the
 * expected number of pages, no text printed over text, no « ### » for an amount too wide for its
 * column; and a picture of its first page for the README.
 */
import { mkdirSync, mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { convertWithLibreOffice } from './libreoffice';
import { type PdfPage, overprints, pagePng, pageText, pagesOf, readPdf } from './pdf';

export const DOCS_IMAGES = path.join(__dirname, '..', '..', 'docs', 'images');

export async function printWorkbook(xlsx: string): Promise<{ pdf: string; pages: PdfPage[] }> {
  const pdf = await convertWithLibreOffice(xlsx, mkdtempSync(path.join(tmpdir(), 'annexes-pdf-')), 'pdf');
  return { pdf, pages: readPdf(pdf) };
}

export interface PrintedExpectation {
  orientation: 'portrait' | 'landscape';
  /** Texts that must all be on the first page: the first and the last column's headers prove one page wide. */
  firstPage: string[];
}

/** The pages of one document (by its footer) and what is wrong with them on paper. */
export function printedProblems(pages: PdfPage[], sheet: string, expected: PrintedExpectation): { pages: PdfPage[]; problems: string[] } {
  const mine = pagesOf(pages, sheet);
  const problems: string[] = [];
  if (mine.length === 0) return { pages: mine, problems: [`« ${sheet} » n'est pas imprimée`] };
  for (const p of mine) {
    const landscape = p.width > p.height;
    const [long, short] = landscape ? [p.width, p.height] : [p.height, p.width];
    if (Math.abs(long - 841.9) > 2 || Math.abs(short - 595.3) > 2) problems.push(`page ${p.number} : ${p.width} × ${p.height} pt, pas A4`);
    if (landscape !== (expected.orientation === 'landscape')) problems.push(`page ${p.number} : orientation ${landscape ? 'paysage' : 'portrait'}`);
    problems.push(...overprints(p));
    if (p.words.some((w) => /#{3,}/.test(w.text))) problems.push(`page ${p.number} : « ### » (montant plus large que sa colonne)`);
    // Text outside the page: a column cut by the page's edge.
    if (p.words.some((w) => w.x0 < 0 || w.x1 > p.width)) problems.push(`page ${p.number} : texte hors de la page`);
  }
  const first = pageText(mine[0]);
  for (const t of expected.firstPage) if (!first.includes(t)) problems.push(`première page sans « ${t} »`);
  return { pages: mine, problems };
}

/** The PNG of a document's first page: in docs/images with UPDATE_DOCS_IMAGES=1, else beside the PDF. */
export function firstPagePicture(pdf: string, page: PdfPage, name: string): string {
  const dir = process.env.UPDATE_DOCS_IMAGES ? DOCS_IMAGES : path.join(path.dirname(pdf), 'images');
  mkdirSync(dir, { recursive: true });
  const out = path.join(dir, name);
  pagePng(pdf, page.number, out);
  return `${out}.png`;
}
