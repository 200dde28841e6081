/**
 * The controllers' batch review of 101 Départements' workbooks (scripts/batch/generate.ts: scaled
 * figures, planted faults, two unreadable files). Goals (issue 14), measured side by side in one
 * run, rounds interleaved, medians — each a whole Node process, as a controller runs it (startup,
 * module loading and JIT warm-up included for all alike):
 * - `annexes check <dossier>` ≤ 0.5 × ExcelJS's bare read of the same files (a script that loads
 *   ExcelJS and reads each file);
 * - the same ≤ 4 × the floor (a script that inflates every part with zlib and scans the sheets and
 *   shared strings once, bench/lib/floor.ts);
 * - the default number of workers never slower than `--jobs 1`.
 *   npx tsc -p tsconfig.build.json && node dist/bench/batch-review.js
 */
import { spawnSync } from 'child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { availableCores, defaultJobs } from '../src/cli/check-pool';
import { generateDepartementWorkbooks } from '../scripts/batch/generate';
import { floorRead } from './lib/floor';
import { goal, machineLoad } from './lib/goals';
import { interleaved, line, median, ms, run, title } from './lib/measure';

const ROUNDS = 5;
const CLI = path.join(__dirname, '..', '..', 'bin', 'annexes.js');

/** The command as a controller runs it: its own process, wall clock. */
function command(args: string[]): void {
  const r = spawnSync(process.execPath, [CLI, ...args], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  // Exit 2: the batch holds two unreadable files, on purpose.
  if (r.status !== 2) throw new Error(`annexes ${args.join(' ')} : code ${r.status}\n${r.stderr}`);
}

/** ExcelJS's bare read, or the floor, of every file of the list, in a process of its own. */
function script(task: 'exceljs' | 'floor', list: string): void {
  const r = spawnSync(process.execPath, [__filename, task, list], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${task} : code ${r.status}\n${r.stderr}`);
}

async function child(task: string, list: string): Promise<void> {
  const files = JSON.parse(readFileSync(list, 'utf8')) as string[];
  if (task === 'floor') {
    for (const file of files) floorRead(file);
    return;
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded in the timed process, as a reader would
  const ExcelJS = require('exceljs') as typeof import('exceljs');
  for (const file of files) {
    try {
      await new ExcelJS.Workbook().xlsx.readFile(file);
    } catch {
      // the two unreadable files: ExcelJS gives up on them too
    }
  }
}

async function main(): Promise<void> {
  title('Revue en lot : 101 classeurs départementaux');
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-101-'));
  try {
    const folder = path.join(dir, 'departements');
    const manifest = await generateDepartementWorkbooks(folder);
    const files = manifest.files.map((f) => path.join(folder, f.file));
    const out = path.join(dir, 'revue.xlsx');
    const list = path.join(dir, 'fichiers.json');
    writeFileSync(list, JSON.stringify(files));
    const times = await interleaved(
      {
        exceljs: () => script('exceljs', list),
        floor: () => script('floor', list),
        check: () => command(['check', folder, '--format', 'json']),
        jobs1: () => command(['check', folder, '--format', 'json', '--jobs', '1']),
        review: () => command(['check', folder, '--format', 'xlsx', '--out', out]),
      },
      ROUNDS,
    );
    const [excel, floor, check, jobs1, review] = ['exceljs', 'floor', 'check', 'jobs1', 'review'].map((k) => median(times[k]));
    line('fichiers (dont illisibles)', `${files.length} (${manifest.files.filter((f) => f.faults.some((x) => x.kind === 'unreadable')).length})`);
    line('machine', machineLoad());
    line('ExcelJS seul : lecture des fichiers (processus entier)', ms(excel));
    line('plancher : zlib + un parcours des feuilles et textes (processus entier)', ms(floor));
    line(`annexes check <dossier> (processus entier, ${defaultJobs(files.length)} worker(s) sur ${availableCores()} cœur(s))`, ms(check));
    line('annexes check <dossier> --jobs 1 (processus entier)', ms(jobs1));
    line('annexes check <dossier> --format xlsx (classeur de revue)', ms(review));
    goal('lot de 101 classeurs / lecture ExcelJS seule', `${ms(check)} contre ${ms(excel)}`, check / excel, 0.5);
    goal('lot de 101 classeurs / plancher', `${ms(check)} contre ${ms(floor)}`, check / floor, 4);
    // With one worker by default (a busy machine), both commands are the same: the ratio measures the
    // noise between two runs, within which they are equal (5 %).
    const same = defaultJobs(files.length) === 1;
    goal(
      'lot par défaut / --jobs 1',
      `${ms(check)} contre ${ms(jobs1)}${same ? ' (même configuration ici : 1 worker ; écart de mesure toléré 5 %)' : ''}`,
      check / jobs1,
      same ? 1.05 : 1,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const [task, list] = process.argv.slice(2);
run(task ? () => child(task, list) : main);
