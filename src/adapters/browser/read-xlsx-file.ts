/**
 * An .xlsx in the browser → the same Grid the CLI reads, through the same reader
 * (src/adapters/xlsx/reader), inflating with pako instead of Node's zlib, within the CLI's limits.
 * Used by the pane (« Comparer avec une version précédente ») and the harness. Errors are the xlsx
 * adapter's UnreadableWorkbookError: French, naming the file.
 */
import type { Grid } from '../../layout/grid';
import { workbookNotXlsx, workbookTooLarge } from '../xlsx/errors';
import { readXlsxBytes } from '../xlsx/reader/read-grid';
import { DEFAULT_MAX_FILE_BYTES } from '../xlsx/reader/zip-archive';
import { pakoInflateRaw } from './pako-inflate';

export interface BrowserReadLimits {
  maxFileBytes?: number;
  maxUncompressedBytes?: number;
}

export function gridFromBytes(data: ArrayBuffer | Uint8Array, label: string, limits: BrowserReadLimits = {}): Grid {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  return readXlsxBytes(bytes, label, { inflateRaw: pakoInflateRaw, maxUncompressedBytes: limits.maxUncompressedBytes });
}

/** A file chosen in an `<input type="file">`: its size checked before a byte is read. */
export async function readChosenXlsx(file: Blob & { name: string }, limits: BrowserReadLimits = {}): Promise<Grid> {
  const max = limits.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  if (file.size > max) throw workbookTooLarge(file.name, file.size, max);
  let data: ArrayBuffer;
  try {
    data = await readBlob(file);
  } catch (e) {
    throw workbookNotXlsx(file.name, e, 'le navigateur n’a pas pu le lire (déplacé ou modifié depuis qu’il a été choisi ?)');
  }
  return gridFromBytes(data, file.name, limits);
}

/** FileReader rather than Blob.arrayBuffer(): the older webviews Office runs add-ins in lack the latter. */
function readBlob(blob: Blob): Promise<ArrayBuffer> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(reader.error ?? new Error('FileReader'));
    reader.readAsArrayBuffer(blob);
  });
}
