/**
 * bin/annexes.js and bin/load-bundle.js, in a copy of the launcher beside a stand-in dist/: the
 * bundle is used only when made after the compiled modules, a damaged bundle falls back to them, and
 * a code cache V8 refuses (another Node, a damaged file) is ignored: the bundle is compiled as usual.
 */
import { spawnSync } from 'child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';

const BIN = path.join(__dirname, '..', '..', 'bin');
let root: string;
let bundle: string;
let compiled: string;

/** A stand-in CLI: prints where it was loaded from and the arguments it got. */
const cli = (from: string) => `'use strict';
exports.runCli = async (args) => { process.stdout.write(${JSON.stringify(from)} + ' ' + args.join(' ')); };
`;

function setDates(file: string, seconds: number): void {
  utimesSync(file, seconds, seconds);
}

function run(env: NodeJS.ProcessEnv = {}) {
  return spawnSync(process.execPath, [path.join(root, 'bin', 'annexes.js'), 'check', 'x.xlsx'], { encoding: 'utf8', env: { ...process.env, ...env } });
}

/** Loads the bundle through bin/load-bundle.js in a fresh process: whether V8 refused its cache. */
function load(): { rejected: boolean; out: string } {
  const script = `const r = require(${JSON.stringify(path.join(root, 'bin', 'load-bundle.js'))}).loadBundle(${JSON.stringify(bundle)}); process.stdout.write(JSON.stringify({ rejected: r.cacheRejected, out: typeof r.exports.runCli }));`;
  const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout);
}

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'annexes-lanceur-'));
  mkdirSync(path.join(root, 'bin'));
  for (const f of ['annexes.js', 'load-bundle.js']) copyFileSync(path.join(BIN, f), path.join(root, 'bin', f));
  mkdirSync(path.join(root, 'dist', 'cli'), { recursive: true });
  mkdirSync(path.join(root, 'dist', 'src', 'cli'), { recursive: true });
  bundle = path.join(root, 'dist', 'cli', 'annexes.bundle.js');
  compiled = path.join(root, 'dist', 'src', 'cli', 'main.js');
  writeFileSync(compiled, cli('modules'));
  writeFileSync(bundle, cli('bundle'));
  setDates(compiled, 1_000_000);
  setDates(bundle, 2_000_000);
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('the launcher', () => {
  it('uses the bundle made after the compiled modules, and the modules when tsc compiled them again after it', () => {
    expect(run().stdout).toBe('bundle check x.xlsx');
    setDates(compiled, 3_000_000);
    expect(run().stdout).toBe('modules check x.xlsx');
  });

  it('uses the bundle and the modules of a packed install (one date for all)', () => {
    setDates(compiled, 2_000_000);
    expect(run().stdout).toBe('bundle check x.xlsx');
  });

  it('falls back to the compiled modules when the bundle cannot be loaded', () => {
    writeFileSync(bundle, 'exports.runCli = ;');
    setDates(bundle, 2_000_000);
    const r = run();
    expect([r.stdout, r.stderr, r.status]).toEqual(['modules check x.xlsx', '', 0]);
  });

  it('says in French that the tool is not compiled when neither is there', () => {
    rmSync(bundle);
    rmSync(compiled);
    const r = run();
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("l'outil n'est pas compilé");
  });
});

describe('the code cache', () => {
  it('is written by a build run, then taken by V8', () => {
    expect(load()).toEqual({ rejected: false, out: 'function' });
    expect(run({ ANNEXES_WRITE_CODE_CACHE: '1' }).stdout).toBe('bundle check x.xlsx');
    expect(readFileSync(`${bundle}.cache`).length).toBeGreaterThan(0);
    expect(load()).toEqual({ rejected: false, out: 'function' });
  });

  it('made by another V8, or damaged, is refused and the bundle compiled as usual', () => {
    run({ ANNEXES_WRITE_CODE_CACHE: '1' });
    const good = readFileSync(`${bundle}.cache`);
    // V8's cache header: magic number, then the hash of the V8 version that wrote it.
    const otherVersion = Buffer.from(good);
    for (let i = 4; i < 8; i++) otherVersion[i] ^= 0xff;
    for (const cache of [otherVersion, good.subarray(0, good.length >> 1), Buffer.from('pas un cache')]) {
      writeFileSync(`${bundle}.cache`, cache);
      expect(load()).toEqual({ rejected: true, out: 'function' });
      const r = run();
      expect([r.stdout, r.stderr, r.status]).toEqual(['bundle check x.xlsx', '', 0]);
    }
  });

  it('of another source (the bundle built again) is refused', () => {
    run({ ANNEXES_WRITE_CODE_CACHE: '1' });
    writeFileSync(bundle, cli('bundle') + '// built again\n');
    expect(load()).toEqual({ rejected: true, out: 'function' });
  });
});
