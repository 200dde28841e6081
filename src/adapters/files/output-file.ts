/**
 * Every file a command writes goes through here, whatever its kind (xlsx, json, csv, text):
 *
 *   await checkOutput(out, inputs, 'report');          // early: before the long work
 *   await writeOutputFile(out, bytes, inputs, 'report'); // checks again, then writes atomically
 *
 * - the output is never one of the inputs: same path, another spelling (./x, a/../x), a symbolic
 *   link, a hard link or a case variant on a disk that ignores case (same device and inode);
 *   an output inside an input folder is fine;
 * - the output is replaced atomically (atomic-write.ts): the previous file stays whole until the
 *   new one is;
 * - any failure is an OutputError whose message is French and names the file; nothing else
 *   escapes. A command prints `annexes <verb> : <message>` and exits with 2.
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import { writeFileAtomic } from './atomic-write';
import { errnoCode, fsReason } from './fs-errors';

export class OutputError extends Error {
  override readonly name = 'OutputError';
}

/** The output would replace an input: refused before anything is read or written. */
export class OutputIsInputError extends OutputError {
  constructor(
    readonly output: string,
    readonly input: string,
    verb: string,
    inputCount = 1,
  ) {
    const how = path.resolve(output) === path.resolve(input) ? '' : ' (le même fichier, sous un autre nom ou par un lien)';
    const inputs = inputCount > 1 ? 'ses entrées' : 'son entrée';
    super(`le fichier de sortie « ${output} » est le fichier d'entrée « ${input} »${how} : « annexes ${verb} » n'écrit jamais sur ${inputs} ; indiquez un autre fichier de sortie.`);
  }
}

type Stat = { dev: bigint; ino: bigint; isFile(): boolean; isDirectory(): boolean };
const statOf = (p: string): Promise<Stat | null> => fs.stat(p, { bigint: true }).catch(() => null);

/** Whether two paths name the same file (only existing files can be the same file). */
export async function isSameFile(a: string, b: string): Promise<boolean> {
  if (path.resolve(a) === path.resolve(b)) return true;
  const [sa, sb] = await Promise.all([statOf(a), statOf(b)]);
  // bigint: 64-bit inode numbers (XFS, btrfs, NTFS file ids) are not safe as JS numbers.
  return !!sa && !!sb && sa.ino !== 0n && sa.dev === sb.dev && sa.ino === sb.ino;
}

/** The input `output` would replace, if any. Folders among the inputs are skipped (writing into them is fine). */
export async function inputReplacedBy(output: string, inputs: readonly string[]): Promise<string | null> {
  const out = await statOf(output);
  for (const input of inputs) {
    if (path.resolve(input) === path.resolve(output)) return input;
    if (!out) continue;
    const s = await statOf(input);
    if (s && !s.isDirectory() && s.ino !== 0n && s.dev === out.dev && s.ino === out.ino) return input;
  }
  return null;
}

/** Early check, before the work: not an input, not a folder, in a folder that exists. */
export async function checkOutput(output: string, inputs: readonly string[], verb: string): Promise<void> {
  // Unix tools read « - » as the terminal: a file silently named « - » would surprise.
  if (output === '-') throw new OutputError('« - » ne désigne pas l’écran ici : sans --out, le résultat s’affiche dans le terminal ; pour un fichier nommé « - », écrivez « ./- ».');
  const input = await inputReplacedBy(output, inputs);
  if (input !== null) throw new OutputIsInputError(output, input, verb, new Set(inputs.map((i) => path.resolve(i))).size);
  const s = await statOf(output);
  if (s?.isDirectory()) throw new OutputError(writeFailure(output, 'c’est un dossier ; indiquez un nom de fichier'));
  const dir = await statOf(path.dirname(path.resolve(output)));
  if (!dir) throw new OutputError(writeFailure(output, `le dossier « ${path.dirname(output)} » n’existe pas`));
  if (!dir.isDirectory()) throw new OutputError(writeFailure(output, `« ${path.dirname(output)} » n’est pas un dossier`));
}

/**
 * A folder the command will write into (created if needed), checked before any work: a long batch
 * is not checked for nothing because its return folder cannot be made.
 */
export async function prepareOutputFolder(folder: string): Promise<void> {
  const s = await statOf(folder);
  if (s && !s.isDirectory()) throw new OutputError(`impossible d'écrire dans « ${folder} » : ce n'est pas un dossier.`);
  try {
    await fs.mkdir(folder, { recursive: true });
  } catch (e) {
    const code = errnoCode(e);
    const reason = code === 'ENOTDIR' || code === 'EEXIST' ? 'un élément du chemin n’est pas un dossier' : fsReason(e);
    throw new OutputError(`impossible de créer le dossier « ${folder} » : ${reason}.`, { cause: e });
  }
}

/** Writes `data` to `output` atomically, after checking again that it is none of `inputs`. */
export async function writeOutputFile(output: string, data: string | Uint8Array, inputs: readonly string[], verb: string): Promise<void> {
  await checkOutput(output, inputs, verb);
  try {
    await writeFileAtomic(output, data);
  } catch (e) {
    throw new OutputError(writeFailure(output, describeWriteError(e, output)), { cause: e });
  }
}

function writeFailure(output: string, reason: string): string {
  return `impossible d'écrire « ${output} » : ${reason}.`;
}

function describeWriteError(e: unknown, output: string): string {
  const code = errnoCode(e);
  const dir = path.dirname(output);
  if (code === 'ENOENT') return `le dossier « ${dir} » n’existe pas (ou a été supprimé pendant l’écriture)`;
  if (code === 'EACCES' || code === 'EPERM') return `${fsReason(e)} : vérifiez que « ${output} » n’est pas en lecture seule et que vous pouvez écrire dans le dossier « ${dir} »`;
  const kept = code === 'ENOSPC' || code === 'EDQUOT' || code === 'EIO' || code === 'EFBIG' ? ' ; le fichier précédent, s’il existait, est intact' : '';
  return `${fsReason(e)}${kept}`;
}
