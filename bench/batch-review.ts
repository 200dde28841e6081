/**
 * The controllers' batch review of 101 Départements' workbooks (scripts/batch/generate.ts: scaled
 * figures, planted faults, two unreadable files) against the time ExcelJS alone takes to open them.
 * Goal: the checks add less than 20 % on top of reading the files.
 *   npx tsc -p tsconfig.build.json && node dist/bench/batch-review.js
 * Three things, interleaved in one process (medians over the rounds):
 * - ExcelJS alone: read each file and load it, one after the other;
 * - the review on one core: `checkFile` on each file (zip guard, ExcelJS, grid, readers, rules);
 * - the command as a controller runs it: `annexes check <dossier> --format xlsx --out …`, on the
 *   available cores, review workbook included.
 * Each is timed twice: wall clock, and CPU time of the process (all threads, process.cpuUsage).
 * On a machine shared with other work the wall clock mostly measures the others; the CPU time is
 * what the work itself costs, and the goal is judged on it.
 */
import { promises as fs } from 'fs';
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { performance } from 'perf_hooks';
import ExcelJS from 'exceljs';
import { checkFile } from '../src/cli/check-file';
import { availableCores } from '../src/cli/check-pool';
import { main } from '../src/cli/main';
import { readXlsxFile } from '../src/adapters/xlsx/read-xlsx';
import { analyseGrid } from '../src/layout/analyse';
import { generateDepartementWorkbooks } from '../scripts/batch/generate';
import { fr, interleaved, line, median, ms, ratio, run, title } from './lib/measure';

const ROUNDS = 3;
const GOAL = 0.2;

run(async () => {
  title('Revue en lot : 101 classeurs départementaux contre ExcelJS seul');
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-101-'));
  try {
    const folder = path.join(dir, 'departements');
    const manifest = await generateDepartementWorkbooks(folder);
    const files = manifest.files.map((f) => path.join(folder, f.file));
    const out = path.join(dir, 'revue.xlsx');
    const silent = { stdout: () => undefined, stderr: () => undefined };
    const phases = { read: [] as number[], analyse: [] as number[] };
    const cpu: Record<string, number[]> = { exceljs: [], review: [], command: [] };
    const timed = (name: string, task: () => Promise<void>) => async () => {
      const c = process.cpuUsage();
      await task();
      const d = process.cpuUsage(c);
      cpu[name].push((d.user + d.system) / 1000);
    };

    const times = await interleaved(
      {
        exceljs: timed('exceljs', async () => {
          for (const file of files) {
            const wb = new ExcelJS.Workbook();
            try {
              await wb.xlsx.load((await fs.readFile(file)) as unknown as Parameters<ExcelJS.Xlsx['load']>[0]);
            } catch {
              // the two unreadable files: ExcelJS gives up on them too
            }
          }
        }),
        review: timed('review', async () => {
          for (const file of files) await checkFile({ file }, {});
        }),
        command: timed('command', async () => {
          await main(['check', folder, '--format', 'xlsx', '--out', out], silent);
        }),
        phases: async () => {
          let read = 0;
          let analyse = 0;
          for (const file of files) {
            const t0 = performance.now();
            let grid;
            try {
              grid = await readXlsxFile(file);
            } catch {
              continue;
            }
            const t1 = performance.now();
            analyseGrid(grid);
            read += t1 - t0;
            analyse += performance.now() - t1;
          }
          phases.read.push(read);
          phases.analyse.push(analyse);
        },
      },
      ROUNDS,
    );
    const excel = median(times.exceljs);
    const review = median(times.review);
    const command = median(times.command);
    const excelCpu = median(cpu.exceljs);
    const reviewCpu = median(cpu.review);
    line('fichiers (dont illisibles)', `${files.length} (${manifest.files.filter((f) => f.faults.some((x) => x.kind === 'unreadable')).length})`);
    line('ExcelJS seul, ouverture (1 cœur) : horloge / CPU', `${ms(excel)} / ${ms(excelCpu)}`);
    line('contrôle fichier par fichier (1 cœur) : horloge / CPU', `${ms(review)} / ${ms(reviewCpu)}`);
    line('  dont lecture (garde zip, ExcelJS, grille)', ms(median(phases.read)));
    line('  dont analyse (lecteurs de tableaux, règles)', ms(median(phases.analyse)));
    line('rapport contrôle / ExcelJS seul, horloge', ratio(review, excel));
    line('rapport contrôle / ExcelJS seul, CPU', ratio(reviewCpu, excelCpu));
    line('surcoût des contrôles sur la lecture, CPU (objectif < 20 %)', `${fr(((reviewCpu - excelCpu) / excelCpu) * 100, 0)} %`);
    line(`commande annexes check --format xlsx (${availableCores()} cœur(s)) : horloge / CPU`, `${ms(command)} / ${ms(median(cpu.command))}`);
    line('rapport commande (horloge) / ExcelJS seul (horloge)', ratio(command, excel));
    line('objectif atteint', reviewCpu <= excelCpu * (1 + GOAL) ? 'oui' : 'non');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
