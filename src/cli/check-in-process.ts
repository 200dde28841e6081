import { promises as fs } from 'fs';
import { getHeapStatistics } from 'v8';
import type { OptionOverrides } from '../domain/workbook';
import { type FileResult, checkFileBytes, checkFileBytesFailed } from './check-file';
import { readXlsxFileBytes } from '../adapters/xlsx/read-xlsx';
import { readZipDirectoryRecords } from '../adapters/xlsx/zip-directory';
import { MAX_ZIP_ENTRIES } from '../adapters/xlsx/reader/zip-archive';
import { runWithTimeLimit } from './time-limit';
import { IN_PROCESS_MAX_FILE_BYTES, IN_PROCESS_MAX_UNCOMPRESSED_BYTES } from './check-pool';

/**
 * One small file checked in this thread, without a worker: starting a worker (a second V8 and
 * Node, loading the reader and the engine again) costs more than checking an annex workbook. The
 * per-file limits still hold, another way:
 * - memory: only a file whose parts inflate to at most IN_PROCESS_MAX_UNCOMPRESSED_BYTES is
 *   checked here (the archive's declared sizes: the reader stops any part one byte past its
 *   declared size), and only while this thread's heap has room for PEAK_BYTES_PER_INFLATED_BYTE
 *   times that (several times a check's peak as bench/memory-200k.ts measures it; a heap made
 *   small by NODE_OPTIONS sends the file to a worker, which has its own limit);
 * - time: reading and checking are one synchronous call, run under the V8 watchdog
 *   (time-limit.ts), which stops it wherever it is, as terminating a worker would; the file is then
 *   reported as not checked, with the worker's message. Every module the call uses is loaded
 *   before it starts, so that a stop leaves no module half loaded.
 * Anything larger goes to a worker as before (null). When no worker can be made at all, the pool
 * checks every file here (`anySize`): its time is still bounded, its memory only by the heap.
 */

export interface InProcessCheck {
  file: string;
  overrides: OptionOverrides;
  maxFileBytes?: number;
  maxUncompressedBytes?: number;
  summary?: boolean;
  timeoutMs: number;
  /**
   * No worker can be made here: the file is checked in this thread whatever its size (its time still
   * bounded, its memory only by the process's heap).
   */
  anySize?: boolean;
}

/** What this thread's heap must have free per byte the file's parts inflate to. */
export const PEAK_BYTES_PER_INFLATED_BYTE = 50;

/**
 * The file's result, or null when it is too large to be checked here (or cannot be read here: the
 * worker says why). `check` is checkFileBytes but in tests.
 */
export async function checkInThisThread(
  c: InProcessCheck,
  timedOut: (file: string, timeoutMs: number) => FileResult,
  check: typeof checkFileBytes = checkFileBytes,
): Promise<FileResult | null> {
  let bytes: Buffer | null;
  if (c.anySize) {
    try {
      bytes = await readXlsxFileBytes(c.file, { maxFileBytes: c.maxFileBytes });
    } catch (e) {
      return checkFileBytesFailed(c.file, e);
    }
  } else {
    bytes = await smallFile(c);
    if (!bytes) return null;
  }
  const file = bytes;
  const run = () => check(c.file, file, c.overrides, c.maxUncompressedBytes, { summary: c.summary });
  const r = runWithTimeLimit(run, c.timeoutMs);
  return r.done ? r.value : timedOut(c.file, c.timeoutMs);
}

/** The file's bytes, if it is small enough to be checked in this thread (null: a worker reads it, and says why it cannot). */
async function smallFile(c: InProcessCheck): Promise<Buffer | null> {
  const limit = Math.min(IN_PROCESS_MAX_FILE_BYTES, c.maxFileBytes ?? Infinity);
  let bytes: Buffer;
  try {
    const stat = await fs.stat(c.file);
    if (!stat.isFile() || stat.size > limit) return null;
    bytes = await fs.readFile(c.file);
  } catch {
    return null;
  }
  if (bytes.length > limit) return null; // it grew since its stat
  const declared = declaredSize(bytes);
  return declared > IN_PROCESS_MAX_UNCOMPRESSED_BYTES || !heapHasRoomFor(declared) ? null : bytes;
}

function heapHasRoomFor(inflatedBytes: number): boolean {
  const heap = getHeapStatistics();
  return inflatedBytes * PEAK_BYTES_PER_INFLATED_BYTE <= heap.heap_size_limit - heap.used_heap_size;
}

/** What the archive says its parts inflate to; 0 when it is no zip that can be read (the reader says why, quickly). */
function declaredSize(bytes: Uint8Array): number {
  try {
    return readZipDirectoryRecords(bytes, MAX_ZIP_ENTRIES).entries.reduce((sum, e) => sum + e.uncompressedSize, 0);
  } catch {
    return 0;
  }
}
