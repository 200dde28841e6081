/**
 * End to end, as a user runs it: `annexes fill` on a 42 MB workbook (written by openpyxl: the sample
 * plus a sheet of 220 000 rows of incompressible text) over an output that already holds a complete
 * workbook. While the copy is written the output is read again and again: every read is the previous
 * workbook or the new one, byte for byte. Then a second fill is killed (SIGKILL) while its temporary
 * file is half written: the output is still the complete workbook of the first fill.
 * Real tier (`npm run test:real`): heavy (a minute and about 2 GB per fill).
 */
import { createHash } from 'crypto';
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, statSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { writeXlsxFile } from '../../src/adapters/xlsx/write-xlsx';
import { readZipDirectory } from '../../src/adapters/xlsx/zip-directory';
import { sampleWith } from '../helpers/sample';
import { runPython } from '../helpers/python';
import { finished, spawnTs } from '../helpers/spawn-ts';

const dir = mkdtempSync(path.join(os.tmpdir(), 'annexes-fill-atomic-'));
const input = path.join(dir, 'gros.xlsx');
const output = path.join(dir, 'gros-rempli.xlsx');
const sha = (b: Buffer) => createHash('sha1').update(b).digest('hex');
const temps = () => readdirSync(dir).filter((n) => n.includes('.annexes-tmp-'));

beforeAll(async () => {
  const base = path.join(dir, 'base.xlsx');
  await writeXlsxFile(sampleWith({}), base);
  runPython(
    `
import sys, os, base64, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb.create_sheet('Pièces jointes')
for r in range(220000):
    ws.append([r, base64.b64encode(os.urandom(90)).decode(), base64.b64encode(os.urandom(90)).decode()])
wb.save(sys.argv[2])
`,
    [base, input],
  );
  const size = statSync(input).size;
  expect(size).toBeGreaterThan(42 * 1024 * 1024);
  expect(size).toBeLessThan(50 * 1024 * 1024); // under the default file size limit
  copyFileSync(input, output); // the output already holds a complete workbook
}, 600_000);

function fill() {
  return spawnTs('src/cli/main.ts', 'runCli', ['fill', input, '-o', output], { stdio: ['ignore', 'pipe', 'pipe'] });
}

describe('annexes fill rewriting a 42 MB copy', () => {
  let final: string;

  it('the output is always a whole workbook while the copy is written', async () => {
    const previous = sha(readFileSync(output));
    const child = fill();
    const done = finished(child);
    let running = true;
    void done.then(() => (running = false));
    const seen = new Map<string, number>();
    while (running) {
      const h = sha(readFileSync(output));
      seen.set(h, (seen.get(h) ?? 0) + 1);
      await new Promise((r) => setTimeout(r, 100));
    }
    const r = await done;
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    final = sha(readFileSync(output));
    expect(final).not.toBe(previous);
    expect([...seen.keys()].every((h) => h === previous || h === final)).toBe(true);
    expect(seen.get(previous)).toBeGreaterThan(10); // the reader did watch during the write
    expect(temps()).toEqual([]);
    const names = readZipDirectory(readFileSync(output), 10_000).map((e) => e.name);
    expect(names).toEqual(expect.arrayContaining(['xl/workbook.xml', '[Content_Types].xml']));
  }, 1_200_000);

  it('killed in the middle of writing the copy: the output is still the complete previous copy', async () => {
    const child = fill();
    const done = finished(child);
    let half: string | undefined;
    while (!half && child.exitCode === null) {
      half = temps().find((n) => {
        const size = statSync(path.join(dir, n), { throwIfNoEntry: false })?.size ?? 0;
        return size > 4 * 1024 * 1024;
      });
      await new Promise((r) => setTimeout(r, 2));
    }
    expect(half).toBeDefined();
    child.kill('SIGKILL');
    expect((await done).signal).toBe('SIGKILL');
    expect(sha(readFileSync(output))).toBe(final);
  }, 1_200_000);
});
