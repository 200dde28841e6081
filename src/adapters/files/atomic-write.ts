/**
 * A file replaced whole or not at all: the bytes go to a hidden temporary file in the target's own
 * folder (same disk, so the rename cannot turn into a copy), are flushed to the disk (fsync), and
 * the temporary file is then renamed over the target — an atomic step on POSIX file systems and on
 * NTFS. Whoever opens the target at any moment (Excel, a second `annexes`, a backup) sees the old
 * file or the new one, never half of one; a full disk, a crash or a kill leaves the old file as it
 * was. The temporary file is removed on failure and on Ctrl-C; one left by a killed process (kill
 * -9, power cut) is removed by the next write to the same target.
 */
import { constants, promises as fs, unlinkSync } from 'fs';
import * as path from 'path';
import { randomBytes } from 'crypto';

const TEMP_MARK = '.annexes-tmp-';
/** Names are cut so that « .<name>.annexes-tmp-<pid>-<random> » stays within 255 bytes. */
const MAX_BASE_CHARS = 80;

export async function writeFileAtomic(target: string, data: string | Uint8Array): Promise<void> {
  let dest = target;
  let existing = await fs.lstat(dest).catch(() => null);
  if (existing?.isSymbolicLink()) {
    // Keep the link, replace what it points to (as an in-place write would); a dangling link is replaced.
    dest = await fs.realpath(target).catch(() => target);
    existing = dest === target ? null : await fs.stat(dest).catch(() => null);
  }
  if (existing?.isDirectory()) throw errnoError('EISDIR', dest);
  if (existing && !existing.isFile()) {
    // A device or a pipe (/dev/null, a FIFO): there is no file to keep, and a rename would replace the device node.
    await fs.writeFile(dest, data);
    return;
  }
  // A read-only file stays unwritten, as an in-place write would leave it (a rename ignores its mode).
  if (existing) await fs.access(dest, constants.W_OK);
  const dir = path.dirname(dest);
  const base = path.basename(dest);
  await removeStaleTemps(dir, base);
  const temp = path.join(dir, `${tempPrefix(base)}${process.pid}-${randomBytes(4).toString('hex')}`);
  track(temp);
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(temp, 'wx', 0o666);
    await handle.writeFile(data);
    if (existing) await keepOwnerAndMode(handle, existing);
    await handle.sync();
    await handle.close();
    handle = undefined;
    await fs.rename(temp, dest);
    untrack(temp);
    await syncFolder(dir);
  } catch (e) {
    await handle?.close().catch(() => undefined);
    await fs.unlink(temp).catch(() => undefined);
    untrack(temp);
    throw e;
  }
}

function tempPrefix(base: string): string {
  return `.${[...base].slice(0, MAX_BASE_CHARS).join('')}${TEMP_MARK}`;
}

/** The replacement keeps the permissions (and, for root, the owner) of the file it replaces. */
async function keepOwnerAndMode(handle: fs.FileHandle, previous: { mode: number; uid: number; gid: number }): Promise<void> {
  await handle.chmod(previous.mode & 0o7777).catch(() => undefined);
  if (process.getuid?.() === 0 && (previous.uid !== 0 || previous.gid !== 0)) await handle.chown(previous.uid, previous.gid).catch(() => undefined);
}

/** The rename itself is made durable by flushing the folder; not every system allows it (Windows), hence best effort. */
async function syncFolder(dir: string): Promise<void> {
  try {
    const d = await fs.open(dir, 'r');
    await d.sync().catch(() => undefined);
    await d.close();
  } catch {
    // best effort
  }
}

/** Temporary files of this target left by processes that no longer run. */
async function removeStaleTemps(dir: string, base: string): Promise<void> {
  const prefix = tempPrefix(base);
  const names = await fs.readdir(dir).catch(() => [] as string[]);
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number(name.slice(prefix.length).split('-')[0]);
    if (Number.isInteger(pid) && pid > 0 && !processRuns(pid)) await fs.unlink(path.join(dir, name)).catch(() => undefined);
  }
}

function processRuns(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'; // it runs, as another user
  }
}

function errnoError(code: string, file: string): NodeJS.ErrnoException {
  const e: NodeJS.ErrnoException = new Error(`${code}: ${file}`);
  e.code = code;
  e.path = file;
  return e;
}

// Ctrl-C (SIGINT), SIGTERM or SIGHUP during a write: the temporary files go, then the signal does
// what it would have done.
const pending = new Set<string>();
const SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

function onSignal(signal: NodeJS.Signals): void {
  for (const t of pending) {
    try {
      unlinkSync(t);
    } catch {
      // already gone
    }
  }
  pending.clear();
  for (const s of SIGNALS) process.removeListener(s, onSignal);
  process.kill(process.pid, signal);
}

function track(temp: string): void {
  if (pending.size === 0) for (const s of SIGNALS) process.on(s, onSignal);
  pending.add(temp);
}

function untrack(temp: string): void {
  pending.delete(temp);
  if (pending.size === 0) for (const s of SIGNALS) process.removeListener(s, onSignal);
}
