/**
 * The 200 000-row workbook (test/fixtures/many-rows.ts, written in streaming) and its 20 000-row
 * twin. Goals (issue 14), each process on its own, in one run:
 * - `annexes check` of the 200 000 rows as a whole process ≤ 3 × ExcelJS's bare read of the file;
 * - ten times the rows costs at most 11 times the time (20 000 → 200 000 rows);
 * - peak memory (RSS of the whole process, workers included) ≤ 10 × the sheets' uncompressed XML.
 *   npx tsc -p tsconfig.build.json && node dist/bench/memory-200k.js
 */
import { spawnSync } from 'child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { readZipDirectory } from '../src/adapters/xlsx/zip-directory';
import { MANY_ROWS, writeManyRowsWorkbook } from '../test/fixtures/many-rows';
import { goal, machineLoad } from './lib/goals';
import { fr, line, mo, ms, run, title } from './lib/measure';

const MAIN = path.join(__dirname, '..', 'src', 'cli', 'main.js');

interface Figures {
  ms: number;
  maxRss: number;
  code?: number;
}

/** In a child: ExcelJS reads the file (timed inside, modules loaded), or the whole CLI checks it. */
async function child(task: string, file: string): Promise<void> {
  if (task === 'exceljs') {
    // Loaded here only: the check's process must not carry ExcelJS (the CLI never loads it to check).
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const ExcelJS = require('exceljs') as typeof import('exceljs');
    const t0 = performance.now();
    await new ExcelJS.Workbook().xlsx.readFile(file);
    process.stdout.write(JSON.stringify({ ms: performance.now() - t0, maxRss: process.resourceUsage().maxRSS * 1024 }));
    return;
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the CLI as installed
  const code = await (require(MAIN) as typeof import('../src/cli/main')).main(['check', file, '--format', 'json'], { stdout: () => undefined, stderr: (s) => process.stderr.write(s) });
  process.stdout.write(JSON.stringify({ ms: 0, maxRss: process.resourceUsage().maxRSS * 1024, code }));
}

/** Runs one task in its own process; for the check, `ms` is the whole process's wall clock. */
function measure(task: string, file: string): Figures {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [__filename, task, file], { encoding: 'utf8', maxBuffer: 1 << 20 });
  const wall = performance.now() - t0;
  if (r.status !== 0) throw new Error(`${task} ${file} : code ${r.status}\n${r.stderr}`);
  const f = JSON.parse(r.stdout) as Figures;
  if (task === 'check') {
    if (f.code !== 1) throw new Error(`annexes check ${file} : code ${f.code} (1 attendu : l'action faussée)`);
    f.ms = wall;
  }
  return f;
}

/** Inflated size of the worksheet parts. */
function sheetXmlBytes(file: string): number {
  return readZipDirectory(readFileSync(file), 1000)
    .filter((e) => /^xl\/worksheets\/[^/]+\.xml$/.test(e.name))
    .reduce((s, e) => s + e.uncompressedSize, 0);
}

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'annexes-bench-'));
  try {
    const big = path.join(dir, '200000-lignes.xlsx');
    const small = path.join(dir, '20000-lignes.xlsx');
    await writeManyRowsWorkbook(big);
    await writeManyRowsWorkbook(small, MANY_ROWS / 10);
    const xml = sheetXmlBytes(big);
    title(`Classeur de ${fr(MANY_ROWS, 0)} lignes (${mo(statSync(big).size)}, feuilles ${mo(xml)} décompressées)`);
    line('machine', machineLoad());
    // Interleaved, one process each: the small check, ExcelJS, the big check, twice.
    const runs: Record<string, Figures[]> = { small: [], exceljs: [], big: [] };
    for (let r = 0; r < 2; r++) {
      runs.small.push(measure('check', small));
      runs.exceljs.push(measure('exceljs', big));
      runs.big.push(measure('check', big));
    }
    const best = (xs: Figures[]) => xs.reduce((a, b) => (b.ms < a.ms ? b : a));
    const [s, e, b] = [best(runs.small), best(runs.exceljs), best(runs.big)];
    line('ExcelJS seul : lecture (modules chargés)', `${ms(e.ms)}, pic ${mo(e.maxRss)}`);
    line('annexes check 20 000 lignes (processus entier)', `${ms(s.ms)}, pic ${mo(s.maxRss)}`);
    line('annexes check 200 000 lignes (processus entier)', `${ms(b.ms)}, pic ${mo(b.maxRss)}`);
    goal('200 000 lignes / lecture ExcelJS seule', `${ms(b.ms)} contre ${ms(e.ms)}`, b.ms / e.ms, 3);
    goal('10 fois plus de lignes / temps', `${ms(b.ms)} contre ${ms(s.ms)} pour 20 000 lignes`, b.ms / s.ms, 11);
    goal('pic de mémoire / XML des feuilles', `${mo(b.maxRss)} contre ${mo(xml)}`, b.maxRss / xml, 10);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const [task, file] = process.argv.slice(2);
run(task ? () => child(task, file) : main);
