/// <reference types="office-js" />
/**
 * Reads cell properties of many areas within Excel's limits: each area is cut into row chunks of at
 * most 5 000 000 cells, and chunks are packed into round trips whose estimated answer stays under
 * the payload budget. The estimate learns from each answer (bytes per cell actually received); an
 * answer Excel still refuses as too large is read again in halves. A workbook of any size costs as
 * many round trips as its size in 4 MB answers, not one per sheet or per chunk. Loads the caller
 * queued alongside go with the first round trip, or, if Excel refuses it, are queued again
 * (`requeue`) with the next.
 */
import type { CellRange } from '../../layout/grid';
import { PAYLOAD_BUDGET_BYTES, READ_CELLS_LIMIT } from './excel-limits';
import { areaAddress } from './office-address';
import { officeErrorCode } from './office-errors';

/** 'formats': each cell's font, fill, borders, alignment and lock state (Range.getCellProperties, ExcelApi 1.9). */
export type CellProp = 'values' | 'formulas' | 'numberFormat' | 'valueTypes' | 'formats';

/** What 'formats' asks getCellProperties for: the parts of a cell's look the tool sets or a rewrite clears. */
export const FORMAT_PROPERTIES: Excel.CellPropertiesLoadOptions = {
  format: {
    font: { name: true, size: true, color: true, bold: true, italic: true, underline: true, strikethrough: true },
    fill: { color: true, pattern: true },
    borders: { style: true, weight: true, color: true },
    horizontalAlignment: true,
    verticalAlignment: true,
    wrapText: true,
    protection: true,
  },
};

export interface ReadRequest {
  ws: Excel.Worksheet;
  area: CellRange;
  /** The caller's key for the area (a sheet index, an undo area number…). */
  tag: number;
}

export interface ReadPiece {
  tag: number;
  area: CellRange;
  data: Partial<Record<CellProp, unknown[][]>>;
}

export interface ReadOptions {
  budgetBytes?: number;
  maxCells?: number;
  onRound?: (cellsRead: number, cellsTotal: number) => void;
  /** A first guess of the answer's bytes per cell, when the caller knows better (long texts). */
  bytesPerCell?: number;
  /**
   * Queues again the caller's own loads, queued before the read to share its first round trip: a
   * round trip Excel refuses as too large answers none of its loads, so they go with the next one.
   */
  requeue?: () => void;
}

/** A first guess per property and cell ("General", "Double", short numbers; a cell's formats are long); answers correct it. */
const FIRST_GUESS_BYTES: Record<CellProp, number> = { values: 12, formulas: 12, numberFormat: 12, valueTypes: 12, formats: 900 };
/** What one chunk's getRange + load weighs in the request (Office.js sends each as an action). */
const REQUEST_BYTES_PER_CHUNK = 200;
const MAX_RETRIES = 24;
const MIN_BUDGET_BYTES = 16 * 1024;
/** The first round of a large read aims at this fraction of the budget. */
const SAMPLE_FRACTION = 16;

const cellsOf = (a: CellRange) => (a.bottom - a.top + 1) * (a.right - a.left + 1);

export async function readRanges(context: Excel.RequestContext, requests: ReadRequest[], props: CellProp[], options: ReadOptions = {}): Promise<ReadPiece[]> {
  // Halved, for the rest of the read, each time Excel refuses an answer our estimate let through.
  let budget = options.budgetBytes ?? PAYLOAD_BUDGET_BYTES;
  const maxCells = options.maxCells ?? READ_CELLS_LIMIT;
  const total = requests.reduce((n, r) => n + cellsOf(r.area), 0);
  const queue = requests.filter((r) => cellsOf(r.area) > 0).map((r) => ({ ...r, next: r.area.top }));
  const pieces: ReadPiece[] = [];
  let bytesPerCell = options.bytesPerCell ?? props.reduce((n, p) => n + FIRST_GUESS_BYTES[p], 0);
  // A read larger than a sample starts with one: the guess may be far below the cells' real
  // size (long labels), and an answer Excel refuses has cost it the whole answer's work.
  const sample = Math.max(MIN_BUDGET_BYTES, Math.floor(budget / SAMPLE_FRACTION));
  let roundBudget = total * bytesPerCell > sample ? sample : budget;
  const loaded = props.filter((p) => p !== 'formats');
  let read = 0;
  let retries = 0;
  while (queue.length > 0) {
    // One round trip: chunks taken in order until the estimated answer fills the budget.
    const round: { req: ReadRequest; area: CellRange; range: Excel.Range; formats: OfficeExtension.ClientResult<Excel.CellProperties[][]> | null }[] = [];
    let estimate = 0;
    // Many small areas fill the request before the answer: both stay under the budget.
    while (queue.length > 0 && (round.length + 1) * REQUEST_BYTES_PER_CHUNK <= roundBudget) {
      const q = queue[0];
      const width = q.area.right - q.area.left + 1;
      const left = q.area.bottom - q.next + 1;
      const fits = Math.min(Math.floor((roundBudget - estimate) / (width * bytesPerCell)), Math.floor(maxCells / width), left);
      if (fits < 1 && round.length > 0) break;
      const rows = Math.max(1, fits);
      const area = { ...q.area, top: q.next, bottom: q.next + rows - 1 };
      q.next += rows;
      if (q.next > q.area.bottom) queue.shift();
      const range = q.ws.getRange(areaAddress(area));
      if (loaded.length) range.load(loaded.join(','));
      round.push({ req: q, area, range, formats: props.includes('formats') ? range.getCellProperties(FORMAT_PROPERTIES) : null });
      estimate += rows * width * bytesPerCell;
    }
    try {
      await context.sync(); // sync-per-payload-batch
    } catch (e) {
      if (officeErrorCode(e) !== 'ResponsePayloadSizeLimitExceeded' || ++retries > MAX_RETRIES || (round.length === 1 && round[0].area.top === round[0].area.bottom)) throw e;
      // Read that round again in smaller round trips: put its chunks back, aim at half as much.
      queue.unshift(...round.map((c) => ({ ...c.req, area: c.area, next: c.area.top })));
      budget = Math.max(MIN_BUDGET_BYTES, Math.floor(budget / 2));
      roundBudget = Math.min(roundBudget, budget);
      bytesPerCell *= 2;
      options.requeue?.();
      continue;
    }
    let bytes = 0;
    let cells = 0;
    for (const c of round) {
      const data: ReadPiece['data'] = {};
      for (const p of props) {
        data[p] = p === 'formats' ? c.formats!.value : (c.range[p] as unknown[][]);
        bytes += JSON.stringify(data[p]).length;
      }
      cells += cellsOf(c.area);
      pieces.push({ tag: c.req.tag, area: c.area, data });
    }
    // Learn from the answer, with a margin: the next chunks of the same sheet look alike.
    bytesPerCell = Math.max(props.length * 2, Math.ceil((bytes / Math.max(1, cells)) * 1.25));
    read += cells;
    roundBudget = budget;
    options.onRound?.(read, total);
  }
  return pieces;
}
