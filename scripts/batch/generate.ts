/**
 * Generates one workbook per Département (101) from the clean sample, with scaled figures and
 * planted faults, and a manifest.json listing the findings the checker must report — the test bed
 * of the controllers' batch review (test/cli/batch-review.test.ts, bench/batch-review.ts).
 *   node dist/scripts/batch/generate.js <dossier>
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import { gridToXlsxBuffer } from '../../src/adapters/xlsx/write-xlsx';
import { readAnnexWorkbook } from '../../src/layout/read-workbook';
import { recalculateGrid } from '../sample/recalc';
import { FT_SHEET } from '../sample/build-sample';
import { buildCleanSampleGrid } from './clean-sample';
import { DEPARTEMENTS, type Departement, slug } from './departements';
import { departementGrid, scaleFactor } from './departement-grid';
import { FAULT_KINDS, type FaultKind, type PlantedFault, plantFault } from './faults';

export interface ManifestEntry {
  file: string;
  code: string;
  name: string;
  /** Scale factor applied to the Pas-de-Calais figures ("0.37"). */
  factor: string;
  faults: PlantedFault[];
}

export interface Manifest {
  files: ManifestEntry[];
}

/** Files that are not workbooks at all: one not a zip, one cut short. */
const UNREADABLE: Record<string, 'garbage' | 'truncated'> = { '23': 'truncated', '48': 'garbage' };

/** Which faults a Département gets: none for about one in four, two for a few. */
export function faultsFor(index: number): FaultKind[] {
  const slot = index % 8;
  if (slot === 0 || slot === 7) return [];
  const first = FAULT_KINDS[slot - 1];
  if (index % 10 !== 9) return [first];
  const second = FAULT_KINDS[(slot + 2) % FAULT_KINDS.length];
  return second === first ? [first] : [first, second];
}

export async function generateDepartementWorkbooks(dir: string, departements: Departement[] = DEPARTEMENTS): Promise<Manifest> {
  await fs.mkdir(dir, { recursive: true });
  const clean = buildCleanSampleGrid();
  const files: ManifestEntry[] = [];
  for (const [index, d] of departements.entries()) {
    const file = `${d.code}-${slug(d.name)}.xlsx`;
    const factor = scaleFactor(d);
    const entry: ManifestEntry = { file, code: d.code, name: d.name, factor: factor.toString(), faults: [] };
    const grid = departementGrid(clean, d, factor);
    // Some Départements rename the FT sheet: the checker finds the tables by their titles anyway.
    if (index % 5 === 2) for (const s of grid.sheets) if (s.name === FT_SHEET) s.name = 'Plan de financement FT';
    const kinds = faultsFor(index);
    if (kinds.length > 0) {
      const wb = readAnnexWorkbook(grid); // where the tables are, to plant the faults on the right cells
      for (const kind of kinds) entry.faults.push(plantFault(kind, grid, wb, index));
    }
    recalculateGrid(grid);
    let bytes = await gridToXlsxBuffer(grid);
    const broken = UNREADABLE[d.code];
    if (broken) {
      bytes = broken === 'truncated' ? bytes.subarray(0, Math.floor(bytes.length / 3)) : Buffer.from('Ceci n’est pas un classeur Excel.\n', 'utf8');
      entry.faults = [{ kind: 'unreadable', description: broken === 'truncated' ? 'Fichier tronqué (envoi interrompu).' : 'Fichier texte renommé en .xlsx.', expected: [{ rule: 'FICHIER-ILLISIBLE', sheet: '', cell: '' }] }];
    }
    await fs.writeFile(path.join(dir, file), bytes);
    files.push(entry);
  }
  const manifest = { files };
  await fs.writeFile(path.join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

if (require.main === module) {
  const dir = process.argv[2];
  if (!dir) {
    console.error('Usage : node dist/scripts/batch/generate.js <dossier>');
    process.exitCode = 2;
  } else {
    generateDepartementWorkbooks(dir).then(
      (m) => console.log(`${m.files.length} classeurs écrits dans ${dir} (manifest.json : ${m.files.reduce((n, f) => n + f.faults.length, 0)} anomalies placées).`),
      (err: unknown) => {
        console.error(err);
        process.exitCode = 1;
      },
    );
  }
}
