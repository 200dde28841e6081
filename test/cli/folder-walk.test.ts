/**
 * The folder walk of `annexes check` on folders as they come: unreadable, vanishing, looping,
 * links to nowhere, names that are not UTF-8, a pipe named like a workbook. Each problem is one
 * French line of the report (exit 2) and every other workbook is checked. Then the standard output
 * closed or full. Folders and files are made by the test; permission cases run the CLI as an
 * ordinary user (uid 65534) when the tests run as root, as in CI.
 */
import { execFileSync } from 'child_process';
import { chmodSync, closeSync, linkSync, mkdirSync, mkdtempSync, openSync, rmSync, symlinkSync, writeFileSync } from 'fs';
import { promises as fsp } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runMain as run } from '../helpers/run-main';
import { gridToXlsxBuffer } from '../../src/adapters/xlsx/write-xlsx';
import { buildCleanSampleGrid } from '../../scripts/batch/clean-sample';
import { NOBODY, finished, runCliProcess, runningAsRoot, spawnTs } from '../helpers/spawn-ts';

const root = mkdtempSync(path.join(os.tmpdir(), 'annexes-walk-'));
const STACK = /^\s+at .+\(.*:\d+:\d+\)$|^\s+at .+:\d+:\d+$/m;
let workbook: Buffer;

interface JsonFile {
  file: string;
  status: string;
  message: string;
}


const files = (stdout: string): JsonFile[] => JSON.parse(stdout).files;
const byName = (list: JsonFile[]) => new Map(list.map((f) => [path.relative(root, f.file), f]));

/** A folder tree with workbooks, made readable by everyone (mkdtemp makes 0700 folders). */
function tree(name: string, entries: Record<string, 'workbook' | 'folder'>): string {
  const top = path.join(root, name);
  mkdirSync(top, { recursive: true });
  for (const [rel, kind] of Object.entries(entries)) {
    const p = path.join(top, rel);
    if (kind === 'folder') mkdirSync(p, { recursive: true });
    else {
      mkdirSync(path.dirname(p), { recursive: true });
      writeFileSync(p, workbook);
    }
  }
  return top;
}

beforeAll(async () => {
  workbook = await gridToXlsxBuffer(buildCleanSampleGrid());
  chmodSync(root, 0o755);
}, 60_000);

afterAll(() => {
  execFileSync('chmod', ['-R', 'u+rwx', root]);
  rmSync(root, { recursive: true, force: true });
});

describe('unreadable entries', () => {
  it('an unreadable subfolder and an unreadable workbook are reported, the other files checked (run as an ordinary user)', async () => {
    const top = tree('droits', { 'a.xlsx': 'workbook', 'prive/b.xlsx': 'workbook', 'z/c.xlsx': 'workbook', 'ferme.xlsx': 'workbook' });
    execFileSync('chmod', ['-R', 'a+rX', top]);
    chmodSync(path.join(top, 'prive'), 0o700);
    chmodSync(path.join(top, 'ferme.xlsx'), 0o600);
    if (!runningAsRoot()) {
      chmodSync(path.join(top, 'prive'), 0o000);
      chmodSync(path.join(top, 'ferme.xlsx'), 0o000);
    }
    const outFolder = path.join(root, 'rapports-root');
    mkdirSync(outFolder, { mode: 0o755 });
    const r = await runCliProcess(['check', top, '--format', 'json'], runningAsRoot() ? NOBODY : {});
    expect(r.stderr).not.toMatch(STACK);
    expect(r.code).toBe(2);
    const got = byName(files(r.stdout));
    expect([...got.keys()].sort()).toEqual(['droits/a.xlsx', 'droits/ferme.xlsx', 'droits/prive', 'droits/z/c.xlsx']);
    expect(got.get('droits/a.xlsx')!.status).toBe('ok');
    expect(got.get('droits/z/c.xlsx')!.status).toBe('ok');
    expect(got.get('droits/prive')).toMatchObject({
      status: 'unreadable',
      message: `Le dossier « ${path.join(top, 'prive')} » n’a pas pu être lu (accès refusé) : les classeurs qu’il contient n’ont pas été contrôlés.`,
    });
    expect(got.get('droits/ferme.xlsx')).toMatchObject({ status: 'unreadable', message: `Le fichier « ${path.join(top, 'ferme.xlsx')} » n’a pas pu être lu (accès refusé).` });

    // The same user may not write its report into a folder it cannot write to: said in French.
    if (runningAsRoot()) {
      const denied = await runCliProcess(['check', path.join(top, 'a.xlsx'), '--format', 'csv', '--out', path.join(outFolder, 'r.csv')], NOBODY);
      expect(denied.code).toBe(2);
      expect(denied.stderr).toBe(
        `annexes check : impossible d'écrire « ${path.join(outFolder, 'r.csv')} » : accès refusé : vérifiez que « ${path.join(outFolder, 'r.csv')} » n’est pas en lecture seule et que vous pouvez écrire dans le dossier « ${outFolder} ».\n`,
      );
    }
  }, 120_000);
});

describe('entries that vanish during the walk', () => {
  it('a subfolder and a workbook removed between the listing and the visit are reported; the rest is checked', async () => {
    const top = tree('disparus', { 'a.xlsx': 'workbook', 'parti/b.xlsx': 'workbook', 'perdu.xlsx': 'workbook', 'reste/c.xlsx': 'workbook' });
    const readdir = fsp.readdir.bind(fsp) as (...a: unknown[]) => Promise<unknown>;
    const spy = jest.spyOn(fsp, 'readdir').mockImplementation((async (...args: unknown[]) => {
      const listed = await readdir(...args);
      if (String(args[0]) === top) {
        // Someone tidies the folder just after it was listed.
        rmSync(path.join(top, 'parti'), { recursive: true });
        rmSync(path.join(top, 'perdu.xlsx'));
      }
      return listed;
    }) as unknown as typeof fsp.readdir);
    let r;
    try {
      r = await run(['check', top, '--format', 'json']);
    } finally {
      spy.mockRestore();
    }
    expect(r.code).toBe(2);
    const got = byName(files(r.stdout));
    expect(got.get('disparus/parti')!.message).toBe(`Le dossier « ${path.join(top, 'parti')} » a disparu pendant le parcours : son contenu n’a pas été contrôlé.`);
    expect(got.get('disparus/perdu.xlsx')!.message).toBe(`Le fichier « ${path.join(top, 'perdu.xlsx')} » a disparu pendant le parcours : il n’a pas été contrôlé.`);
    expect(got.get('disparus/a.xlsx')!.status).toBe('ok');
    expect(got.get('disparus/reste/c.xlsx')!.status).toBe('ok');
  });
});

describe('links, odd names and odd files', () => {
  it('symbolic links: folders followed once (a loop and a second way in are said and skipped), a link to nowhere reported', async () => {
    const top = tree('liens', { 'a/un.xlsx': 'workbook', 'b/deux.xlsx': 'workbook' });
    const outside = tree('ailleurs', { 'trois.xlsx': 'workbook' });
    symlinkSync('..', path.join(top, 'b', 'boucle')); // b/boucle → liens: a loop
    symlinkSync(path.join(top, 'a'), path.join(top, 'b', 'encore-a')); // a second way to a/
    symlinkSync(outside, path.join(top, 'dehors')); // followed: a folder outside the tree
    symlinkSync(path.join(top, 'absent.xlsx'), path.join(top, 'casse.xlsx'));
    symlinkSync(path.join(top, 'absent'), path.join(top, 'casse'));
    symlinkSync('lien-b', path.join(top, 'lien-a')); // two links pointing at each other
    symlinkSync('lien-a', path.join(top, 'lien-b'));
    const r = await run(['check', top, '--format', 'json']);
    expect(r.code).toBe(2);
    const got = byName(files(r.stdout));
    expect([...got.keys()]).toEqual(['liens/a/un.xlsx', 'liens/b/deux.xlsx', 'liens/casse.xlsx', 'liens/dehors/trois.xlsx']);
    expect(got.get('liens/casse.xlsx')!.message).toBe(`« ${path.join(top, 'casse.xlsx')} » est un lien symbolique vers un fichier introuvable.`);
    expect(r.stderr.split('\n').filter(Boolean)).toEqual([
      `annexes check : Le lien « ${path.join(top, 'b', 'boucle')} » mène à un dossier déjà parcouru (boucle, ou second chemin vers le même dossier) : il n’est pas parcouru une seconde fois.`,
      `annexes check : Le lien « ${path.join(top, 'b', 'encore-a')} » mène à un dossier déjà parcouru (boucle, ou second chemin vers le même dossier) : il n’est pas parcouru une seconde fois.`,
      `annexes check : « ${path.join(top, 'casse')} » est un lien symbolique vers un élément introuvable : ignoré.`,
      `annexes check : « ${path.join(top, 'lien-a')} » n’a pas pu être examiné (le chemin tourne en rond (liens symboliques qui se renvoient l’un à l’autre)) : ignoré.`,
      `annexes check : « ${path.join(top, 'lien-b')} » n’a pas pu être examiné (le chemin tourne en rond (liens symboliques qui se renvoient l’un à l’autre)) : ignoré.`,
    ]);
  });

  it('a folder given twice, or with one of its subfolders, is walked once', async () => {
    const top = tree('deux-fois', { 'a.xlsx': 'workbook', 'sous/b.xlsx': 'workbook' });
    const r = await run(['check', top, top, path.join(top, 'sous'), '--format', 'json']);
    expect(r.code).toBe(0);
    expect([...byName(files(r.stdout)).keys()]).toEqual(['deux-fois/a.xlsx', 'deux-fois/sous/b.xlsx']);
    expect(r.stderr).toBe(
      `annexes check : Le dossier « ${top} » a déjà été parcouru : il n’est pas parcouru une seconde fois.\n` +
        `annexes check : Le dossier « ${path.join(top, 'sous')} » a déjà été parcouru : il n’est pas parcouru une seconde fois.\n`,
    );
  });

  it('a workbook given twice, under another spelling, through a hard link, or also found in a folder given, is checked once', async () => {
    const top = tree('meme-fichier', { 'a.xlsx': 'workbook', 'b.xlsx': 'workbook' });
    const a = path.join(top, 'a.xlsx');
    const other = path.join(top, '.', 'a.xlsx').replace(`${path.sep}a.xlsx`, `${path.sep}.${path.sep}a.xlsx`);
    linkSync(path.join(top, 'b.xlsx'), path.join(root, 'b-lien.xlsx'));
    const r = await run(['check', a, a, other, path.join(root, 'b-lien.xlsx'), top, '--format', 'json']);
    expect(r.code).toBe(0);
    expect(files(r.stdout).map((f) => path.relative(root, f.file))).toEqual(['meme-fichier/a.xlsx', 'b-lien.xlsx']);
    expect(r.stderr.split('\n').filter(Boolean)).toEqual([
      `annexes check : « ${a} » est donné plusieurs fois : il n’est contrôlé qu’une fois.`,
      `annexes check : « ${other} » est le même fichier que « ${a} » (même nom écrit autrement, ou lien) : il n’est contrôlé qu’une fois.`,
      `annexes check : « ${a} » est donné plusieurs fois : il n’est contrôlé qu’une fois.`,
      `annexes check : « ${path.join(top, 'b.xlsx')} » est le même fichier que « ${path.join(root, 'b-lien.xlsx')} » (même nom écrit autrement, ou lien) : il n’est contrôlé qu’une fois.`,
    ]);
  });

  it('on a disk that reports inode 0 for every file, files are told apart by their path', async () => {
    const top = tree('inode-zero', { 'a.xlsx': 'workbook', 'b.xlsx': 'workbook', 'sous/c.xlsx': 'workbook' });
    const stat = fsp.stat.bind(fsp);
    const spy = jest.spyOn(fsp, 'stat').mockImplementation((async (...args: Parameters<typeof fsp.stat>) => {
      const s = await stat(...args);
      return Object.assign(s, { ino: typeof s.ino === 'bigint' ? 0n : 0 });
    }) as typeof fsp.stat);
    try {
      const { collectFiles } = await import('../../src/cli/collect-files');
      const c = await collectFiles([top, path.join(top, 'a.xlsx')]);
      expect(c.targets.map((t) => path.relative(root, t.file))).toEqual(['inode-zero/a.xlsx', 'inode-zero/b.xlsx', 'inode-zero/sous/c.xlsx']);
      expect(c.notices).toEqual([`« ${path.join(top, 'a.xlsx')} » est donné plusieurs fois : il n’est contrôlé qu’une fois.`]);
      await c.release();
    } finally {
      spy.mockRestore();
    }
  });

  it('names that are not UTF-8 are checked and shown with « � », in this thread and in the worker pool', async () => {
    const top = tree('noms', { 'a.xlsx': 'workbook' });
    const latin1 = Buffer.concat([Buffer.from(top), Buffer.from('/caf'), Buffer.from([0xe9]), Buffer.from('.xlsx')]);
    const folder = Buffer.concat([Buffer.from(top), Buffer.from('/r'), Buffer.from([0xe9, 0xff]), Buffer.from('gion')]);
    await fsp.writeFile(latin1, workbook);
    await fsp.mkdir(folder);
    await fsp.writeFile(Buffer.concat([folder, Buffer.from('/b.xlsx')]), workbook);
    for (const jobs of ['1', '2']) {
      const r = await run(['check', top, '--format', 'json', '--jobs', jobs]);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      const list = files(r.stdout);
      expect(list.map((f) => path.relative(root, f.file)).sort()).toEqual(['noms/a.xlsx', 'noms/caf\uFFFD.xlsx', 'noms/r\uFFFD\uFFFDgion/b.xlsx']);
      expect(list.every((f) => f.status === 'ok')).toBe(true);
    }
    const text = await run(['check', top]);
    expect(text.stdout).toContain(`Fichier : ${top}/caf\uFFFD.xlsx`);
    expect(text.stdout).not.toContain('/proc/self/fd');
  }, 120_000);

  it('a pipe named like a workbook is reported without being opened (opening it would wait forever)', async () => {
    const top = tree('tube', { 'a.xlsx': 'workbook' });
    execFileSync('mkfifo', [path.join(top, 'tube.xlsx')]);
    const r = await run(['check', top, '--format', 'json']);
    expect(r.code).toBe(2);
    expect(byName(files(r.stdout)).get('tube/tube.xlsx')!.message).toBe(`« ${path.join(top, 'tube.xlsx')} » n’est pas un fichier ordinaire : il n’a pas été lu.`);
  });

  it('a path that does not exist, and one given with bytes that are not UTF-8, are reported in French', async () => {
    const r = await run(['check', path.join(root, 'absent.xlsx'), path.join(root, 'caf\uFFFD.xlsx'), '--format', 'json']);
    expect(r.code).toBe(2);
    expect(files(r.stdout).map((f) => f.message)).toEqual([
      `Le fichier ou dossier « ${path.join(root, 'absent.xlsx')} » est introuvable.`,
      `Le fichier ou dossier « ${path.join(root, 'caf\uFFFD.xlsx')} » est introuvable (son nom n’est pas en UTF-8 : indiquez plutôt le dossier qui le contient).`,
    ]);
  });
});

describe('standard output closed or full', () => {
  let top: string;
  beforeAll(() => {
    // Enough findings for a report of several hundred kB: it cannot fit in a pipe's buffer.
    top = tree('sortie', { 'a.xlsx': 'workbook' });
    for (let i = 0; i < 3; i++) writeFileSync(path.join(top, `b${i}.xlsx`), workbook);
  });

  it('closed by the reader (… | head): no stack trace, no error code, the exit code is the check’s', async () => {
    const child = spawnTs('src/cli/main.ts', 'runCli', ['check', top, '--format', 'json'], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout!.destroy(); // the reader is gone before the first byte
    const r = await finished(child);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  }, 120_000);

  it('on a full disk: the report is said lost in French, exit 2, no stack trace', async () => {
    const full = openSync('/dev/full', 'w');
    try {
      const child = spawnTs('src/cli/main.ts', 'runCli', ['check', top, '--format', 'csv'], { stdio: ['ignore', full, 'pipe'] });
      const r = await finished(child);
      expect(r.stderr).toBe('annexes : le rapport n’a pas pu être écrit en entier sur la sortie standard (le disque est plein).\n');
      expect(r.code).toBe(2);
    } finally {
      closeSync(full);
    }
  }, 120_000);
});
