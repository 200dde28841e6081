/**
 * Cell text reaches the pane from any workbook: it must be rendered by React as text. Nothing in
 * the pane, the harness or the adapter may hand a string to the HTML parser.
 */
import { readFileSync, readdirSync, statSync } from 'fs';
import * as path from 'path';

const ROOT = path.join(__dirname, '..', '..');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? files(p) : /\.(tsx?|js)$/.test(name) ? [p] : [];
  });
}

test('no dangerouslySetInnerHTML, innerHTML, outerHTML, insertAdjacentHTML or document.write', () => {
  const sources = ['src/taskpane', 'src/harness', 'src/adapters/office'].flatMap((d) => files(path.join(ROOT, d)));
  expect(sources.length).toBeGreaterThan(20);
  const offenders = sources.filter((f) => /dangerouslySetInnerHTML|\.innerHTML|\.outerHTML|insertAdjacentHTML|document\.write/.test(readFileSync(f, 'utf8')));
  expect(offenders.map((f) => path.relative(ROOT, f))).toEqual([]);
});
