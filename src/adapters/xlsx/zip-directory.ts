/**
 * Reads a zip archive's central directory (the list of its entries with their sizes) without
 * inflating anything: what the xlsx reader needs to refuse a zip bomb before ExcelJS (through
 * JSZip) decompresses it in memory. Handles ZIP64 records. Throws ZipFormatError on anything that
 * is not a well-formed directory.
 */
export interface ZipEntry {
  name: string;
  /** 0 = stored, 8 = deflate (the only two an .xlsx uses). */
  method: number;
  compressedSize: number;
  /** As declared by the archive: a crafted file may lie, so the guard also counts what inflates. */
  uncompressedSize: number;
  /** Offset of the entry's local header in the archive. */
  localHeaderOffset: number;
  encrypted: boolean;
}

export class ZipFormatError extends Error {
  override readonly name = 'ZipFormatError';
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const EOCD_MIN = 22;
/** The EOCD ends the file, after a comment of at most 65 535 bytes. */
const EOCD_SEARCH = EOCD_MIN + 0xffff;

export function isZip(buf: Buffer): boolean {
  return buf.length >= 4 && buf.readUInt32LE(0) === LOCAL;
}

/** The entries of a zip archive, from its central directory. */
export function readZipDirectory(buf: Buffer, maxEntries: number): ZipEntry[] {
  const eocd = findEocd(buf);
  let count = buf.readUInt16LE(eocd + 10);
  let size = buf.readUInt32LE(eocd + 12);
  let offset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
    ({ count, size, offset } = readZip64Eocd(buf, eocd));
  }
  if (count > maxEntries) throw new ZipFormatError(`too many entries: ${count}`);
  if (offset + size > buf.length) throw new ZipFormatError('central directory outside the file');
  const entries: ZipEntry[] = [];
  let p = offset;
  for (let i = 0; i < count; i++) {
    need(buf, p, 46);
    if (buf.readUInt32LE(p) !== CENTRAL) throw new ZipFormatError(`bad central header at ${p}`);
    const flags = buf.readUInt16LE(p + 8);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    need(buf, p + 46, nameLen + extraLen);
    const entry: ZipEntry = {
      name: buf.toString('utf8', p + 46, p + 46 + nameLen),
      method: buf.readUInt16LE(p + 10),
      compressedSize: buf.readUInt32LE(p + 20),
      uncompressedSize: buf.readUInt32LE(p + 24),
      localHeaderOffset: buf.readUInt32LE(p + 42),
      encrypted: (flags & 1) === 1,
    };
    applyZip64Extra(entry, buf.subarray(p + 46 + nameLen, p + 46 + nameLen + extraLen));
    entries.push(entry);
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/** Where an entry's compressed bytes start: after its local header, whose lengths may differ from the central ones. */
export function entryDataOffset(buf: Buffer, entry: ZipEntry): number {
  const p = entry.localHeaderOffset;
  need(buf, p, 30);
  if (buf.readUInt32LE(p) !== LOCAL) throw new ZipFormatError(`bad local header for ${entry.name}`);
  const start = p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28);
  if (start + entry.compressedSize > buf.length) throw new ZipFormatError(`${entry.name} is truncated`);
  return start;
}

function findEocd(buf: Buffer): number {
  const floor = Math.max(0, buf.length - EOCD_SEARCH);
  for (let p = buf.length - EOCD_MIN; p >= floor; p--) {
    if (buf.readUInt32LE(p) === EOCD) return p;
  }
  throw new ZipFormatError('no end of central directory record (truncated file?)');
}

function readZip64Eocd(buf: Buffer, eocd: number): { count: number; size: number; offset: number } {
  const loc = eocd - 20;
  if (loc < 0 || buf.readUInt32LE(loc) !== ZIP64_LOCATOR) throw new ZipFormatError('missing ZIP64 locator');
  const at = safeNumber(buf.readBigUInt64LE(loc + 8));
  need(buf, at, 56);
  if (buf.readUInt32LE(at) !== ZIP64_EOCD) throw new ZipFormatError('bad ZIP64 end record');
  return {
    count: safeNumber(buf.readBigUInt64LE(at + 32)),
    size: safeNumber(buf.readBigUInt64LE(at + 40)),
    offset: safeNumber(buf.readBigUInt64LE(at + 48)),
  };
}

/** ZIP64 extra field (id 1): 64-bit values for the fields set to 0xFFFFFFFF, in this order. */
function applyZip64Extra(entry: ZipEntry, extra: Buffer): void {
  const wanted: ('uncompressedSize' | 'compressedSize' | 'localHeaderOffset')[] = [];
  if (entry.uncompressedSize === 0xffffffff) wanted.push('uncompressedSize');
  if (entry.compressedSize === 0xffffffff) wanted.push('compressedSize');
  if (entry.localHeaderOffset === 0xffffffff) wanted.push('localHeaderOffset');
  if (wanted.length === 0) return;
  for (let p = 0; p + 4 <= extra.length; ) {
    const id = extra.readUInt16LE(p);
    const len = extra.readUInt16LE(p + 2);
    if (id === 1) {
      if (len < wanted.length * 8 || p + 4 + len > extra.length) break;
      wanted.forEach((field, i) => (entry[field] = safeNumber(extra.readBigUInt64LE(p + 4 + i * 8))));
      return;
    }
    p += 4 + len;
  }
  throw new ZipFormatError(`missing ZIP64 sizes for ${entry.name}`);
}

function safeNumber(n: bigint): number {
  if (n > BigInt(Number.MAX_SAFE_INTEGER)) throw new ZipFormatError('ZIP64 value out of range');
  return Number(n);
}

function need(buf: Buffer, at: number, length: number): void {
  if (at < 0 || at + length > buf.length) throw new ZipFormatError('record outside the file');
}
