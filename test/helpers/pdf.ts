/**
 * Reading a printed document back (poppler-utils: pdftotext, pdftoppm): its pages, their size, the
 * words on them with their boxes — enough to check what a reader of the paper would see: which
 * document a page belongs to (its footer names the sheet), text printed over text, « ### » where an
 * amount does not fit, and a picture of a page.
 */
import { execFileSync } from 'child_process';

export interface PdfWord {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  text: string;
}

export interface PdfPage {
  /** 1-based page number in the PDF. */
  number: number;
  width: number;
  height: number;
  words: PdfWord[];
  /** The footer line (words in the bottom band), left to right. */
  footer: string;
}

/** True when poppler's tools are installed. */
export function popplerInstalled(): boolean {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export function readPdf(pdf: string): PdfPage[] {
  const xml = execFileSync('pdftotext', ['-bbox', pdf, '-'], { maxBuffer: 64 * 1024 * 1024 }).toString('utf8');
  return xml
    .split('<page ')
    .slice(1)
    .map((chunk, i) => {
      const size = /width="([\d.]+)" height="([\d.]+)"/.exec(chunk) as RegExpExecArray;
      const width = Number(size[1]);
      const height = Number(size[2]);
      const words = [...chunk.matchAll(/<word xMin="([-\d.]+)" yMin="([-\d.]+)" xMax="([-\d.]+)" yMax="([-\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
        x0: Number(m[1]),
        y0: Number(m[2]),
        x1: Number(m[3]),
        y1: Number(m[4]),
        // French number groups (no-break spaces) read as plain spaces.
        text: unescapeXml(m[5]).replace(/[\u00A0\u202F]/g, ' '),
      }));
      const footer = words
        .filter((w) => w.y0 > height - 45)
        .sort((a, b) => a.x0 - b.x0)
        .map((w) => w.text)
        .join(' ');
      return { number: i + 1, width, height, words, footer };
    });
}

/** The pages a tool sheet printed on: its footer starts with the sheet's name. */
export function pagesOf(pages: PdfPage[], sheet: string): PdfPage[] {
  return pages.filter((p) => p.footer.startsWith(sheet));
}

/**
 * Words printed over other words: boxes that overlap by more than a third of the smaller one's
 * height and more than a point of width. Wrapped lines of one cell touch but do not overlap so.
 */
export function overprints(page: PdfPage): string[] {
  const out: string[] = [];
  const words = [...page.words].sort((a, b) => a.y0 - b.y0);
  for (let i = 0; i < words.length; i++) {
    const a = words[i];
    for (let j = i + 1; j < words.length && words[j].y0 < a.y1; j++) {
      const b = words[j];
      const dy = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
      const dx = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
      if (dx > 1 && dy > Math.min(a.y1 - a.y0, b.y1 - b.y0) / 3) out.push(`page ${page.number} : « ${a.text} » sur « ${b.text} »`);
    }
  }
  return out;
}

/** The page's lines as a reader reads them: words on the same baseline, left to right, lines top-down. */
export function pageLines(page: PdfPage): string[] {
  const lines: { y: number; words: PdfWord[] }[] = [];
  for (const w of [...page.words].sort((a, b) => a.y1 - b.y1)) {
    const line = lines.find((l) => Math.abs(l.y - w.y1) < 2.5);
    if (line) line.words.push(w);
    else lines.push({ y: w.y1, words: [w] });
  }
  return lines.map((l) => l.words.sort((a, b) => a.x0 - b.x0).map((w) => w.text).join(' '));
}

/** The page as lines joined by line breaks. */
export function pageText(page: PdfPage): string {
  return pageLines(page).join('\n');
}

/** Writes a PNG of one page (`out` without extension). */
export function pagePng(pdf: string, page: number, out: string, dpi = 110): void {
  execFileSync('pdftoppm', ['-png', '-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile', pdf, out]);
}

function unescapeXml(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}
