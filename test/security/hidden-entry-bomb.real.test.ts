/**
 * The hidden-central-entry bomb of issue 11: a central-directory entry past the count the end
 * record declares hides a 1.5 Gio part in a 1.5 Mo file. The compiled CLI, run as a controller
 * runs it on a batch, refuses it as unreadable in under 60 s and under 1 Go, and reports the good
 * files of the batch. (Real tier: it compiles the CLI and deflates 1.5 Gio of zeros.)
 */
import { execFileSync, spawnSync } from 'child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { constants, createDeflateRaw } from 'zlib';
import { buildCleanSampleGrid } from '../../scripts/batch/clean-sample';
import { gridToXlsxBuffer } from '../../src/adapters/xlsx/write-xlsx';
import { type TrickEntry, trickZip, xlsxEntries } from '../fixtures/zip-tricks';

jest.setTimeout(900_000);

const HIDDEN_BYTES = 1.5 * 1024 ** 3;
const ROOT = path.join(__dirname, '..', '..');
let dir: string;
let dist: string;

/** 1.5 Gio of zeros as one raw deflate stream, deflated chunk by chunk (a few Mo of memory). */
function deflatedZeros(bytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const out: Buffer[] = [];
    const z = createDeflateRaw({ level: constants.Z_BEST_COMPRESSION });
    z.on('data', (d: Buffer) => out.push(d));
    z.on('end', () => resolve(Buffer.concat(out)));
    z.on('error', reject);
    const chunk = Buffer.alloc(16 * 1024 * 1024);
    let left = bytes;
    const pump = () => {
      while (left > 0) {
        const n = Math.min(left, chunk.length);
        left -= n;
        if (!z.write(n === chunk.length ? chunk : chunk.subarray(0, n))) return void z.once('drain', pump);
      }
      z.end();
    };
    pump();
  });
}

beforeAll(async () => {
  mkdirSync(path.join(ROOT, 'test-output'), { recursive: true });
  dir = mkdtempSync(path.join(tmpdir(), 'annexes-bomb-'));
  // Inside the project, so that the compiled CLI finds its node_modules.
  dist = mkdtempSync(path.join(ROOT, 'test-output', 'bomb-dist-'));
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', path.join(ROOT, 'tsconfig.build.json'), '--outDir', dist], { stdio: 'inherit' });
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(dist, { recursive: true, force: true });
});

it('is refused in under 60 s and 1 Go, and the good files of the batch are reported', async () => {
  const good = await gridToXlsxBuffer(buildCleanSampleGrid());
  const hidden: TrickEntry = { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(0), stored: await deflatedZeros(HIDDEN_BYTES), declaredSize: HIDDEN_BYTES };
  const bomb = trickZip(xlsxEntries(good), { hidden: [hidden], sizeCoversHidden: true });
  expect(bomb.length).toBeLessThan(4 * 1024 * 1024);
  const folder = path.join(dir, 'lot');
  mkdirSync(folder);
  writeFileSync(path.join(folder, '01-bon.xlsx'), good);
  writeFileSync(path.join(folder, '02-bombe.xlsx'), bomb);
  writeFileSync(path.join(folder, '03-bon.xlsx'), good);
  const script = `require(${JSON.stringify(path.join(dist, 'src', 'cli', 'main.js'))}).main(process.argv.slice(1)).then((code) => { process.stderr.write('\\n' + JSON.stringify({ code, maxRss: process.resourceUsage().maxRSS * 1024 }) + '\\n'); });`;
  const started = Date.now();
  const r = spawnSync(process.execPath, ['-e', script, 'check', folder, '--format', 'json'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const seconds = (Date.now() - started) / 1000;
  const stats = JSON.parse(r.stderr.trim().split('\n').pop()!) as { code: number; maxRss: number };
  const report = JSON.parse(r.stdout) as { files: { file: string; status: string; message: string }[] };
  expect(seconds).toBeLessThan(60);
  expect(stats.maxRss).toBeLessThan(1024 ** 3);
  expect(stats.code).toBe(2);
  expect(report.files.map((f) => [path.basename(f.file), f.status])).toEqual([
    ['01-bon.xlsx', 'ok'],
    ['02-bombe.xlsx', 'unreadable'],
    ['03-bon.xlsx', 'ok'],
  ]);
  expect(report.files[1].message).toMatch(/n'est pas un classeur Excel lisible : l'archive zip contient des parties au-delà du nombre que déclare sa fin \(parties cachées\)/);
});
