import { constants, existsSync, promises as fs } from 'fs';
import * as path from 'path';
import { errnoCode, fsReason } from '../adapters/files/fs-errors';

const WORKBOOK = /\.(xlsx|xlsm)$/i;

/** A path to check: a workbook, or a problem to report for it (missing, unreadable, empty folder). */
export type Target = { file: string } | { file: string; problem: string };

export interface CollectedFiles {
  targets: Target[];
  /** Things skipped on purpose (a folder reached twice through a link, the report being written), in French. */
  notices: string[];
  /** Path read → name shown, for names that are not UTF-8 (read through an open descriptor). */
  shownAs: Map<string, string>;
  /** Closes the descriptors opened for those names; call once the files are checked. */
  release(): Promise<void>;
}

export interface CollectOptions {
  /** Files never taken from a folder: the previous report, about to be replaced by the new one. */
  exclude?: string[];
}

interface Walk extends CollectedFiles {
  visited: Set<string>;
  /** Workbooks already taken, by file identity → the name first given: each is checked once. */
  taken: Map<string, string>;
  /** Workbooks met, each time (a folder whose workbooks were all given before is not empty). */
  met: number;
  excluded: { resolved: Set<string>; ids: Set<string> };
  handles: fs.FileHandle[];
}

/**
 * Expands folders (recursively) into their .xlsx/.xlsm files, sorted; Excel lock files "~$…" skipped.
 * - a folder or file that cannot be read, or that disappears during the walk, is a target with a
 *   French problem (reported as unreadable, exit 2), and the walk goes on;
 * - symbolic links are followed, folders once: a link to a folder already walked (a loop, or a
 *   second way to the same folder) is not walked again and is listed in `notices`;
 * - names that are not UTF-8 (Linux allows any bytes) are read all the same and shown with « � »
 *   where the bytes are not text.
 */
export async function collectFiles(paths: string[], options: CollectOptions = {}): Promise<CollectedFiles> {
  const handles: fs.FileHandle[] = [];
  const w: Walk = {
    targets: [],
    notices: [],
    shownAs: new Map(),
    visited: new Set(),
    taken: new Map(),
    met: 0,
    excluded: await excludedFiles(options.exclude ?? []),
    handles,
    release: async () => {
      await Promise.all(handles.splice(0).map((h) => h.close().catch(() => undefined)));
    },
  };
  for (const p of paths) {
    let stat;
    try {
      stat = await fs.stat(p, { bigint: true });
    } catch (e) {
      w.targets.push({ file: p, problem: missingArgument(p, e) });
      continue;
    }
    if (!stat.isDirectory()) {
      if (firstTime(stat, p, w)) w.targets.push({ file: p });
      continue;
    }
    if (w.visited.has(idOf(stat, p))) {
      w.notices.push(`Le dossier « ${p} » a déjà été parcouru : il n’est pas parcouru une seconde fois.`);
      continue;
    }
    const before = w.targets.length + w.met;
    w.visited.add(idOf(stat, p));
    await walk(Buffer.from(p), p, true, w);
    if (w.targets.length + w.met === before) w.targets.push({ file: p, problem: `Le dossier « ${p} » ne contient aucun classeur .xlsx.` });
  }
  const { targets, notices, shownAs, release } = w;
  return { targets, notices, shownAs, release };
}

function missingArgument(p: string, e: unknown): string {
  const code = errnoCode(e);
  if (code === 'ENOENT' || code === 'ENOTDIR') {
    // The shell passed bytes that are not UTF-8: they cannot be given back to the file system.
    const hint = p.includes('\uFFFD') ? ' (son nom n’est pas en UTF-8 : indiquez plutôt le dossier qui le contient)' : '';
    return `Le fichier ou dossier « ${p} » est introuvable${hint}.`;
  }
  return `Le fichier ou dossier « ${p} » n'a pas pu être lu : ${fsReason(e)}.`;
}

type Stat = { dev: bigint; ino: bigint; isDirectory(): boolean; isFile(): boolean };
const statOf = (p: Buffer | string): Promise<Stat | { error: unknown }> => fs.stat(p, { bigint: true }).catch((error: unknown) => ({ error }));

/** `exact`: every name on the way is UTF-8, so `shown` is also a path that opens the file. */
async function walk(dir: Buffer, shown: string, exact: boolean, w: Walk): Promise<void> {
  let entries;
  try {
    entries = await fs.readdir(dir, { withFileTypes: true, encoding: 'buffer' });
  } catch (e) {
    w.targets.push({ file: shown, problem: folderProblem(shown, e) });
    return;
  }
  const named = entries.map((e) => ({ entry: e, name: e.name.toString('utf8') })).sort((a, b) => a.name.localeCompare(b.name));
  for (const { entry, name } of named) {
    const full = Buffer.concat([dir, Buffer.from(path.sep), entry.name]);
    const label = path.join(shown, name);
    const fullExact = exact && Buffer.from(name, 'utf8').equals(entry.name);
    const isLink = entry.isSymbolicLink();
    const workbook = WORKBOOK.test(name) && !name.startsWith('~$');
    // Links are followed; an entry of unknown type (some network disks do not say) is asked for.
    let isDir = entry.isDirectory();
    let isFile = entry.isFile();
    if (isLink || (!isDir && !isFile)) {
      const s = await statOf(full);
      if ('error' in s) {
        if (isLink && errnoCode(s.error) === 'ENOENT') {
          if (workbook) w.targets.push({ file: label, problem: `« ${label} » est un lien symbolique vers un fichier introuvable.` });
          else w.notices.push(`« ${label} » est un lien symbolique vers un élément introuvable : ignoré.`);
        } else if (workbook) w.targets.push({ file: label, problem: entryProblem(label, s.error, false) });
        else w.notices.push(`« ${label} » n’a pas pu être examiné (${fsReason(s.error)}) : ignoré.`);
        continue;
      }
      isDir = s.isDirectory();
      isFile = s.isFile();
    }
    if (isDir) await enterFolder(full, label, fullExact, isLink, w);
    else if (workbook && !isFile) w.targets.push({ file: label, problem: `« ${label} » n’est pas un fichier ordinaire : il n’a pas été lu.` });
    else if (workbook) await addWorkbook(full, label, fullExact, w);
  }
}

async function enterFolder(full: Buffer, label: string, exact: boolean, viaLink: boolean, w: Walk): Promise<void> {
  const s = await statOf(full);
  if ('error' in s) {
    w.targets.push({ file: label, problem: folderProblem(label, s.error) });
    return;
  }
  const id = idOf(s, label);
  if (w.visited.has(id)) {
    w.notices.push(
      viaLink
        ? `Le lien « ${label} » mène à un dossier déjà parcouru (boucle, ou second chemin vers le même dossier) : il n’est pas parcouru une seconde fois.`
        : `Le dossier « ${label} » a déjà été parcouru : il n’est pas parcouru une seconde fois.`,
    );
    return;
  }
  w.visited.add(id);
  await walk(full, label, exact, w);
}

async function addWorkbook(full: Buffer, label: string, exact: boolean, w: Walk): Promise<void> {
  const s = await statOf(full);
  if ('error' in s) {
    w.targets.push({ file: label, problem: entryProblem(label, s.error, false) });
    return;
  }
  if (w.excluded.ids.has(idOf(s, label)) || (exact && w.excluded.resolved.has(path.resolve(label)))) {
    w.notices.push(`« ${label} » est le rapport de revue d’un contrôle précédent, que le nouveau remplace : il n’est pas contrôlé.`);
    return;
  }
  if (!firstTime(s, label, w)) return;
  if (exact) {
    try {
      await fs.access(full, constants.R_OK);
      w.targets.push({ file: label });
    } catch (e) {
      w.targets.push({ file: label, problem: entryProblem(label, e, false) });
    }
    return;
  }
  // Not UTF-8: no string path names it, so it is opened here and read through its descriptor.
  if (!existsSync('/proc/self/fd')) {
    w.targets.push({ file: label, problem: `Le nom du fichier « ${label} » n’est pas en UTF-8 et ce système ne permet pas de le lire ainsi ; renommez-le.` });
    return;
  }
  try {
    const handle = await fs.open(full, 'r');
    w.handles.push(handle);
    const readable = `/proc/self/fd/${handle.fd}`;
    w.shownAs.set(readable, label);
    w.targets.push({ file: readable });
  } catch (e) {
    w.targets.push({ file: label, problem: entryProblem(label, e, false) });
  }
}

function folderProblem(label: string, e: unknown): string {
  const code = errnoCode(e);
  if (code === 'ENOENT') return `Le dossier « ${label} » a disparu pendant le parcours : son contenu n’a pas été contrôlé.`;
  return `Le dossier « ${label} » n’a pas pu être lu (${fsReason(e)}) : les classeurs qu’il contient n’ont pas été contrôlés.`;
}

function entryProblem(label: string, e: unknown, folder: boolean): string {
  if (folder) return folderProblem(label, e);
  if (errnoCode(e) === 'ENOENT') return `Le fichier « ${label} » a disparu pendant le parcours : il n’a pas été contrôlé.`;
  return `Le fichier « ${label} » n’a pas pu être lu (${fsReason(e)}).`;
}

/** False (with a notice) when the same file — same name, other spelling, link — was already taken. */
function firstTime(s: { dev: bigint; ino: bigint }, label: string, w: Walk): boolean {
  w.met++;
  const id = idOf(s, label);
  const first = w.taken.get(id);
  if (first === undefined) {
    w.taken.set(id, label);
    return true;
  }
  w.notices.push(
    first === label
      ? `« ${label} » est donné plusieurs fois : il n’est contrôlé qu’une fois.`
      : `« ${label} » est le même fichier que « ${first} » (même nom écrit autrement, ou lien) : il n’est contrôlé qu’une fois.`,
  );
  return false;
}

/**
 * A file's identity: device and inode; by its resolved path where the disk reports inode 0 (some
 * network and FAT disks), else every file would be taken for the first one.
 */
const idOf = (s: { dev: bigint; ino: bigint }, where: string): string => (s.ino === 0n ? `chemin:${path.resolve(where)}` : `${s.dev}:${s.ino}`);

async function excludedFiles(files: string[]): Promise<Walk['excluded']> {
  const resolved = new Set(files.map((f) => path.resolve(f)));
  const ids = new Set<string>();
  for (const f of files) {
    const s = await fs.stat(f, { bigint: true }).catch(() => null);
    if (s?.isFile()) ids.add(idOf(s, f));
  }
  return { resolved, ids };
}

/** Results of files read through a descriptor, renamed with the file's own name (as far as it is text). */
export function showNames<T extends { file: string; message: string }>(results: T[], shownAs: Map<string, string>): T[] {
  if (shownAs.size === 0) return results;
  return results.map((r) => {
    const shown = shownAs.get(r.file);
    return shown === undefined ? r : { ...r, file: shown, message: r.message.split(r.file).join(shown) };
  });
}
