import * as os from 'os';
import type { OptionOverrides } from '../domain/workbook';
import type { FileResult } from './check-file';
import { type CheckJob, type CheckJobResult, overridesToWire, unreadableResult } from './check-job';
import { CheckWorker, type WorkerLimits } from './check-worker-handle';
import type { Target } from './collect-files';

/**
 * Checks files in worker threads, each file under a limit of time and memory, whatever the size of
 * the batch: a file that hangs, crashes its worker or exhausts its memory gets an "unreadable"
 * result naming it, its worker is replaced, and the other files carry on. The main thread stays
 * thin (it never loads the reader or the engine) and results come back in input order.
 */
export interface PoolSettings {
  overrides: OptionOverrides;
  maxFileBytes?: number;
  maxUncompressedBytes?: number;
  /** Files checked at the same time. Default: see defaultJobs (one worker unless more are measured faster). */
  jobs?: number;
  /** A file taking longer than this is abandoned (default 2 minutes). */
  timeoutMs?: number;
  /** Heap (V8 old generation) one file may use, in Mo (default: from maxUncompressedBytes, see memoryLimitMb). */
  memoryMb?: number;
  /** Sum the conventions' amounts of each file (FileResult.summary): the review workbook needs them. */
  summary?: boolean;
  /** Called as each file is done, in completion order. */
  onResult?: (result: FileResult, done: number, total: number) => void;
  /** Worker module (tests only: a worker that crashes or hangs on purpose). */
  workerEntry?: string;
}

const DEFAULT_TIMEOUT_MS = 120_000;
/**
 * A second worker pays for itself only on batches this large, measured on 2 cores (bench/
 * batch-review.ts): below it, one worker checks the batch faster than two start up.
 */
export const MIN_FILES_FOR_WORKERS = 24;
/** Workers that die before checking anything: after this many, the rest is checked in this thread. */
const MAX_FAILED_STARTS = 3;

export function availableCores(): number {
  return Math.max(1, typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length);
}

/** Workers for a batch of `files` files when --jobs is not given. */
export function defaultJobs(files: number): number {
  return files >= MIN_FILES_FOR_WORKERS ? Math.min(availableCores(), 4) : 1;
}

/**
 * The heap a check may use: the reader and the engine need about 12 times a workbook's inflated
 * size (bench/memory-200k.ts), so the limit follows the uncompressed-size limit, 1 Go at least.
 */
export function memoryLimitMb(maxUncompressedBytes = 100 * 1024 * 1024): number {
  return Math.max(1024, Math.ceil((16 * maxUncompressedBytes) / (1024 * 1024)));
}

let spare: CheckWorker | undefined;

/**
 * Starts a worker now, so that it loads the engine while this thread still collects the files; the
 * next checkFiles takes it (or ends it, when there is nothing to check).
 */
export function prewarmCheckWorker(s: Pick<PoolSettings, 'maxUncompressedBytes' | 'memoryMb' | 'workerEntry'>): void {
  if (spare) return;
  try {
    spare = new CheckWorker(s.workerEntry, limitsOf(s));
    spare.unref();
  } catch {
    spare = undefined; // checkFiles will try again, then fall back to this thread
  }
}

export async function checkFiles(targets: Target[], s: PoolSettings): Promise<FileResult[]> {
  const results: FileResult[] = new Array(targets.length);
  let done = 0;
  const finish = (i: number, r: FileResult) => {
    results[i] = r;
    s.onResult?.(r, ++done, targets.length);
  };
  const queue: number[] = [];
  for (let i = 0; i < targets.length; i++) {
    const t = targets[i];
    if ('problem' in t) finish(i, unreadableResult(t.file, t.problem)); // nothing to read
    else queue.push(i);
  }
  if (queue.length > 0) {
    const jobs = Math.max(1, Math.min(s.jobs ?? defaultJobs(queue.length), queue.length));
    await runWorkers(targets, [...queue], jobs, s, finish);
  }
  spare?.terminate();
  spare = undefined;
  const left = queue.filter((i) => !results[i]);
  if (left.length) {
    // No worker could start here: the files are checked in this thread, without the limits.
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the engine loads only when needed
    const { checkFile } = require('./check-file') as typeof import('./check-file');
    for (const i of left) finish(i, await checkFile(targets[i], s.overrides, s.maxFileBytes, s.maxUncompressedBytes, { summary: s.summary }));
  }
  return results;
}

function limitsOf(s: Pick<PoolSettings, 'maxUncompressedBytes' | 'memoryMb'>): WorkerLimits {
  return { memoryMb: s.memoryMb ?? memoryLimitMb(s.maxUncompressedBytes) };
}

function runWorkers(targets: Target[], queue: number[], count: number, s: PoolSettings, finish: (i: number, r: FileResult) => void): Promise<void> {
  const overrides = overridesToWire(s.overrides);
  const timeoutMs = s.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const limits = limitsOf(s);
  let failedStarts = 0;
  let running = 0;
  return new Promise((resolve) => {
    const start = () => {
      let worker: CheckWorker;
      try {
        worker = takeSpare(s, limits) ?? new CheckWorker(s.workerEntry, limits);
      } catch {
        failedStarts = MAX_FAILED_STARTS; // no worker can be made here: the rest is checked in this thread
        if (running === 0) resolve();
        return;
      }
      running++;
      let current: number | null = null;
      let stopping = false;
      let timer: NodeJS.Timeout | undefined;
      const fail = (why: string) => {
        if (current === null) return;
        const i = current;
        current = null;
        finish(i, crashed(targets[i].file, why));
      };
      const next = () => {
        const i = queue.shift();
        if (i === undefined) {
          stopping = true;
          worker.terminate();
          return;
        }
        current = i;
        timer = setTimeout(() => {
          fail(`le contrôle a dépassé ${Math.round(timeoutMs / 1000)} s et a été interrompu`);
          stopping = true;
          worker.terminate();
        }, timeoutMs);
        const job: CheckJob = { index: i, target: targets[i], overrides, maxFileBytes: s.maxFileBytes, maxUncompressedBytes: s.maxUncompressedBytes, summary: s.summary };
        worker.post(job);
      };
      worker.listen({
        ready: next,
        result: (m: CheckJobResult) => {
          clearTimeout(timer);
          if (m.index === current) {
            current = null;
            finish(m.index, m.result);
          }
          next();
        },
        exit: (code, error) => {
          clearTimeout(timer);
          // Dying before "ready" is a start failure (no file is blamed); while holding a file, it is that file's doing.
          if (!worker.ready) failedStarts++;
          else if (!stopping) {
            fail(error?.code === 'ERR_WORKER_OUT_OF_MEMORY' ? `le contrôle a dépassé la mémoire autorisée (${limits.memoryMb} Mo) et a été interrompu` : `le processus de contrôle s’est arrêté : ${error?.message ?? `code ${code}`}`);
          }
          running--;
          if (queue.length > 0 && failedStarts < MAX_FAILED_STARTS) start();
          else if (running === 0) resolve();
        },
      });
    };
    for (let k = 0; k < count; k++) start();
  });
}

/** The prewarmed worker, if it was made for the same entry and limits and has not died. */
function takeSpare(s: PoolSettings, limits: WorkerLimits): CheckWorker | undefined {
  const w = spare;
  spare = undefined;
  if (!w) return undefined;
  if (w.exited || !w.sameAs(s.workerEntry, limits)) {
    w.terminate();
    return undefined;
  }
  w.ref();
  return w;
}

function crashed(file: string, why: string): FileResult {
  return unreadableResult(
    file,
    `Le fichier « ${file} » n'a pas pu être contrôlé (${why}). Les autres fichiers ont été contrôlés ; merci de signaler ce fichier à l'équipe.`,
  );
}
