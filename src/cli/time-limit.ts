import * as vm from 'vm';

/**
 * Runs synchronous work in this thread and stops it wherever it is once its time is up, as
 * terminating a worker would: the V8 watchdog of `vm` (`timeout`) is the only public way to bound
 * synchronous work in the main thread. The script is this module's constant, which calls the work
 * it is given: no text from outside ever reaches `vm` (test/security/no-eval.test.ts allows vm in
 * this module only, with constant scripts).
 */
const CALL = new vm.Script('run()', { filename: 'annexes-time-limit' });

export type TimeLimited<T> = { done: true; value: T } | { done: false };

export function runWithTimeLimit<T>(run: () => T, timeoutMs: number): TimeLimited<T> {
  try {
    return { done: true, value: CALL.runInNewContext({ run }, { timeout: timeoutMs }) as T };
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') return { done: false };
    throw e;
  }
}
