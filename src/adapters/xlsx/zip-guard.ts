/**
 * The archive checks alone, without building a grid (tests and benchmarks): everything the reader
 * refuses before reading (reader/zip-archive.ts), then every part inflated once to its declared
 * size. The reader itself (read-xlsx.ts) runs the same checks as it reads.
 */
import { workbookNotXlsx } from './errors';
import { nodeInflateRaw } from './read-xlsx';
import { DEFAULT_MAX_UNCOMPRESSED_BYTES, MAX_ZIP_ENTRIES, XlsxArchive } from './reader/zip-archive';

export { DEFAULT_MAX_UNCOMPRESSED_BYTES, MAX_ZIP_ENTRIES };

const WORKSHEET = /^xl\/worksheets\/[^/]+\.xml$/i;

export function guardXlsxArchive(buf: Uint8Array, fileLabel: string, maxUncompressedBytes = DEFAULT_MAX_UNCOMPRESSED_BYTES): void {
  const archive = XlsxArchive.open(buf, fileLabel, nodeInflateRaw, maxUncompressedBytes);
  if (!archive.has('xl/workbook.xml')) {
    throw workbookNotXlsx(fileLabel, new Error('no xl/workbook.xml'), "c'est une archive zip qui ne contient pas de classeur (partie xl/workbook.xml absente)");
  }
  if (!archive.entries.some((e) => WORKSHEET.test(e.name))) {
    throw workbookNotXlsx(fileLabel, new Error('no worksheet part'), 'il ne contient aucune feuille de calcul');
  }
  archive.verifyUnread();
}
