/**
 * Every verb that writes a file refuses to write over one of its inputs, under any spelling, with
 * exit 2 and a French message, and leaves the input byte for byte as it was (same mtime too).
 * Write failures are French sentences, never an error code.
 */
import { promises as fsp } from 'fs';
import { linkSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runMain as run } from '../helpers/run-main';
import { writeXlsxFile } from '../../src/adapters/xlsx/write-xlsx';
import { buildCleanSampleGrid } from '../../scripts/batch/clean-sample';

const dir = mkdtempSync(path.join(os.tmpdir(), 'annexes-never-'));
const input = path.join(dir, 'classeur.xlsx');
const RAW_ERRNO = /\bE[A-Z]{3,}\b/;


let bytes: Buffer;
let mtime: number;
const spellings: string[] = [];

beforeAll(async () => {
  await writeXlsxFile(buildCleanSampleGrid(), input);
  bytes = readFileSync(input);
  mtime = statSync(input).mtimeMs;
  linkSync(input, path.join(dir, 'lien-dur.xlsx'));
  symlinkSync(input, path.join(dir, 'lien.xlsx'));
  mkdirSync(path.join(dir, 'sous'));
  spellings.push(input, path.join(dir, '.', 'classeur.xlsx'), path.join(dir, 'sous', '..', 'classeur.xlsx'), path.join(dir, 'lien-dur.xlsx'), path.join(dir, 'lien.xlsx'));
}, 60_000);

const untouched = () => {
  expect(readFileSync(input).equals(bytes)).toBe(true);
  expect(statSync(input).mtimeMs).toBe(mtime);
};

describe('no verb writes over its input', () => {
  it('report -o <input>: exit 2, French message, input untouched', async () => {
    for (const out of spellings) {
      const r = await run(['report', input, '-o', out]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^annexes report : le fichier de sortie « .* » est le fichier d'entrée « .* » .*« annexes report » n'écrit jamais sur son entrée/);
    }
    // The input named through the link, the output by its real name.
    expect((await run(['report', path.join(dir, 'lien.xlsx'), '-o', input])).code).toBe(2);
    untouched();
  });

  it('check --out <input>, in every format: exit 2, input untouched', async () => {
    for (const format of ['json', 'csv', 'text', 'xlsx']) {
      for (const out of spellings) {
        const r = await run(['check', input, '--format', format, '--out', out]);
        expect(r.code).toBe(2);
        expect(r.stderr).toContain("« annexes check » n'écrit jamais sur son entrée");
      }
    }
    untouched();
  });

  it('check <folder> --out <a workbook of the folder>: refused; a new report inside the folder is written and not checked the next time', async () => {
    const folder = path.join(dir, 'lot');
    mkdirSync(folder);
    const workbook = path.join(folder, 'a.xlsx');
    writeFileSync(workbook, bytes);
    expect((await run(['check', folder, '--out', workbook])).code).toBe(2);
    expect(readFileSync(workbook).equals(bytes)).toBe(true);
    const review = path.join(folder, 'revue.xlsx');
    const first = await run(['check', folder, '--format', 'xlsx', '--out', review]);
    expect(first.code).toBe(0);
    const second = await run(['check', folder, '--format', 'xlsx', '--out', review]);
    expect(second.stderr).toContain(`annexes check : « ${review} » est le rapport de revue d’un contrôle précédent, que le nouveau remplace : il n’est pas contrôlé.`);
    expect(second.code).toBe(0);
    const json = await run(['check', folder, '--format', 'json']);
    expect(JSON.parse(json.stdout).files.map((f: { file: string }) => path.basename(f.file))).toEqual(['a.xlsx', 'revue.xlsx']);
  });

  it('fill -o <input>: exit 2, input untouched', async () => {
    for (const out of spellings) {
      const r = await run(['fill', input, '-o', out]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain("« annexes fill » n'écrit jamais sur son entrée");
    }
    untouched();
  });
});

describe('write failures are explained in French', () => {
  it('a folder as output, a missing folder, a file as folder: exit 2, no error code, for every verb', async () => {
    const missing = path.join(dir, 'absent', 'sortie.xlsx');
    const underFile = path.join(input, 'sortie.xlsx');
    const cases: [string[], string][] = [
      [['template', '-o', dir], 'c’est un dossier'],
      [['template', '-o', missing], 'n’existe pas'],
      [['template', '-o', underFile], 'n’est pas un dossier'],
      [['report', input, '-o', path.join(dir, 'absent', 'r.xlsx')], 'n’existe pas'],
      [['fill', input, '-o', dir], 'c’est un dossier'],
      [['check', input, '--format', 'csv', '--out', missing], 'n’existe pas'],
      [['check', input, '--format', 'json', '--out', dir], 'c’est un dossier'],
    ];
    for (const [args, reason] of cases) {
      const r = await run(args);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(new RegExp(`^annexes ${args[0]} : impossible d'écrire « .* » : .*${reason}`));
      expect(r.stderr).not.toMatch(RAW_ERRNO);
    }
    expect(readdirSync(dir).filter((n) => n.includes('.annexes-tmp-'))).toEqual([]);
    untouched();
  }, 60_000);
});

describe('read failures are explained in French', () => {
  it('fill: an input that cannot be read is a French sentence naming it, not an error code; it is read once', async () => {
    const readFile = fsp.readFile.bind(fsp);
    let calls = 0;
    const spy = jest.spyOn(fsp, 'readFile').mockImplementation((async (...args: Parameters<typeof fsp.readFile>) => {
      if (String(args[0]) === input && ++calls === 1) throw Object.assign(new Error(`EACCES: permission denied, open '${input}'`), { code: 'EACCES', path: input });
      return readFile(...args);
    }) as typeof fsp.readFile);
    try {
      const r = await run(['fill', input, '-o', path.join(dir, 'copie.xlsx')]);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(`annexes fill : Le fichier « ${input} » n'a pas pu être lu (accès refusé).\n`);
      expect(r.stderr).not.toMatch(/EACCES/);
      expect(calls).toBe(1);
    } finally {
      spy.mockRestore();
    }
  }, 60_000);
});
