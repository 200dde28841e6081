/**
 * What `annexes check` costs per file, against what ExcelJS alone costs to open the same file:
 * the sample of the délibération, and a synthetic workbook of 1 000 actions. Measured in one
 * process, interleaved; the CLI time includes reading the file, the zip guard, ExcelJS and the checks.
 */
import { promises as fs } from 'fs';
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { checkFile } from '../src/cli/check-file';
import { guardXlsxArchive } from '../src/adapters/xlsx/zip-guard';
import { gridToXlsxBuffer } from '../src/adapters/xlsx/write-xlsx';
import { syntheticCls } from '../test/fixtures/synthetic-cls';
import { interleaved, line, median, mo, ms, ratio, run, title } from './lib/measure';

const ROUNDS = 15;

async function compare(label: string, file: string) {
  const size = (await fs.stat(file)).size;
  const times = await interleaved(
    {
      open: async () => {
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load((await fs.readFile(file)) as unknown as Parameters<ExcelJS.Xlsx['load']>[0]);
      },
      guard: async () => guardXlsxArchive(await fs.readFile(file), file),
      check: async () => {
        const r = await checkFile({ file }, {});
        if (r.status !== 'ok') throw new Error(r.message);
      },
    },
    ROUNDS,
  );
  title(`CLI par fichier : ${label} (${mo(size)})`);
  line('ExcelJS seul : ouverture du fichier', ms(median(times.open)));
  line('annexes check : lecture, garde zip, ExcelJS, contrôles', ms(median(times.check)));
  line('  dont garde zip (répertoire + décompression vérifiée)', ms(median(times.guard)));
  line('rapport check / ouverture ExcelJS', ratio(median(times.check), median(times.open)));
}

run(async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'annexes-bench-'));
  try {
    await compare('exemple de la délibération', path.join(__dirname, '..', '..', 'samples', 'pas-de-calais-2024.xlsx'));
    const synthetic = path.join(dir, 'synthetique-1000.xlsx');
    await fs.writeFile(synthetic, await gridToXlsxBuffer(syntheticCls({ actionsPerAxe: 334 }).grid));
    await compare('classeur synthétique de 1 002 actions', synthetic);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
