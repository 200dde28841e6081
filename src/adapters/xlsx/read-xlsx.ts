/**
 * .xlsx file → Grid in Node (the CLI, the batch review): the file is read whole, within its size
 * limit, and handed to the project's own reader (reader/read-grid.ts) with Node's zlib to inflate.
 * ExcelJS is not involved: it is loaded only where a file is written.
 */
import { promises as fs } from 'fs';
import { inflateRawSync } from 'zlib';
import type { Grid } from '../../layout/grid';
import { UnreadableWorkbookError, workbookNotFound, workbookNotReadable, workbookNotXlsx, workbookTooLarge } from './errors';
import { errnoCode, fsReason } from '../files/fs-errors';
import { readXlsxBytes } from './reader/read-grid';
import { DEFAULT_MAX_FILE_BYTES, type InflateRaw } from './reader/zip-archive';

export { DEFAULT_MAX_FILE_BYTES, DEFAULT_MAX_UNCOMPRESSED_BYTES } from './reader/zip-archive';

export interface ReadLimits {
  /** Size of the file on disk (default DEFAULT_MAX_FILE_BYTES). */
  maxFileBytes?: number;
  /** Size of its parts once inflated: zip bombs (default DEFAULT_MAX_UNCOMPRESSED_BYTES). */
  maxUncompressedBytes?: number;
}

/** zlib, stopping at `limit` bytes: a part lying about its size costs no more than its declared size. */
export const nodeInflateRaw: InflateRaw = (data, limit) => {
  try {
    // One output buffer of the declared size (capped): no chunk list to concatenate for a large sheet.
    return inflateRawSync(data, { maxOutputLength: limit, chunkSize: Math.max(64, Math.min(limit, 64 * 1024 * 1024)) });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') return null;
    throw e;
  }
};

export async function readXlsxFile(path: string, limits?: ReadLimits): Promise<Grid> {
  return readXlsxBufferSync(await readXlsxFileBytes(path, limits), path, limits);
}

/** The bytes of a file to read as a workbook, within its size limit (a French error naming it otherwise). */
export async function readXlsxFileBytes(path: string, limits?: ReadLimits): Promise<Buffer> {
  const max = limits?.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  try {
    const stat = await fs.stat(path);
    if (!stat.isFile()) throw workbookNotXlsx(path);
    if (stat.size > max) throw workbookTooLarge(path, stat.size, max);
    return await fs.readFile(path);
  } catch (e) {
    if (e instanceof UnreadableWorkbookError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw workbookNotFound(path, e);
    if (errnoCode(e)) throw workbookNotReadable(path, fsReason(e), e);
    throw workbookNotXlsx(path, e);
  }
}

export async function readXlsxBuffer(buf: Uint8Array, fileLabel: string, limits?: ReadLimits): Promise<Grid> {
  return readXlsxBufferSync(buf, fileLabel, limits);
}

/** The same, synchronously: reading is CPU work once the bytes are in memory (the check times it as a whole). */
export function readXlsxBufferSync(buf: Uint8Array, fileLabel: string, limits?: ReadLimits): Grid {
  return readXlsxBytes(buf, fileLabel, { inflateRaw: nodeInflateRaw, maxUncompressedBytes: limits?.maxUncompressedBytes });
}
