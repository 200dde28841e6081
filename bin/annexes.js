#!/usr/bin/env node
'use strict';
// Thin launcher: the TypeScript is compiled to dist/ by the `prepare` script (run by `npm ci`), and
// bundled into dist/cli/annexes.bundle.js (scripts/bundle-cli.js) when esbuild is there: one file to
// load instead of a hundred, with its code cache. Without the bundle, or when tsc compiled the
// modules again after it was made, the compiled modules are used.
const path = require('path');
const fs = require('fs');
const args = process.argv.slice(2);
// A check of one small file is over before V8's optimising compiler pays for itself (measured in
// bench/cli-per-file.ts: a third less CPU without it); anything larger keeps it (the pool turns it
// back on before starting a worker).
const noOpt = args[0] === 'check' && oneSmallFile(args.slice(1));
if (noOpt) require('v8').setFlagsFromString('--no-opt');
const dist = path.join(__dirname, '..', 'dist');
const bundle = path.join(dist, 'cli', 'annexes.bundle.js');
const entry = path.join(dist, 'src', 'cli', 'main.js');
let cli;
let writeCache = () => undefined;
if (fresh(bundle, entry)) {
  const loaded = require('./load-bundle').loadBundle(bundle, noOpt ? 'no-opt' : 'opt');
  cli = loaded.exports;
  writeCache = loaded.writeCache;
} else if (fs.existsSync(entry)) {
  cli = require(entry);
} else {
  process.stderr.write("annexes : l'outil n'est pas compilé. Lancez « npm ci » (ou « npm run build:cli ») dans le dossier du projet.\n");
  process.exit(2);
}
cli
  .runCli(args)
  .then(writeCache)
  .catch((e) => {
    process.stderr.write(`annexes : erreur interne (${e && e.message ? e.message : e}). Merci de la signaler à l'équipe.\n`);
    process.exitCode = 2;
  });

/** Exactly one existing path among the arguments (option values are no paths), a file of at most 256 Ko. */
function oneSmallFile(rest) {
  let small = 0;
  for (const a of rest) {
    if (a.startsWith('-')) continue;
    let st;
    try {
      st = fs.statSync(a);
    } catch {
      continue;
    }
    if (!st.isFile() || st.size > 256 * 1024) return false;
    small++;
  }
  return small === 1;
}

/** The bundle, if it was made after the modules were last compiled (a packed install gives both one date). */
function fresh(file, compiled) {
  try {
    return fs.statSync(file).mtimeMs >= fs.statSync(compiled).mtimeMs;
  } catch {
    return fs.existsSync(file) && !fs.existsSync(compiled);
  }
}
