/**
 * The one way every command writes a file: never over an input, atomically, failures in French.
 * Real files on the disk; a real full disk and a real read-only disk (tmpfs mounts) when the tests
 * may mount them (root in CI), a simulated full disk otherwise.
 */
import { execFileSync } from 'child_process';
import {
  chmodSync,
  existsSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'fs';
import { promises as fsp } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { OutputError, OutputIsInputError, checkOutput, inputReplacedBy, writeOutputFile } from '../../../src/adapters/files/output-file';
import { writeFileAtomic } from '../../../src/adapters/files/atomic-write';
import { fsReason } from '../../../src/adapters/files/fs-errors';

const dir = mkdtempSync(path.join(os.tmpdir(), 'annexes-output-'));
const input = path.join(dir, 'entree.xlsx');
const RAW_ERRNO = /\bE[A-Z]{3,}\b/;

beforeAll(() => writeFileSync(input, 'classeur'));

/** No temporary file of ours left in `folder`. */
const leftovers = (folder: string) => readdirSync(folder).filter((n) => n.includes('.annexes-tmp-'));

describe('an output is never one of the inputs', () => {
  it('refuses the same file under every spelling: path, ./, a/../, absolute, hard link, symbolic link, link to the folder', async () => {
    const hard = path.join(dir, 'lien-dur.xlsx');
    const soft = path.join(dir, 'lien.xlsx');
    const folderLink = path.join(os.tmpdir(), `annexes-dossier-lien-${process.pid}`);
    linkSync(input, hard);
    symlinkSync(input, soft);
    symlinkSync(dir, folderLink);
    mkdirSync(path.join(dir, 'sous'));
    const relative = path.relative(process.cwd(), input);
    const spellings = [
      input,
      relative,
      `./${relative}`,
      path.join(dir, 'sous', '..', 'entree.xlsx'),
      `${dir}//entree.xlsx`,
      hard,
      soft,
      path.join(folderLink, 'entree.xlsx'),
    ];
    for (const out of spellings) {
      await expect(checkOutput(out, [input], 'report')).rejects.toBeInstanceOf(OutputIsInputError);
      await expect(writeOutputFile(out, 'rapport', [input], 'report')).rejects.toThrow(/« annexes report » n'écrit jamais sur son entrée/);
      // …and the other way round: the input given through a link, the output by its real name.
      await expect(inputReplacedBy(input, [out])).resolves.toBe(out);
    }
    expect(readFileSync(input, 'utf8')).toBe('classeur');
    expect(leftovers(dir)).toEqual([]);
    rmSync(folderLink);
  });

  it('writes next to an input, and inside an input folder', async () => {
    const out = path.join(dir, 'rapport.json');
    await writeOutputFile(out, '{}', [input, dir], 'check');
    expect(readFileSync(out, 'utf8')).toBe('{}');
  });

  it('an output that is a folder, or in a folder that does not exist, is refused in French before any work', async () => {
    await expect(checkOutput(dir, [input], 'check')).rejects.toThrow(`impossible d'écrire « ${dir} » : c’est un dossier`);
    const missing = path.join(dir, 'absent', 'rapport.json');
    await expect(checkOutput(missing, [], 'check')).rejects.toThrow(`le dossier « ${path.join(dir, 'absent')} » n’existe pas`);
    await expect(checkOutput(path.join(input, 'rapport.json'), [], 'check')).rejects.toThrow(`« ${input} » n’est pas un dossier`);
  });

  it('« - » is no file name: refused with the way to the screen and to a file named so', async () => {
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      await expect(writeOutputFile('-', 'x', [], 'check')).rejects.toThrow(OutputError);
      await expect(checkOutput('-', [], 'report')).rejects.toThrow('écrivez « ./- »');
      expect(existsSync(path.join(dir, '-'))).toBe(false);
      await writeOutputFile('./-', 'x', [], 'check');
      expect(readFileSync(path.join(dir, '-'), 'utf8')).toBe('x');
    } finally {
      rmSync(path.join(dir, '-'), { force: true });
      process.chdir(cwd);
    }
  });
});

describe('an output is replaced atomically', () => {
  it('replaces the previous file whole, keeps its permissions, leaves no temporary file', async () => {
    const out = path.join(dir, 'mode.csv');
    writeFileSync(out, 'ancien');
    chmodSync(out, 0o640);
    await writeOutputFile(out, 'nouveau', [], 'check');
    expect(readFileSync(out, 'utf8')).toBe('nouveau');
    expect(statSync(out).mode & 0o777).toBe(0o640);
    expect(leftovers(dir)).toEqual([]);
  });

  it('an output that is a symbolic link keeps the link and replaces the file it points to', async () => {
    const real = path.join(dir, 'vrai.json');
    const link = path.join(dir, 'raccourci.json');
    writeFileSync(real, 'ancien');
    symlinkSync(real, link);
    await writeOutputFile(link, 'nouveau', [], 'check');
    expect(readlinkSync(link)).toBe(real);
    expect(readFileSync(real, 'utf8')).toBe('nouveau');
  });

  it('a device is written to as it is (--out /dev/null)', async () => {
    await expect(writeOutputFile('/dev/null', 'rien', [], 'check')).resolves.toBeUndefined();
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
  });

  it('a temporary file left by a killed writer is removed by the next write; one of a live writer is not', async () => {
    const out = path.join(dir, 'revue.xlsx');
    const dead = path.join(dir, `.revue.xlsx.annexes-tmp-${deadPid()}-0a1b2c3d`);
    const alive = path.join(dir, `.revue.xlsx.annexes-tmp-${process.ppid}-0a1b2c3d`);
    writeFileSync(dead, 'moitié');
    writeFileSync(alive, 'en cours');
    await writeOutputFile(out, 'complet', [], 'check');
    expect(existsSync(dead)).toBe(false);
    expect(existsSync(alive)).toBe(true);
    rmSync(alive);
  });

  it('a simulated full disk in the middle of the write leaves the previous file as it was, no partial file, a French message', async () => {
    const out = path.join(dir, 'plein.xlsx');
    writeFileSync(out, 'version précédente complète');
    const open = fsp.open.bind(fsp);
    const spy = jest.spyOn(fsp, 'open').mockImplementation(async (...args: Parameters<typeof fsp.open>) => {
      const handle = await open(...args);
      if (String(args[0]).includes('.annexes-tmp-')) {
        handle.writeFile = async (data: unknown) => {
          await handle.write(Buffer.from(String(data)).subarray(0, 3)); // a few bytes reach the disk, then it is full
          throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
        };
      }
      return handle;
    });
    try {
      const error = await writeOutputFile(out, 'nouvelle version', [], 'fill').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(OutputError);
      expect((error as Error).message).toBe(`impossible d'écrire « ${out} » : le disque est plein ; le fichier précédent, s’il existait, est intact.`);
    } finally {
      spy.mockRestore();
    }
    expect(readFileSync(out, 'utf8')).toBe('version précédente complète');
    expect(leftovers(dir)).toEqual([]);
  });

  it('every file-system error has a French reason, never its code', () => {
    for (const code of ['ENOSPC', 'EDQUOT', 'EROFS', 'EACCES', 'EPERM', 'EISDIR', 'ENOTDIR', 'ENOENT', 'ENAMETOOLONG', 'ELOOP', 'EFBIG', 'EMFILE', 'EBUSY', 'EIO', 'EXDEV', 'EUNKNOWN']) {
      const reason = fsReason(Object.assign(new Error(code), { code }));
      expect(reason).not.toMatch(RAW_ERRNO);
      expect(reason.length).toBeGreaterThan(5);
    }
  });

  it('a name too long for the disk is explained', async () => {
    const out = path.join(dir, `${'r'.repeat(300)}.json`);
    await expect(writeOutputFile(out, '{}', [], 'check')).rejects.toThrow('le nom du fichier est trop long');
  });
});

/** A pid no process has: the highest pid the kernel may give, plus one. */
function deadPid(): number {
  const max = Number(readFileSync('/proc/sys/kernel/pid_max', 'utf8'));
  return max + 1;
}

// Real disks: a 64 kB tmpfs (full) and a read-only tmpfs. Mounting needs root and a kernel that
// allows it here; where it does not, these two are skipped (the simulated full disk above still runs).
const mountable = (() => {
  if (process.getuid?.() !== 0 || os.platform() !== 'linux') return false;
  const probe = mkdtempSync(path.join(os.tmpdir(), 'annexes-mount-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe], { stdio: 'ignore' });
    execFileSync('umount', [probe], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  } finally {
    rmSync(probe, { recursive: true, force: true });
  }
})();

(mountable ? describe : describe.skip)('on real disks (tmpfs mounts)', () => {
  const mounts: string[] = [];
  const mount = (options: string) => {
    const at = mkdtempSync(path.join(os.tmpdir(), 'annexes-disk-'));
    execFileSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', at]);
    mounts.push(at);
    return at;
  };
  afterAll(() => {
    for (const at of mounts) {
      execFileSync('umount', [at]);
      rmSync(at, { recursive: true, force: true });
    }
  });

  it('a full disk: the previous file stays whole, no temporary file, « le disque est plein »', async () => {
    const disk = mount('size=64k');
    const out = path.join(disk, 'revue.xlsx');
    const previous = Buffer.alloc(30_000, 1);
    writeFileSync(out, previous);
    // 30 kB used: 50 kB more does not fit beside the previous file, as the atomic write needs.
    const error = await writeOutputFile(out, Buffer.alloc(50_000, 2), [], 'check').catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/: le disque est plein ; le fichier précédent, s’il existait, est intact\.$/);
    expect(readFileSync(out).equals(previous)).toBe(true);
    expect(readdirSync(disk)).toEqual(['revue.xlsx']);
  });

  it('a read-only disk: « le disque est en lecture seule », nothing changed', async () => {
    const disk = mount('size=64k');
    writeFileSync(path.join(disk, 'revue.xlsx'), 'ancien');
    execFileSync('mount', ['-o', 'remount,ro', disk]);
    await expect(writeOutputFile(path.join(disk, 'revue.xlsx'), 'nouveau', [], 'check')).rejects.toThrow(/: le disque est en lecture seule\.$/);
    expect(readFileSync(path.join(disk, 'revue.xlsx'), 'utf8')).toBe('ancien');
  });
});

describe('writeFileAtomic on its own', () => {
  it('writes a new file with the usual permissions (umask applied)', async () => {
    const out = path.join(dir, 'neuf.txt');
    await writeFileAtomic(out, 'texte');
    expect(readFileSync(out, 'utf8')).toBe('texte');
    expect(statSync(out).mode & 0o777).toBe(0o666 & ~process.umask());
  });
});
