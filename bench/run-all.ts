/**
 * `npm run bench`: every compiled benchmark (dist/bench/*.js), each in its own process so that one's
 * memory and JIT state do not colour the next one's figures. Helpers live in bench/lib/.
 */
import { spawnSync } from 'child_process';
import { readdirSync } from 'fs';
import * as path from 'path';

const benches = readdirSync(__dirname)
  .filter((f) => f.endsWith('.js') && f !== path.basename(__filename))
  .sort();
let failed = 0;
for (const f of benches) {
  const r = spawnSync(process.execPath, [path.join(__dirname, f)], { stdio: 'inherit' });
  if (r.status !== 0) {
    failed++;
    process.stderr.write(`bench ${f} : échec (code ${r.status})\n`);
  }
}
process.stdout.write(`\n${benches.length} benchmark(s), ${failed} en échec.\n`);
process.exitCode = failed ? 1 : 0;
