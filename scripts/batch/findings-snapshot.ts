/**
 * The findings of `annexes check --format json` on the sample and on the 101 Départements'
 * workbooks, as one snapshot: recorded on one version of the tool, compared on another, so that a
 * change meant to make the checker faster (or leaner) is shown to change no finding, byte for byte.
 * The command runs as installed (bin/annexes.js: its own process, its workers); paths are made
 * relative to the folder so that two runs in two temporary folders compare.
 *   node dist/scripts/batch/findings-snapshot.js record <instantané.json>   (e.g. on main)
 *   node dist/scripts/batch/findings-snapshot.js compare <instantané.json>  (on the branch)
 * Exit 0 when identical (or recorded), 1 when anything differs (the first difference is printed).
 */
import { spawnSync } from 'child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { generateDepartementWorkbooks } from './generate';

const ROOT = path.join(__dirname, '..', '..', '..');
const CLI = path.join(ROOT, 'bin', 'annexes.js');
const SAMPLE = path.join(ROOT, 'samples', 'pas-de-calais-2024.xlsx');

export interface FindingsSnapshot {
  sample: string;
  departements: string;
}

function checkJson(target: string, base: string): string {
  const r = spawnSync(process.execPath, [CLI, 'check', target, '--format', 'json'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (r.status !== 1 && r.status !== 2) throw new Error(`annexes check ${target} : code ${r.status}\n${r.stderr}`);
  return r.stdout.split(JSON.stringify(base + path.sep).slice(1, -1)).join('').split(JSON.stringify(base).slice(1, -1)).join('.');
}

export async function takeSnapshot(): Promise<FindingsSnapshot> {
  const dir = mkdtempSync(path.join(tmpdir(), 'findings-snapshot-'));
  try {
    const folder = path.join(dir, 'departements');
    await generateDepartementWorkbooks(folder);
    return { sample: checkJson(SAMPLE, path.dirname(SAMPLE)), departements: checkJson(folder, folder) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The first line where two outputs part, with its neighbours, or null when they are equal. */
export function firstDifference(a: string, b: string): string | null {
  if (a === b) return null;
  const la = a.split('\n');
  const lb = b.split('\n');
  let i = 0;
  while (i < la.length && i < lb.length && la[i] === lb[i]) i++;
  return `ligne ${i + 1} :\n- ${la.slice(i, i + 3).join('\n- ')}\n+ ${lb.slice(i, i + 3).join('\n+ ')}`;
}

async function main(mode: string | undefined, file: string | undefined): Promise<number> {
  if ((mode !== 'record' && mode !== 'compare') || !file) {
    process.stderr.write('Usage : node dist/scripts/batch/findings-snapshot.js record|compare <instantané.json>\n');
    return 2;
  }
  const now = await takeSnapshot();
  if (mode === 'record') {
    writeFileSync(file, `${JSON.stringify(now)}\n`);
    process.stdout.write(`Instantané écrit dans ${file} (exemple ${now.sample.length} octets, 101 classeurs ${now.departements.length} octets).\n`);
    return 0;
  }
  const before = JSON.parse(readFileSync(file, 'utf8')) as FindingsSnapshot;
  let same = true;
  for (const k of ['sample', 'departements'] as const) {
    const d = firstDifference(before[k], now[k]);
    if (d) {
      same = false;
      process.stdout.write(`${k} : sorties différentes, ${d}\n`);
    } else process.stdout.write(`${k} : sortie JSON identique (${now[k].length} octets)\n`);
  }
  return same ? 0 : 1;
}

if (require.main === module) {
  main(process.argv[2], process.argv[3]).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
      process.exitCode = 2;
    },
  );
}
