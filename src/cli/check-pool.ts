import { statSync } from 'fs';
import * as os from 'os';
import type { OptionOverrides } from '../domain/workbook';
import type { FileResult } from './check-file';
import { type CheckJob, type CheckJobResult, overridesToWire, unreadableResult } from './check-job';
import { CheckWorker, type WorkerLimits, memoryLimitMb, prewarmCheckWorker as prewarm, releaseSpareWorker, takeSpareWorker } from './check-worker-handle';
import type { Target } from './collect-files';

/**
 * Checks files in worker threads, each file under a limit of time and memory, whatever the size of
 * the batch: a file that hangs, crashes its worker or exhausts its memory gets an "unreadable"
 * result naming it, its worker is replaced, and the other files carry on. The main thread stays
 * thin (it never loads the reader or the engine) and results come back in input order. One small
 * file alone is checked in this thread, under the same limits (check-in-process.ts).
 */
export interface PoolSettings {
  overrides: OptionOverrides;
  maxFileBytes?: number;
  maxUncompressedBytes?: number;
  /** Files checked at the same time. Default: see defaultJobs (one worker unless more are measured faster). */
  jobs?: number;
  /** A file taking longer than this is abandoned (default: fileTimeoutMs of its size). */
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

const BASE_TIMEOUT_MS = 120_000;
/**
 * Per Mo of file on disk: the 200 000-row workbook (9 Mo) takes about 15 s on an idle core, and several
 * times that on a loaded 2-core machine. The limit is there for files that hang, not for big ones.
 */
const TIMEOUT_MS_PER_MB = 20_000;

/** The time a file may take by default: two minutes, plus 20 s per Mo of file. */
export function fileTimeoutMs(file: string): number {
  let size = 0;
  try {
    size = statSync(file).size;
  } catch {
    // unreadable: the worker will say why, quickly
  }
  return BASE_TIMEOUT_MS + Math.ceil((size / (1024 * 1024)) * TIMEOUT_MS_PER_MB);
}
/** One file up to this size on disk, inflating to at most the next figure, is checked without a worker (check-in-process.ts). */
export const IN_PROCESS_MAX_FILE_BYTES = 2 * 1024 * 1024;
export const IN_PROCESS_MAX_UNCOMPRESSED_BYTES = 8 * 1024 * 1024;

/**
 * Whether a check of these arguments may need a worker: not when they name one small file and
 * nothing else that exists (option values are no files). A guess made before the arguments are
 * parsed, to start the worker early or not; either way the check is right, only its speed differs.
 */
export function mayNeedWorker(args: string[]): boolean {
  let files = 0;
  for (const a of args) {
    if (a.startsWith('-')) continue;
    try {
      const st = statSync(a);
      if (st.isDirectory() || st.size > IN_PROCESS_MAX_FILE_BYTES) return true;
      if (st.isFile()) files++;
    } catch {
      // not a path: an option's value
    }
  }
  return files !== 1;
}

/** Below this many files a second worker never pays for its start and its own JIT warm-up. */
export const MIN_FILES_FOR_WORKERS = 24;
/** Workers that die before checking anything: after this many, the rest is checked in this thread. */
const MAX_FAILED_STARTS = 3;

export function availableCores(): number {
  return Math.max(1, typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length);
}

/**
 * Workers for a batch of `files` files when --jobs is not given. Each worker warms up its own JIT
 * (on the 101-file batch, about as much CPU as checking half the files warm), so a second one is
 * faster only on a core nobody else uses: measured on 2 cores (bench/batch-review.ts), two workers
 * on a busy machine were 1.3 times slower than one. So: one worker, and one more per idle core
 * (cores minus the load average) for batches of MIN_FILES_FOR_WORKERS files or more.
 */
export function defaultJobs(files: number, load = os.loadavg()[0], cores = availableCores()): number {
  if (files < MIN_FILES_FOR_WORKERS) return 1;
  const idle = Math.round(cores - load);
  return Math.max(1, Math.min(idle, 4, Math.floor(files / MIN_FILES_FOR_WORKERS)));
}

export { memoryLimitMb };

/** Starts a worker for these settings now (see check-worker-handle.ts): checkFiles will take it. */
export function prewarmCheckWorker(s: Pick<PoolSettings, 'maxUncompressedBytes' | 'memoryMb' | 'workerEntry'>): void {
  prewarm(limitsOf(s), s.workerEntry);
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
  if (queue.length === 1 && s.workerEntry === undefined) {
    // One file: a small one is checked in this thread, under the same limits (check-in-process.ts).
    const i = queue[0];
    const file = targets[i].file;
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the engine loads only when needed
    const { checkInThisThread } = require('./check-in-process') as typeof import('./check-in-process');
    const r = await checkInThisThread(
      { file, overrides: s.overrides, maxFileBytes: s.maxFileBytes, maxUncompressedBytes: s.maxUncompressedBytes, summary: s.summary, timeoutMs: s.timeoutMs ?? fileTimeoutMs(file) },
      (f, ms) => crashed(f, timedOutWhy(ms)),
    );
    if (r) {
      releaseSpareWorker();
      finish(i, r);
      queue.length = 0;
    }
  }
  if (queue.length > 0) {
    const jobs = Math.max(1, Math.min(s.jobs ?? defaultJobs(queue.length), queue.length));
    await runWorkers(targets, [...queue], jobs, s, finish);
  }
  releaseSpareWorker();
  const left = queue.filter((i) => !results[i]);
  if (left.length) {
    // No worker could start here: the files are checked in this thread, each still under its time
    // limit (check-in-process.ts), its memory bounded only by this process's heap.
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the engine loads only when needed
    const { checkInThisThread } = require('./check-in-process') as typeof import('./check-in-process');
    for (const i of left) {
      const file = targets[i].file;
      const c = { file, overrides: s.overrides, maxFileBytes: s.maxFileBytes, maxUncompressedBytes: s.maxUncompressedBytes, summary: s.summary, timeoutMs: s.timeoutMs ?? fileTimeoutMs(file), anySize: true };
      finish(i, (await checkInThisThread(c, (f, ms) => crashed(f, timedOutWhy(ms)))) as FileResult);
    }
  }
  return results;
}

function limitsOf(s: Pick<PoolSettings, 'maxUncompressedBytes' | 'memoryMb'>): WorkerLimits {
  return { memoryMb: s.memoryMb ?? memoryLimitMb(s.maxUncompressedBytes) };
}

function runWorkers(targets: Target[], queue: number[], count: number, s: PoolSettings, finish: (i: number, r: FileResult) => void): Promise<void> {
  const overrides = overridesToWire(s.overrides);
  const limits = limitsOf(s);
  let failedStarts = 0;
  let running = 0;
  return new Promise((resolve) => {
    const start = () => {
      let worker: CheckWorker;
      try {
        worker = takeSpareWorker(s.workerEntry, limits) ?? new CheckWorker(s.workerEntry, limits);
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
        const timeoutMs = s.timeoutMs ?? fileTimeoutMs(targets[i].file);
        timer = setTimeout(() => {
          fail(timedOutWhy(timeoutMs));
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

function timedOutWhy(timeoutMs: number): string {
  return `le contrôle a dépassé ${Math.round(timeoutMs / 1000)} s et a été interrompu ; l’option --max-time accorde plus de temps`;
}

function crashed(file: string, why: string): FileResult {
  return unreadableResult(
    file,
    `Le fichier « ${file} » n'a pas pu être contrôlé (${why}). Les autres fichiers ont été contrôlés ; merci de signaler ce fichier à l'équipe.`,
  );
}
