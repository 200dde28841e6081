/**
 * The floor: what reading a workbook cannot go below — inflating every part of the archive with
 * zlib and scanning the bytes of its sheets and shared strings once (counting their tags). The
 * reader is judged against it (issue 14: the batch within 4 times the floor).
 */
import { readFileSync } from 'fs';
import { inflateRawSync } from 'zlib';
import { entryDataOffset, readZipDirectory } from '../../src/adapters/xlsx/zip-directory';

const SCANNED = /^xl\/(worksheets\/[^/]+\.xml|sharedStrings\.xml)$/i;

/** Tags counted in the file's sheets and shared strings; -1 when it is no zip. */
export function floorRead(file: string): number {
  const buf = readFileSync(file);
  let entries;
  try {
    entries = readZipDirectory(buf, 10_000);
  } catch {
    return -1;
  }
  let tags = 0;
  for (const e of entries) {
    if (e.name.endsWith('/')) continue;
    const start = entryDataOffset(buf, e);
    const data = buf.subarray(start, start + e.compressedSize);
    const bytes = e.method === 8 ? inflateRawSync(data) : data;
    if (!SCANNED.test(e.name)) continue;
    for (let p = bytes.indexOf(0x3c); p >= 0; p = bytes.indexOf(0x3c, p + 1)) tags++;
  }
  return tags;
}
