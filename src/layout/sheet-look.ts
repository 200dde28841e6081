import { type CellRange, columnLetters } from './grid';
import { STYLE_FONT } from './print-layout';
import { visibleCellText } from './visible-text';
import type { CellStyle, PrintSetup, StyleRun } from './write-plan';

/**
 * The look and the page setup of the tool's printed sheets (États des dépenses, bilan financier,
 * rapport, modèle vierge), said once for every applier: the xlsx adapter turns it into ExcelJS
 * styles (sheet-format.ts), the Office.js adapter into range formats and `pageLayout`
 * (office-format.ts, page-setup.ts) — so a document written from the pane looks and prints as the
 * one `annexes fill` writes. One palette, sober as an administrative form: black text, thin
 * grey-blue borders, light shading on headers and totals. Colours are "#RRGGBB".
 */
export const LOOK_FONT = 'Calibri';
const BORDER_COLOUR = '#7F8FA9';

export interface Edge {
  line: 'thin' | 'double';
  color: string;
}

export interface Borders {
  top: Edge | null;
  bottom: Edge | null;
  left: Edge | null;
  right: Edge | null;
}

export interface CellLook {
  /** color null: the automatic colour (black). */
  font: { name: string; size: number; bold: boolean; italic: boolean; color: string | null };
  /** Solid fill colour, or null for no fill. */
  fill: string | null;
  borders: Borders | null;
  horizontal: 'general' | 'center' | 'right';
  vertical: 'top' | 'middle';
  wrap: boolean;
}

const THIN: Edge = { line: 'thin', color: BORDER_COLOUR };
const BOX: Borders = { top: THIN, bottom: THIN, left: THIN, right: THIN };
const HEADER_FILL = '#DCE3EE';
const SECTION_FILL = '#EEF1F6';

type Part = { font?: Partial<CellLook['font']>; fill?: string; borders?: Borders; horizontal?: CellLook['horizontal']; vertical: CellLook['vertical'] };

/** Each style as data; every style wraps (row heights are planned, print-layout.ts). */
const PARTS: Record<CellStyle, Part> = {
  title: { font: { color: '#1F3864' }, vertical: 'middle' },
  subtitle: { vertical: 'middle' },
  note: { font: { italic: true, color: '#404040' }, vertical: 'top' },
  header: { fill: HEADER_FILL, borders: BOX, horizontal: 'center', vertical: 'middle' },
  section: { fill: SECTION_FILL, borders: BOX, vertical: 'middle' },
  group: { font: { italic: true }, borders: BOX, vertical: 'top' },
  cell: { borders: BOX, vertical: 'top' },
  figure: { borders: BOX, horizontal: 'right', vertical: 'top' },
  centre: { borders: BOX, horizontal: 'center', vertical: 'top' },
  subtotal: { borders: BOX, vertical: 'middle' },
  total: { fill: HEADER_FILL, borders: { ...BOX, top: { line: 'double', color: BORDER_COLOUR } }, vertical: 'middle' },
  excluded: { font: { italic: true, color: '#595959' }, borders: BOX, vertical: 'top' },
  label: { vertical: 'top' },
  box: { borders: BOX, vertical: 'top' },
  wrap: { vertical: 'top' },
};

/** The whole look of one style, as a cell that had no format would show it. */
export function styleLook(style: CellStyle): CellLook {
  const p = PARTS[style];
  const f = STYLE_FONT[style];
  return {
    font: { name: LOOK_FONT, size: f.size, bold: f.bold, italic: false, color: null, ...p.font },
    fill: p.fill ?? null,
    borders: p.borders ? { ...p.borders } : null,
    horizontal: p.horizontal ?? 'general',
    vertical: p.vertical,
    wrap: true,
  };
}

/**
 * A later style over a cell already styled replaces its font and alignment; its fill and borders
 * only if it has some (a « label » over a shaded cell keeps the shading).
 */
export function overlay(under: CellLook | undefined, style: CellStyle): CellLook {
  const look = styleLook(style);
  if (!under) return look;
  return { ...look, fill: look.fill ?? under.fill, borders: look.borders ?? under.borders };
}

/** Cell → look, per sheet: the plan's runs applied in order. */
export function resolveLooks(runs: StyleRun[]): Map<string, Map<number, Map<number, CellLook>>> {
  const out = new Map<string, Map<number, Map<number, CellLook>>>();
  for (const s of runs) {
    let rows = out.get(s.sheet);
    if (!rows) out.set(s.sheet, (rows = new Map()));
    let cols = rows.get(s.row);
    if (!cols) rows.set(s.row, (cols = new Map()));
    for (let c = s.fromCol; c <= s.toCol; c++) cols.set(c, overlay(cols.get(c), s.style));
  }
  return out;
}

const sameEdge = (a: Edge | null, b: Edge | null) => (a === null ? b === null : b !== null && a.line === b.line && a.color === b.color);

/** A block of cells with this look can be drawn as one range: its inner edges repeat its outer ones. */
export function lookJoins(look: CellLook): { across: boolean; down: boolean } {
  const b = look.borders;
  return { across: !b || sameEdge(b.left, b.right), down: !b || sameEdge(b.top, b.bottom) };
}

export interface Block<T> {
  area: CellRange;
  value: T;
}

/**
 * Cells grouped into as few rectangles as rows allow: runs of equal values along each row, then
 * equal runs stacked down the rows. `joins` says whether a value's cells may share a rectangle
 * across and down (a cell with a double top border and a thin bottom one cannot be stacked: the
 * rectangle's inner edges would be thin). Rectangles come top-down, so that a lower block drawn
 * after an upper one keeps its top edge (a total's double rule over the line above).
 */
export function blocks<T>(cells: Map<number, Map<number, T>>, key: (v: T) => string, joins: (v: T) => { across: boolean; down: boolean }): Block<T>[] {
  const open = new Map<string, Block<T> & { key: string }>();
  const done: (Block<T> & { key: string })[] = [];
  for (const row of [...cells.keys()].sort((a, b) => a - b)) {
    const cols = cells.get(row)!;
    const runs: (Block<T> & { key: string })[] = [];
    for (const col of [...cols.keys()].sort((a, b) => a - b)) {
      const v = cols.get(col)!;
      const k = key(v);
      const last = runs[runs.length - 1];
      if (last && last.key === k && last.area.right === col - 1 && joins(v).across) last.area.right = col;
      else runs.push({ area: { top: row, bottom: row, left: col, right: col }, value: v, key: k });
    }
    const next = new Map<string, Block<T> & { key: string }>();
    for (const run of runs) {
      const id = `${run.area.left}:${run.area.right}:${run.key}`;
      const above = open.get(id);
      if (above && above.area.bottom === row - 1 && joins(run.value).down) {
        above.area.bottom = row;
        next.set(id, above);
        open.delete(id);
      } else {
        done.push(run);
        next.set(id, run);
      }
    }
    open.clear();
    for (const [id, b] of next) open.set(id, b);
  }
  return done.sort((a, b) => a.area.top - b.area.top || a.area.left - b.area.left).map(({ area, value }) => ({ area, value }));
}

/** Rows of equal height, as [first, last, points] runs. */
export function heightRuns(heights: Record<number, number>): { first: number; last: number; points: number }[] {
  const out: { first: number; last: number; points: number }[] = [];
  for (const r of Object.keys(heights).map(Number).sort((a, b) => a - b)) {
    const last = out[out.length - 1];
    if (last && last.last === r - 1 && last.points === heights[r]) last.last = r;
    else out.push({ first: r, last: r, points: heights[r] });
  }
  return out;
}


/**
 * The footer, as Excel's header/footer codes per section: the sheet's name left, the text centred
 * (the Département), the page number right, all at 8 pt. « &8 » sets the size: a space after it,
 * or a footer starting with digits (« 62-… ») would be read as the size; « & » doubled prints one;
 * control characters in the workbook's text are shown, never run.
 */
export function footerSections(p: PrintSetup): { left: string; center: string; right: string } {
  return {
    left: '&8 &A',
    center: p.footer ? `&8 ${visibleCellText(p.footer).replace(/&/g, '&&')}` : '',
    right: '&8 Page &P',
  };
}

/** « $1:$2 »: the rows repeated at the top of each page. */
export function titleRowsAddress(p: PrintSetup): string | null {
  return p.repeatRows ? `$${p.repeatRows.first}:$${p.repeatRows.last}` : null;
}

/** « A1:I31 »: the printed area. */
export function printAreaAddress(p: PrintSetup): string | null {
  const a = p.printArea;
  return a ? `${columnLetters(a.left)}${a.top}:${columnLetters(a.right)}${a.bottom}` : null;
}
