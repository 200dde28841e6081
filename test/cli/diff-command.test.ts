/**
 * `annexes diff` on real files: the committed sample against itself (nothing, exit 0) and against a
 * copy with three known edits and a shifted table (test/helpers/edited-sample.ts: exactly those
 * three changes, exit 1).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { writeXlsxFile } from '../../src/adapters/xlsx/write-xlsx';
import { FICHE_BUDGET_SHEET } from '../../scripts/sample/fiche-budgets';
import { editedSample } from '../helpers/edited-sample';
import { FT, PLAN } from '../helpers/sample';
import { runCli } from '../helpers/cli';

const dir = mkdtempSync(path.join(os.tmpdir(), 'annexes-diff-'));
const SAMPLE = path.join(__dirname, '..', '..', 'samples', 'pas-de-calais-2024.xlsx');

const run = runCli;

describe('annexes diff', () => {
  const after = path.join(dir, 'apres.xlsx');
  beforeAll(() => writeXlsxFile(editedSample(), after));

  it('a workbook against itself: nothing changed, exit 0', async () => {
    const { code, stdout } = await run(['diff', SAMPLE, SAMPLE]);
    expect(code).toBe(0);
    expect(stdout).toContain('Aucun changement');
    const json = JSON.parse((await run(['diff', SAMPLE, SAMPLE, '--format', 'json'])).stdout);
    expect(json.changed).toBe(false);
  });

  it('three edits and a moved table: exactly the three changes, their effects, exit 1', async () => {
    const { code, stdout } = await run(['diff', SAMPLE, after, '--format', 'json']);
    expect(code).toBe(1);
    const r = JSON.parse(stdout);
    expect(r.values.map((v: Record<string, string>) => [v.table, v.row, v.column, v.before, v.after, v.difference, v.cellBefore, v.cellAfter])).toEqual([
      ['Plan de financement volet 2', 'Action 2: Amplifier la politique d’accès à l’emploi pour tous', 'Delta entre la cible et l’existant', '3030 places', '330 places', null, `${FT}!F18`, `${FT}!F18`],
      ['Plan d\'action', 'action 2.6 Pack inclusion renforcé pour l\'emploi', 'Conseil départemental', '951\u202F146,00 €', '1\u202F051\u202F146,00 €', '100000.00', `${PLAN}!E8`, `${PLAN}!G11`],
      ['Fiche 1.3', 'sous-action « Action 2 : Soutenir une réponse de santé auprès des ados »', 'Montant de la sous-action', '53\u202F500,00 €', '53\u202F560,00 €', '60.00', `${FICHE_BUDGET_SHEET}!B45`, `${FICHE_BUDGET_SHEET}!B45`],
    ]);
    expect([r.totals, r.rows, r.tables, r.parameters]).toEqual([[], [], [], []]);
    // Effects: volet 2 reaches 50 %; three findings fixed; the 2.6 row and the CD total no longer add up.
    expect(r.shares).toEqual([{ what: 'Volet 2 France Travail (FT art. 3.3)', before: '48.79', after: '50.00', minimum: '50.00', nowCompliant: true }]);
    expect(r.findings.fixed.map((f: { rule: string; cell: string }) => `${f.rule} ${f.cell}`)).toEqual(['PLAN-DELTA F18', 'COFI-FT-VOLET2 E4', 'FICHE-SUBACTIONS B44']);
    expect(r.findings.introduced.map((f: { rule: string; cell: string }) => `${f.rule} ${f.cell}`)).toEqual(['CALC-ROW J11', 'CALC-TOTAL G14']);
  });

  it('text report: a count, then each change in the annexes’ words', async () => {
    const { code, stdout } = await run(['diff', SAMPLE, after]);
    expect(code).toBe(1);
    const text = stdout.replace(/\u202F/g, ' ');
    expect(text).toContain('3 montants ou quantités modifiés, 1 part du Département passée de l’autre côté du minimum, 3 constats corrigés, 2 nouveaux constats.');
    expect(text).toContain('Fiche 1.3, sous-action « Action 2 : Soutenir une réponse de santé auprès des ados », « Montant de la sous-action » : 53 500,00 € → 53 560,00 € (+60,00 €)');
    expect(text).toContain(`« Conseil départemental » : 951 146,00 € → 1 051 146,00 € (+100 000,00 €) [${PLAN}!E8 → ${PLAN}!G11]`);
    expect(text).toContain('Volet 2 France Travail (FT art. 3.3) : part du Département 48,79 % → 50,00 %, atteint désormais le minimum de 50,00 %');
    expect(text).toContain('Constats corrigés (3)');
  });

  it('xlsx report: « Changements » and « Constats » tables, amounts as numbers', async () => {
    const out = path.join(dir, 'comparaison.xlsx');
    const { code, stderr } = await run(['diff', SAMPLE, after, '--format', 'xlsx', '--out', out]);
    expect(code).toBe(1);
    expect(stderr).toContain('comparaison.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(out) as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Changements', 'Constats']);
    const changes = wb.getWorksheet('Changements')!;
    const rows = [4, 5, 6, 7].map((r) => [1, 5, 6, 7].map((c) => changes.getCell(r, c).value));
    expect(rows).toEqual([
      ['Quantité', '3030 places', '330 places', null],
      ['Montant', 951146, 1051146, 100000],
      ['Montant', 53500, 53560, 60],
      ['Part du Département', null, null, null],
    ]);
    expect(wb.getWorksheet('Constats')!.getCell(4, 1).value).toBe('Corrigé');
  });

  it('never writes over an input; unreadable files and bad arguments exit 2 in French', async () => {
    const copy = path.join(dir, 'copie.xlsx');
    writeFileSync(copy, readFileSync(SAMPLE));
    const before = readFileSync(copy);
    const same = await run(['diff', SAMPLE, copy, '--out', copy]);
    expect(same.code).toBe(2);
    expect(same.stderr).toContain('n\'écrit jamais sur ses entrées');
    expect(readFileSync(copy).equals(before)).toBe(true);
    const broken = path.join(dir, 'casse.xlsx');
    writeFileSync(broken, 'pas un classeur');
    const unreadable = await run(['diff', SAMPLE, broken]);
    expect(unreadable.code).toBe(2);
    expect(unreadable.stderr).toContain('casse.xlsx');
    expect(unreadable.stderr).not.toMatch(/\bat .*\.js:\d+/);
    expect((await run(['diff', SAMPLE])).code).toBe(2);
    expect((await run(['diff', SAMPLE, after, '--format', 'csv'])).stderr).toContain('text, json ou xlsx');
    expect((await run(['diff', SAMPLE, after, '--format', 'xlsx'])).stderr).toContain('--out comparaison.xlsx');
  });
});
