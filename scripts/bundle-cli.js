'use strict';
/**
 * Bundles the CLI (`npm run build:cli`, and `prepare` after tsc): src/cli/main.ts and the check
 * worker, each with the project's modules in one file (dist/cli/*.bundle.js; the npm packages stay
 * outside, loaded from node_modules when a command needs them, ExcelJS by the writers only), then
 * writes the bundles' V8 code caches by checking a folder of two copies of the sample (in a worker:
 * the worker's cache) then the sample alone (in this thread: the command's cache, written last as
 * it holds the most). bin/annexes.js loads the bundle when it is there (bin/load-bundle.js).
 * Without esbuild (an install without the development tools), nothing is bundled and the launcher
 * uses dist/src/cli/main.js.
 */
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const ROOT = path.join(__dirname, '..');
const OUT = path.join(ROOT, 'dist', 'cli');

let esbuild;
try {
  esbuild = require('esbuild');
} catch {
  process.stdout.write('bundle-cli : esbuild absent, la commande utilisera dist/src/cli/main.js\n');
  process.exit(0);
}
fs.rmSync(OUT, { recursive: true, force: true });
esbuild.buildSync({
  absWorkingDir: ROOT,
  entryPoints: { 'annexes.bundle': 'src/cli/main.ts', 'check-worker.bundle': 'src/cli/check-worker.ts' },
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  packages: 'external',
  outdir: OUT,
  logLevel: 'warning',
});
// bin/load-bundle.js runs a bundle through vm.Script, which gives import() no loader: an import()
// left in a bundle (of a package kept outside it) would fail at run time, and a try/catch around
// it would hide that. Refused here, at build time.
for (const f of fs.readdirSync(OUT).filter((n) => n.endsWith('.bundle.js'))) {
  const left = fs.readFileSync(path.join(OUT, f), 'utf8').match(/(?<![\w$.])import\(\s*["'`][^"'`]+["'`]\s*\)/g);
  if (left) throw new Error(`bundle-cli : ${f} garde ${left.join(', ')} ; chargez ce paquet avec require() (bin/load-bundle.js n'a pas de chargeur pour import()).`);
}

// The pool starts dist/cli/check-worker.js (next to the bundle that holds check-worker-handle.ts).
// Its cache is written (at build time only) once it has checked a file.
fs.writeFileSync(
  path.join(OUT, 'check-worker.js'),
  `'use strict';
const { parentPort } = require('worker_threads');
const { writeCache } = require('../../bin/load-bundle').loadBundle(require('path').join(__dirname, 'check-worker.bundle.js'));
if (parentPort && process.env.ANNEXES_WRITE_CODE_CACHE === '1') {
  const post = parentPort.postMessage.bind(parentPort);
  parentPort.postMessage = (m) => {
    post(m);
    if (!m.ready) writeCache();
  };
}
`,
);

// Code caches: a folder of two in a worker, then one check of the sample in this thread.
const sample = path.join(ROOT, 'samples', 'pas-de-calais-2024.xlsx');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'annexes-cache-'));
try {
  for (const name of ['a.xlsx', 'b.xlsx']) fs.copyFileSync(sample, path.join(dir, name));
  const env = { ...process.env, ANNEXES_WRITE_CODE_CACHE: '1' };
  for (const target of [dir, sample]) {
    const r = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'annexes.js'), 'check', target, '--format', 'json'], { env, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
    if (r.status !== 1) throw new Error(`annexes check ${target} : code ${r.status}\n${r.stderr}`);
  }
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
process.stdout.write(`bundle-cli : ${fs.readdirSync(OUT).sort().join(', ')}\n`);
