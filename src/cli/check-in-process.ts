import { promises as fs } from 'fs';
import * as vm from 'vm';
import type { OptionOverrides } from '../domain/workbook';
import { type FileResult, checkFileBytes } from './check-file';
import { readZipDirectoryRecords } from '../adapters/xlsx/zip-directory';
import { MAX_ZIP_ENTRIES } from '../adapters/xlsx/reader/zip-archive';
import { IN_PROCESS_MAX_FILE_BYTES, IN_PROCESS_MAX_UNCOMPRESSED_BYTES } from './check-pool';

/**
 * One small file checked in this thread, without a worker: starting a worker (a second V8 and
 * Node, loading the reader and the engine again) costs more than checking an annex workbook. The
 * per-file limits still hold, another way:
 * - memory: only a file whose parts inflate to at most IN_PROCESS_MAX_UNCOMPRESSED_BYTES is
 *   checked here (the archive's declared sizes, which the reader enforces as it inflates); a check
 *   holds about 50 times its sheets' XML at its peak (bench/memory-200k.ts), so well under the
 *   worker's heap limit;
 * - time: reading and checking are one synchronous call, run under the V8 watchdog of `vm`
 *   (`timeout`), which stops it wherever it is, as terminating a worker would.
 * Anything larger goes to a worker as before (null).
 */

export interface InProcessCheck {
  file: string;
  overrides: OptionOverrides;
  maxFileBytes?: number;
  maxUncompressedBytes?: number;
  summary?: boolean;
  timeoutMs: number;
}

/** The file's result, or null when it is too large to be checked here (or cannot be read here: the worker says why). */
export async function checkInThisThread(c: InProcessCheck, timedOut: (file: string, timeoutMs: number) => FileResult): Promise<FileResult | null> {
  let bytes: Buffer;
  try {
    const stat = await fs.stat(c.file);
    if (!stat.isFile() || stat.size > Math.min(IN_PROCESS_MAX_FILE_BYTES, c.maxFileBytes ?? Infinity)) return null;
    bytes = await fs.readFile(c.file);
  } catch {
    return null;
  }
  if (declaredSize(bytes) > IN_PROCESS_MAX_UNCOMPRESSED_BYTES) return null;
  const check = () => checkFileBytes(c.file, bytes, c.overrides, c.maxUncompressedBytes, { summary: c.summary });
  try {
    return vm.runInNewContext('check()', { check }, { timeout: c.timeoutMs }) as FileResult;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') return timedOut(c.file, c.timeoutMs);
    throw e;
  }
}

/** What the archive says its parts inflate to; 0 when it is no zip that can be read (the reader says why, quickly). */
function declaredSize(bytes: Uint8Array): number {
  try {
    return readZipDirectoryRecords(bytes, MAX_ZIP_ENTRIES).entries.reduce((sum, e) => sum + e.uncompressedSize, 0);
  } catch {
    return 0;
  }
}
