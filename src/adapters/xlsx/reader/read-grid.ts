/**
 * .xlsx bytes → Grid, without ExcelJS: the archive is checked and each part inflated once
 * (zip-archive.ts), the parts are found through the package relationships, and each XML part is
 * scanned once (xml-scanner.ts). Runs in Node (the CLI, with zlib) and in the browser (the
 * harness, with pako): inflating is the caller's. Every failure is an UnreadableWorkbookError
 * with a French message naming the file.
 */
import type { Grid, GridSheet } from '../../../layout/grid';
import { UnreadableWorkbookError, workbookNotXlsx } from '../errors';
import { type Relationship, readRelationships, relsPartOf } from './relationships';
import { readSharedStrings } from './shared-strings';
import { readSheetPart } from './sheet-part';
import { NO_STYLES, readStyles } from './styles-part';
import { readWorkbookPart } from './workbook-part';
import { XmlError, XmlScanner } from './xml-scanner';
import { type InflateRaw, XlsxArchive } from './zip-archive';

export interface ReadOptions {
  inflateRaw: InflateRaw;
  /** Budget for the inflated parts, all together (default DEFAULT_MAX_UNCOMPRESSED_BYTES). */
  maxUncompressedBytes?: number;
}

export function readXlsxBytes(bytes: Uint8Array, fileLabel: string, options: ReadOptions): Grid {
  const archive = XlsxArchive.open(bytes, fileLabel, options.inflateRaw, options.maxUncompressedBytes);
  const parts = new PartReader(archive);
  try {
    const grid = readWorkbook(parts);
    archive.verifyUnread();
    return grid;
  } catch (e) {
    if (e instanceof UnreadableWorkbookError) throw e;
    if (e instanceof XmlError) throw workbookNotXlsx(fileLabel, e, `la partie « ${parts.current} » est endommagée (XML invalide)`);
    throw workbookNotXlsx(fileLabel, e);
  }
}

/** Reads parts by name, remembering which one is being read (for the message when it is damaged). */
class PartReader {
  current = '';

  constructor(readonly archive: XlsxArchive) {}

  has(part: string | null | undefined): part is string {
    return !!part && this.find(part) !== undefined;
  }

  bytes(part: string): Uint8Array {
    this.current = part;
    return this.archive.read(this.find(part) ?? part);
  }

  /** The archive's name for a part: as written, or percent-decoded (relationship targets are URIs). */
  private find(part: string): string | undefined {
    if (this.archive.has(part)) return part;
    try {
      const decoded = decodeURIComponent(part);
      return this.archive.has(decoded) ? decoded : undefined;
    } catch {
      return undefined;
    }
  }

  relationships(part: string): Relationship[] {
    const rels = part === '' ? '_rels/.rels' : relsPartOf(part);
    return this.has(rels) ? readRelationships(this.bytes(rels), part) : [];
  }
}

function readWorkbook(parts: PartReader): Grid {
  const { archive } = parts;
  const label = archive.fileLabel;
  const main = parts.relationships('').find((r) => r.type === 'officeDocument' && parts.has(r.part))?.part ?? 'xl/workbook.xml';
  if (!parts.has(main)) {
    throw workbookNotXlsx(label, new Error('no workbook part'), "c'est une archive zip qui ne contient pas de classeur (partie xl/workbook.xml absente)");
  }
  const rels = parts.relationships(main);
  const info = readWorkbookPart(parts.bytes(main));
  const byId = new Map(rels.map((r) => [r.id, r]));
  // Chart sheets, dialog and macro sheets hold no cells: only worksheets are read.
  const sheets = info.sheets.map((s) => ({ ...s, rel: s.relId === undefined ? undefined : byId.get(s.relId) })).filter((s) => s.rel?.type === 'worksheet');
  if (sheets.length === 0) throw workbookNotXlsx(label, new Error('no worksheet'), 'il ne contient aucune feuille de calcul');
  const names = new Set<string>();
  for (const s of sheets) {
    if (!parts.has(s.rel?.part)) throw workbookNotXlsx(label, new Error(`no part for sheet ${s.name}`), `la feuille « ${s.name} » est absente de l'archive`);
    // Excel refuses names equal but for case, LibreOffice and hand-made files may hold them: they stay
    // two sheets a finding can tell apart. The same name twice cannot be told apart: unreadable.
    const key = s.name;
    if (names.has(key)) throw workbookNotXlsx(label, new Error(`duplicate sheet ${s.name}`), `deux feuilles portent le même nom « ${s.name} »`);
    names.add(key);
  }
  const partOf = (type: string, conventional: string) => rels.find((r) => r.type === type && parts.has(r.part))?.part ?? (parts.has(conventional) ? conventional : undefined);
  const stringsPart = partOf('sharedStrings', 'xl/sharedStrings.xml');
  const stylesPart = partOf('styles', 'xl/styles.xml');
  const ctx = {
    strings: stringsPart ? readSharedStrings(parts.bytes(stringsPart)) : [],
    styles: stylesPart ? readStyles(parts.bytes(stylesPart)) : NO_STYLES,
    date1904: info.date1904,
  };
  const out: GridSheet[] = [];
  for (const s of sheets) {
    const part = s.rel!.part!;
    out.push(readSheetPart(new XmlScanner(parts.bytes(part)), s.name, s.state, ctx));
  }
  return { sheets: out };
}
