/// <reference types="office-js" />
/**
 * Queues an action's operations and sends them in as few round trips as the payload allows:
 * one, unless the estimated request passes the limit (Excel on the web refuses requests above
 * 5 MB; we cut at 4 MB to leave room for Office.js's own envelope). Each write batch starts with
 * calculation suspended, since suspension lasts until the next sync only.
 */
import type { CellRange } from '../../layout/grid';
import { areaAddress } from './office-address';

export const DEFAULT_MAX_PAYLOAD_BYTES = 4 * 1024 * 1024;

/** Office.js's own request overhead per operation, roughly. */
const OPERATION_BYTES = 200;

interface Batch {
  ops: (() => void)[];
  bytes: number;
}

export class PayloadBatches {
  private readonly batches: Batch[] = [{ ops: [], bytes: 0 }];

  constructor(private readonly maxBytes = DEFAULT_MAX_PAYLOAD_BYTES) {}

  /**
   * An operation and the data it sends (arrays of values, names), for the size estimate;
   * `operations`: the Office.js calls it makes (a range's format is one call per property set).
   */
  add(op: () => void, data: unknown = null, operations = 1): void {
    const bytes = OPERATION_BYTES * operations + (data === null ? 0 : JSON.stringify(data).length);
    let last = this.batches[this.batches.length - 1];
    if (last.ops.length > 0 && last.bytes + bytes > this.maxBytes) {
      last = { ops: [], bytes: 0 };
      this.batches.push(last);
    }
    last.ops.push(op);
    last.bytes += bytes;
  }

  /**
   * Grids of one area (formulas and number formats…) written in bands of whole rows, each band's
   * data under the request limit: `write` gets the band's address and its rows of each grid.
   */
  addRows<T extends unknown[][]>(area: CellRange, grids: T[], write: (address: string, rows: T[]) => void): void {
    const limit = Math.max(1, this.maxBytes - 2 * OPERATION_BYTES * (grids.length + 1));
    const rows = area.bottom - area.top + 1;
    let start = 0;
    let bytes = 0;
    const flush = (end: number) => {
      const band = grids.map((g) => g.slice(start, end) as T);
      const address = areaAddress({ ...area, top: area.top + start, bottom: area.top + end - 1 });
      this.add(() => write(address, band), band, grids.length + 1);
      start = end;
      bytes = 0;
    };
    for (let i = 0; i < rows; i++) {
      const rowBytes = grids.reduce((n, g) => n + JSON.stringify(g[i] ?? []).length + 1, 0);
      if (i > start && bytes + rowBytes > limit) flush(i);
      bytes += rowBytes;
    }
    if (rows > start) flush(rows);
  }

  get count(): number {
    return this.batches.length;
  }

  /**
   * Queues and syncs each batch in order. The loop syncs once per 4 MB of payload, by design: it is
   * the only sync in a loop in the adapter, and it runs once for any annex workbook.
   */
  async send(context: Excel.RequestContext, options: { suspendCalculation: boolean; onBatch?: (done: number, total: number) => void }): Promise<number> {
    let syncs = 0;
    for (const batch of this.batches) {
      if (batch.ops.length === 0) continue;
      if (options.suspendCalculation) context.workbook.application.suspendApiCalculationUntilNextSync();
      for (const op of batch.ops) op();
      await context.sync(); // sync-per-payload-batch
      syncs++;
      options.onBatch?.(syncs, this.batches.length);
    }
    return syncs;
  }
}
