/** Every corpus file has its test: a file added to test/fixtures/make-corpus.ts without one fails here. */
import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { CORPUS } from '../fixtures/make-corpus';

it('each corpus file is named by a test of test/robustness/', () => {
  const tests = readdirSync(__dirname)
    .filter((f) => /-files(\.real)?\.test\.ts$/.test(f))
    .map((f) => readFileSync(join(__dirname, f), 'utf8'))
    .join('\n');
  const untested = CORPUS.map((c) => c.name).filter((name) => !tests.includes(`'${name}:`));
  expect(untested).toEqual([]);
  expect(new Set(CORPUS.map((c) => c.name)).size).toBe(CORPUS.length);
});
