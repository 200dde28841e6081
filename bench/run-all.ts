/**
 * `npm run bench`: every compiled benchmark (dist/bench/*.js), each in its own process so that one's
 * memory and JIT state do not colour the next one's figures; then the performance goals they
 * measured (bench/lib/goals.ts), each with its ratio and whether it is met. Helpers: bench/lib/.
 */
import { spawnSync } from 'child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import type { GoalResult } from './lib/goals';
import { machineLoad } from './lib/goals';
import { fr } from './lib/measure';

const benches = readdirSync(__dirname)
  .filter((f) => f.endsWith('.js') && f !== path.basename(__filename))
  .sort();
const dir = mkdtempSync(path.join(tmpdir(), 'bench-goals-'));
const goalsFile = path.join(dir, 'goals.jsonl');
process.stdout.write(`Bancs : ${benches.length}, ${machineLoad()} au départ.\n`);
let failed = 0;
for (const f of benches) {
  const r = spawnSync(process.execPath, [path.join(__dirname, f)], { stdio: 'inherit', env: { ...process.env, BENCH_GOALS_FILE: goalsFile } });
  if (r.status !== 0) {
    failed++;
    process.stderr.write(`bench ${f} : échec (code ${r.status})\n`);
  }
}
const goals: GoalResult[] = existsSync(goalsFile)
  ? readFileSync(goalsFile, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as GoalResult)
  : [];
rmSync(dir, { recursive: true, force: true });
process.stdout.write(`\n== Objectifs (${machineLoad()} à la fin) ==\n`);
for (const g of goals) {
  process.stdout.write(`  ${g.met ? 'atteint    ' : 'NON ATTEINT'}  ×${fr(g.ratio, 2).padStart(6)} (≤ ×${fr(g.limit, g.limit < 10 ? 1 : 0)})  ${g.goal} — ${g.measured}\n`);
}
process.stdout.write(`\n${benches.length} benchmark(s), ${failed} en échec ; ${goals.filter((g) => g.met).length} objectif(s) atteint(s) sur ${goals.length}.\n`);
process.exitCode = failed ? 1 : 0;
