/**
 * A fake of the `Excel` global over an in-memory Grid: `run`, a request context with `workbook`
 * (worksheets, application) and `sync()`. It backs the adapter's unit tests and the browser
 * harness, so the pane runs the very code it runs in Excel. Round trips are recorded in `syncs`.
 */
import type { Grid } from '../../../layout/grid';
import { type FakeHost, FakeContext, type SyncRecord } from './fake-context';
import { FakeWorksheetCollection } from './fake-worksheet';
import { FakeWorkbookModel } from './fake-workbook-model';

/** Excel on the web refuses requests above 5 MB; the adapter splits its writes below that. */
export const EXCEL_WEB_PAYLOAD_LIMIT = 5 * 1024 * 1024;

export class FakeApplication {
  constructor(private readonly context: FakeContext) {}

  suspendApiCalculationUntilNextSync(): void {
    this.context.enqueue(() => this.context.noteSuspended(), 64);
  }

  calculate(_calculationType: string): void {
    this.context.enqueue(() => this.context.model.recalculate(), 64);
  }
}

export class FakeWorkbook {
  readonly worksheets: FakeWorksheetCollection;
  readonly application: FakeApplication;

  constructor(context: FakeContext) {
    this.worksheets = new FakeWorksheetCollection(context);
    this.application = new FakeApplication(context);
  }
}

export class FakeRequestContext {
  readonly workbook: FakeWorkbook;

  constructor(private readonly inner: FakeContext) {
    this.workbook = new FakeWorkbook(inner);
  }

  sync(): Promise<void> {
    return this.inner.sync();
  }
}

export class FakeExcel implements FakeHost {
  readonly model: FakeWorkbookModel;
  readonly syncs: SyncRecord[] = [];
  maxPayloadBytes = EXCEL_WEB_PAYLOAD_LIMIT;
  /** Excel.run calls, to tell "one batch per action" from many small ones. */
  runs = 0;
  private readonly listeners = new Set<() => void>();

  constructor(grid: Grid) {
    this.model = new FakeWorkbookModel(grid);
  }

  get syncCount(): number {
    return this.syncs.length;
  }

  /** Excel.run: the batch, then a last round trip for whatever it left queued. */
  async run<T>(batch: (context: FakeRequestContext) => Promise<T>): Promise<T> {
    this.runs++;
    const inner = new FakeContext(this);
    try {
      const result = await batch(new FakeRequestContext(inner));
      if (inner.pending > 0) await inner.sync();
      return result;
    } finally {
      inner.close();
      for (const listener of this.listeners) listener();
    }
  }

  /** Called after every Excel.run (the harness redraws its view of the workbook). */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** Sync count since a mark, for "this action took n round trips". */
  resetCounts(): void {
    this.syncs.length = 0;
    this.runs = 0;
  }
}
