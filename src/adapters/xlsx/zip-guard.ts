/**
 * Checks an .xlsx archive before ExcelJS opens it. ExcelJS (through JSZip) inflates every part in
 * memory and only then compares sizes, so a zip bomb — a few kilobytes that inflate to gigabytes,
 * possibly declaring false sizes — must be refused here:
 *
 * 1. the central directory's declared sizes must add up to at most `maxUncompressedBytes`;
 * 2. each part is then inflated once, discarding the output, and must inflate to exactly its
 *    declared size: a part that lies stops at its declared size, never beyond the budget.
 *
 * It also tells apart the ways a file is not a workbook, so that the message says which.
 */
import { inflateRawSync } from 'zlib';
import { UnreadableWorkbookError, workbookNotXlsx, workbookTooLargeUncompressed, workbookTooManyParts } from './errors';
import { type ZipEntry, ZipFormatError, entryDataOffset, isZip, readZipDirectory } from './zip-directory';

/** An annex workbook inflates to under 1 Mo; a check needs a heap of about 18 times the inflated size (bench/memory-200k.ts). */
export const DEFAULT_MAX_UNCOMPRESSED_BYTES = 100 * 1024 * 1024;
/** An .xlsx holds a few dozen parts; thousands of them are a crafted archive. */
export const MAX_ZIP_ENTRIES = 10_000;

/** OLE compound file: an encrypted .xlsx (password to open) or an Excel 97-2003 .xls. */
const CFB_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const WORKSHEET = /^xl\/worksheets\/[^/]+\.xml$/;

const DAMAGED = 'le fichier est incomplet ou endommagé (archive zip tronquée ou corrompue)';

export function guardXlsxArchive(buf: Buffer, fileLabel: string, maxUncompressedBytes = DEFAULT_MAX_UNCOMPRESSED_BYTES): void {
  if (buf.subarray(0, CFB_MAGIC.length).equals(CFB_MAGIC)) {
    throw workbookNotXlsx(
      fileLabel,
      new Error('OLE compound file'),
      "il est protégé par un mot de passe à l'ouverture ou enregistré au format Excel 97-2003 (.xls) ; enregistrez-le au format .xlsx, sans mot de passe",
    );
  }
  if (!isZip(buf)) throw workbookNotXlsx(fileLabel, new Error('no zip signature'));
  let entries: ZipEntry[];
  try {
    entries = readZipDirectory(buf, MAX_ZIP_ENTRIES);
  } catch (e) {
    if (e instanceof ZipFormatError && e.message.startsWith('too many entries')) {
      throw workbookTooManyParts(fileLabel, Number(e.message.replace(/\D/g, '')), MAX_ZIP_ENTRIES);
    }
    throw workbookNotXlsx(fileLabel, e, DAMAGED);
  }
  const declared = entries.reduce((sum, e) => sum + e.uncompressedSize, 0);
  if (declared > maxUncompressedBytes) throw workbookTooLargeUncompressed(fileLabel, declared, maxUncompressedBytes);
  const names = new Set(entries.map((e) => e.name));
  if (!names.has('xl/workbook.xml')) {
    throw workbookNotXlsx(fileLabel, new Error('no xl/workbook.xml'), "c'est une archive zip qui ne contient pas de classeur (partie xl/workbook.xml absente)");
  }
  if (![...names].some((n) => WORKSHEET.test(n))) {
    throw workbookNotXlsx(fileLabel, new Error('no worksheet part'), 'il ne contient aucune feuille de calcul');
  }
  if (entries.some((e) => e.encrypted)) {
    throw workbookNotXlsx(fileLabel, new Error('encrypted zip entry'), "l'archive zip est chiffrée");
  }
  verifyInflatedSizes(buf, entries, fileLabel);
}

/** Declared sizes are within the budget (checked before): matching them keeps the real total within it too. */
function verifyInflatedSizes(buf: Buffer, entries: ZipEntry[], fileLabel: string): void {
  for (const entry of entries) {
    if (entry.name.endsWith('/')) continue; // folder entries hold nothing
    let size: number;
    try {
      size = inflatedSize(buf, entry);
    } catch (e) {
      if (e instanceof UnreadableWorkbookError) throw e;
      throw workbookNotXlsx(fileLabel, e, DAMAGED);
    }
    if (size !== entry.uncompressedSize) {
      throw workbookNotXlsx(fileLabel, new Error(`${entry.name}: ${size} bytes, ${entry.uncompressedSize} declared`), DAMAGED);
    }
  }
}

/** Bytes the entry inflates to, stopping one byte past its declared size (a lie costs nothing more). */
function inflatedSize(buf: Buffer, entry: ZipEntry): number {
  const start = entryDataOffset(buf, entry);
  const data = buf.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) return data.length;
  if (entry.method !== 8) throw new ZipFormatError(`${entry.name}: compression method ${entry.method}`);
  try {
    return inflateRawSync(data, { maxOutputLength: entry.uncompressedSize + 1 }).length;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') return entry.uncompressedSize + 1;
    throw e;
  }
}
