/**
 * The performance goals (issue 14), each printed with its measured ratio and whether it is met,
 * and collected for the summary `npm run bench` prints at the end (run-all.ts passes the file).
 */
import { appendFileSync } from 'fs';
import { fr } from './measure';

export interface GoalResult {
  goal: string;
  measured: string;
  ratio: number;
  limit: number;
  met: boolean;
}

/** Prints "objectif … : ×0,42 (≤ ×0,5) — atteint" and records it. */
export function goal(name: string, measured: string, ratio: number, limit: number): GoalResult {
  const r: GoalResult = { goal: name, measured, ratio, limit, met: ratio <= limit };
  process.stdout.write(`  OBJECTIF ${name} : ×${fr(ratio, 2)} (au plus ×${fr(limit, limit < 10 ? 1 : 0)}) — ${r.met ? 'atteint' : 'NON ATTEINT'}\n    ${measured}\n`);
  if (process.env.BENCH_GOALS_FILE) appendFileSync(process.env.BENCH_GOALS_FILE, `${JSON.stringify(r)}\n`);
  return r;
}

/** One-minute load average and cores, said with every figure: on a shared machine they explain the absolute times. */
export function machineLoad(): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const os = require('os') as typeof import('os');
  return `charge ${fr(os.loadavg()[0], 1)} sur ${os.cpus().length} cœur(s)`;
}
