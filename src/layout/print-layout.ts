import type { CellStyle, PrintSetup } from './write-plan';

/**
 * How much paper a printed sheet takes, estimated without a spreadsheet engine: how many lines a
 * wrapped text needs in its column, hence the row's height, and where pages end. Neither Excel nor
 * LibreOffice grows a row to fit wrapped text when a file is opened (text then overprints the next
 * rows), so the tool's sheets set their row heights themselves; and they break pages themselves,
 * so a section heading, a signature block or a chart is never cut.
 *
 * The estimates are deliberately generous: widths are those of DejaVu Sans (what LibreOffice draws
 * when Calibri is missing, wider than Calibri), and the page capacity is Excel's, whose
 * fit-to-width scale is larger than LibreOffice's for the same columns. A row set a little tall, a
 * page ending a little early: never text over text, never a block cut in two.
 */

/** Font size (points) and weight of each style; unstyled cells are Excel's default 11 pt. */
export const STYLE_FONT: Record<CellStyle | 'default', { size: number; bold: boolean }> = {
  title: { size: 14, bold: true },
  subtitle: { size: 11, bold: true },
  note: { size: 9, bold: false },
  header: { size: 9, bold: true },
  section: { size: 10, bold: true },
  group: { size: 10, bold: true },
  cell: { size: 10, bold: false },
  figure: { size: 10, bold: false },
  centre: { size: 10, bold: false },
  subtotal: { size: 10, bold: true },
  total: { size: 10, bold: true },
  excluded: { size: 9, bold: false },
  label: { size: 10, bold: true },
  box: { size: 10, bold: false },
  wrap: { size: 10, bold: false },
  default: { size: 11, bold: false },
};

/** Excel's default row height, in points. */
export const DEFAULT_ROW_HEIGHT = 15;

/** Width of one column-width unit as LibreOffice draws it (the default font's digit), in points. */
const POINTS_PER_WIDTH_UNIT = 7;
/** Inner cell padding, left + right, in points. */
const CELL_PADDING = 6;

/** Advance widths in em, a little above DejaVu Sans's, by kind of character. */
function charEm(ch: string): number {
  if (ch === ' ') return 0.33;
  if (/[il.,;:'’!|()[\]]/.test(ch)) return 0.32;
  if (/[fjrt«»\-–—/]/.test(ch)) return 0.45;
  if (/[mwMW@%…]/.test(ch)) return 1.0;
  if (/[0-9€]/.test(ch)) return 0.65;
  if (/[A-ZÀ-ÖØ-Þ]/.test(ch)) return 0.74;
  return 0.62;
}

/** Width of a text in points at a font size. */
export function textWidth(text: string, size: number, bold = false): number {
  let em = 0;
  for (const ch of text) em += charEm(ch);
  return em * size * (bold ? 1.1 : 1);
}

/** Usable width of a cell (or merged cells) of total column width `units`, in points. */
export function cellWidth(units: number): number {
  return Math.max(1, units * POINTS_PER_WIDTH_UNIT - CELL_PADDING);
}

/** Lines a text wraps to in a cell `units` wide: words are never split unless longer than a line. */
export function wrappedLines(text: string, units: number, size: number, bold = false): number {
  const width = cellWidth(units);
  let lines = 0;
  for (const paragraph of text.split(/\r?\n/)) {
    let line = 0;
    let count = 1;
    const space = textWidth(' ', size, bold);
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const w = textWidth(word, size, bold);
      if (line === 0) {
        count += Math.max(0, Math.ceil(w / width) - 1);
        line = w > width ? w % width : w;
      } else if (line + space + w <= width) {
        line += space + w;
      } else {
        count += Math.ceil(w / width);
        line = w > width ? w % width : w;
      }
    }
    lines += count;
  }
  return Math.max(1, lines);
}

/**
 * Height in points of `lines` lines of text at a font size, with the cell's top and bottom padding
 * (DejaVu Sans's line is 1.164 em: one line of 11 pt fits Excel's default 15 pt row).
 */
export function linesHeight(lines: number, size: number): number {
  return Math.ceil(lines * size * 1.2 + 2);
}

/** A4 in points and the margins every tool sheet prints with (inches, as Excel stores them). */
const A4 = { short: 595.3, long: 841.9 };
export const PAGE_MARGINS = { left: 0.5, right: 0.5, top: 0.6, bottom: 0.7, header: 0.3, footer: 0.3 };
/** Room the footer line takes from the body, in points, beyond the bottom margin. */
const FOOTER_ALLOWANCE = 18;

/**
 * Printed height available for rows on one page, in sheet points (before the fit-to-width
 * scale): the page body divided by Excel's scale for these columns, Excel's being the larger.
 */
export function pageCapacity(print: Pick<PrintSetup, 'orientation'>, columnWidths: number[]): number {
  const landscape = print.orientation === 'landscape';
  const width = (landscape ? A4.long : A4.short) - (PAGE_MARGINS.left + PAGE_MARGINS.right) * 72;
  const height = (landscape ? A4.short : A4.long) - (PAGE_MARGINS.top + PAGE_MARGINS.bottom) * 72 - FOOTER_ALLOWANCE;
  // Excel: a column of width w is 7w + 5 pixels of 0.75 pt (Calibri 11).
  const excelWidth = columnWidths.reduce((s, w) => s + (7 * w + 5) * 0.75, 0);
  const lo = columnWidths.reduce((s, w) => s + POINTS_PER_WIDTH_UNIT * w, 0);
  const scale = Math.min(1, width / Math.max(excelWidth, 1));
  const loScale = Math.min(1, width / Math.max(lo, 1));
  // The larger scale (bigger rows on paper) gives the fewer rows per page: plan for it.
  return Math.floor(height / Math.max(scale, loScale));
}

export interface Pagination {
  /** Rows that start a new page (the first page's first row excluded). */
  breaks: number[];
  pages: number;
}

/**
 * Where pages end: rows are placed top-down; a new page starts before a row that does not fit,
 * before a keep-together block that does not fit (unless it starts the page: a block taller than
 * a page is cut where it must), and before every row of `forced`. Repeated header rows take their
 * height on every page after the first.
 */
export function paginate(opts: {
  firstRow: number;
  lastRow: number;
  height: (row: number) => number;
  capacity: number;
  keepTogether?: [number, number][];
  forced?: number[];
  repeatRows?: { first: number; last: number };
}): Pagination {
  const { firstRow, lastRow, height, capacity } = opts;
  const repeat = opts.repeatRows ? sumHeights(opts.repeatRows.first, opts.repeatRows.last, height) : 0;
  const blockAt = new Map<number, number>();
  for (const [a, b] of opts.keepTogether ?? []) blockAt.set(a, Math.max(b, blockAt.get(a) ?? a));
  const forced = new Set(opts.forced ?? []);
  const breaks: number[] = [];
  let used = 0;
  let pageTop = firstRow;
  const newPage = (r: number) => {
    breaks.push(r);
    used = repeat;
    pageTop = r;
  };
  for (let r = firstRow; r <= lastRow; r++) {
    if (forced.has(r) && r !== pageTop && r > firstRow) newPage(r);
    const end = blockAt.get(r);
    if (end !== undefined && r !== pageTop && used + sumHeights(r, end, height) > capacity) newPage(r);
    const h = height(r);
    if (used + h > capacity && r !== pageTop) newPage(r);
    used += h;
  }
  return { breaks, pages: breaks.length + 1 };
}

function sumHeights(a: number, b: number, height: (row: number) => number): number {
  let s = 0;
  for (let r = a; r <= b; r++) s += height(r);
  return s;
}
