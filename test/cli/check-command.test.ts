import { mkdtempSync, writeFileSync, readFileSync, mkdirSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../../src/cli/main';
import { writeXlsxFile } from '../../src/adapters/xlsx/write-xlsx';
import { buildSampleGrid } from '../../scripts/sample/build-sample';
import { FT } from '../helpers/sample';
import { buildCleanSampleGrid } from '../../scripts/batch/clean-sample';

const dir = mkdtempSync(path.join(os.tmpdir(), 'annexes-cli-'));
const SAMPLE = path.join(__dirname, '..', '..', 'samples', 'pas-de-calais-2024.xlsx');

async function run(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
  return { code, stdout, stderr };
}

/** The sample with its defects mended (the base of the generated Départements): no finding at all. */
async function cleanWorkbook(file: string) {
  await writeXlsxFile(buildCleanSampleGrid(), file);
}

describe('annexes check', () => {
  it('on the bundled sample: exit 1, JSON with PLAN-DELTA, CALC-FORMULA on K, COFI-FT-VOLET2 at 48,79 %', async () => {
    const { code, stdout } = await run(['check', SAMPLE, '--format', 'json']);
    expect(code).toBe(1);
    const report = JSON.parse(stdout);
    expect(report.files).toHaveLength(1);
    const file = report.files[0];
    expect(file.status).toBe('ok');
    expect(file.department).toBe('Pas-de-Calais');
    const delta = file.findings.find((f: { rule: string }) => f.rule === 'PLAN-DELTA');
    expect(delta).toMatchObject({ severity: 'error', sheet: FT, cell: 'F18', expected: '330', actual: '3030', article: 'FT annexe 2' });
    expect(delta.message).toContain('Action 2');
    const k = file.findings.filter((f: { rule: string }) => f.rule === 'CALC-FORMULA');
    expect(k.map((f: { cell: string }) => f.cell[0])).toEqual(Array(11).fill('P'));
    const cofi = file.findings.find((f: { rule: string }) => f.rule === 'COFI-FT-VOLET2');
    expect(cofi.message).toContain('48,79 %');
    for (const f of file.findings) {
      expect(Object.keys(f)).toEqual(expect.arrayContaining(['rule', 'severity', 'sheet', 'cell', 'message', 'article']));
    }
  });

  it('with --fse-as-cd the volet-2 co-financing is not reported', async () => {
    const { stdout } = await run(['check', SAMPLE, '--format', 'json', '--fse-as-cd']);
    const rules = JSON.parse(stdout).files[0].findings.map((f: { rule: string }) => f.rule);
    expect(rules).not.toContain('COFI-FT-VOLET2');
    expect(rules).toContain('PLAN-DELTA');
  });

  it('a return folder that cannot be made is refused before any check, in French', async () => {
    const file = path.join(dir, 'pas-un-dossier.txt');
    writeFileSync(file, 'x');
    for (const folder of [file, path.join(file, 'retours')]) {
      const r = await run(['check', SAMPLE, '--format', 'json', '--par-departement', folder]);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/^annexes check : impossible (d'écrire dans|de créer le dossier) « .* » : (ce n'est pas un dossier|un élément du chemin n’est pas un dossier)\.\n$/);
    }
  });

  it('the JSON echoes the options given on the command line, the bilan reading included', async () => {
    const { stdout } = await run(['check', SAMPLE, '--format', 'json', '--fse-as-cd', '--forfait-volet1', 'integral', '--cls-cofi-base', 'etat-cd']);
    expect(JSON.parse(stdout).options).toEqual({ fseAsCd: true, clsCofiBase: 'state-cd', ftVolet1: 'lump-sum' });
    expect(JSON.parse((await run(['check', SAMPLE, '--format', 'json'])).stdout).options).toEqual({});
  });

  it('text output is French, grouped by sheet, with cell, rule, message and article', async () => {
    const { code, stdout } = await run(['check', SAMPLE]);
    expect(code).toBe(1);
    expect(stdout).toContain(`Feuille « ${FT} »`);
    expect(stdout).toMatch(/\[ERREUR\] F18 PLAN-DELTA — .*3030 places.* \(FT annexe 2\)/);
    expect(stdout).toContain('1 fichier contrôlé : 0 sans erreur, 1 avec erreurs, 0 illisible.');
  });

  it('exit 0 on a workbook without error, and --out writes the report', async () => {
    const file = path.join(dir, 'propre.xlsx');
    await cleanWorkbook(file);
    const out = path.join(dir, 'rapport.json');
    const { code, stderr } = await run(['check', file, '--format', 'json', '--out', out]);
    const report = JSON.parse(readFileSync(out, 'utf8'));
    expect(report.files[0].findings.filter((f: { severity: string }) => f.severity === 'error')).toEqual([]);
    expect(code).toBe(0);
    expect(stderr).toContain('rapport.json');
  });

  it('an unreadable file gives exit 2 and a French message naming it, the others are still checked', async () => {
    const folder = path.join(dir, 'envois');
    mkdirSync(folder);
    writeFileSync(path.join(folder, 'a-casse.xlsx'), Buffer.from('ceci n’est pas un classeur'));
    await writeXlsxFile(buildSampleGrid(), path.join(folder, 'b-pas-de-calais.xlsx'));
    writeFileSync(path.join(folder, '~$b-pas-de-calais.xlsx'), 'verrou Excel');
    const { code, stdout } = await run(['check', folder, '--format', 'json']);
    expect(code).toBe(2);
    const files = JSON.parse(stdout).files;
    expect(files.map((f: { status: string }) => f.status)).toEqual(['unreadable', 'ok']);
    expect(files[0].message).toContain('a-casse.xlsx');
    expect(files[0].message).toMatch(/n'est pas un classeur Excel lisible/);
    expect(files[1].findings.length).toBeGreaterThan(0);
    expect(stdout).not.toMatch(/\bat .*\.js:\d+/); // no stack trace
  });

  it('a missing file gives exit 2', async () => {
    const { code, stdout } = await run(['check', path.join(dir, 'absent.xlsx')]);
    expect(code).toBe(2);
    expect(stdout).toContain('introuvable');
  });

  it.each([[[]], [['check']], [['check', SAMPLE, '--format', 'xml']], [['verifier', SAMPLE]], [['check', SAMPLE, '--bogus']], [['check', SAMPLE, '--underspend-threshold', 'abc']]])(
    'bad arguments %j: usage and exit 2 (or help)',
    async (args) => {
      const { code, stdout, stderr } = await run(args);
      if (args.length === 0) {
        expect(code).toBe(0);
        expect(stdout).toContain('Usage : annexes <commande>');
      } else if (args[0] !== 'check') {
        expect(code).toBe(2);
        expect(stderr).toContain('commande inconnue');
      } else {
        expect(code).toBe(2);
        expect(stderr).toContain('Usage : annexes check');
      }
    },
  );
});
