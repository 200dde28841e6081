/// <reference types="office-js" />
/**
 * Every round trip bounded in time: Excel on the web is known to leave a `context.sync()` without
 * answer at times, and a pane waiting on it would spin for ever. The context handed to the action is
 * the real one behind a Proxy whose `sync` gives up after `timeoutMs` with an ExcelTimeoutError
 * (whatever Excel does later with the request is then unknown: the pane says so).
 */
import { ExcelTimeoutError } from './office-errors';
import type { ExcelApi } from './office-globals';

export function withSyncTimeout(excel: ExcelApi, timeoutMs: number): ExcelApi {
  return {
    run: <T>(batch: (context: Excel.RequestContext) => Promise<T>) =>
      excel.run((context) => {
        const timed = new Proxy(context, {
          get(target, prop) {
            if (prop === 'sync') return () => bounded(target.sync(), timeoutMs);
            const v: unknown = Reflect.get(target, prop, target);
            return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
          },
        });
        return batch(timed);
      }),
  };
}

function bounded<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_resolve, reject) => {
    const seconds = Math.max(1, Math.ceil(ms / 1000));
    timer = setTimeout(() => reject(new ExcelTimeoutError(`Excel n’a pas répondu en ${seconds} seconde${seconds > 1 ? 's' : ''}.`)), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}
