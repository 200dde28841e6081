/**
 * Runs a TypeScript module of the project in a separate Node process, as the installed `annexes`
 * runs: real standard streams, real exit code, real signals, another user id when asked (the
 * tests run as root in CI, and root reads every folder). The sources are compiled on the fly with
 * the TypeScript compiler (no dist/ needed).
 */
import { type ChildProcess, type SpawnOptions, spawn } from 'child_process';
import * as path from 'path';

const ROOT = path.join(__dirname, '..', '..');

const BOOTSTRAP = `
const fs = require('fs');
const ts = require(process.env.ANNEXES_TS);
require.extensions['.ts'] = function (module, filename) {
  const out = ts.transpileModule(fs.readFileSync(filename, 'utf8'), {
    fileName: filename,
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true, isolatedModules: true },
  });
  module._compile(out.outputText, filename);
};
const [entry, exported, ...args] = process.argv.slice(1);
const m = require(entry);
if (exported) Promise.resolve(m[exported](args)).catch((e) => { console.error(e); process.exitCode = 99; });
`;

/** Spawns `node` on `entry` (a path from the project root) and calls its export `exported(args)` if given. */
export function spawnTs(entry: string, exported: string | null, args: string[], options: SpawnOptions = {}): ChildProcess {
  return spawn(process.execPath, ['-e', BOOTSTRAP, path.join(ROOT, entry), exported ?? '', ...args], {
    ...options,
    env: { ...process.env, ...options.env, ANNEXES_TS: require.resolve('typescript'), CI: '1' },
  });
}

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** `annexes <args>` in its own process. */
export function runCliProcess(args: string[], options: SpawnOptions = {}): Promise<CliRun> {
  return finished(spawnTs('src/cli/main.ts', 'runCli', args, options));
}

export function finished(child: ChildProcess): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

/** A user that is not root, for tests of permissions when the tests run as root. */
export const NOBODY = { uid: 65534, gid: 65534 };
export const runningAsRoot = (): boolean => process.getuid?.() === 0;
