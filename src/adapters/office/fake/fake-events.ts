/**
 * Worksheet events, faked: `worksheets.onChanged / onAdded / onDeleted` (ExcelApi 1.9 / 1.7). As in
 * Excel, a handler is registered when its round trip runs, and events arrive after the round trip
 * that caused them, asynchronously — the add-in's own writes included (office-js issue #1122: a
 * "writing now" flag set around a write does not catch them).
 */
import type { FakeContext } from './fake-context';
import type { FakeChangeEvent } from './fake-workbook-model';

type Handler = (args: FakeChangeEvent & { changeType?: string }) => unknown;

export class FakeEventHub {
  private readonly handlers = new Map<FakeChangeEvent['type'], Set<Handler>>();

  register(type: FakeChangeEvent['type'], handler: Handler): () => void {
    let set = this.handlers.get(type);
    if (!set) this.handlers.set(type, (set = new Set()));
    set.add(handler);
    return () => set.delete(handler);
  }

  get handlerCount(): number {
    return [...this.handlers.values()].reduce((n, s) => n + s.size, 0);
  }

  deliver(events: FakeChangeEvent[]): void {
    if (events.length === 0) return;
    setTimeout(() => {
      for (const e of events) {
        for (const h of this.handlers.get(e.type) ?? []) {
          void Promise.resolve()
            .then(() => h({ ...e, ...(e.type === 'WorksheetChanged' ? { changeType: 'RangeEdited' } : {}) }))
            .catch(() => undefined);
        }
      }
    }, 0);
  }
}

export interface FakeEventHandlers {
  add(handler: Handler): { remove(): void };
}

/** The three collection-level events the adapter listens to. */
export class FakeEvents {
  readonly onChanged: FakeEventHandlers;
  readonly onAdded: FakeEventHandlers;
  readonly onDeleted: FakeEventHandlers;

  constructor(context: FakeContext, hub: FakeEventHub) {
    const handlers = (type: FakeChangeEvent['type']): FakeEventHandlers => ({
      add: (handler) => {
        let unregister: (() => void) | null = null;
        context.enqueue(() => (unregister = hub.register(type, handler)));
        return { remove: () => unregister?.() };
      },
    });
    this.onChanged = handlers('WorksheetChanged');
    this.onAdded = handlers('WorksheetAdded');
    this.onDeleted = handlers('WorksheetDeleted');
  }
}
