import { existsSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Worker } from 'worker_threads';
import type { OptionOverrides } from '../domain/workbook';
import { type FileResult, checkFile } from './check-file';
import { type CheckJob, type CheckJobResult, overridesToWire } from './check-job';
import type { Target } from './collect-files';

/**
 * Checks many files on the machine's cores: worker threads each take the next file as soon as
 * they are free; results come back in input order. A file that crashes or hangs its worker gets an
 * "unreadable" result naming it, the worker is replaced, and the other files carry on.
 */
export interface PoolSettings {
  overrides: OptionOverrides;
  maxFileBytes?: number;
  maxUncompressedBytes?: number;
  /**
   * Parallel checks. Default: the available cores, for batches of MIN_FILES_FOR_WORKERS files or
   * more; smaller batches are checked in this thread. 1: always in this thread.
   */
  jobs?: number;
  /** A file taking longer than this is abandoned (default 2 minutes). */
  timeoutMs?: number;
  /** Called as each file is done, in completion order. */
  onResult?: (result: FileResult, done: number, total: number) => void;
  /** Worker module (tests only: a worker that crashes or hangs on purpose). */
  workerEntry?: string;
}

const DEFAULT_TIMEOUT_MS = 120_000;
/**
 * Starting a worker costs about as much as checking a dozen files (it loads ExcelJS and the
 * engine): below this many files, checking them here is faster. --jobs overrides it.
 */
export const MIN_FILES_FOR_WORKERS = 24;
/** Workers that die before checking anything: after this many, the rest is checked in this thread. */
const MAX_FAILED_STARTS = 3;

export function availableCores(): number {
  return Math.max(1, typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length);
}

export async function checkFiles(targets: Target[], s: PoolSettings): Promise<FileResult[]> {
  const results: FileResult[] = new Array(targets.length);
  let done = 0;
  const finish = (i: number, r: FileResult) => {
    results[i] = r;
    s.onResult?.(r, ++done, targets.length);
  };
  const local = async (i: number) => finish(i, await checkFile(targets[i], s.overrides, s.maxFileBytes, s.maxUncompressedBytes));
  const queue: number[] = [];
  for (let i = 0; i < targets.length; i++) {
    if ('problem' in targets[i]) await local(i); // nothing to read: no worker needed
    else queue.push(i);
  }
  const wanted = s.jobs ?? (queue.length >= MIN_FILES_FOR_WORKERS ? availableCores() : 1);
  const jobs = Math.min(wanted, queue.length);
  if (jobs <= 1) {
    for (const i of queue) await local(i);
    return results;
  }
  await runWorkers(targets, queue, jobs, s, finish);
  for (const i of queue) if (!results[i]) await local(i); // left over after repeated worker failures
  return results;
}

function runWorkers(targets: Target[], queue: number[], count: number, s: PoolSettings, finish: (i: number, r: FileResult) => void): Promise<void> {
  const overrides = overridesToWire(s.overrides);
  const timeoutMs = s.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  let failedStarts = 0;
  let running = 0;
  return new Promise((resolve) => {
    const start = () => {
      let worker: Worker;
      try {
        worker = spawnWorker(s.workerEntry);
      } catch {
        failedStarts = MAX_FAILED_STARTS; // no worker can be made here: the rest is checked in this thread
        if (running === 0) resolve();
        return;
      }
      running++;
      // The worker says "ready" once its modules are loaded: dying before that is a start failure
      // (no file is blamed); dying while it holds a file is that file's doing.
      let ready = false;
      let current: number | null = null;
      let stopping = false;
      let lastError: string | undefined;
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
          void worker.terminate();
          return;
        }
        current = i;
        timer = setTimeout(() => {
          fail(`le contrôle a dépassé ${Math.round(timeoutMs / 1000)} s et a été interrompu`);
          stopping = true;
          void worker.terminate();
        }, timeoutMs);
        const job: CheckJob = { index: i, target: targets[i], overrides, maxFileBytes: s.maxFileBytes, maxUncompressedBytes: s.maxUncompressedBytes };
        worker.postMessage(job);
      };
      worker.on('message', (m: CheckJobResult | { ready: true }) => {
        if ('ready' in m) {
          ready = true;
          next();
          return;
        }
        clearTimeout(timer);
        if (m.index === current) {
          current = null;
          finish(m.index, m.result);
        }
        next();
      });
      worker.on('error', (e) => {
        lastError = e.message;
      });
      worker.on('exit', (code) => {
        clearTimeout(timer);
        if (!ready) failedStarts++;
        else if (!stopping) fail(`le processus de contrôle s’est arrêté : ${lastError ?? `code ${code}`}`);
        running--;
        if (queue.length > 0 && failedStarts < MAX_FAILED_STARTS) start();
        else if (running === 0) resolve();
      });
    };
    for (let k = 0; k < count; k++) start();
  });
}

function crashed(file: string, why: string): FileResult {
  return {
    file,
    status: 'unreadable',
    message: `Le fichier « ${file} » n'a pas pu être contrôlé (${why}). Les autres fichiers ont été contrôlés ; merci de signaler ce fichier à l'équipe.`,
    findings: [],
    counts: { error: 0, warning: 0, info: 0 },
  };
}

/**
 * The compiled worker next to this module; from the TypeScript sources (tests), the worker compiles
 * its modules on the fly with the TypeScript compiler, which only the development install has.
 */
function spawnWorker(workerEntry?: string): Worker {
  const entry = workerEntry ?? path.join(__dirname, `check-worker${path.extname(__filename)}`);
  if (!existsSync(entry)) throw new Error(`worker module ${entry} not found`);
  if (!entry.endsWith('.ts')) return new Worker(entry);
  return new Worker(TS_BOOTSTRAP, { eval: true, workerData: { entry, typescript: require.resolve('typescript') } });
}

const TS_BOOTSTRAP = `
const { workerData } = require('worker_threads');
const fs = require('fs');
const ts = require(workerData.typescript);
require.extensions['.ts'] = function (module, filename) {
  const source = fs.readFileSync(filename, 'utf8');
  const out = ts.transpileModule(source, {
    fileName: filename,
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true, isolatedModules: true },
  });
  module._compile(out.outputText, filename);
};
require(workerData.entry);
`;
