import { mkdtempSync, readFileSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import Decimal from 'decimal.js';
import { main } from '../../src/cli/main';
import { REVIEW_SHEETS, REVIEW_STATUS } from '../../src/cli/format-xlsx';
import { type Manifest, generateDepartementWorkbooks } from '../../scripts/batch/generate';

/**
 * The controllers' use case end to end: 101 Départements' workbooks, generated once with planted
 * faults, reviewed by one command; the review workbook must list exactly the planted faults.
 */

const dir = mkdtempSync(path.join(os.tmpdir(), 'annexes-101-'));
const folder = path.join(dir, 'departements');
const out = path.join(dir, 'revue.xlsx');
let manifest: Manifest;
let code: number;
let stdout = '';
const sheets = new Map<string, unknown[][]>();

beforeAll(async () => {
  manifest = await generateDepartementWorkbooks(folder);
  code = await main(['check', folder, '--format', 'xlsx', '--out', out], { stdout: (s) => (stdout += s), stderr: () => undefined });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(out) as unknown as ExcelJS.Buffer);
  for (const ws of wb.worksheets) {
    const rows: unknown[][] = [];
    ws.eachRow((r, n) => {
      if (n > 3) rows.push((r.values as unknown[]).slice(1)); // title, blank, header
    });
    sheets.set(ws.name, rows);
  }
});

describe('batch review of 101 Départements', () => {
  it('generates one workbook per Département, a quarter of them clean', () => {
    expect(manifest.files).toHaveLength(101);
    expect(new Set(manifest.files.map((f) => f.code)).size).toBe(101);
    expect(manifest.files.map((f) => f.code)).toEqual(expect.arrayContaining(['01', '2A', '2B', '62', '95', '971', '976']));
    expect(manifest.files.filter((f) => f.faults.length === 0).length).toBeGreaterThan(20);
    expect(manifest.files.filter((f) => f.faults.length === 2).length).toBeGreaterThan(3);
  });

  it('lists exactly the planted faults, each at its cell with its rule', () => {
    const key = (file: string, rule: unknown, sheet: unknown, cell: unknown) => `${path.basename(file)} | ${rule} | ${sheet ?? ''} | ${cell ?? ''}`;
    const rows = sheets.get(REVIEW_SHEETS.findings)!;
    // FT-SOLDE is the bilan financier's outcome, on every readable file: not a planted fault.
    const readable = manifest.files.filter((f) => !f.faults.some((x) => x.kind === 'unreadable'));
    expect(rows.filter((r) => r[4] === 'FT-SOLDE' && r[5] === 'Information')).toHaveLength(readable.length);
    const listed = rows.filter((r) => r[4] !== 'FT-SOLDE').map((r) => key(String(r[0]), r[4], r[2], r[3])).sort();
    const planted = manifest.files.flatMap((f) => f.faults.flatMap((fault) => fault.expected.map((e) => key(f.file, e.rule, e.sheet || undefined, e.cell || undefined)))).sort();
    expect(listed).toEqual(planted);
    expect(code).toBe(2); // unreadable files
    expect(stdout).toBe('');
  });

  it('has one synthesis row per file, with its status, in file order', () => {
    const rows = sheets.get(REVIEW_SHEETS.summary)!.filter((r) => r[0] !== 'Total');
    expect(rows).toHaveLength(101);
    const byFile = new Map(rows.map((r) => [path.basename(String(r[0])), r]));
    for (const f of manifest.files) {
      const r = byFile.get(f.file)!;
      const expected = f.faults.some((x) => x.kind === 'unreadable') ? REVIEW_STATUS.unreadable : f.faults.length ? REVIEW_STATUS.errors : REVIEW_STATUS.ok;
      expect([f.file, r[4]]).toEqual([f.file, expected]);
      if (expected !== REVIEW_STATUS.unreadable) expect([f.file, r[1], r[2]]).toEqual([f.file, f.name, f.code.length === 1 ? `0${f.code}` : f.code]);
    }
  });

  it('adds up the State amounts per axe and volet over the readable files', () => {
    const readable = manifest.files.filter((f) => !f.faults.some((x) => x.kind === 'unreadable'));
    const scaled = (amount: number) => readable.reduce((s, f) => s.plus(new Decimal(amount).times(f.factor)), new Decimal(0)).toNumber();
    const totals = sheets.get(REVIEW_SHEETS.totals)!;
    const row = (convention: string, group: string) => totals.find((r) => r[0] === convention && r[2] === group)!;
    // Budget global: the planted CALC-ROW faults typed 1 234,56 € too much on some axe 1 actions.
    const typedTooMuch = readable.flatMap((f) => f.faults).filter((x) => x.kind === 'calc-row' && /action 1\./.test(x.description)).length;
    expect(row('CLS', 'Axe 1').slice(3, 8)).toEqual([scaled(1659288), scaled(1659288), 0, new Decimal(scaled(3318576)).plus(new Decimal('1234.56').times(typedTooMuch)).toNumber(), readable.length]);
    expect(row('CLS', 'Axe 4')[3]).toBe(scaled(673260));
    expect(row('France Travail', 'Volet 1')[3]).toBe(scaled(135000));
    expect(row('France Travail', 'Volet 2')[3]).toBe(scaled(4125892));
  });
});
