/**
 * One small file is checked without a worker (src/cli/check-in-process.ts), under the same limits:
 * its time is bounded by the V8 watchdog (tested with checks that never end, not against the
 * clock), its memory by the size its parts inflate to and this thread's free heap (a larger file
 * goes to a worker). The result is the worker's, field for field.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import JSZip from 'jszip';
import { buildCleanSampleGrid } from '../../scripts/batch/clean-sample';
import { writeXlsxFile } from '../../src/adapters/xlsx/write-xlsx';
import { IN_PROCESS_MAX_UNCOMPRESSED_BYTES, checkFiles, mayNeedWorker } from '../../src/cli/check-pool';
import { checkInThisThread } from '../../src/cli/check-in-process';
import type { FileResult } from '../../src/cli/check-file';

let dir: string;
let clean: string;
let padded: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'annexes-in-process-'));
  clean = path.join(dir, 'propre.xlsx');
  await writeXlsxFile(buildCleanSampleGrid(), clean);
  // The same workbook with a part inflating past the in-process budget (a few kilobytes on disk).
  const zip = await JSZip.loadAsync(readFileSync(clean));
  zip.file('docProps/remplissage.xml', '<a>'.padEnd(IN_PROCESS_MAX_UNCOMPRESSED_BYTES + 1, ' '));
  padded = path.join(dir, 'gonfle.xlsx');
  writeFileSync(padded, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const timedOut = (file: string): FileResult => ({ file, status: 'unreadable', message: 'trop long', findings: [], counts: { error: 0, warning: 0, info: 0 } });

/** checkFiles where checking a file in this thread never ends (a worker would load the real modules: these tests start none). */
async function checkFilesWithEndlessReads(...args: Parameters<typeof checkFiles>): Promise<FileResult[]> {
  let results: FileResult[] = [];
  await jest.isolateModulesAsync(async () => {
    jest.doMock('../../src/cli/check-file', () => ({
      ...jest.requireActual('../../src/cli/check-file'),
      checkFileBytes: () => {
        for (;;) {
          // reading this file never ends
        }
      },
    }));
    const pool = await import('../../src/cli/check-pool');
    results = await pool.checkFiles(...args);
  });
  return results;
}

describe('one small file, checked in this thread', () => {
  it('gives the result a worker gives', async () => {
    const [alone] = await checkFiles([{ file: clean }], { overrides: {} });
    const inWorker = await checkFiles([{ file: clean }, { file: clean }], { overrides: {}, jobs: 1 });
    expect(alone.status).toBe('ok');
    expect(alone).toEqual(inWorker[0]);
  });

  it('is stopped at its time limit wherever it is, even in a loop that never ends', async () => {
    const endless = (): FileResult => {
      for (;;) {
        // a check that never returns
      }
    };
    const r = await checkInThisThread({ file: clean, overrides: {}, timeoutMs: 50 }, timedOut, endless);
    expect(r).toEqual(timedOut(clean));
  });

  it('reports a file stopped at its time limit as not checked, in French, with the other files of the batch', async () => {
    const absent = path.join(dir, 'absent.xlsx');
    const results = await checkFilesWithEndlessReads([{ file: absent, problem: `« ${absent} » est introuvable.` }, { file: clean }], { overrides: {}, timeoutMs: 50 });
    expect(results.map((r) => r.status)).toEqual(['unreadable', 'unreadable']);
    expect(results[0].message).toBe(`« ${path.join(dir, 'absent.xlsx')} » est introuvable.`);
    expect(results[1].file).toBe(clean);
    expect(results[1].message).toMatch(/« .*propre\.xlsx » n'a pas pu être contrôlé \(le contrôle a dépassé 0 s et a été interrompu ; l’option --max-time accorde plus de temps\)/);
    // The thread that stopped a check checks the next file as before.
    const [after] = await checkFiles([{ file: clean }], { overrides: {} });
    expect(after.status).toBe('ok');
    expect(after.counts).toEqual((await checkFiles([{ file: clean }, { file: clean }], { overrides: {}, jobs: 1 }))[0].counts);
  });

  it('checks every file in this thread, each under its time limit, when no worker can be made', async () => {
    const noWorker = path.join(dir, 'pas-de-worker.js');
    const expected = await checkFiles([{ file: clean }, { file: clean }], { overrides: {}, jobs: 1 });
    expect(await checkFiles([{ file: clean }, { file: clean }], { overrides: {}, workerEntry: noWorker })).toEqual(expected);
    const results = await checkFilesWithEndlessReads([{ file: clean }, { file: path.join(dir, 'absent.xlsx') }, { file: padded }], { overrides: {}, timeoutMs: 50, workerEntry: noWorker });
    expect(results.map((r) => [path.basename(r.file), r.status])).toEqual([
      ['propre.xlsx', 'unreadable'],
      ['absent.xlsx', 'unreadable'],
      ['gonfle.xlsx', 'unreadable'],
    ]);
    expect(results[0].message).toContain('le contrôle a dépassé 0 s et a été interrompu');
    expect(results[1].message).not.toContain('dépassé');
    expect(results[1].message).not.toContain('erreur interne');
    expect(results[2].message).toContain('le contrôle a dépassé 0 s et a été interrompu');
  });

  it('leaves the file to a worker when this thread\'s heap has no room for its check', async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the module object itself, whose function the reader calls
    const v8 = require('v8') as typeof import('v8');
    const heap = v8.getHeapStatistics();
    const spy = jest.spyOn(v8, 'getHeapStatistics').mockReturnValue({ ...heap, used_heap_size: heap.heap_size_limit - 1024 * 1024 });
    try {
      expect(await checkInThisThread({ file: clean, overrides: {}, timeoutMs: 60_000 }, timedOut)).toBeNull();
    } finally {
      spy.mockRestore();
    }
    expect((await checkInThisThread({ file: clean, overrides: {}, timeoutMs: 60_000 }, timedOut))?.status).toBe('ok');
  });

  it('leaves a file whose parts inflate past the in-process budget to a worker', async () => {
    expect(await checkInThisThread({ file: padded, overrides: {}, timeoutMs: 60_000 }, timedOut)).toBeNull();
    const [r] = await checkFiles([{ file: padded }], { overrides: {} });
    expect(r.status).toBe('ok');
  });

  it('starts no worker ahead for one small file, and does for a folder or several files', () => {
    expect(mayNeedWorker([clean, '--format', 'json'])).toBe(false);
    expect(mayNeedWorker([dir])).toBe(true);
    expect(mayNeedWorker([clean, padded])).toBe(true);
  });
});
