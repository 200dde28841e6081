/// <reference types="office-js" />
/**
 * What a styled rewrite changes beyond cells — the cells' formats, the rows' heights, the print
 * setup — saved before the write and given back by undo, on the same sheet. Formats are read with
 * Range.getCellProperties (ExcelApi 1.9) in round trips under the payload budget and kept compact in
 * the undo record: the distinct formats once, then each row as runs of indices into them.
 */
import type { CellRange } from '../../layout/grid';
import { type OfficeEdge, type OfficeFormat, formatBlocks, queueFormats, queueRowHeights, queueStandardHeights } from './office-format';
import { areaAddress, parseArea } from './office-address';
import { type PageLoad, type PageSnapshot, loadPageSetup, queuePageRestore } from './page-setup';
import type { PayloadBatches } from './payload-batches';
import { type ReadPiece, type ReadRequest, readRanges } from './range-reader';

/** Formats of an area: `palette[i]` for each cell, rows as [index, count, index, count…]. */
export interface SavedFormats {
  address: string;
  palette: OfficeFormat[];
  rows: number[][];
}

export interface LookSnapshot {
  formats: SavedFormats | null;
  /** Rows 1 to heights.length: height in points, or null for the standard height. */
  heights: (number | null)[];
  page: PageSnapshot | null;
}

/** A sheet to save: its used area (null if empty), the last row the write will touch, and whether it prints. */
export interface LookTarget {
  ws: Excel.Worksheet;
  used: CellRange | null;
  lastRow: number;
  print: boolean;
}

const EDGES: [keyof Excel.CellBorderCollection, OfficeEdge][] = [
  ['top', 'EdgeTop'],
  ['bottom', 'EdgeBottom'],
  ['left', 'EdgeLeft'],
  ['right', 'EdgeRight'],
];

/** A cell's format as getCellProperties gives it, in the terms the adapter sets it. */
export function formatOf(p: Excel.CellProperties): OfficeFormat {
  const f = p.format ?? {};
  const font = f.font ?? {};
  const borders: OfficeFormat['borders'] = {};
  for (const [edge, office] of EDGES) {
    const b = f.borders?.[edge];
    if (b && b.style && b.style !== 'None') borders[office] = { style: b.style, ...(b.weight ? { weight: b.weight } : {}), color: b.color ?? '#000000' };
  }
  return {
    font: { name: font.name, size: font.size, color: font.color, bold: font.bold, italic: font.italic, underline: font.underline, strikethrough: font.strikethrough },
    // « No fill » and white both read as #FFFFFF; the pattern tells them apart.
    ...(f.fill && f.fill.pattern !== 'None' ? { fill: f.fill.color } : {}),
    ...(Object.keys(borders).length ? { borders } : {}),
    horizontalAlignment: f.horizontalAlignment,
    verticalAlignment: f.verticalAlignment,
    wrapText: f.wrapText,
    locked: f.protection?.locked,
  };
}

export function encodeFormats(address: string, cells: Excel.CellProperties[][]): SavedFormats {
  const palette: OfficeFormat[] = [];
  const index = new Map<string, number>();
  const rows = cells.map((line) => {
    const runs: number[] = [];
    for (const cell of line) {
      const f = formatOf(cell);
      const k = JSON.stringify(f);
      let i = index.get(k);
      if (i === undefined) {
        i = palette.length;
        palette.push(f);
        index.set(k, i);
      }
      if (runs.length && runs[runs.length - 2] === i) runs[runs.length - 1]++;
      else runs.push(i, 1);
    }
    return runs;
  });
  return { address, palette, rows };
}

export function decodeFormats(saved: SavedFormats): Map<number, Map<number, OfficeFormat>> {
  const area = parseArea(saved.address)!;
  const out = new Map<number, Map<number, OfficeFormat>>();
  saved.rows.forEach((runs, i) => {
    const cols = new Map<number, OfficeFormat>();
    let col = area.left;
    for (let k = 0; k < runs.length; k += 2) for (let n = 0; n < runs[k + 1]; n++) cols.set(col++, saved.palette[runs[k]]);
    out.set(area.top + i, cols);
  });
  return out;
}

/**
 * Reads what the targets look like now: formats, row heights and print setup in one round trip
 * (more only for formats past the payload budget), one more for the rows of page breaks if there
 * are some.
 */
export async function readLooks(context: Excel.RequestContext, targets: LookTarget[], budgetBytes: number): Promise<LookSnapshot[]> {
  if (targets.length === 0) return [];
  let rows: OfficeExtension.ClientResult<Excel.RowProperties[]>[] = [];
  let pages: (PageLoad | null)[] = [];
  const queueLoads = () => {
    rows = targets.map((t) => t.ws.getRange(`1:${Math.max(t.lastRow, t.used?.bottom ?? 0, 1)}`).getRowProperties({ format: { rowHeight: true, useStandardHeight: true } }));
    pages = targets.map((t) => (t.print ? loadPageSetup(t.ws) : null));
  };
  queueLoads();
  const requests: ReadRequest[] = targets.flatMap((t, i) => (t.used ? [{ ws: t.ws, area: t.used, tag: i }] : []));
  const pieces = await readRanges(context, requests, ['formats'], { budgetBytes, requeue: queueLoads });
  if (requests.length === 0) await context.sync();
  const breakCells = pages.map((p) => p?.queueBreakCells() ?? false);
  if (breakCells.some(Boolean)) await context.sync();
  return targets.map((t, i) => ({
    formats: t.used ? encodeFormats(areaAddress(t.used), joinPieces(pieces, i)) : null,
    heights: rows[i].value.map((r) => (r.format?.useStandardHeight ? null : (r.format?.rowHeight ?? null))),
    page: pages[i]?.resolve() ?? null,
  }));
}

function joinPieces(pieces: ReadPiece[], tag: number): Excel.CellProperties[][] {
  return pieces.filter((p) => p.tag === tag).sort((a, b) => a.area.top - b.area.top).flatMap((p) => p.data.formats as Excel.CellProperties[][]);
}

/** Queues emptying a sheet's formats and heights before it is rewritten or given back (after its cells are cleared). */
export function queueClearLook(batches: PayloadBatches, ws: () => Excel.Worksheet, box: CellRange | null, lastRow: number): void {
  if (box) {
    const address = areaAddress(box);
    batches.add(() => ws().getRange(address).clear('Formats' as Excel.ClearApplyTo));
  }
  queueStandardHeights(batches, ws, 1, lastRow);
}

/** Queues a saved look back on a sheet emptied by queueClearLook. */
export function queueLookRestore(batches: PayloadBatches, ws: () => Excel.Worksheet, s: LookSnapshot, usedArea: string | null): void {
  if (s.formats) queueFormats(batches, ws, formatBlocks(decodeFormats(s.formats)));
  const heights: Record<number, number> = {};
  s.heights.forEach((h, i) => {
    if (h !== null) heights[i + 1] = h;
  });
  queueRowHeights(batches, ws, heights);
  if (s.page) queuePageRestore(batches, ws, s.page, usedArea);
}
