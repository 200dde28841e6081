import { readFileSync } from 'fs';
import * as path from 'path';

let cached: string | undefined;

/**
 * The tool's version, as the return documents and the review print it: the package.json of the
 * project this module belongs to (found upward, in src/ as in dist/), « inconnue » if none.
 */
export function toolVersion(): string {
  if (cached !== undefined) return cached;
  cached = 'inconnue';
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    try {
      const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'annexes-financieres' && pkg.version) {
        cached = pkg.version;
        break;
      }
    } catch {
      // no package.json here: look further up
    }
    if (path.dirname(dir) === dir) break;
  }
  return cached;
}
