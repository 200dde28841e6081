/// <reference types="office-js" />
/**
 * Cell formats in Office.js terms, and how the adapter draws them: the plan's styles (as
 * layout/sheet-look.ts describes them for the xlsx adapter too) and the formats undo gives back are
 * both grouped into rectangles of equal format, each one range with `format.font`, `format.fill`,
 * `format.borders`, alignment and wrapping set once (ExcelApi 1.1; lock state 1.2) — a document is a
 * few dozen ranges, never a call per cell. Rows of equal height are one range too.
 */
import type { CellRange } from '../../layout/grid';
import { type Block, type CellLook, type Edge, blocks, heightRuns, resolveLooks } from '../../layout/sheet-look';
import type { StyleRun } from '../../layout/write-plan';
import { areaAddress } from './office-address';
import type { PayloadBatches } from './payload-batches';

export type OfficeEdge = 'EdgeTop' | 'EdgeBottom' | 'EdgeLeft' | 'EdgeRight';
export const OFFICE_EDGES: OfficeEdge[] = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight'];

export interface OfficeBorder {
  /** Excel.BorderLineStyle ("Continuous", "Double"…). */
  style: string;
  /** Excel.BorderWeight ("Thin"…); absent for a double line. */
  weight?: string;
  color: string;
}

/** A cell's format as Office.js sets it; an absent part is left as the cell has it. */
export interface OfficeFormat {
  font?: { name?: string; size?: number; color?: string; bold?: boolean; italic?: boolean; underline?: string; strikethrough?: boolean };
  /** Solid fill colour; absent: no fill. */
  fill?: string;
  borders?: Partial<Record<OfficeEdge, OfficeBorder>>;
  horizontalAlignment?: string;
  verticalAlignment?: string;
  wrapText?: boolean;
  locked?: boolean;
}

const HORIZONTAL: Record<CellLook['horizontal'], string> = { general: 'General', center: 'Center', right: 'Right' };
const VERTICAL: Record<CellLook['vertical'], string> = { top: 'Top', middle: 'Center' };

function officeBorder(e: Edge): OfficeBorder {
  return e.line === 'double' ? { style: 'Double', color: e.color } : { style: 'Continuous', weight: 'Thin', color: e.color };
}

/** A plan look in Office.js terms (the automatic font colour is a cell's own: not set). */
export function officeLook(look: CellLook): OfficeFormat {
  const f = look.font;
  const b = look.borders;
  const borders: Partial<Record<OfficeEdge, OfficeBorder>> = {};
  if (b) {
    const edges: [OfficeEdge, Edge | null][] = [['EdgeTop', b.top], ['EdgeBottom', b.bottom], ['EdgeLeft', b.left], ['EdgeRight', b.right]];
    for (const [k, e] of edges) if (e) borders[k] = officeBorder(e);
  }
  return {
    font: { name: f.name, size: f.size, bold: f.bold, italic: f.italic, ...(f.color ? { color: f.color } : {}) },
    ...(look.fill ? { fill: look.fill } : {}),
    ...(b ? { borders } : {}),
    horizontalAlignment: HORIZONTAL[look.horizontal],
    verticalAlignment: VERTICAL[look.vertical],
    wrapText: look.wrap,
  };
}

const sameBorder = (a: OfficeBorder | undefined, b: OfficeBorder | undefined) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** Cells of one format share a rectangle across (down) when its left and right (top and bottom) borders agree. */
export function formatJoins(f: OfficeFormat): { across: boolean; down: boolean } {
  const b = f.borders ?? {};
  return { across: sameBorder(b.EdgeLeft, b.EdgeRight), down: sameBorder(b.EdgeTop, b.EdgeBottom) };
}

export function formatBlocks(cells: Map<number, Map<number, OfficeFormat>>): Block<OfficeFormat>[] {
  return blocks(cells, (f) => JSON.stringify(f), formatJoins);
}

/**
 * The plan's styles on one sheet, as rectangles of Office.js formats. A merged area whose first
 * cell has a look gives it to all its cells, as an .xlsx merged cell shares its first cell's style:
 * its borders then go round the whole area, and it keeps its look if someone unmerges it.
 */
export function planFormatBlocks(styles: StyleRun[], sheet: string, merges: CellRange[] = []): Block<OfficeFormat>[] {
  const looks = resolveLooks(styles.filter((s) => s.sheet === sheet)).get(sheet);
  if (!looks) return [];
  for (const m of merges) {
    const first = looks.get(m.top)?.get(m.left);
    if (!first) continue;
    for (let r = m.top; r <= m.bottom; r++) {
      let cols = looks.get(r);
      if (!cols) looks.set(r, (cols = new Map()));
      for (let c = m.left; c <= m.right; c++) cols.set(c, first);
    }
  }
  const cells = new Map([...looks].map(([r, cols]) => [r, new Map([...cols].map(([c, look]) => [c, officeLook(look)]))]));
  return formatBlocks(cells);
}

/** Queues the rectangles, each one range whose every cell takes the format (inner borders as the outer ones). */
export function queueFormats(batches: PayloadBatches, ws: () => Excel.Worksheet, list: Block<OfficeFormat>[]): void {
  for (const { area, value } of list) {
    const address = areaAddress(area);
    batches.add(() => applyFormat(ws().getRange(address), area, value), [address, value], operationsOf(area, value));
  }
}

/** The calls applyFormat makes: one per property set, three per border (inner ones included). */
function operationsOf(area: CellRange, f: OfficeFormat): number {
  const borders = Object.keys(f.borders ?? {}).length + (area.bottom > area.top ? 1 : 0) + (area.right > area.left ? 1 : 0);
  return 2 + Object.keys(f.font ?? {}).length + Object.keys(f).length + 3 * borders;
}

function applyFormat(range: Excel.Range, area: CellRange, f: OfficeFormat): void {
  const format = range.format;
  if (f.font) {
    const font = format.font;
    if (f.font.name !== undefined) font.name = f.font.name;
    if (f.font.size !== undefined) font.size = f.font.size;
    if (f.font.color !== undefined) font.color = f.font.color;
    if (f.font.bold !== undefined) font.bold = f.font.bold;
    if (f.font.italic !== undefined) font.italic = f.font.italic;
    if (f.font.underline !== undefined) font.underline = f.font.underline as Excel.RangeUnderlineStyle;
    if (f.font.strikethrough !== undefined) font.strikethrough = f.font.strikethrough;
  }
  if (f.fill !== undefined) format.fill.color = f.fill;
  const b = f.borders ?? {};
  for (const edge of OFFICE_EDGES) {
    const border = b[edge];
    if (border) setBorder(format.borders.getItem(edge as Excel.BorderIndex), border);
  }
  // Inner edges: a rectangle only groups cells whose opposite borders agree (formatJoins).
  if (area.bottom > area.top && b.EdgeTop && sameBorder(b.EdgeTop, b.EdgeBottom)) setBorder(format.borders.getItem('InsideHorizontal' as Excel.BorderIndex), b.EdgeTop);
  if (area.right > area.left && b.EdgeLeft && sameBorder(b.EdgeLeft, b.EdgeRight)) setBorder(format.borders.getItem('InsideVertical' as Excel.BorderIndex), b.EdgeLeft);
  if (f.horizontalAlignment !== undefined) format.horizontalAlignment = f.horizontalAlignment as Excel.HorizontalAlignment;
  if (f.verticalAlignment !== undefined) format.verticalAlignment = f.verticalAlignment as Excel.VerticalAlignment;
  if (f.wrapText !== undefined) format.wrapText = f.wrapText;
  if (f.locked !== undefined) format.protection.locked = f.locked;
}

function setBorder(border: Excel.RangeBorder, b: OfficeBorder): void {
  border.style = b.style as Excel.BorderLineStyle;
  if (b.weight) border.weight = b.weight as Excel.BorderWeight;
  border.color = b.color;
}

/** Row heights in points, rows of equal height set together. */
export function queueRowHeights(batches: PayloadBatches, ws: () => Excel.Worksheet, heights: Record<number, number>): void {
  for (const run of heightRuns(heights)) {
    const rows = `${run.first}:${run.last}`;
    batches.add(() => (ws().getRange(rows).format.rowHeight = run.points), rows);
  }
}

/** Rows `first` to `last` back to the sheet's standard height (ExcelApi 1.7). */
export function queueStandardHeights(batches: PayloadBatches, ws: () => Excel.Worksheet, first: number, last: number): void {
  if (last < first) return;
  batches.add(() => (ws().getRange(`${first}:${last}`).format.useStandardHeight = true));
}
