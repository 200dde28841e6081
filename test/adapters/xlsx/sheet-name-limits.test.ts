/**
 * Sheet names Excel would refuse — over 31 characters, or equal but for case — come from
 * LibreOffice and hand-made files. ExcelJS met them with an English console warning (and, for
 * the case duplicate, an exception): no warning reaches the user, the workbook is checked, and
 * `fill` writes a copy Excel opens, saying in French which sheet got which name.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import JSZip from 'jszip';
import { runMain as run } from '../../helpers/run-main';
import { gridToXlsxBuffer } from '../../../src/adapters/xlsx/write-xlsx';
import { buildSampleGrid } from '../../../scripts/sample/build-sample';

const dir = mkdtempSync(path.join(os.tmpdir(), 'annexes-sheetnames-'));
const input = path.join(dir, 'noms.xlsx');
const LONG = 'Indicateurs locaux de la convention 2024-2025 (annexe 1)';
const DUPLICATE = 'INDICATEURS NATIONAUX';


async function sheetNames(file: string): Promise<string[]> {
  const xml = await (await JSZip.loadAsync(readFileSync(file))).file('xl/workbook.xml')!.async('string');
  return [...xml.matchAll(/<sheet [^>]*name="([^"]*)"/g)].map((m) => m[1]);
}

beforeAll(async () => {
  const zip = await JSZip.loadAsync(await gridToXlsxBuffer(buildSampleGrid()));
  const xml = await zip.file('xl/workbook.xml')!.async('string');
  // Rewritten in the file itself: no writer we have would produce these names. The journal becomes
  // « INDICATEURS NATIONAUX », the name of the sheet before it but for case.
  zip.file('xl/workbook.xml', xml.replace('name="Indicateurs locaux"', `name="${LONG}"`).replace('name="Journal des dépenses"', `name="${DUPLICATE}"`));
  writeFileSync(input, await zip.generateAsync({ type: 'nodebuffer' }));
  expect(await sheetNames(input)).toEqual(expect.arrayContaining([LONG, DUPLICATE, 'Indicateurs nationaux']));
});

describe('sheet names Excel would refuse', () => {
  let warn: jest.SpyInstance;
  beforeEach(() => {
    warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  });
  afterEach(() => warn.mockRestore());

  it('check: no library warning, the workbook is checked', async () => {
    const r = await run(['check', input, '--format', 'json']);
    expect(warn).not.toHaveBeenCalled();
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout).files[0].status).toBe('ok');
  });

  it('fill: no library warning; the copy’s names are within 31 characters and unique; the renames are said in French', async () => {
    const out = path.join(dir, 'rempli.xlsx');
    const r = await run(['fill', input, '-o', out]);
    expect(warn).not.toHaveBeenCalled();
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const names = await sheetNames(out);
    expect(names.every((n) => n.length <= 31)).toBe(true);
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
    expect(names).toEqual(expect.arrayContaining(['Indicateurs locaux de la conven', 'Indicateurs nationaux', `${DUPLICATE} (2)`]));
    expect(r.stdout).toContain(
      `La feuille « ${LONG} » du classeur s’appelle « Indicateurs locaux de la conven » dans la copie (Excel n’accepte que des noms de 31 caractères au plus, uniques sans tenir compte des majuscules).`,
    );
    expect(r.stdout).toContain(`La feuille « ${DUPLICATE} » du classeur s’appelle « ${DUPLICATE} (2) » dans la copie`);
  });
});
