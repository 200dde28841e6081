/**
 * Writes the sample workbook built from the seed's figures (canonical layout):
 *   npm run sample [-- path/to/file.xlsx]     (default: samples/pas-de-calais-2024.xlsx)
 */
import { existsSync, mkdirSync } from 'fs';
import * as path from 'path';
import { writeXlsxFile } from '../src/adapters/xlsx/write-xlsx';
import { buildSampleGrid } from './sample/build-sample';
import type { SampleLayout } from './sample/build-sample';

/** The repository root: the nearest folder above this file holding package.json (works from dist/ too). */
function repoRoot(): string {
  let dir = __dirname;
  while (!existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
  return dir;
}

export const DEFAULT_SAMPLE_PATH = 'samples/pas-de-calais-2024.xlsx';

/**
 * Writes the sample and returns its absolute path. A given path is taken from the current folder,
 * as any command-line path; the default one from the repository root, wherever the script runs from.
 */
export async function makeSample(file?: string, layout: SampleLayout = {}): Promise<string> {
  const target = file ? path.resolve(file) : path.join(repoRoot(), DEFAULT_SAMPLE_PATH);
  mkdirSync(path.dirname(target), { recursive: true });
  await writeXlsxFile(buildSampleGrid(layout), target);
  return target;
}

if (require.main === module) {
  makeSample(process.argv[2]).then(
    (written) => console.log(`Classeur d'exemple écrit : ${written}`),
    (err: unknown) => {
      console.error(err);
      process.exitCode = 1;
    },
  );
}
