#!/usr/bin/env node
'use strict';
/**
 * `npm run test:real`: the tier that needs real programs. Checks first that each one is installed
 * and stops with one line per missing program (what it is for, how to install it) and exit code 1:
 * a real-engine test never skips silently. Then runs jest with jest.real.config.js (arguments after
 * `--` are passed on, e.g. `npm run test:real -- test/e2e`).
 */
const { spawnSync } = require('child_process');
const { existsSync } = require('fs');
const path = require('path');

const has = (cmd, args = ['--version']) => {
  const r = spawnSync(cmd, args, { stdio: 'ignore', timeout: 60_000 });
  return !r.error && r.status === 0;
};
const onPath = (name) => spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

const needs = [
  {
    ok: () => onPath('soffice') || onPath('libreoffice'),
    line: 'LibreOffice Calc (soffice) est introuvable : il recalcule les classeurs et les rend en PDF — apt-get install -y --no-install-recommends libreoffice-calc',
  },
  {
    ok: () => existsSync(chromium),
    line: `Chromium est introuvable (${chromium}) : il fait tourner le volet de bout en bout — apt-get install -y chromium (ou CHROMIUM_PATH=/chemin/vers/chromium)`,
  },
  {
    // Debian's python3-openpyxl is in /usr/bin/python3, which may not be the python3 first on PATH (pyenv).
    ok: () => [process.env.PYTHON, '/usr/bin/python3', 'python3'].some((py) => py && has(py, ['-c', 'import openpyxl'])),
    line: "openpyxl (Python 3) est introuvable : il écrit des classeurs comme le font d'autres outils — apt-get install -y python3-openpyxl",
  },
  {
    ok: () => onPath('pdftoppm') && onPath('pdfinfo'),
    line: 'poppler (pdftoppm, pdfinfo) est introuvable : il mesure et image les PDF des documents — apt-get install -y poppler-utils',
  },
];

const missing = needs.filter((n) => !n.ok());
if (missing.length) {
  for (const m of missing) process.stderr.write(`test:real : ${m.line}\n`);
  process.exit(1);
}

const jest = require.resolve('jest/bin/jest');
const r = spawnSync(process.execPath, [jest, '-c', path.join(__dirname, '..', 'jest.real.config.js'), ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(r.status === null ? 1 : r.status);
