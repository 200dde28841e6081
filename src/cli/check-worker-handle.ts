import { existsSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Worker } from 'worker_threads';
import type { CheckJob, CheckJobResult } from './check-job';

export interface WorkerLimits {
  /** V8 old-generation heap, in Mo: past it the worker is stopped (ERR_WORKER_OUT_OF_MEMORY). */
  memoryMb: number;
}

export interface WorkerEvents {
  /** Modules loaded: files may be sent. */
  ready: () => void;
  result: (m: CheckJobResult) => void;
  /** The thread ended (terminated, crashed, or out of memory: `error` says why). */
  exit: (code: number, error: (Error & { code?: string }) | undefined) => void;
}

/**
 * One check worker thread. Events that happen before anyone listens (a prewarmed worker gets ready
 * while the main thread is still collecting files) are replayed to the listener.
 */
export class CheckWorker {
  ready = false;
  exited = false;
  private exitCode = 0;
  private error: (Error & { code?: string }) | undefined;
  private events: WorkerEvents | undefined;
  private readonly worker: Worker;

  constructor(
    private readonly entry: string | undefined,
    private readonly limits: WorkerLimits,
  ) {
    this.worker = spawnWorker(entry, limits);
    this.worker.on('message', (m: CheckJobResult | { ready: true }) => {
      if ('ready' in m) {
        this.ready = true;
        this.events?.ready();
      } else this.events?.result(m);
    });
    this.worker.on('error', (e: Error & { code?: string }) => {
      this.error = e;
    });
    this.worker.on('exit', (code) => {
      this.exited = true;
      this.exitCode = code;
      this.events?.exit(code, this.error);
    });
  }

  listen(events: WorkerEvents): void {
    this.events = events;
    if (this.exited) events.exit(this.exitCode, this.error);
    else if (this.ready) events.ready();
  }

  post(job: CheckJob): void {
    this.worker.postMessage(job);
  }

  terminate(): void {
    void this.worker.terminate();
  }

  /** A prewarmed worker does not keep the process alive until it is used. */
  unref(): void {
    this.worker.unref();
  }

  ref(): void {
    this.worker.ref();
  }

  sameAs(entry: string | undefined, limits: WorkerLimits): boolean {
    return entry === this.entry && limits.memoryMb === this.limits.memoryMb;
  }
}

/**
 * The heap a check may use. At its peak a check holds about 14 times the sheets' inflated XML
 * (bench/memory-200k.ts: the grid 2.6 times, the tables and findings the rest, and the garbage not
 * yet collected), so the limit follows the uncompressed-size limit (16 times), 1 Go at least.
 */
export function memoryLimitMb(maxUncompressedBytes = 100 * 1024 * 1024): number {
  return Math.max(1024, Math.ceil((16 * maxUncompressedBytes) / (1024 * 1024)));
}

let spare: CheckWorker | undefined;

/**
 * Starts a worker now, so that it loads the reader and the engine while this thread loads the
 * command and collects the files; the next check takes it (takeSpareWorker) or it is released.
 */
export function prewarmCheckWorker(limits: WorkerLimits = { memoryMb: memoryLimitMb() }, entry?: string): void {
  if (spare) return;
  try {
    spare = new CheckWorker(entry, limits);
    spare.unref();
  } catch {
    spare = undefined; // the pool will try again, then fall back to this thread
  }
}

/** The prewarmed worker, if it was made for the same entry and limits and has not died. */
export function takeSpareWorker(entry: string | undefined, limits: WorkerLimits): CheckWorker | undefined {
  const w = spare;
  spare = undefined;
  if (!w) return undefined;
  if (w.exited || !w.sameAs(entry, limits)) {
    w.terminate();
    return undefined;
  }
  w.ref();
  return w;
}

/** Ends the prewarmed worker, if nobody took it. */
export function releaseSpareWorker(): void {
  spare?.terminate();
  spare = undefined;
}

/**
 * The compiled worker next to this module; from the TypeScript sources (tests), the worker compiles
 * its modules on the fly with the TypeScript compiler, which only the development install has, and
 * keeps what it compiled in a cache keyed by the sources (so later workers start fast).
 */
function spawnWorker(workerEntry: string | undefined, limits: WorkerLimits): Worker {
  const entry = workerEntry ?? path.join(__dirname, `check-worker${path.extname(__filename)}`);
  if (!existsSync(entry)) throw new Error(`worker module ${entry} not found`);
  const resourceLimits = { maxOldGenerationSizeMb: limits.memoryMb };
  if (!entry.endsWith('.ts')) return new Worker(entry, { resourceLimits });
  const cacheDir = path.join(os.tmpdir(), `annexes-worker-ts-${typeof process.getuid === 'function' ? process.getuid() : 'user'}`);
  return new Worker(TS_BOOTSTRAP, { eval: true, resourceLimits, workerData: { entry, typescript: require.resolve('typescript'), cacheDir } });
}

const TS_BOOTSTRAP = `
const { workerData, threadId } = require('worker_threads');
const fs = require('fs');
const path = require('path');
const crypto = require('crypto');
let ts;
const options = { module: 1 /* CommonJS */, target: 9 /* ES2022 */, esModuleInterop: true, isolatedModules: true };
require.extensions['.ts'] = function (module, filename) {
  const source = fs.readFileSync(filename, 'utf8');
  const key = crypto.createHash('sha1').update(JSON.stringify(options)).update(filename).update('\\0').update(source).digest('hex');
  const cached = path.join(workerData.cacheDir, key + '.js');
  let code;
  try {
    code = fs.readFileSync(cached, 'utf8');
  } catch {
    ts = ts || require(workerData.typescript);
    code = ts.transpileModule(source, { fileName: filename, compilerOptions: options }).outputText;
    try {
      fs.mkdirSync(workerData.cacheDir, { recursive: true });
      const tmp = cached + '.' + process.pid + '.' + threadId + '.tmp';
      fs.writeFileSync(tmp, code);
      fs.renameSync(tmp, cached);
    } catch {
      // no cache: the next worker compiles again
    }
  }
  module._compile(code, filename);
};
require(workerData.entry);
`;
