#!/usr/bin/env node
'use strict';
// Thin launcher: the TypeScript is compiled to dist/ by the `prepare` script (run by `npm ci`).
const path = require('path');
const fs = require('fs');
const entry = path.join(__dirname, '..', 'dist', 'src', 'cli', 'main.js');
if (!fs.existsSync(entry)) {
  process.stderr.write("annexes : l'outil n'est pas compilé. Lancez « npm ci » (ou « npm run build:cli ») dans le dossier du projet.\n");
  process.exit(2);
}
require(entry)
  .runCli(process.argv.slice(2))
  .catch((e) => {
    process.stderr.write(`annexes : erreur interne (${e && e.message ? e.message : e}). Merci de la signaler à l'équipe.\n`);
    process.exitCode = 2;
  });
