/**
 * The CLI as users run it — the esbuild bundle loaded by bin/load-bundle.js through vm.Script — says
 * exactly what the compiled modules say (real tier: needs `npm ci` or `npm run build:cli`, which
 * make both). The rest of the suite runs the sources; this is where a difference that only the
 * bundle has (a module loaded differently, a path, a dynamic import) shows: each command, on good,
 * hostile and batch inputs, gives the same exit code, standard output and error output both ways.
 */
import { spawnSync } from 'child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';

const ROOT = path.join(__dirname, '..', '..');
const SAMPLE = path.join(ROOT, 'samples', 'pas-de-calais-2024.xlsx');
const BUNDLE = path.join(ROOT, 'dist', 'cli', 'annexes.bundle.js');
const COMPILED = path.join(ROOT, 'dist', 'src', 'cli', 'main.js');
const work = mkdtempSync(path.join(tmpdir(), 'annexes-parite-'));

type Way = 'bundle' | 'compiled';
const LOADERS: Record<Way, string> = {
  bundle: `require(${JSON.stringify(path.join(ROOT, 'bin', 'load-bundle.js'))}).loadBundle(${JSON.stringify(BUNDLE)}).exports`,
  compiled: `require(${JSON.stringify(COMPILED)})`,
};

/** One run of the CLI in a fresh process, outputs written under `out/<way>/` so both ways write the same names. */
function run(way: Way, args: (out: string) => string[]) {
  const out = path.join(work, way);
  mkdirSync(out, { recursive: true });
  const script = `${LOADERS[way]}.runCli(JSON.parse(process.argv[1]))`;
  const r = spawnSync(process.execPath, ['-e', script, JSON.stringify(args(out))], { cwd: work, encoding: 'utf8' });
  // The two ways write in their own folders: their names are the one thing allowed to differ.
  const same = (s: string) => s.split(out).join('<sortie>');
  return { status: r.status, stdout: same(r.stdout), stderr: same(r.stderr) };
}

beforeAll(() => {
  for (const f of [BUNDLE, COMPILED]) {
    if (!existsSync(f)) throw new Error(`${path.relative(ROOT, f)} manque : lancez « npm run build:cli » (ou « npm ci ») avant « npm run test:real ».`);
  }
  mkdirSync(path.join(work, 'lot'));
  for (const name of ['a.xlsx', 'b.xlsx']) copyFileSync(SAMPLE, path.join(work, 'lot', name));
  writeFileSync(path.join(work, 'lot', 'abime.xlsx'), Buffer.from('PK\u0003\u0004 pas un classeur'));
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

const CASES: [string, (out: string) => string[]][] = [
  ['version', () => ['--version']],
  ['help', () => ['--help']],
  ['check, text', () => ['check', SAMPLE]],
  ['check, json', () => ['check', SAMPLE, '--format', 'json', '--forfait-volet1', 'integral']],
  ['check, csv', () => ['check', SAMPLE, '--format', 'csv']],
  ['check of a folder with a damaged file, json (workers)', () => ['check', path.join(work, 'lot'), '--format', 'json', '--jobs', '2']],
  ['check of a missing file', () => ['check', path.join(work, 'absent.xlsx')]],
  ['check --out over its input', () => ['check', SAMPLE, '--out', SAMPLE]],
  ['report', (out) => ['report', SAMPLE, '-o', path.join(out, 'rapport.xlsx')]],
  ['fill', (out) => ['fill', SAMPLE, '-o', path.join(out, 'rempli.xlsx')]],
  ['template', (out) => ['template', '-o', path.join(out, 'modele.xlsx')]],
  ['diff, json', (out) => ['diff', SAMPLE, path.join(out, 'rempli.xlsx'), '--format', 'json']],
  ['an unknown command', () => ['verifier', SAMPLE]],
];

it.each(CASES)('%s: the same exit code and outputs from the bundle as from the compiled modules', (_name, args) => {
  const compiled = run('compiled', args);
  const bundle = run('bundle', args);
  expect(bundle).toEqual(compiled);
  expect(compiled.stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
});

it('a review re-run in its own folder replaces the previous one, both ways', () => {
  for (const way of ['compiled', 'bundle'] as Way[]) {
    const folder = path.join(work, `envoi-${way}`);
    mkdirSync(folder);
    copyFileSync(SAMPLE, path.join(folder, '62.xlsx'));
    const review = () => run(way, () => ['check', folder, '--format', 'xlsx', '--out', path.join(folder, 'revue.xlsx')]);
    expect(review().status).toBe(1);
    const again = review();
    expect([way, again.status, again.stderr]).toEqual([way, 1, expect.stringContaining('est le rapport de revue d’un contrôle précédent')]);
  }
});
