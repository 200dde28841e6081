#!/usr/bin/env node
'use strict';
// Thin launcher: the TypeScript is compiled to dist/ by the `prepare` script (run by `npm ci`), and
// bundled into dist/cli/annexes.bundle.js (scripts/bundle-cli.js) when esbuild is there: one file to
// load instead of a hundred, with its code cache. Without the bundle, when tsc compiled the modules
// again after it was made, or when it cannot be loaded, the compiled modules are used. No V8 flag
// is changed at run time (Node warns it may crash the process).
const path = require('path');
const fs = require('fs');
const args = process.argv.slice(2);
const dist = path.join(__dirname, '..', 'dist');
const bundle = path.join(dist, 'cli', 'annexes.bundle.js');
const entry = path.join(dist, 'src', 'cli', 'main.js');
let cli;
let writeCache = () => undefined;
if (fresh(bundle, entry)) {
  try {
    const loaded = require('./load-bundle').loadBundle(bundle);
    cli = loaded.exports;
    writeCache = loaded.writeCache;
  } catch {
    cli = undefined; // a damaged bundle: the compiled modules below
  }
}
if (!cli && fs.existsSync(entry)) cli = require(entry);
if (!cli) {
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

/** The bundle, if it was made after the modules were last compiled (a packed install gives both one date). */
function fresh(file, compiled) {
  try {
    return fs.statSync(file).mtimeMs >= fs.statSync(compiled).mtimeMs;
  } catch {
    return fs.existsSync(file) && !fs.existsSync(compiled);
  }
}
