/**
 * A fake of the `Excel` global over an in-memory Grid: `run`, a request context with `workbook`
 * (worksheets, names, functions, application) and `sync()`. It backs the adapter's unit tests and
 * the browser harness, so the pane runs the very code it runs in Excel. Round trips are recorded in
 * `syncs`; `faults` makes chosen round trips fail part-way or never answer; `user` does what a
 * person does in Excel between two add-in actions.
 */
import type { Grid } from '../../../layout/grid';
import { type FakeHost, FakeContext, type InjectedFault, type SyncRecord } from './fake-context';
import { FakeEventHub, FakeEvents } from './fake-events';
import { FakeFunctions } from './fake-functions';
import { FakeNamedItemCollection } from './fake-names';
import { FakeUser } from './fake-user';
import { FakeWorksheetCollection } from './fake-worksheet';
import { FakeWorkbookModel } from './fake-workbook-model';

/** Excel on the web refuses requests and responses above 5 MB (resource limits, Excel add-ins). */
export const EXCEL_WEB_PAYLOAD_LIMIT = 5 * 1024 * 1024;

export class FakeApplication {
  constructor(private readonly context: FakeContext) {}

  suspendApiCalculationUntilNextSync(): void {
    this.context.enqueue(() => this.context.noteSuspended(), 64);
  }

  calculate(_calculationType: string): void {
    this.context.enqueue(() => this.context.model.recalculate(true), 64);
  }
}

export class FakeWorkbook {
  readonly worksheets: FakeWorksheetCollection;
  readonly application: FakeApplication;
  readonly names: FakeNamedItemCollection;
  readonly functions: FakeFunctions;

  constructor(context: FakeContext, events: FakeEventHub) {
    this.worksheets = new FakeWorksheetCollection(context, new FakeEvents(context, events));
    this.application = new FakeApplication(context);
    this.names = new FakeNamedItemCollection(context);
    this.functions = new FakeFunctions(context);
  }
}

export class FakeRequestContext {
  readonly workbook: FakeWorkbook;

  constructor(
    private readonly inner: FakeContext,
    events: FakeEventHub,
  ) {
    this.workbook = new FakeWorkbook(inner, events);
  }

  sync(): Promise<void> {
    return this.inner.sync();
  }
}

export class FakeExcel implements FakeHost {
  readonly model: FakeWorkbookModel;
  readonly syncs: SyncRecord[] = [];
  maxPayloadBytes = EXCEL_WEB_PAYLOAD_LIMIT;
  maxResponseBytes = EXCEL_WEB_PAYLOAD_LIMIT;
  readonly faults: InjectedFault[] = [];
  readonly events = new FakeEventHub();
  readonly user: FakeUser;
  /** Excel.run calls, to tell "one batch per action" from many small ones. */
  runs = 0;
  private readonly listeners = new Set<() => void>();

  constructor(grid: Grid) {
    this.model = new FakeWorkbookModel(grid);
    this.model.pendingEvents.length = 0; // opening the workbook is no change
    this.user = new FakeUser(this.model, () => {
      this.deliverEvents();
      for (const listener of this.listeners) listener();
    });
  }

  get syncCount(): number {
    return this.syncs.length;
  }

  /** Excel.run: the batch, then a last round trip for whatever it left queued. */
  async run<T>(batch: (context: FakeRequestContext) => Promise<T>): Promise<T> {
    this.runs++;
    const inner = new FakeContext(this);
    try {
      const result = await batch(new FakeRequestContext(inner, this.events));
      if (inner.pending > 0) await inner.sync();
      return result;
    } finally {
      inner.close();
      for (const listener of this.listeners) listener();
    }
  }

  deliverEvents(): void {
    this.events.deliver(this.model.pendingEvents.splice(0));
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
