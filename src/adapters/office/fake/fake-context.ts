/**
 * Office.js's batching, faked: every method call and property write on a proxy is queued; loads
 * are queued too and their results appear only after `context.sync()`. Reading a property that was
 * not loaded, or before the sync that loads it, throws PropertyNotLoaded as Office.js does. Each
 * sync is counted, with the size of what it would have sent and received, so tests can hold the
 * adapter to its budget of round trips and payload.
 */
import { type FakeErrorCode, FakeOfficeError, propertyNotLoaded } from './fake-error';
import type { FakeWorkbookModel } from './fake-workbook-model';

export interface SyncRecord {
  operations: number;
  requestBytes: number;
  responseBytes: number;
  /** application.suspendApiCalculationUntilNextSync() was queued in this round trip. */
  calculationSuspended: boolean;
  /** Cells written (values, formulas or formats) in this round trip. */
  cellWrites: number;
}

/** What a test can make the next round trips do: fail part-way, or never answer. */
export interface InjectedFault {
  /** Chooses the round trip (index since the host was made or reset, and its queued operations). */
  at(info: { index: number; operations: number; writeOperations: number }): boolean;
  /** 'fail': the first `afterOperations` operations run, then the sync rejects; 'hang': it never settles. */
  kind: 'fail' | 'hang';
  afterOperations?: number;
  code?: FakeErrorCode;
}

export interface FakeHost {
  readonly model: FakeWorkbookModel;
  readonly syncs: SyncRecord[];
  maxPayloadBytes: number;
  maxResponseBytes: number;
  readonly faults: InjectedFault[];
  /** Delivers the model's pending change events to the registered handlers, later (asynchronously). */
  deliverEvents(): void;
}

interface QueuedOp {
  run: () => void;
  requestBytes: number;
  writes: boolean;
}

export class FakeContext {
  private queue: QueuedOp[] = [];
  private closed = false;
  private responseBytes = 0;
  private current: SyncRecord | null = null;
  /** What the running round trip will hand back to the proxies: nothing, if Excel refuses the answer. */
  private deliveries: (() => void)[] | null = null;

  constructor(readonly host: FakeHost) {}

  get model(): FakeWorkbookModel {
    return this.host.model;
  }

  enqueue(run: () => void, requestBytes = 64, writes = false): void {
    if (this.closed) throw new FakeOfficeError('InvalidRequestContext', 'Cannot use the object across different request contexts (Excel.run has ended).');
    this.queue.push({ run, requestBytes, writes });
  }

  get pending(): number {
    return this.queue.length;
  }

  /**
   * Runs the queue in order; the first failing operation rejects the sync and drops the rest (the
   * ones before it stay done: Office.js has no rollback). Calculation: automatic after a round trip
   * that wrote, unless suspended in it — then left to application.calculate().
   */
  async sync(): Promise<void> {
    const ops = this.queue;
    this.queue = [];
    const requestBytes = ops.reduce((n, op) => n + op.requestBytes, 0);
    const record: SyncRecord = { operations: ops.length, requestBytes, responseBytes: 0, calculationSuspended: false, cellWrites: 0 };
    const index = this.host.syncs.length;
    this.current = record;
    this.host.syncs.push(record);
    await Promise.resolve(); // a round trip is asynchronous, whatever happens
    const writeOperations = ops.filter((op) => op.writes).length;
    const faultAt = this.host.faults.findIndex((f) => f.at({ index, operations: ops.length, writeOperations }));
    const fault = faultAt >= 0 ? this.host.faults.splice(faultAt, 1)[0] : null;
    if (fault?.kind === 'hang') return new Promise<void>(() => undefined);
    if (requestBytes > this.host.maxPayloadBytes) {
      throw new FakeOfficeError('RequestPayloadSizeLimitExceeded', 'The request payload size has exceeded the limit. Please refer to the documentation: "https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins".');
    }
    this.responseBytes = 0;
    const model = this.model;
    this.deliveries = [];
    try {
      ops.forEach((op, i) => {
        if (fault && i === (fault.afterOperations ?? 0)) throw new FakeOfficeError(fault.code ?? 'GeneralException', 'There was an internal error while processing the request (injected by the test).');
        op.run();
      });
      if (this.responseBytes > this.host.maxResponseBytes) {
        throw new FakeOfficeError('ResponsePayloadSizeLimitExceeded', `The response payload size has exceeded the limit (${this.responseBytes} bytes). Please refer to the documentation: "https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins".`);
      }
      // The answer comes back whole: every load of the round trip is delivered at once.
      for (const deliver of this.deliveries) deliver();
    } finally {
      // A refused round trip answers with its error only: its loads stay unloaded (operations
      // before the failure did run on the host, as Office.js has no rollback).
      this.deliveries = null;
      record.responseBytes = this.responseBytes;
      if (ops.some((op) => op.writes) && !model.suspended) model.recalculate(false);
      model.suspended = false;
      this.host.deliverEvents();
    }
  }

  /** Called by queued operations while they run. */
  noteSuspended(): void {
    this.model.suspended = true;
    if (this.current) this.current.calculationSuspended = true;
  }

  noteCellWrites(n: number): void {
    if (this.current) this.current.cellWrites += n;
  }

  /**
   * Called by queued operations: what a load hands back to its proxy, applied once the round trip's
   * answer arrives (outside a round trip, at once).
   */
  deliver(apply: () => void): void {
    if (this.deliveries) this.deliveries.push(apply);
    else apply();
  }

  addResponse(value: unknown): void {
    this.responseBytes += JSON.stringify(value ?? null).length;
  }

  close(): void {
    this.closed = true;
  }
}

/** Splits "a, b/c" or ["a", "b/c"] into property paths. */
export function loadPaths(spec: string | string[] | undefined): string[] {
  const list = Array.isArray(spec) ? spec : (spec ?? '').split(',');
  const paths = list.map((s) => s.trim()).filter((s) => s !== '');
  if (paths.length === 0) {
    // Office.js would load every scalar property; the fake makes the adapter say what it needs.
    throw new FakeOfficeError('InvalidArgument', 'fake Excel: load() needs the property names to load.');
  }
  return paths;
}

/**
 * Base of every proxy: load bookkeeping, null-object state, and the PropertyNotLoaded rule. A
 * proxy's target is found when its creating operation runs in the queue (not when the JavaScript
 * call is made), exactly as Office.js resolves objects on the host.
 */
export type ProxySource<T> =
  /** Found when the creating operation runs (getItem, getUsedRange…); null makes a null object. */
  | { queued: () => T | null }
  /** Already known (items of a loaded collection). */
  | { value: T }
  /** Whatever its parent resolves to (range.format, range.format.fill). */
  | { derived: () => T };

export abstract class FakeClientObject<T> {
  private readonly loaded = new Map<string, unknown>();
  private proxyState: 'pending' | 'resolved' | 'null' = 'pending';
  /** Whether the add-in has learnt the proxy's state (null object or not): from the answer of its round trip. */
  private known = false;
  private value: T | null = null;
  private readonly derived: (() => T) | null = null;

  constructor(
    readonly context: FakeContext,
    readonly typeName: string,
    source: ProxySource<T>,
  ) {
    if ('queued' in source) {
      context.enqueue(() => {
        this.settle(source.queued());
        context.deliver(() => (this.known = true));
      });
    } else if ('value' in source) {
      this.settle(source.value);
      this.known = true;
    } else {
      this.derived = source.derived;
      this.proxyState = 'resolved';
      this.known = true;
    }
  }

  private settle(v: T | null): void {
    this.value = v;
    this.proxyState = v === null ? 'null' : 'resolved';
  }

  get isNullObject(): boolean {
    if (this.proxyState === 'pending' || !this.known) throw propertyNotLoaded('isNullObject', `${this.typeName}.isNullObject`);
    return this.proxyState === 'null';
  }

  /** The host-side object, for queued operations; a null object cannot be acted on. */
  protected target(): T {
    if (this.derived) return this.derived();
    if (this.proxyState !== 'resolved' || this.value === null) {
      throw new FakeOfficeError('InvalidReference', `This reference is not valid for the current operation (${this.typeName} is a null object).`);
    }
    return this.value;
  }

  load(spec?: string | string[]): this {
    const paths = loadPaths(spec);
    this.context.enqueue(() => this.loadNow(paths));
    return this;
  }

  /** Runs inside a queued operation: reads the live values into the proxy. */
  loadNow(paths: string[]): void {
    // A load's answer also tells whether the object is a null object.
    this.context.deliver(() => (this.known = true));
    const direct: string[] = [];
    const nested = new Map<string, string[]>();
    for (const p of paths) {
      const slash = p.indexOf('/');
      if (slash < 0) direct.push(p);
      else nested.set(p.slice(0, slash), [...(nested.get(p.slice(0, slash)) ?? []), p.slice(slash + 1)]);
    }
    for (const prop of direct) {
      const v = this.proxyState === 'null' ? null : this.readLive(prop);
      this.context.addResponse(v);
      this.context.deliver(() => this.loaded.set(prop, v));
    }
    for (const [nav, rest] of nested) {
      if (this.proxyState === 'null') continue;
      this.navigate(nav).loadNow(rest);
    }
  }

  /** A loaded property, or Office.js's PropertyNotLoaded error. */
  protected get<V>(prop: string): V {
    if (!this.loaded.has(prop)) throw propertyNotLoaded(prop, `${this.typeName}.${prop}`);
    return this.loaded.get(prop) as V;
  }

  /** A queued write of a property or a queued method call. */
  protected queue(run: (target: T) => void, payload: unknown = null, writes = true): void {
    const bytes = 64 + (payload === null ? 0 : JSON.stringify(payload).length);
    this.context.enqueue(() => run(this.target()), bytes, writes);
  }

  /** Live value of a scalar property on the host side. */
  protected abstract readLive(prop: string): unknown;

  /** Child object for "nav/prop" load paths. */
  protected navigate(nav: string): FakeClientObject<unknown> {
    throw new FakeOfficeError('InvalidArgument', `fake Excel: ${this.typeName} has no navigation property "${nav}".`);
  }

  /** A collection's `items/…` load: its items, made now, each loading the rest of the paths. */
  protected loadItems(paths: string[], items: FakeClientObject<unknown>[]): void {
    const itemPaths = paths.map((p) => (p.startsWith('items/') ? p.slice(6) : p));
    for (const item of items) item.loadNow(itemPaths);
    this.setLoaded('items', items);
  }

  /** Loaded state of a child collection item: set directly when the collection is loaded. */
  protected setLoaded(prop: string, v: unknown): void {
    this.context.deliver(() => this.loaded.set(prop, v));
  }
}
