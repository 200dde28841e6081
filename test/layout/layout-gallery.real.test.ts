/**
 * The layout gallery through real producers: each layout, with its fault planted, written by ExcelJS,
 * by openpyxl (formulas without cached values; values only), and converted by LibreOffice (which
 * recalculates) to .xlsx, to .xlsm, and to .ods and back to .xlsx — read back, it must give what the
 * canonical layout gives through the same producer, fault included.
 *
 * The clean sample is used: the only findings are the fault's (and, for openpyxl's formulas, the
 * CELL-NO-CACHE that says the workbook was never recalculated). Through LibreOffice the entry
 * « amounts typed as French text » is left out: LibreOffice recomputes sums over text cells as a
 * spreadsheet does (texts are not numbers), so that workbook's figures change — not its reading.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { readXlsxFile } from '../../src/adapters/xlsx/read-xlsx';
import { analyseGrid } from '../../src/layout/analyse';
import { convertAllWithLibreOffice } from '../helpers/libreoffice';
import { FAULTS, GALLERY, type Fault, added, galleryBuild, signature } from '../fixtures/layout-gallery';
import { galleryFile, writeWithExcelJs, writeWithOpenpyxl } from '../fixtures/gallery-files';

type Producer = 'exceljs' | 'openpyxl-formulas' | 'openpyxl-values' | 'libreoffice-xlsx' | 'libreoffice-xlsm' | 'libreoffice-ods';
const PRODUCERS: Producer[] = ['exceljs', 'openpyxl-formulas', 'openpyxl-values', 'libreoffice-xlsx', 'libreoffice-xlsm', 'libreoffice-ods'];
/** Producers that keep or recompute every value: the fault's own rule must show. */
const WITH_VALUES = new Set<Producer>(['exceljs', 'openpyxl-values', 'libreoffice-xlsx', 'libreoffice-xlsm', 'libreoffice-ods']);
const recalculates = (p: Producer) => p.startsWith('libreoffice');

interface Case {
  name: string;
  textAmounts: boolean;
  fault?: Fault;
}

const CANONICAL: Case[] = [{ name: 'canonical', textAmounts: false }, ...Object.values(FAULTS).map((f: Fault) => ({ name: `canonical ${f.name}`, textAmounts: false, fault: f }))];
const VARIANTS = GALLERY.map((g) => ({ entry: g, case: { name: g.name, textAmounts: !!g.layout.textAmounts, fault: g.fault } as Case }));

const dir = mkdtempSync(path.join(tmpdir(), 'gallery-'));
const found = new Map<string, string[]>(); // `${producer}|${case name}` → signature

async function signatureOf(file: string): Promise<string[]> {
  return signature(analyseGrid(await readXlsxFile(file)).findings);
}

beforeAll(async () => {
  const builds = [
    ...CANONICAL.map((c) => ({ c, build: galleryBuild({}, c.fault, 'clean') })),
    ...VARIANTS.map((v) => ({ c: v.case, build: galleryBuild(v.entry.layout, v.case.fault, 'clean') })),
  ];
  const files = builds.map(({ c }) => galleryFile(dir, c.name, 'xlsx'));
  await Promise.all(builds.map(({ build }, i) => writeWithExcelJs(build, files[i])));
  const formulas = builds.map(({ c, build }) => ({ build, file: galleryFile(dir, `opf ${c.name}`, 'xlsx') }));
  const values = builds.map(({ c, build }) => ({ build, file: galleryFile(dir, `opv ${c.name}`, 'xlsx') }));
  await writeWithOpenpyxl(formulas, 'formulas', dir);
  await writeWithOpenpyxl(values, 'values', dir);
  const out = (name: string) => {
    const d = path.join(dir, name);
    mkdirSync(d, { recursive: true });
    return d;
  };
  const loInputs = builds.map((b, i) => ({ ...b, file: files[i] })).filter(({ c }) => !c.textAmounts);
  const loXlsx = await convertAllWithLibreOffice(loInputs.map((x) => x.file), out('lo-xlsx'), 'xlsx');
  const loXlsm = await convertAllWithLibreOffice(loInputs.map((x) => x.file), out('lo-xlsm'), 'xlsm');
  const loOds = await convertAllWithLibreOffice(loInputs.map((x) => x.file), out('lo-ods'), 'ods');
  const loBack = await convertAllWithLibreOffice(loOds, out('lo-ods-xlsx'), 'xlsx');
  for (const [i, { c }] of builds.entries()) {
    found.set(`exceljs|${c.name}`, await signatureOf(files[i]));
    found.set(`openpyxl-formulas|${c.name}`, await signatureOf(formulas[i].file));
    found.set(`openpyxl-values|${c.name}`, await signatureOf(values[i].file));
  }
  for (const [i, { c }] of loInputs.entries()) {
    found.set(`libreoffice-xlsx|${c.name}`, await signatureOf(loXlsx[i]));
    found.set(`libreoffice-xlsm|${c.name}`, await signatureOf(loXlsm[i]));
    found.set(`libreoffice-ods|${c.name}`, await signatureOf(loBack[i]));
  }
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const get = (producer: Producer, name: string) => {
  const s = found.get(`${producer}|${name}`);
  if (!s) throw new Error(`no result for ${producer} ${name}`);
  return s;
};

describe.each(PRODUCERS)('layout gallery written by %s', (producer) => {
  it('the canonical clean sample: no error; the producer’s own trace only', () => {
    const errors = get(producer, 'canonical').filter((x) => x.split('|')[1] === 'error');
    // openpyxl writes formulas without their values: each is a CELL-NO-CACHE, and nothing else.
    if (producer === 'openpyxl-formulas') {
      expect(errors.length).toBeGreaterThan(0);
      expect(errors.every((x) => x.startsWith('CELL-NO-CACHE|'))).toBe(true);
    }
    else expect(errors).toEqual([]);
  });

  const cases = VARIANTS.filter((v) => !(recalculates(producer) && v.case.textAmounts));
  it.each(cases.map((v) => [v.case.name, v] as const))('%s: the canonical findings, fault included', (_name, v) => {
    const fault = v.case.fault as Fault;
    const expected = get(producer, `canonical ${fault.name}`);
    const rule = producer === 'openpyxl-values' ? (fault.valuesOnlyRule ?? fault.rule) : fault.rule;
    if (WITH_VALUES.has(producer)) expect(added(get(producer, 'canonical'), expected).some((x) => x.startsWith(`${rule}|`))).toBe(true);
    expect(get(producer, v.case.name)).toEqual(expected);
    // Written by ExcelJS, the file reads exactly as the grid it was written from.
    if (producer === 'exceljs') expect(expected).toEqual(signature(analyseGrid(galleryBuild({}, fault, 'clean').grid).findings));
  });
});
