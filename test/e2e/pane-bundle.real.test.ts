/**
 * The pane's own entry (taskpane, as Excel loads it), not only the harness, carries the xlsx reader
 * « Comparer avec une version précédente » needs: built by the project's webpack config, the reader
 * and pako sit in chunks the pane loads on first use, from its own origin (the CSP's script-src
 * 'self'), and the page itself loads the pane's script alone.
 */
import { readFileSync, readdirSync } from 'fs';
import * as path from 'path';
import { buildWeb } from './build-web';

const ROOT = path.join(__dirname, '..', '..');
const BUILD = path.join(ROOT, 'test-output', 'e2e-taskpane');

test('the taskpane entry bundles the xlsx reader and pako, loaded on demand from its own origin', async () => {
  await buildWeb('taskpane', BUILD);
  const scripts = readdirSync(BUILD).filter((f) => f.endsWith('.js'));
  const read = (f: string) => readFileSync(path.join(BUILD, f), 'utf8');
  const reader = scripts.find((f) => read(f).includes('function readChosenXlsx'));
  const pako = scripts.find((f) => /\binflateRaw\b/.test(read(f)) && read(f).includes('pako'));
  expect(reader).toBeDefined();
  expect(pako).toBeDefined();
  // Not in the page's first script: the pane opens without them, and fetches them when asked.
  expect(reader).not.toBe('taskpane.js');
  const main = read('taskpane.js');
  expect(main).toContain(reader!.replace(/\.js$/, ''));
  const html = read('taskpane.html');
  expect([...html.matchAll(/<script[^>]*src="([^"]+)"/g)].map((m) => m[1])).toEqual(['office-js/office.js', 'taskpane.js']);
});
