/**
 * The one reader of an .xlsx archive: it checks the archive, then reads exactly the entries it
 * checked, inflating each once and counting the bytes as they inflate. Any archive that two zip
 * readers could read two ways is refused before anything is inflated — duplicate or equivalent
 * names, `..`, absolute or backslash names, a local header naming another entry than the central
 * directory, entries past the declared count, ZIP64 records that disagree with the end record,
 * overlapping entries, renaming (Unicode path) extra fields — so what is checked is what is read,
 * here and by ExcelJS when `fill` or `report` later copies the file. Runs in Node and in the
 * browser: inflating is injected (Node's zlib in the CLI, pako in the harness).
 */
import { UnreadableWorkbookError, workbookNotXlsx, workbookTooLargeUncompressed, workbookTooManyParts } from '../errors';
import { type ZipDirectory, type ZipEntry, ZipFormatError, isZip, readLocalHeader, readZipDirectoryRecords } from '../zip-directory';

/**
 * Inflates raw deflate data, producing at most `limit` bytes: returns null when the data would
 * inflate to more (the caller's budget is never exceeded), throws on corrupt data.
 */
export type InflateRaw = (data: Uint8Array, limit: number) => Uint8Array | null;

/**
 * Annex workbooks weigh well under 1 Mo; the cap keeps a stray huge file from exhausting memory
 * (the CLI checks it on disk, the pane on the file the officer chose).
 */
export const DEFAULT_MAX_FILE_BYTES = 50 * 1024 * 1024;
/** An annex workbook inflates to under 1 Mo; see bench/memory-200k.ts for what a check costs per inflated byte. */
export const DEFAULT_MAX_UNCOMPRESSED_BYTES = 100 * 1024 * 1024;
/** An .xlsx holds a few dozen parts; thousands of them are a crafted archive. */
export const MAX_ZIP_ENTRIES = 10_000;

/** OLE compound file: an encrypted .xlsx (password to open) or an Excel 97-2003 .xls. */
const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const EOCD_LENGTH = 22;
/** Info-ZIP Unicode Path extra field: gives the entry another name than its header's. */
const UNICODE_PATH = 0x7075;

export const DAMAGED = 'le fichier est incomplet ou endommagé (archive zip tronquée ou corrompue)';

export class XlsxArchive {
  private readonly byName = new Map<string, ZipEntry>();
  private readonly done = new Set<ZipEntry>();
  private inflated = 0;

  private constructor(
    private readonly bytes: Uint8Array,
    readonly fileLabel: string,
    private readonly inflateRaw: InflateRaw,
    private readonly budget: number,
    readonly entries: ZipEntry[],
  ) {
    for (const e of entries) this.byName.set(e.name.toLowerCase(), e);
  }

  /** Checks the archive (nothing is inflated yet); throws UnreadableWorkbookError with a French message. */
  static open(bytes: Uint8Array, fileLabel: string, inflateRaw: InflateRaw, maxUncompressedBytes = DEFAULT_MAX_UNCOMPRESSED_BYTES): XlsxArchive {
    if (CFB_MAGIC.every((b, i) => bytes[i] === b)) {
      throw workbookNotXlsx(
        fileLabel,
        new Error('OLE compound file'),
        "il est protégé par un mot de passe à l'ouverture ou enregistré au format Excel 97-2003 (.xls) ; enregistrez-le au format .xlsx, sans mot de passe",
      );
    }
    if (!isZip(bytes)) throw workbookNotXlsx(fileLabel, new Error('no zip signature'));
    let dir: ZipDirectory;
    try {
      dir = readZipDirectoryRecords(bytes, MAX_ZIP_ENTRIES);
    } catch (e) {
      if (e instanceof ZipFormatError && e.message.startsWith('too many entries')) {
        throw workbookTooManyParts(fileLabel, Number(e.message.replace(/\D/g, '')), MAX_ZIP_ENTRIES);
      }
      throw damaged(fileLabel, e);
    }
    const declared = dir.entries.reduce((sum, e) => sum + e.uncompressedSize, 0);
    if (declared > maxUncompressedBytes) throw workbookTooLargeUncompressed(fileLabel, declared, maxUncompressedBytes);
    checkUnambiguous(bytes, dir, fileLabel);
    if (dir.entries.some((e) => e.encrypted)) {
      throw workbookNotXlsx(fileLabel, new Error('encrypted zip entry'), "l'archive zip est chiffrée");
    }
    return new XlsxArchive(bytes, fileLabel, inflateRaw, maxUncompressedBytes, dir.entries);
  }

  /** The entry of a part name (compared without case, as OPC part names are). */
  entry(name: string): ZipEntry | undefined {
    return this.byName.get(name.toLowerCase());
  }

  has(name: string): boolean {
    return this.byName.has(name.toLowerCase());
  }

  /** The inflated bytes of a part, inflated now and once only: a part is never read twice. */
  read(name: string): Uint8Array {
    const entry = this.entry(name);
    if (!entry) throw damaged(this.fileLabel, new Error(`no part ${name}`));
    if (this.done.has(entry)) throw new Error(`zip part read twice: ${name}`);
    return this.inflate(entry);
  }

  /** Inflates every part not read, discarding the bytes: each must inflate to exactly its declared size. */
  verifyUnread(): void {
    for (const entry of this.entries) if (!this.done.has(entry) && !entry.name.endsWith('/')) this.inflate(entry);
  }

  private inflate(entry: ZipEntry): Uint8Array {
    this.done.add(entry);
    const declared = entry.uncompressedSize;
    let out: Uint8Array | null;
    try {
      const start = readLocalHeader(this.bytes, entry).dataStart;
      const data = this.bytes.subarray(start, start + entry.compressedSize);
      if (entry.method === 0) out = data;
      else if (entry.method === 8) out = this.inflateRaw(data, declared + 1);
      else throw new ZipFormatError(`${entry.name}: compression method ${entry.method}`);
    } catch (e) {
      if (e instanceof UnreadableWorkbookError) throw e;
      throw damaged(this.fileLabel, e);
    }
    // A part that inflates past its declared size stopped one byte beyond it: the lie costs nothing more.
    const size = out === null ? declared + 1 : out.length;
    if (size !== declared) throw damaged(this.fileLabel, new Error(`${entry.name}: ${size} bytes, ${declared} declared`));
    this.inflated += size;
    if (this.inflated > this.budget) throw workbookTooLargeUncompressed(this.fileLabel, this.inflated, this.budget);
    return out as Uint8Array;
  }
}

function damaged(fileLabel: string, cause: unknown): UnreadableWorkbookError {
  return workbookNotXlsx(fileLabel, cause, DAMAGED);
}

function ambiguous(fileLabel: string, why: string): UnreadableWorkbookError {
  return workbookNotXlsx(fileLabel, new Error(why), why);
}

/** Names and records that every zip reader must read the same way; refused otherwise. */
function checkUnambiguous(bytes: Uint8Array, dir: ZipDirectory, fileLabel: string): void {
  const { entries } = dir;
  // The directory's entries fill exactly the space the end record declares; the end records follow
  // it directly and the end record ends the file (a comment, at most, after it).
  const listed = entries.reduce((sum, e) => sum + e.centralLength, 0);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (listed !== dir.size || dir.offset + dir.size !== (dir.zip64Eocd ?? dir.eocd)) {
    const after = dir.offset + listed;
    const hidden = after + 4 <= bytes.length && view.getUint32(after, true) === 0x02014b50;
    throw ambiguous(
      fileLabel,
      hidden
        ? "l'archive zip contient des parties au-delà du nombre que déclare sa fin (parties cachées)"
        : "le répertoire de l'archive zip ne correspond pas à ce que déclare sa fin",
    );
  }
  if (dir.eocd + EOCD_LENGTH + view.getUint16(dir.eocd + 20, true) !== bytes.length || view.getUint16(dir.eocd + 4, true) !== 0 || view.getUint16(dir.eocd + 6, true) !== 0) {
    throw ambiguous(fileLabel, "la fin de l'archive zip est incohérente (données après la fin, ou archive en plusieurs volumes)");
  }
  const seen = new Set<string>();
  for (const e of entries) {
    const bad = badName(e.name);
    if (bad) throw ambiguous(fileLabel, `l'archive zip contient une partie au nom invalide (« ${shown(e.name)} » : ${bad})`);
    const key = e.name.toLowerCase();
    if (seen.has(key)) throw ambiguous(fileLabel, `l'archive zip contient deux fois la partie « ${shown(e.name)} »`);
    seen.add(key);
    if (e.extraIds.includes(UNICODE_PATH)) throw ambiguous(fileLabel, `l'archive zip donne un second nom à la partie « ${shown(e.name)} » (champ Unicode Path)`);
  }
  checkLocalHeaders(bytes, dir, fileLabel);
}

/** Each local header names its entry as the directory does, and no two entries share bytes. */
function checkLocalHeaders(bytes: Uint8Array, dir: ZipDirectory, fileLabel: string): void {
  const spans: [number, number, ZipEntry][] = [];
  for (const e of dir.entries) {
    let local: ReturnType<typeof readLocalHeader>;
    try {
      local = readLocalHeader(bytes, e);
    } catch (err) {
      throw damaged(fileLabel, err);
    }
    if (!sameBytes(local.rawName, e.rawName)) {
      throw ambiguous(fileLabel, `les en-têtes de l'archive zip se contredisent sur le nom de la partie « ${shown(e.name)} »`);
    }
    if (local.method !== e.method || (local.flags & 1) !== (e.flags & 1)) {
      throw ambiguous(fileLabel, `les en-têtes de l'archive zip se contredisent sur la partie « ${shown(e.name)} »`);
    }
    if (local.extraIds.includes(UNICODE_PATH)) throw ambiguous(fileLabel, `l'archive zip donne un second nom à la partie « ${shown(e.name)} » (champ Unicode Path)`);
    if (e.method === 0 && e.compressedSize !== e.uncompressedSize) throw damaged(fileLabel, new Error(`${e.name}: stored sizes differ`));
    spans.push([e.localHeaderOffset, local.dataStart + e.compressedSize, e]);
  }
  spans.sort((a, b) => a[0] - b[0]);
  for (let i = 0; i < spans.length; i++) {
    const end = spans[i][1];
    const next = i + 1 < spans.length ? spans[i + 1][0] : dir.offset;
    if (end > next) throw ambiguous(fileLabel, `des parties de l'archive zip se chevauchent (« ${shown(spans[i][2].name)} »)`);
  }
}

/** Why a part name is refused, or null: OPC names are relative, '/'-separated, without dot segments. */
function badName(name: string): string | null {
  if (name === '') return 'nom vide';
  if (name.includes('\\')) return 'barre oblique inverse';
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) return 'chemin absolu';
  // eslint-disable-next-line no-control-regex -- control characters are what is refused
  if (/[\u0000-\u001f\u007f]/.test(name)) return 'caractère de contrôle';
  const segments = name.endsWith('/') ? name.slice(0, -1).split('/') : name.split('/');
  if (segments.some((s) => s === '..' || s === '.')) return 'segment « .. » ou « . »';
  if (segments.some((s) => s === '')) return 'segment vide';
  return null;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** A part name as quoted in a message: at most 80 characters, control characters made visible. */
function shown(name: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what is replaced
  const t = name.replace(/[\u0000-\u001f\u007f]/g, '\uFFFD');
  return t.length > 80 ? `${t.slice(0, 79)}…` : t;
}
