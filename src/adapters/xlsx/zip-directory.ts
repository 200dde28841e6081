/**
 * Reads a zip archive's central directory (the list of its entries with their sizes) without
 * inflating anything, on plain bytes (Node and browser alike). Handles ZIP64 records. Throws
 * ZipFormatError on anything that is not a well-formed directory; zip-archive.ts adds the checks
 * that make the archive unambiguous (one reading only) before any entry is read.
 */
export interface ZipEntry {
  name: string;
  /** 0 = stored, 8 = deflate (the only two an .xlsx uses). */
  method: number;
  compressedSize: number;
  /** As declared by the archive: a crafted file may lie, so the reader also counts what inflates. */
  uncompressedSize: number;
  /** Offset of the entry's local header in the archive. */
  localHeaderOffset: number;
  encrypted: boolean;
  /** General-purpose flags (bit 0 encrypted, bit 3 data descriptor, bit 11 UTF-8 name). */
  flags: number;
  /** The name as stored (bytes), compared with the local header's. */
  rawName: Uint8Array;
  /** Extra-field ids found in the central header (0x7075 renames the entry). */
  extraIds: number[];
  /** Offset of this entry's central header, and its length. */
  centralOffset: number;
  centralLength: number;
}

/** Where the directory is and what the end records declare. */
export interface ZipDirectory {
  entries: ZipEntry[];
  /** Offset and length of the central directory. */
  offset: number;
  size: number;
  /** Offset of the end of central directory record, and of the ZIP64 end record when there is one. */
  eocd: number;
  zip64Eocd?: number;
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

const view = (b: Uint8Array) => new DataView(b.buffer, b.byteOffset, b.byteLength);
const UTF8 = new TextDecoder('utf-8');

export function isZip(buf: Uint8Array): boolean {
  return buf.length >= 4 && view(buf).getUint32(0, true) === LOCAL;
}

/** The entries of a zip archive, from its central directory. */
export function readZipDirectory(buf: Uint8Array, maxEntries: number): ZipEntry[] {
  return readZipDirectoryRecords(buf, maxEntries).entries;
}

/** The central directory with where it lies, for the checks that compare it with the end records. */
export function readZipDirectoryRecords(buf: Uint8Array, maxEntries: number): ZipDirectory {
  const v = view(buf);
  const eocd = findEocd(buf, v);
  let count = v.getUint16(eocd + 10, true);
  let size = v.getUint32(eocd + 12, true);
  let offset = v.getUint32(eocd + 16, true);
  let zip64Eocd: number | undefined;
  const hasLocator = eocd >= 20 && v.getUint32(eocd - 20, true) === ZIP64_LOCATOR;
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff || hasLocator) {
    const z = readZip64Eocd(buf, v, eocd);
    // The ZIP64 record only stands in for the fields the end record could not hold: any field the
    // end record does state must agree with it, or two readers would list two different archives.
    const agree = (small: number, max: number, big: number) => small === max || small === big;
    if (!agree(count, 0xffff, z.count) || !agree(v.getUint16(eocd + 8, true), 0xffff, z.count) || !agree(size, 0xffffffff, z.size) || !agree(offset, 0xffffffff, z.offset)) {
      throw new ZipFormatError('ZIP64 end record disagrees with the end record');
    }
    ({ count, size, offset } = z);
    zip64Eocd = z.at;
  }
  if (count > maxEntries) throw new ZipFormatError(`too many entries: ${count}`);
  if (offset + size > buf.length) throw new ZipFormatError('central directory outside the file');
  const entries: ZipEntry[] = [];
  let p = offset;
  for (let i = 0; i < count; i++) {
    need(buf, p, 46);
    if (v.getUint32(p, true) !== CENTRAL) throw new ZipFormatError(`bad central header at ${p}`);
    const flags = v.getUint16(p + 8, true);
    const nameLen = v.getUint16(p + 28, true);
    const extraLen = v.getUint16(p + 30, true);
    const commentLen = v.getUint16(p + 32, true);
    need(buf, p + 46, nameLen + extraLen + commentLen);
    const rawName = buf.subarray(p + 46, p + 46 + nameLen);
    const entry: ZipEntry = {
      name: UTF8.decode(rawName),
      method: v.getUint16(p + 10, true),
      compressedSize: v.getUint32(p + 20, true),
      uncompressedSize: v.getUint32(p + 24, true),
      localHeaderOffset: v.getUint32(p + 42, true),
      encrypted: (flags & 1) === 1,
      flags,
      rawName,
      extraIds: [],
      centralOffset: p,
      centralLength: 46 + nameLen + extraLen + commentLen,
    };
    applyExtra(entry, buf.subarray(p + 46 + nameLen, p + 46 + nameLen + extraLen));
    entries.push(entry);
    p += entry.centralLength;
  }
  return { entries, offset, size, eocd, zip64Eocd };
}

/** Where an entry's compressed bytes start: after its local header, whose lengths may differ from the central ones. */
export function entryDataOffset(buf: Uint8Array, entry: ZipEntry): number {
  const v = view(buf);
  const p = entry.localHeaderOffset;
  need(buf, p, 30);
  if (v.getUint32(p, true) !== LOCAL) throw new ZipFormatError(`bad local header for ${entry.name}`);
  const start = p + 30 + v.getUint16(p + 26, true) + v.getUint16(p + 28, true);
  if (start + entry.compressedSize > buf.length) throw new ZipFormatError(`${entry.name} is truncated`);
  return start;
}

/** The local header of an entry: its name bytes, method, flags and extra-field ids. */
export function readLocalHeader(buf: Uint8Array, entry: ZipEntry): { rawName: Uint8Array; method: number; flags: number; extraIds: number[]; dataStart: number } {
  const v = view(buf);
  const p = entry.localHeaderOffset;
  const dataStart = entryDataOffset(buf, entry);
  const nameLen = v.getUint16(p + 26, true);
  const extra = buf.subarray(p + 30 + nameLen, dataStart);
  return { rawName: buf.subarray(p + 30, p + 30 + nameLen), method: v.getUint16(p + 8, true), flags: v.getUint16(p + 6, true), extraIds: extraIds(extra), dataStart };
}

function findEocd(buf: Uint8Array, v: DataView): number {
  const floor = Math.max(0, buf.length - EOCD_SEARCH);
  for (let p = buf.length - EOCD_MIN; p >= floor; p--) {
    if (v.getUint32(p, true) === EOCD) return p;
  }
  throw new ZipFormatError('no end of central directory record (truncated file?)');
}

function readZip64Eocd(buf: Uint8Array, v: DataView, eocd: number): { count: number; size: number; offset: number; at: number } {
  const loc = eocd - 20;
  if (loc < 0 || v.getUint32(loc, true) !== ZIP64_LOCATOR) throw new ZipFormatError('missing ZIP64 locator');
  const at = safeNumber(v.getBigUint64(loc + 8, true));
  need(buf, at, 56);
  if (v.getUint32(at, true) !== ZIP64_EOCD) throw new ZipFormatError('bad ZIP64 end record');
  const onDisk = safeNumber(v.getBigUint64(at + 24, true));
  const count = safeNumber(v.getBigUint64(at + 32, true));
  if (onDisk !== count) throw new ZipFormatError('ZIP64 end record: entries on another disk');
  return { count, size: safeNumber(v.getBigUint64(at + 40, true)), offset: safeNumber(v.getBigUint64(at + 48, true)), at };
}

/** Extra fields: ZIP64 sizes (id 1) for the fields set to 0xFFFFFFFF, in this order; every id kept. */
function applyExtra(entry: ZipEntry, extra: Uint8Array): void {
  const v = view(extra);
  const wanted: ('uncompressedSize' | 'compressedSize' | 'localHeaderOffset')[] = [];
  if (entry.uncompressedSize === 0xffffffff) wanted.push('uncompressedSize');
  if (entry.compressedSize === 0xffffffff) wanted.push('compressedSize');
  if (entry.localHeaderOffset === 0xffffffff) wanted.push('localHeaderOffset');
  let found = wanted.length === 0;
  for (let p = 0; p + 4 <= extra.length; ) {
    const id = v.getUint16(p, true);
    const len = v.getUint16(p + 2, true);
    if (p + 4 + len > extra.length) throw new ZipFormatError(`bad extra field for ${entry.name}`);
    entry.extraIds.push(id);
    if (id === 1 && !found) {
      if (len < wanted.length * 8) throw new ZipFormatError(`short ZIP64 extra field for ${entry.name}`);
      wanted.forEach((field, i) => (entry[field] = safeNumber(v.getBigUint64(p + 4 + i * 8, true))));
      found = true;
    }
    p += 4 + len;
  }
  if (!found) throw new ZipFormatError(`missing ZIP64 sizes for ${entry.name}`);
}

function extraIds(extra: Uint8Array): number[] {
  const v = view(extra);
  const ids: number[] = [];
  for (let p = 0; p + 4 <= extra.length; ) {
    const len = v.getUint16(p + 2, true);
    if (p + 4 + len > extra.length) throw new ZipFormatError('bad local extra field');
    ids.push(v.getUint16(p, true));
    p += 4 + len;
  }
  return ids;
}

function safeNumber(n: bigint): number {
  if (n > BigInt(Number.MAX_SAFE_INTEGER)) throw new ZipFormatError('ZIP64 value out of range');
  return Number(n);
}

function need(buf: Uint8Array, at: number, length: number): void {
  if (at < 0 || at + length > buf.length) throw new ZipFormatError('record outside the file');
}
