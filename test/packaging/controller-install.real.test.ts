/**
 * A controller's workstation (real tier, needs the npm registry or its cache): the package `npm pack`
 * builds holds the compiled CLI and only its runtime dependencies. Installed with `--omit=dev` in an
 * empty folder, `npx annexes check` works on the sample, with none of the add-in's or the tests'
 * tooling installed.
 */
import { execFileSync, spawnSync } from 'child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'fs';
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
  expect(packed.filter((f) => /\.tsx?$/.test(f) && !f.endsWith('.d.ts'))).toEqual([]);
  expect(packed.filter((f) => /^package\/(test|src|scripts|bench|dist\/test|dist\/scripts|dist\/bench)\//.test(f))).toEqual([]);
  expect(packed.filter((f) => /taskpane|harness|adapters\/office/.test(f))).toEqual([]);
});

it('installs only the runtime dependencies', () => {
  const nm = path.join(station, 'node_modules');
  expect(existsSync(path.join(nm, 'annexes-financieres'))).toBe(true);
  for (const tool of ['webpack', 'webpack-cli', 'jest', 'ts-jest', 'typescript', 'playwright-core', 'react', 'react-dom', '@fluentui', '@microsoft/office-js', 'eslint']) {
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
