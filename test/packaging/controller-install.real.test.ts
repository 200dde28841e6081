/**
 * A controller's workstation (real tier, needs the npm registry or its cache): the package `npm pack`
 * builds holds the compiled CLI and only its runtime dependencies. Installed with `--omit=dev` in an
 * empty folder, `npx annexes check` works on the sample, with none of the add-in's or the tests'
 * tooling installed.
 */
import { execFileSync, spawnSync } from 'child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';

const ROOT = path.join(__dirname, '..', '..');
const SAMPLE = path.join(ROOT, 'samples', 'pas-de-calais-2024.xlsx');
const work = mkdtempSync(path.join(tmpdir(), 'annexes-poste-'));
const packDir = path.join(work, 'paquet');
const station = path.join(work, 'poste');
let tarball = '';
let packed: string[] = [];

const npm = (args: string[], cwd: string) => execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

beforeAll(() => {
  mkdirSync(packDir);
  mkdirSync(station);
  npm(['pack', '--pack-destination', packDir, '--silent'], ROOT);
  const tgz = readdirSync(packDir).filter((f) => /^annexes-financieres-.*\.tgz$/.test(f));
  expect(tgz).toHaveLength(1);
  tarball = path.join(packDir, tgz[0]);
  packed = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).trim().split('\n');
  npm(['init', '-y'], station);
  npm(['install', tarball, '--omit=dev', '--no-audit', '--no-fund'], station);
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

it('packs the compiled CLI, not the sources, tests or add-in', () => {
  expect(packed).toContain('package/bin/annexes.js');
  expect(packed).toContain('package/dist/src/cli/main.js');
  // The bundle bin/annexes.js loads, its worker and their code caches (scripts/bundle-cli.js, run by `prepare`).
  for (const f of ['annexes.bundle.js', 'annexes.bundle.js.cache', 'check-worker.js', 'check-worker.bundle.js', 'check-worker.bundle.js.cache']) expect(packed).toContain(`package/dist/cli/${f}`);
  expect(packed.filter((f) => /\.tsx?$/.test(f) && !f.endsWith('.d.ts'))).toEqual([]);
  expect(packed.filter((f) => /^package\/(test|src|scripts|bench|dist\/test|dist\/scripts|dist\/bench)\//.test(f))).toEqual([]);
  expect(packed.filter((f) => /taskpane|harness|adapters\/office/.test(f))).toEqual([]);
});

it('installs only the runtime dependencies', () => {
  const nm = path.join(station, 'node_modules');
  expect(existsSync(path.join(nm, 'annexes-financieres'))).toBe(true);
  for (const tool of ['webpack', 'webpack-cli', 'jest', 'ts-jest', 'typescript', 'playwright-core', 'react', 'react-dom', '@fluentui', '@microsoft/office-js', 'eslint', 'esbuild']) {
    expect([tool, existsSync(path.join(nm, tool))]).toEqual([tool, false]);
  }
});

it('`npx annexes check` on the sample: exit 1 with the PLAN-DELTA finding', () => {
  const r = spawnSync('npx', ['--no', 'annexes', 'check', SAMPLE, '--format', 'json'], { cwd: station, encoding: 'utf8' });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(1);
  const report = JSON.parse(r.stdout);
  const delta = report.files[0].findings.find((f: { rule: string }) => f.rule === 'PLAN-DELTA');
  expect(delta).toMatchObject({ sheet: 'Construction du plan de finance', cell: 'F18', expected: '330', actual: '3030' });
});

it('checks a folder (in a worker) with the same findings, and runs on the bundle alone', () => {
  const folder = path.join(work, 'lot');
  mkdirSync(folder);
  for (const name of ['a.xlsx', 'b.xlsx']) copyFileSync(SAMPLE, path.join(folder, name));
  const check = (target: string) => spawnSync('npx', ['--no', 'annexes', 'check', target, '--format', 'json'], { cwd: station, encoding: 'utf8' });
  const rules = (stdout: string) => (JSON.parse(stdout) as { files: { findings: { rule: string; cell: string }[] }[] }).files.map((f) => f.findings.map((x) => `${x.rule} ${x.cell}`));
  const alone = check(SAMPLE);
  const batch = check(folder);
  expect([batch.stderr, batch.status]).toEqual(['', 1]);
  expect(rules(batch.stdout)).toEqual([...rules(alone.stdout), ...rules(alone.stdout)]);
  // Without the compiled modules the launcher can only use the bundle (and the worker its own).
  rmSync(path.join(station, 'node_modules', 'annexes-financieres', 'dist', 'src'), { recursive: true });
  for (const target of [SAMPLE, folder]) {
    const r = check(target);
    expect([r.stderr, r.status]).toEqual(['', 1]);
    expect(rules(r.stdout)).toEqual(rules(target === SAMPLE ? alone.stdout : batch.stdout));
  }
});

// The bundle is run by vm.Script (bin/load-bundle.js): what works from the compiled modules must
// work from it too — each command, and the review replaced in its own folder (a loader-less
// import() there once made the second run refuse its own previous report).
it('every command runs on the bundle alone, and a review re-run in its folder replaces the previous one', () => {
  rmSync(path.join(station, 'node_modules', 'annexes-financieres', 'dist', 'src'), { recursive: true, force: true });
  const folder = path.join(work, 'envois');
  mkdirSync(folder);
  copyFileSync(SAMPLE, path.join(folder, '62.xlsx'));
  const annexes = (...args: string[]) => spawnSync('npx', ['--no', 'annexes', ...args], { cwd: station, encoding: 'utf8' });
  const review = ['check', folder, '--format', 'xlsx', '--out', path.join(folder, 'revue.xlsx')];
  expect(annexes(...review).status).toBe(1);
  const again = annexes(...review);
  expect([again.status, again.stderr]).toEqual([1, expect.stringContaining('est le rapport de revue d’un contrôle précédent')]);
  const copy = path.join(work, 'rempli.xlsx');
  for (const args of [['report', SAMPLE, '-o', path.join(work, 'rapport.xlsx')], ['fill', SAMPLE, '-o', copy], ['template', '-o', path.join(work, 'modele.xlsx')]]) {
    const r = annexes(...args);
    expect([args[0], r.status]).toEqual([args[0], 0]);
  }
  const diff = annexes('diff', SAMPLE, copy, '--format', 'json');
  expect(diff.status).toBe(1);
  expect(JSON.parse(diff.stdout)).toBeTruthy();
});
