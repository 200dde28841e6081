/**
 * Memory on the 200 000-row workbook (test/fixtures/many-rows.ts, written in streaming): peak RSS of
 * `readXlsxFile` + analysis, against ExcelJS opening the same file alone, each in its own process
 * (process.resourceUsage().maxRSS is the kernel's peak for that process). A third run checks the
 * file again with the V8 heap capped at 1 Go: memory stays bounded, the check still answers.
 */
import { spawnSync } from 'child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { readXlsxFile } from '../src/adapters/xlsx/read-xlsx';
import { readZipDirectory } from '../src/adapters/xlsx/zip-directory';
import { analyseGrid } from '../src/layout/analyse';
import { MANY_ROWS, writeManyRowsWorkbook } from '../test/fixtures/many-rows';
import { fr, line, mo, ms, ratio, run, title } from './lib/measure';

interface ChildResult {
  maxRss: number;
  heapAfterRead: number;
  heapAfterAll: number;
  readMs: number;
  totalMs: number;
  findings?: number;
}

/** In the child: one task, then its figures as JSON on stdout. */
async function child(task: string, file: string): Promise<void> {
  const t0 = performance.now();
  let heapAfterRead = 0;
  let readMs = 0;
  let findings: number | undefined;
  if (task === 'open') {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(file) as unknown as Parameters<ExcelJS.Xlsx['load']>[0]);
    readMs = performance.now() - t0;
    heapAfterRead = process.memoryUsage().heapUsed;
  } else {
    const grid = await readXlsxFile(file);
    readMs = performance.now() - t0;
    heapAfterRead = process.memoryUsage().heapUsed;
    findings = analyseGrid(grid).findings.length;
  }
  const result: ChildResult = {
    maxRss: process.resourceUsage().maxRSS * 1024,
    heapAfterRead,
    heapAfterAll: process.memoryUsage().heapUsed,
    readMs,
    totalMs: performance.now() - t0,
    findings,
  };
  process.stdout.write(JSON.stringify(result));
}

function measure(task: string, file: string, nodeArgs: string[] = []): ChildResult | string {
  const r = spawnSync(process.execPath, [...nodeArgs, __filename, task, file], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (r.status !== 0) return (r.stderr || `code ${r.status}`).split('\n').find((l) => /heap|memory|Error/i.test(l)) ?? `code ${r.status}`;
  return JSON.parse(r.stdout) as ChildResult;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'annexes-bench-'));
  try {
    const file = path.join(dir, '200000-lignes.xlsx');
    const t0 = performance.now();
    await writeManyRowsWorkbook(file);
    const made = performance.now() - t0;
    const inflated = readZipDirectory(readFileSync(file), 1000).reduce((s, e) => s + e.uncompressedSize, 0);
    title(`Mémoire : classeur de ${fr(MANY_ROWS, 0)} lignes (${mo(statSync(file).size)}, ${mo(inflated)} décompressé)`);
    line('écriture en flux du classeur', ms(made));
    const open = measure('open', file);
    const check = measure('check', file);
    const capped = measure('check', file, ['--max-old-space-size=1024']);
    if (typeof open === 'string' || typeof check === 'string') throw new Error(`mesure impossible : ${String(open)} ${String(check)}`);
    line('ExcelJS seul : pic de mémoire (RSS)', mo(open.maxRss));
    line('ExcelJS seul : durée', ms(open.totalMs));
    line('annexes check : pic de mémoire (RSS)', mo(check.maxRss));
    line('annexes check : tas après lecture / après contrôles', `${mo(check.heapAfterRead)} / ${mo(check.heapAfterAll)}`);
    line('annexes check : durée lecture / totale', `${ms(check.readMs)} / ${ms(check.totalMs)}`);
    line('rapport pic check / pic ExcelJS seul', ratio(check.maxRss, open.maxRss));
    line('rapport pic check / taille décompressée', ratio(check.maxRss, inflated));
    line('avec le tas V8 limité à 1 Go', typeof capped === 'string' ? `ÉCHEC (${capped})` : `passe, pic ${mo(capped.maxRss)}, ${capped.findings} constats`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const [task, file] = process.argv.slice(2);
run(task ? () => child(task, file) : main);
