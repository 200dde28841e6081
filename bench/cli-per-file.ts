/**
 * One file, as a person checks it: `annexes check <fichier>` as a whole process (Node's startup,
 * loading the tool, a worker, reading, checking, printing) against a bare `node -e ''` in the same
 * run, rounds interleaved, medians. Goal (issue 14): at most 3 times the bare Node.
 *   npx tsc -p tsconfig.build.json && node dist/bench/cli-per-file.js
 */
import { spawnSync } from 'child_process';
import * as path from 'path';
import { goal, machineLoad } from './lib/goals';
import { interleaved, line, median, ms, run, title } from './lib/measure';

const ROUNDS = 21;
const ROOT = path.join(__dirname, '..', '..');
const CLI = path.join(ROOT, 'bin', 'annexes.js');
const SAMPLE = path.join(ROOT, 'samples', 'pas-de-calais-2024.xlsx');

function node(args: string[], expected: number): void {
  const r = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  if (r.status !== expected) throw new Error(`node ${args.join(' ')} : code ${r.status}\n${r.stderr}`);
}

run(async () => {
  title('Un fichier, processus entier : annexes check contre node -e \'\'');
  const times = await interleaved(
    {
      bare: () => node(['-e', ''], 0),
      // Exit 1: the sample holds the délibération's errors.
      check: () => node([CLI, 'check', SAMPLE, '--format', 'json'], 1),
      version: () => node([CLI, '--version'], 0),
    },
    ROUNDS,
  );
  const [bare, check, version] = ['bare', 'check', 'version'].map((k) => median(times[k]));
  line('machine', machineLoad());
  line("node -e ''", ms(bare));
  line('annexes --version (lancement de l’outil seul)', ms(version));
  line('annexes check exemple.xlsx --format json', ms(check));
  goal("un fichier, processus entier / node -e ''", `${ms(check)} contre ${ms(bare)}`, check / bare, 3);
});
