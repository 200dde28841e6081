/**
 * Every file is checked under a limit of time and memory, whatever the size of the batch: a file
 * that never ends or exhausts its memory is reported as not checked, in French, and the other files
 * of the batch are checked and reported in input order (the worker is replaced).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { buildCleanSampleGrid } from '../../scripts/batch/clean-sample';
import { writeXlsxFile } from '../../src/adapters/xlsx/write-xlsx';
import { MIN_FILES_FOR_WORKERS, checkFiles, defaultJobs, fileTimeoutMs, memoryLimitMb } from '../../src/cli/check-pool';

/**
 * The hanging file is abandoned after this long; the clean files around it must finish within it even
 * on a loaded 2-core machine, so it is not tight.
 */
const LIMIT_MS = 15_000;

const hostile = path.join(__dirname, 'fixtures', 'hostile-worker.ts');
let dir: string;
let clean: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'annexes-limits-'));
  clean = path.join(dir, 'propre.xlsx');
  await writeXlsxFile(buildCleanSampleGrid(), clean);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const named = (name: string) => {
  const f = path.join(dir, name);
  writeFileSync(f, 'peu importe');
  return { file: f };
};

describe('per-file limits at every batch size', () => {
  it('a single file that never ends is reported after the time limit', async () => {
    const [r] = await checkFiles([named('seul-boucle.xlsx')], { overrides: {}, timeoutMs: LIMIT_MS, workerEntry: hostile });
    expect(r.status).toBe('unreadable');
    expect(r.message).toMatch(/« .*seul-boucle\.xlsx » n'a pas pu être contrôlé \(le contrôle a dépassé 15 s et a été interrompu ; l’option --max-time accorde plus de temps\)/);
  });

  it('in a small batch (one worker), the files after a never-ending one are still checked', async () => {
    const targets = [{ file: clean }, named('petit-boucle.xlsx'), { file: clean }];
    const results = await checkFiles(targets, { overrides: {}, timeoutMs: LIMIT_MS, workerEntry: hostile });
    expect(results.map((r) => r.status)).toEqual(['ok', 'unreadable', 'ok']);
  });

  it('a file exhausting its memory is reported, in French, and the others are checked', async () => {
    const targets = [named('a-gonfle.xlsx'), { file: clean }];
    const results = await checkFiles(targets, { overrides: {}, memoryMb: 64, workerEntry: hostile });
    expect(results.map((r) => r.status)).toEqual(['unreadable', 'ok']);
    expect(results[0].message).toMatch(/a-gonfle\.xlsx » n'a pas pu être contrôlé \(le contrôle a dépassé la mémoire autorisée \(64 Mo\) et a été interrompu\)/);
  });

  it('one worker below the batch size where more are faster; the memory limit follows the uncompressed-size limit', () => {
    expect(defaultJobs(1)).toBe(1);
    expect(defaultJobs(MIN_FILES_FOR_WORKERS - 1)).toBe(1);
    expect(defaultJobs(101)).toBeGreaterThanOrEqual(1);
    // A second worker only on an idle core.
    expect(defaultJobs(101, 0.2, 2)).toBe(2);
    expect(defaultJobs(101, 1.6, 2)).toBe(1);
    expect(defaultJobs(101, 12, 2)).toBe(1);
    expect(defaultJobs(30, 0, 8)).toBe(1);
    expect(memoryLimitMb()).toBeGreaterThanOrEqual(1024);
    expect(memoryLimitMb(500 * 1024 * 1024)).toBeGreaterThan(memoryLimitMb());
  });

  it('the default time limit grows with the file: two minutes, plus 20 s per Mo (a big workbook is not a hanging one)', () => {
    const big = path.join(dir, 'gros.xlsx');
    writeFileSync(big, Buffer.alloc(9 * 1024 * 1024));
    expect(fileTimeoutMs(big)).toBe(120_000 + 9 * 20_000);
    expect(fileTimeoutMs(path.join(dir, 'absent.xlsx'))).toBe(120_000);
  });
});
