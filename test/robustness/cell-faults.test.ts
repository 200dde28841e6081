/**
 * Cell-level faults stay cell-level: a number cell holding "abc" or "0x1F", a shared-string index
 * past the table, a date that is no date — each is a finding on its cell quoting what the file
 * holds (never « NaN », never 0), and the rest of the workbook is checked as usual.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { buildCleanSampleGrid } from '../../scripts/batch/clean-sample';
import { gridToXlsxBuffer } from '../../src/adapters/xlsx/write-xlsx';
import { main } from '../../src/cli/main';
import type { Finding } from '../../src/domain/finding';
import { trickZip, xlsxEntries } from '../fixtures/zip-tricks';

jest.setTimeout(60_000);

let dir: string;
let clean: Buffer;
let sheetIndex: Map<string, number>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'annexes-cell-faults-'));
  const grid = buildCleanSampleGrid();
  sheetIndex = new Map(grid.sheets.map((s, i) => [s.name, i + 1]));
  clean = await gridToXlsxBuffer(grid);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The clean sample with one cell's XML rewritten (`change` gets the <c> element as ExcelJS wrote it). */
async function checkWith(sheet: string, address: string, change: (c: string) => string): Promise<{ code: number; findings: Finding[]; status: string; json: string }> {
  const part = `xl/worksheets/sheet${sheetIndex.get(sheet)}.xml`;
  const entries = xlsxEntries(clean).map((e) => {
    if (e.name !== part) return e;
    const xml = e.data.toString('utf8');
    const cell = new RegExp(`<c r="${address}"[^>]*?(?:/>|>.*?</c>)`).exec(xml);
    if (!cell) throw new Error(`no cell ${address} in ${part}`);
    return { ...e, data: Buffer.from(xml.replace(cell[0], change(cell[0])), 'utf8') };
  });
  const file = join(dir, `${sheet.slice(0, 8)}-${address}-${Math.random().toString(36).slice(2)}.xlsx`);
  writeFileSync(file, trickZip(entries));
  let json = '';
  const code = await main(['check', file, '--format', 'json'], { stdout: (s) => (json += s), stderr: () => undefined });
  const report = JSON.parse(json).files[0];
  return { code, findings: report.findings, status: report.status, json };
}

const on = (findings: Finding[], cell: string) => findings.filter((f) => f.cell === cell).map((f) => f.rule);
const withValue = (v: string, t?: string) => (c: string) => c.replace(/ t="[^"]*"/, '').replace(/<c r="([A-Z]+\d+)"/, `<c r="$1"${t ? ` t="${t}"` : ''}`).replace(/(\/>|>.*<\/c>)$/, `><v>${v}</v></c>`);

describe('a garbage number in an amount cell', () => {
  it.each([['abc'], ['0x1F'], ['1,5'], ['Infinity']])('%s: CELL-NOT-NUMBER on that cell, quoting it', async (raw) => {
    const { status, findings, json } = await checkWith('Tableau financier', 'F6', withValue(raw));
    expect(status).toBe('ok');
    expect(on(findings, 'F6')).toContain('CELL-NOT-NUMBER');
    expect(findings.find((f) => f.cell === 'F6' && f.rule === 'CELL-NOT-NUMBER')!.message).toContain(`« ${raw} »`);
    expect(json).not.toMatch(/NaN/);
  });
});

describe('a shared-string index past the table', () => {
  it('in an amount cell: CELL-NOT-NUMBER on that cell; the workbook is still checked', async () => {
    const { status, findings } = await checkWith('Tableau financier', 'F6', withValue('99999', 's'));
    expect(status).toBe('ok');
    const f = findings.find((x) => x.cell === 'F6' && x.rule === 'CELL-NOT-NUMBER');
    expect(f?.message).toContain('« texte partagé n° 99999 introuvable »');
  });

  it('in a label cell: the workbook is still read and checked', async () => {
    const { status, code } = await checkWith('Tableau financier', 'C6', withValue('424242', 's'));
    expect(status).toBe('ok');
    expect(code).not.toBe(2);
  });
});

describe('a date that is no date', () => {
  it('an ISO date cell holding garbage: the expense date is unreadable, quoted as stored', async () => {
    const { status, findings } = await checkWith('Journal des dépenses', 'A2', withValue('31/02/2024', 'd'));
    expect(status).toBe('ok');
    const f = findings.find((x) => x.cell === 'A2');
    expect(f?.rule).toBe('EXP-PERIOD');
    expect(f?.message).toContain('« 31/02/2024 »');
  });

  it('a date serial past any calendar in a date-formatted cell: unreadable, quoted as stored', async () => {
    const { status, findings, json } = await checkWith('Journal des dépenses', 'A2', (c) => c.replace(/<v>[^<]*<\/v>/, '<v>1E+20</v>'));
    expect(status).toBe('ok');
    expect(findings.find((x) => x.cell === 'A2')?.message).toContain('« 1E+20 »');
    expect(json).not.toMatch(/Invalid Date|NaN/);
  });
});
