/**
 * « An output path always holds a whole workbook while a 42 MB copy is rewritten »: a child process
 * rewrites a 42 MB workbook over and over while this process reads the target as fast as it can,
 * then the child is killed (SIGKILL) in the middle of a write. Every read, and the target after
 * the kill, must be one of the two complete workbooks, byte for byte. The same reader run against
 * an in-place writer (the old way) catches a partial file: the test can fail.
 */
import { createHash, randomBytes } from 'crypto';
import { type ChildProcess } from 'child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import JSZip from 'jszip';
import { gridToXlsxBuffer } from '../../../src/adapters/xlsx/write-xlsx';
import { readXlsxBuffer } from '../../../src/adapters/xlsx/read-xlsx';
import { writeFileAtomic } from '../../../src/adapters/files/atomic-write';
import { buildSampleGrid } from '../../../scripts/sample/build-sample';
import { spawnTs } from '../../helpers/spawn-ts';

const dir = mkdtempSync(path.join(os.tmpdir(), 'annexes-atomic-'));
const target = path.join(dir, 'revue.xlsx');
const versions: { file: string; hash: string; bytes: Buffer }[] = [];
const sha = (b: Buffer) => createHash('sha1').update(b).digest('hex');

/** The sample workbook carrying 42 MB of incompressible data in an extra (stored) part. */
async function bigWorkbook(seed: string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(await gridToXlsxBuffer(buildSampleGrid()));
  const types = (await zip.file('[Content_Types].xml')!.async('string')).replace('<Default ', '<Default Extension="bin" ContentType="application/octet-stream"/><Default ');
  zip.file('[Content_Types].xml', types);
  zip.file(`xl/media/${seed}.bin`, randomBytes(42 * 1024 * 1024), { compression: 'STORE' });
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

beforeAll(async () => {
  for (const seed of ['a', 'b']) {
    const bytes = await bigWorkbook(seed);
    const file = path.join(dir, `${seed}.source`);
    writeFileSync(file, bytes);
    versions.push({ file, bytes, hash: sha(bytes) });
  }
  expect(versions[0].bytes.length).toBeGreaterThan(42 * 1024 * 1024);
  await writeFileAtomic(target, versions[0].bytes);
}, 120_000);

function startWriter(how: 'atomic' | 'in-place'): { child: ChildProcess; writes: () => number } {
  const child = spawnTs('test/fixtures/rewrite-loop.ts', 'rewriteLoop', [target, versions[0].file, versions[1].file, how], { stdio: ['ignore', 'pipe', 'inherit'] });
  let writes = 0;
  child.stdout!.on('data', (d: Buffer) => (writes += d.toString().split('\n').length - 1));
  return { child, writes: () => writes };
}

const until = async (ok: () => boolean, ms: number) => {
  const end = Date.now() + ms;
  while (!ok() && Date.now() < end) await new Promise((r) => setTimeout(r, 1));
};

/** Reads the target until `enough` writes happened; returns the reads that were not a whole version. */
async function watch(writes: () => number, enough: number): Promise<{ reads: number; partial: number }> {
  let reads = 0;
  let partial = 0;
  const known = new Set(versions.map((v) => v.hash));
  const end = Date.now() + 90_000;
  while (writes() < enough && Date.now() < end) {
    const bytes = readFileSync(target);
    reads++;
    if (!known.has(sha(bytes))) partial++;
    await new Promise((r) => setImmediate(r));
  }
  return { reads, partial };
}

/** The writer's temporary file, once it holds more than 4 MB (and less than the whole). */
function halfWritten(): string | undefined {
  for (const name of readdirSync(dir)) {
    if (!name.includes('.annexes-tmp-')) continue;
    const size = statSync(path.join(dir, name), { throwIfNoEntry: false })?.size ?? 0;
    if (size > 4 * 1024 * 1024 && size < versions[0].bytes.length) return name;
  }
  return undefined;
}

const kill = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    child.on('exit', () => resolve());
    child.kill('SIGKILL');
  });

describe('rewriting a 42 MB workbook', () => {
  it('readers only ever see a whole workbook, and a kill in mid-write leaves one', async () => {
    const { child, writes } = startWriter('atomic');
    try {
      await until(() => writes() >= 1, 60_000);
      const seen = await watch(writes, writes() + 30);
      expect(seen.partial).toBe(0);
      expect(seen.reads).toBeGreaterThan(10);
      // Killed in the middle of a write: as soon as its temporary file holds a few megabytes.
      let temp: string | undefined;
      await until(() => (temp = halfWritten()) !== undefined, 60_000);
      expect(temp).toBeDefined();
    } finally {
      await kill(child);
    }
    expect(readdirSync(dir).filter((n) => n.includes('.annexes-tmp-'))).toHaveLength(1); // a kill -9 leaves it
    const after = readFileSync(target);
    expect(versions.map((v) => v.hash)).toContain(sha(after));
    const grid = await readXlsxBuffer(after, 'revue.xlsx', { maxUncompressedBytes: 200 * 1024 * 1024 });
    expect(grid.sheets.map((s) => s.name)).toContain('Tableau financier');
    // The killed writer's temporary file goes with the next write.
    await writeFileAtomic(target, versions[1].bytes);
    expect(readdirSync(dir).filter((n) => n.includes('.annexes-tmp-'))).toEqual([]);
    expect(sha(readFileSync(target))).toBe(versions[1].hash);
  }, 180_000);

  it('Ctrl-C (SIGINT) or SIGTERM in mid-write: the temporary file is removed, the target is whole, the signal ends the process', async () => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      const { child } = startWriter('atomic');
      await until(() => halfWritten() !== undefined, 60_000);
      const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, s) => resolve(s)));
      child.kill(signal);
      expect(await exited).toBe(signal);
      expect(readdirSync(dir).filter((n) => n.includes('.annexes-tmp-'))).toEqual([]);
      expect(versions.map((v) => v.hash)).toContain(sha(readFileSync(target)));
    }
  }, 180_000);

  it('the same reader catches an in-place writer handing out partial files (the test can fail)', async () => {
    const { child, writes } = startWriter('in-place');
    try {
      await until(() => writes() >= 1, 60_000);
      const seen = await watch(writes, writes() + 30);
      expect(seen.partial).toBeGreaterThan(0);
    } finally {
      await kill(child);
    }
    expect(existsSync(target)).toBe(true);
  }, 180_000);
});
