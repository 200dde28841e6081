/**
 * What a workbook or a file name holds cannot act in our outputs:
 * - CSV: a field that Excel or LibreOffice would run as a formula (= + - @, tab, carriage return,
 *   full-width forms, after spaces) gets an apostrophe, unless it is a plain number;
 * - text report: control and direction characters are shown (␊, ␛, ⟨U+202E⟩), so a Département
 *   cannot print a line of its own nor hide the next ones;
 * - xlsx outputs (review workbook, « Contrôles », mid-term report): such text is a text cell, never
 *   a formula, shown with the same marks, and a literal « _x001B_ » stays literal.
 * Known attacks first, then generated ones (fast-check), then whole runs of the CLI on a hostile
 * workbook with a hostile file name.
 */
import { mkdtempSync, readFileSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import fc from 'fast-check';
import JSZip from 'jszip';
import { csvField, formatCsv } from '../../src/cli/format-csv';
import { formatText } from '../../src/cli/format-text';
import { formatReviewXlsx } from '../../src/cli/format-xlsx';
import type { FileResult } from '../../src/cli/check-file';
import { visibleCellText, visibleText } from '../../src/layout/visible-text';
import { xlsxLiteral } from '../../src/adapters/xlsx/xlsx-literal';
import { runMain as run } from '../helpers/run-main';
import { writeXlsxFile } from '../../src/adapters/xlsx/write-xlsx';
import { type Grid } from '../../src/layout/grid';
import { sampleWith } from '../helpers/sample';
import { midTermWorkbook } from '../helpers/mid-term';

/* eslint-disable no-control-regex -- control characters are what these tests look for */
const DANGEROUS = /[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/;
const DANGEROUS_IN_CELL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/;
const FORMULA_START = /^[\s\u00A0\u202F]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]|^[\t\r\n]/;

const CSV_ATTACKS = [
  "-1+cmd|' /C calc'!A0",
  "=cmd|' /C calc'!A0",
  '+HYPERLINK("http://exemple.invalid","x")',
  '@SUM(1+1)',
  '\t=1+1',
  '\r=1+1',
  '\n=1+1',
  ' =1+1',
  '\u00A0+1+1',
  '＝1+1',
  '－1+1',
  '-',
  '--1',
  '-1,50+A1',
  '-1 236 000,00 €',
];
const NUMBERS = ['-12,50', '12,50', '-1236000,00', '1236000.00', '+5', '-0,5', '-1 236 000,00', '1\u202F236\u00A0000,00', '0'];

/** The fields of one CSV record as a spreadsheet reads them (quotes removed). */
function csvRecords(csv: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let fields: string[] = [];
  let quoted = false;
  const body = csv.replace(/^\uFEFF/, '');
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') field += body[++i];
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ';') {
      fields.push(field);
      field = '';
    } else if (c === '\r' && body[i + 1] === '\n') {
      fields.push(field);
      records.push(fields);
      fields = [];
      field = '';
      i++;
    } else field += c;
  }
  return records;
}

describe('CSV fields', () => {
  it('known attacks are neutralised; plain numbers stay numbers', () => {
    for (const a of CSV_ATTACKS) {
      const [[field]] = csvRecords(`${csvField(a)}\r\n`);
      expect(field.startsWith("'")).toBe(true);
      expect(field).not.toMatch(DANGEROUS);
    }
    expect(csvRecords(`${csvField("-1+cmd|' /C calc'!A0")}\r\n`)[0][0]).toBe("'-1+cmd|' /C calc'!A0");
    for (const n of NUMBERS) expect(csvField(n)).toBe(n);
  });

  it('any field: after reading, it starts like a formula only if it is a plain number, and holds no control character', () => {
    const start = fc.constantFrom('=', '+', '-', '@', '\t', '\r', '\n', ' ', '\u00A0', '＝', '＋', '－', '＠', 'a', '1', '"', ';');
    const rest = fc.string({ unit: fc.constantFrom(...'abc019 =+-@()!;,."|\'\t\r\n\u001B\u0007\u202E\u2066\u0085€é'.split('')), maxLength: 20 });
    fc.assert(
      fc.property(start, rest, (s, r) => {
        const records = csvRecords(`${csvField(s + r)}\r\n`);
        expect(records).toHaveLength(1);
        expect(records[0]).toHaveLength(1);
        const field = records[0][0];
        if (FORMULA_START.test(field)) expect(field).toMatch(/^[+-]?[\d\s\u00A0\u202F]+([.,]\d+)?$/);
        expect(field).not.toMatch(DANGEROUS);
      }),
      { numRuns: 500 },
    );
  });
});

describe('visible text', () => {
  it('shows each control and direction character with a visible mark', () => {
    expect(visibleText('a\nb\rc\td\u001B[8me\u0007f\u0000')).toBe('a␊b␍c␉d␛[8me␇f␀');
    expect(visibleText('x\u007F\u0085\u202E\u2066\u2069\u200F\u061C\u2028y')).toBe('x␡⟨U+0085⟩⟨U+202E⟩⟨U+2066⟩⟨U+2069⟩⟨U+200F⟩⟨U+061C⟩⟨U+2028⟩y');
    expect(visibleCellText('ligne 1\nligne 2\t\u001B\u202E')).toBe('ligne 1\nligne 2\t␛⟨U+202E⟩');
    expect(visibleText('Pas-de-Calais — Département n° 62 « € »')).toBe('Pas-de-Calais — Département n° 62 « € »');
  });

  it('leaves no such character, whatever the text, and keeps every other one', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (s) => {
        const shown = visibleText(s);
        expect(shown).not.toMatch(DANGEROUS);
        expect(visibleCellText(s)).not.toMatch(DANGEROUS_IN_CELL);
        expect(shown.replace(/⟨U\+[0-9A-F]{4}⟩|[\u2400-\u2421]/g, '')).toBe(s.replace(new RegExp(DANGEROUS.source, 'g'), '').replace(/[\u2400-\u2421]/g, ''));
      }),
      { numRuns: 500 },
    );
  });

  it('a literal _xHHHH_ is written so that Excel reads it back as that text', () => {
    expect(xlsxLiteral('a_x001B_b _x202e_ _x12_ x001B_')).toBe('a_x005F_x001B_b _x005F_x202e_ _x12_ x001B_');
  });
});

/** A result whose every text field is hostile. */
function hostileResult(): FileResult {
  return {
    file: 'dossier/rapport\u202Exslx.exe\n1 fichier contrôlé : 1 sans erreur.xlsx',
    status: 'ok',
    message: '1 erreur, 0 avertissement, 0 information',
    department: 'Pas-de-Calais\n1 fichier contrôlé : 1 sans erreur, 0 avec erreurs, 0 illisible.\u001B[8m',
    findings: [
      {
        rule: 'CELL-NOT-NUMBER',
        severity: 'error',
        sheet: 'Journal\r\ndes dépenses\u2066',
        cell: 'E28',
        message: "« A » devrait contenir un montant mais contient « -1+cmd|' /C calc'!A0 »\u0007.",
        article: 'Annexes financières',
        expected: '=HYPERLINK("http://exemple.invalid","x")',
        actual: "-1+cmd|' /C calc'!A0",
      },
    ],
    counts: { error: 1, warning: 0, info: 0 },
  } as FileResult;
}

describe('the reports built from hostile results', () => {
  it('text: one line per item, nothing forged, nothing hidden', () => {
    const text = formatText([hostileResult()]);
    const lines = text.split('\n');
    expect(text).not.toMatch(/[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/);
    expect(lines.filter((l) => l.startsWith('Fichier : '))).toHaveLength(1);
    expect(lines.filter((l) => /^\d+ fichiers? contrôlés? :/.test(l))).toEqual(['1 fichier contrôlé : 0 sans erreur, 1 avec erreurs, 0 illisible.']);
    expect(lines[0]).toBe(
      'Fichier : dossier/rapport⟨U+202E⟩xslx.exe␊1 fichier contrôlé : 1 sans erreur.xlsx (Pas-de-Calais␊1 fichier contrôlé : 1 sans erreur, 0 avec erreurs, 0 illisible.␛[8m)',
    );
    expect(text).toContain('  Feuille « Journal␍␊des dépenses⟨U+2066⟩ »');
  });

  it('CSV: ten fields a record, no formula start but numbers, no control character', () => {
    const records = csvRecords(formatCsv([hostileResult(), { ...hostileResult(), status: 'unreadable', message: '=1+1\nfaux' }]));
    expect(records).toHaveLength(3);
    for (const r of records) {
      expect(r).toHaveLength(10);
      for (const f of r) {
        expect(f).not.toMatch(DANGEROUS);
        if (FORMULA_START.test(f)) expect(f).toMatch(/^-?\d+(,\d+)?$/);
      }
    }
    expect(records[1][9]).toBe("'-1+cmd|' /C calc'!A0");
    expect(records[1][8]).toBe('\'=HYPERLINK("http://exemple.invalid","x")');
  });

  it('review workbook: hostile texts are text cells with visible marks, no formula carries them', async () => {
    const xlsx = await formatReviewXlsx([hostileResult()]);
    const zip = await JSZip.loadAsync(xlsx);
    const xml = (await Promise.all(Object.values(zip.files).filter((f) => f.name.endsWith('.xml')).map((f) => f.async('string')))).join('\n');
    const formulas = [...xml.matchAll(/<f>([^<]*)<\/f>/g)].map((m) => m[1]);
    expect(formulas.every((f) => /^SUBTOTAL\(109,/.test(f))).toBe(true); // the table's totals row only
    expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u0085\u202A-\u202E\u2066-\u2069]/);
    expect(xml).toContain('␛[8m');
    expect(xml).toContain('rapport⟨U+202E⟩xslx.exe');
    expect(xml).toContain('-1+cmd|&apos; /C calc&apos;!A0');
  });
});

describe('a hostile workbook through the CLI', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'annexes-hostile-'));
  const input = path.join(dir, 'depot\u202Exslx.exe\u001B[8m.xlsx');


  beforeAll(async () => {
    const grid = sampleWith({
      Paramètres: { B2: 'Pas-de-Calais\n1 fichier contrôlé : 1 sans erreur\u202E' },
      'Tableau financier': { E28: "-1+cmd|' /C calc'!A0", E29: '\t=1+1', E30: '@SUM(1)', E31: '=HYPERLINK("http://exemple.invalid","x")', E32: '_x001B_[8m' },
    });
    await writeXlsxFile(grid, input);
  });

  it('check --format text: the file name and the Département cannot print lines of their own', async () => {
    const r = await run(['check', input]);
    expect(r.code).toBe(1);
    expect(r.stdout).not.toMatch(/[\u0000-\u0009\u000B-\u001F\u202A-\u202E]/);
    expect(r.stdout.split('\n').filter((l) => /^\d+ fichiers? contrôlés? :/.test(l))).toHaveLength(1);
    expect(r.stdout).toContain('depot⟨U+202E⟩xslx.exe␛[8m.xlsx (Pas-de-Calais␊1 fichier contrôlé : 1 sans erreur⟨U+202E⟩)');
  });

  it('check --format csv: the cell texts quoted in the messages and the Département are neutralised', async () => {
    const records = csvRecords((await run(['check', input, '--format', 'csv'])).stdout);
    for (const r of records) {
      expect(r).toHaveLength(10);
      for (const f of r) {
        expect(f).not.toMatch(DANGEROUS);
        if (FORMULA_START.test(f)) expect(f).toMatch(/^-?\d+(,\d+)?$/);
      }
    }
    expect(records.slice(1).every((r) => r[1] === 'Pas-de-Calais␊1 fichier contrôlé : 1 sans erreur⟨U+202E⟩')).toBe(true);
  });

  it('check --format xlsx: the review workbook holds them as text', async () => {
    const out = path.join(dir, 'revue.xlsx');
    expect((await run(['check', input, '--format', 'xlsx', '--out', out])).code).toBe(1);
    const zip = await JSZip.loadAsync(readFileSync(out));
    const strings = await zip.file('xl/sharedStrings.xml')!.async('string');
    expect(strings).toContain('Pas-de-Calais\n1 fichier contrôlé : 1 sans erreur⟨U+202E⟩');
    expect(strings).toContain('depot⟨U+202E⟩xslx.exe␛[8m.xlsx');
    expect(strings).not.toMatch(/(?<!_x005F)_x001B_/);
  });

  it('diff: text lines and the xlsx report show the hostile labels, never obey them', async () => {
    const before = path.join(dir, 'avant\u001B[8m.xlsx');
    await writeXlsxFile(sampleWith({}), before);
    const r = await run(['diff', before, input]);
    expect(r.code).toBe(1);
    expect(r.stdout).not.toMatch(/[\u0000-\u0009\u000B-\u001F\u202A-\u202E]/);
    expect(r.stdout).toContain('avant␛[8m.xlsx');
    expect(r.stdout).toContain('Pas-de-Calais␊1 fichier contrôlé : 1 sans erreur⟨U+202E⟩');
    const out = path.join(dir, 'comparaison.xlsx');
    expect((await run(['diff', before, input, '--format', 'xlsx', '--out', out])).code).toBe(1);
    const zip = await JSZip.loadAsync(readFileSync(out));
    const xml = (await Promise.all(Object.values(zip.files).filter((f) => f.name.endsWith('.xml')).map((f) => f.async('string')))).join('\n');
    expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u202A-\u202E]/);
    expect([...xml.matchAll(/<f>([^<]*)<\/f>/g)].some((m) => /cmd|HYPERLINK|SUM\(1\)/.test(m[1]))).toBe(false);
  });

  it('fill: the « Contrôles » sheet quotes hostile texts as text, and its links survive quotes in sheet names', async () => {
    const grid: Grid = sampleWith({ 'Tableau financier': { E28: "-1+cmd|' /C calc'!A0", E29: '\u202E=1+1' } });
    grid.sheets.find((s) => s.name === 'Journal des dépenses')!.name = 'Journal "des" dépenses d\'été';
    const src = path.join(dir, 'quotes.xlsx');
    await writeXlsxFile(grid, src);
    const out = path.join(dir, 'quotes-rempli.xlsx');
    expect((await run(['fill', src, '-o', out])).code).toBe(0);
    const zip = await JSZip.loadAsync(readFileSync(out));
    const workbookXml = await zip.file('xl/workbook.xml')!.async('string');
    const id = [...workbookXml.matchAll(/<sheet [^>]*name="([^"]*)"[^>]*r:id="rId(\d+)"/g)].find((m) => m[1] === 'Contrôles')!;
    const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
    const target = new RegExp(`Id="rId${id[2]}"[^>]*Target="/?(?:xl/)?([^"]+)"`).exec(rels)![1];
    const sheet = await zip.file(`xl/${target}`)!.async('string');
    const formulas = [...sheet.matchAll(/<f>([^<]*)<\/f>/g)].map((m) => m[1].replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&'));
    expect(formulas.length).toBeGreaterThan(0);
    for (const f of formulas) expect(f).toMatch(/^HYPERLINK\("#'(?:[^']|'')+'![A-Z]{1,3}\d+","[A-Z]{1,3}\d+"\)$/);
    expect(formulas.some((f) => f.includes(`#'Journal ""des"" dépenses d''été'!`))).toBe(true);
    const strings = await zip.file('xl/sharedStrings.xml')!.async('string');
    expect(strings).toContain('⟨U+202E⟩=1+1');
    // The user's own cell keeps its text in its own sheet: the only raw U+202E of the copy.
    expect([...strings.matchAll(/<t[^>]*>([^<]*)<\/t>/g)].map((m) => m[1]).filter((t) => t.includes('\u202E'))).toEqual(['\u202E=1+1']);
  });

  it('report: hostile labels and Département are text cells of the report (no formula carries them)', async () => {
    const grid = midTermWorkbook();
    const hostile = '=HYPERLINK("http://exemple.invalid","clic")\u202E\u0085';
    let replaced = 0;
    for (const s of grid.sheets)
      for (const cols of s.rows.values())
        for (const cell of cols.values())
          if (typeof cell.value === 'string' && /^(Pas-de-Calais|Accueil de proximité)/.test(cell.value)) {
            cell.value = hostile;
            replaced++;
          }
    expect(replaced).toBeGreaterThan(1);
    const src = path.join(dir, 'mi-parcours.xlsx');
    await writeXlsxFile(grid, src);
    const out = path.join(dir, 'rapport.xlsx');
    expect((await run(['report', src, '-o', out])).code).toBe(0);
    const zip = await JSZip.loadAsync(readFileSync(out));
    const parts = Object.values(zip.files).filter((f) => /\.xml$/.test(f.name));
    const xml = (await Promise.all(parts.map((f) => f.async('string')))).join('\n');
    expect([...xml.matchAll(/<f>([^<]*)<\/f>/g)].some((m) => m[1].includes('exemple.invalid'))).toBe(false);
    expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u0085\u202A-\u202E]/);
    expect(xml).toContain('=HYPERLINK(&quot;http://exemple.invalid&quot;,&quot;clic&quot;)⟨U+202E⟩⟨U+0085⟩');
  });
});
