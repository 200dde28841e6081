/**
 * Size of the pane's production bundle: every dist-web/*.js, raw and gzip (what the browser
 * downloads from the add-in's server). Built by `npm run build` (webpack, issue 4); without it,
 * this benchmark says so and stops.
 */
import { existsSync, readdirSync, readFileSync } from 'fs';
import * as path from 'path';
import { gzipSync } from 'zlib';
import { line, ratio, run, skip, title } from './lib/measure';

const DIST = path.join(__dirname, '..', '..', 'dist-web');
const ko = (n: number) => `${(n / 1024).toLocaleString('fr-FR', { maximumFractionDigits: 1, minimumFractionDigits: 1 })} Ko`;

run(async () => {
  const files = existsSync(DIST) ? readdirSync(DIST).filter((f) => f.endsWith('.js')) : [];
  if (files.length === 0) {
    skip('Complément : taille du paquet de production', 'dist-web/*.js absent — lancez « npm run build » avant « npm run bench »');
    return;
  }
  title('Complément : taille du paquet de production (dist-web/*.js)');
  let raw = 0;
  let gz = 0;
  for (const f of files.sort()) {
    const data = readFileSync(path.join(DIST, f));
    const g = gzipSync(data, { level: 9 }).length;
    raw += data.length;
    gz += g;
    line(f, `${ko(data.length)} ; gzip ${ko(g)}`);
  }
  line('total', `${ko(raw)} ; gzip ${ko(gz)} (${ratio(gz, raw)})`);
});
