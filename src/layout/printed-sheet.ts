import type { CellScalar } from './grid';
import { DEFAULT_ROW_HEIGHT, STYLE_FONT, linesHeight, pageCapacity, paginate, wrappedLines } from './print-layout';
import type { CellStyle, CellWrite, PrintSetup, SheetToCreate, StyleRun } from './write-plan';

/** Excel's limit on the text of one cell. */
export const MAX_CELL_TEXT = 32_767;
const CUT = ' […]';

type Range = { top: number; left: number; bottom: number; right: number };

export interface PrintedSheetOptions {
  orientation: PrintSetup['orientation'];
  /** Replace the sheet if it exists (the tool's own sheets). */
  replace?: boolean;
  frozenRows?: number;
  repeatRows?: PrintSetup['repeatRows'];
  footer?: string;
  /** Columns printed (1..printCols); cells right of them are on-screen notes. Default: every column with a width. */
  printCols?: number;
  /** false: no print area, the sheet prints what it holds (a journal that grows). */
  printArea?: boolean;
}

/**
 * One printable sheet of the tool being planned: cells, styles, merges, then — once everything
 * is written — the row heights its wrapped texts need and the page breaks that keep its blocks
 * whole (print-layout.ts). Rows and columns are 1-based.
 */
export class PrintedSheet {
  readonly writes: CellWrite[] = [];
  readonly styles: StyleRun[] = [];
  readonly merges: Range[] = [];
  private readonly keeps: [number, number][] = [];
  private readonly forced: number[] = [];
  private readonly minHeights = new Map<number, number>();
  private lastRow = 0;

  constructor(
    readonly sheet: string,
    readonly widths: Record<number, number>,
  ) {}

  value(row: number, col: number, value: CellScalar | null | undefined, numFmt?: string): void {
    if (value === null || value === undefined || value === '') return;
    // Excel holds at most 32 767 characters in a cell; a longer text would spoil the file.
    const fitted = typeof value === 'string' && value.length > MAX_CELL_TEXT ? `${value.slice(0, MAX_CELL_TEXT - CUT.length)}${CUT}` : value;
    this.writes.push({ sheet: this.sheet, row, col, value: fitted, ...(numFmt ? { numFmt } : {}), purpose: 'template' });
    this.touch(row);
  }

  /** A formula with the value the engine computed for it (what the file shows before recalculating). */
  formula(row: number, col: number, formula: string, cached: CellScalar | null, numFmt?: string): void {
    this.writes.push({ sheet: this.sheet, row, col, formula, value: cached, ...(numFmt ? { numFmt } : {}), purpose: 'template' });
    this.touch(row);
  }

  style(row: number, fromCol: number, toCol: number, style: CellStyle): void {
    this.styles.push({ sheet: this.sheet, row, fromCol, toCol, style });
    this.touch(row);
  }

  merge(row: number, left: number, right: number, bottom = row): void {
    if (right > left || bottom > row) this.merges.push({ top: row, left, bottom, right });
  }

  /** Rows a page break must not fall between. */
  keepTogether(first: number, last: number): void {
    if (last > first) this.keeps.push([first, last]);
  }

  /** A new printed page starts at this row. */
  pageBreakBefore(row: number): void {
    this.forced.push(row);
  }

  /** A row at least this tall (points): an area to write in by hand, room for a chart. */
  minHeight(row: number, points: number): void {
    this.minHeights.set(row, Math.max(points, this.minHeights.get(row) ?? 0));
    this.touch(row);
  }

  get usedRows(): number {
    return this.lastRow;
  }

  /** The row heights the texts need: per cell, its lines at its style's font in its (merged) width. */
  rowHeights(): Record<number, number> {
    const styleAt = new Map<string, CellStyle>();
    for (const s of this.styles) for (let c = s.fromCol; c <= s.toCol; c++) styleAt.set(`${s.row}:${c}`, s.style);
    const heights = new Map<number, number>(this.minHeights);
    for (const w of this.writes) {
      if (w.formula !== undefined || typeof w.value !== 'string') continue;
      const merge = this.merges.find((m) => m.top === w.row && m.left === w.col);
      if (merge && merge.bottom > merge.top) continue; // a merge over several rows has their height
      const right = merge ? merge.right : w.col;
      let units = 0;
      for (let c = w.col; c <= right; c++) units += this.widths[c] ?? 8.43;
      const font = STYLE_FONT[styleAt.get(`${w.row}:${w.col}`) ?? 'default'];
      const h = linesHeight(wrappedLines(w.value, units, font.size, font.bold), font.size);
      if (h > (heights.get(w.row) ?? DEFAULT_ROW_HEIGHT)) heights.set(w.row, h);
    }
    const out: Record<number, number> = {};
    for (const [r, h] of heights) if (h > DEFAULT_ROW_HEIGHT) out[r] = h;
    return out;
  }

  /** The sheet to create, with its heights, print setup and page breaks; and how many pages it prints on. */
  toSheet(opts: PrintedSheetOptions): { sheet: SheetToCreate; pages: number } {
    const rowHeights = this.rowHeights();
    const printCols = opts.printCols ?? Math.max(...Object.keys(this.widths).map(Number));
    const widths = Array.from({ length: printCols }, (_, i) => this.widths[i + 1] ?? 8.43);
    const height = (r: number) => rowHeights[r] ?? DEFAULT_ROW_HEIGHT;
    const { breaks, pages } = paginate({
      firstRow: 1,
      lastRow: this.lastRow,
      height,
      capacity: pageCapacity(opts, widths),
      keepTogether: this.keeps,
      forced: this.forced,
      repeatRows: opts.repeatRows,
    });
    const print: PrintSetup = {
      orientation: opts.orientation,
      paper: 'A4',
      fitToWidth: true,
      ...(opts.printArea === false ? {} : { printArea: { top: 1, left: 1, bottom: Math.max(1, this.lastRow), right: printCols } }),
      rowBreaks: breaks,
      ...(opts.repeatRows ? { repeatRows: opts.repeatRows } : {}),
      ...(opts.footer ? { footer: opts.footer } : {}),
    };
    const sheet: SheetToCreate = {
      name: this.sheet,
      ...(opts.replace !== false ? { replace: true } : {}),
      columnWidths: { ...this.widths },
      merges: this.merges.map((m) => ({ ...m })),
      frozenRows: opts.frozenRows ?? 0,
      rowHeights,
      print,
    };
    return { sheet, pages };
  }

  private touch(row: number): void {
    if (row > this.lastRow) this.lastRow = row;
  }
}
