import { mkdtempSync, readFileSync, writeFileSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import Decimal from 'decimal.js';
import { main } from '../../src/cli/main';
import { checkFiles } from '../../src/cli/check-pool';
import { createProgress, progressLine, progressWanted } from '../../src/cli/progress';
import { REVIEW_SHEETS } from '../../src/cli/format-xlsx';
import { writeXlsxFile } from '../../src/adapters/xlsx/write-xlsx';
import { buildSampleGrid } from '../../scripts/sample/build-sample';
import { buildCleanSampleGrid } from '../../scripts/batch/clean-sample';


const dir = mkdtempSync(path.join(os.tmpdir(), 'annexes-batch-'));
const sample = path.join(dir, '62-pas-de-calais.xlsx');
const clean = path.join(dir, '62-propre.xlsx');
const broken = path.join(dir, '99-casse.xlsx');

beforeAll(async () => {
  await writeXlsxFile(buildSampleGrid(), sample);
  await writeXlsxFile(buildCleanSampleGrid(), clean);
  writeFileSync(broken, 'pas un classeur');
});

async function run(args: string[], io: { tty?: boolean } = {}) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), stderrIsTTY: () => !!io.tty, stderrColumns: () => 100 });
  return { code, stdout, stderr };
}

describe('annexes check --format csv', () => {
  it('one line per finding, UTF-8 with BOM, « ; » separators, CRLF, decimal comma', async () => {
    const { code, stdout } = await run(['check', sample, broken, '--format', 'csv']);
    expect(code).toBe(2);
    expect(stdout.startsWith('\uFEFFFichier;Département;Feuille;Cellule;Règle;Gravité;Message;Article;Attendu;Constaté\r\n')).toBe(true);
    const lines = stdout.slice(1).trimEnd().split('\r\n');
    const json = JSON.parse((await run(['check', sample, '--format', 'json'])).stdout);
    expect(lines).toHaveLength(1 + json.files[0].findings.length + 1);
    const delta = lines.find((l) => l.includes(';PLAN-DELTA;'))!;
    expect(delta).toMatch(/^.*62-pas-de-calais\.xlsx;Pas-de-Calais;Construction du plan de finance;F18;PLAN-DELTA;Erreur;[^;]*3030 places[^;]*;FT annexe 2;330;3030$/);
    const k = lines.find((l) => l.includes(';CALC-FORMULA;'))!;
    expect(k).toContain(";G + J;'=L50+N50"); // a formula as text, never run by Excel
    const cofi = lines.find((l) => l.includes(';COFI-FT-VOLET2;'))!;
    expect(cofi).toMatch(/;4125892,00;4025892,00$/);
    expect(lines[lines.length - 1]).toMatch(/99-casse\.xlsx;;;;FICHIER-ILLISIBLE;Erreur;.*n'est pas un classeur Excel lisible/);
  });
});

describe('annexes check --format xlsx', () => {
  it('needs --out', async () => {
    const { code, stderr } = await run(['check', sample, '--format', 'xlsx']);
    expect(code).toBe(2);
    expect(stderr).toContain('--out revue.xlsx');
  });

  it('writes the review workbook: synthesis per file, findings as a filterable table, totals per axe and volet', async () => {
    const out = path.join(dir, 'revue.xlsx');
    const { code } = await run(['check', sample, clean, broken, '--format', 'xlsx', '--out', out]);
    expect(code).toBe(2);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(out) as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual([REVIEW_SHEETS.summary, REVIEW_SHEETS.findings, REVIEW_SHEETS.totals]);
    const rows = (name: string) => {
      const ws = wb.getWorksheet(name)!;
      const out: unknown[][] = [];
      ws.eachRow((r, n) => {
        if (n >= 3) out.push((r.values as unknown[]).slice(1));
      });
      return out;
    };
    const synthesis = rows(REVIEW_SHEETS.summary);
    expect(synthesis[0].slice(0, 8)).toEqual(['Fichier', 'Département', 'Code', 'Convention(s)', 'Statut', 'Erreurs', 'Avertissements', 'Informations']);
    const [s62, sClean, sBroken] = synthesis.slice(1, 4);
    expect(s62.slice(0, 5)).toEqual([sample, 'Pas-de-Calais', '62', 'CLS + FT', 'Erreurs']);
    expect(sClean.slice(4, 8)).toEqual(['Conforme', 0, 0, 0]);
    // State: CLS 2024 3 342 548 + FT 4 260 892 (plan d'action, volets 1 and 2); CD share 50 % on the CLS.
    expect(s62.slice(8, 13)).toEqual([7603440, 3342548, 4260892, 0.5, new Decimal(4025892).div(8251784).toNumber()]);
    expect(sBroken[4]).toBe('Illisible');
    const findings = rows(REVIEW_SHEETS.findings);
    expect(findings[0]).toEqual(['Fichier', 'Département', 'Feuille', 'Cellule', 'Règle', 'Gravité', 'Message', 'Article', 'Attendu', 'Constaté']);
    const json = JSON.parse((await run(['check', sample, '--format', 'json'])).stdout);
    expect(findings.length - 1).toBe(json.files[0].findings.length + 1);
    expect(findings.find((r) => r[4] === 'PLAN-DELTA')!.slice(2, 10)).toEqual(['Construction du plan de finance', 'F18', 'PLAN-DELTA', 'Erreur', expect.stringContaining('3030 places'), 'FT annexe 2', 330, 3030]);
    expect(findings[findings.length - 1].slice(4, 6)).toEqual(['FICHIER-ILLISIBLE', 'Erreur']);
    // An Excel table (with its filter buttons) over the whole list of findings.
    const zip = await JSZip.loadAsync(readFileSync(out));
    const tables = await Promise.all(Object.keys(zip.files).filter((f) => /^xl\/tables\/table\d+\.xml$/.test(f)).map((f) => zip.file(f)!.async('string')));
    const constats = tables.find((t) => /displayName="Constats"/.test(t))!;
    expect(constats).toContain(`ref="A3:J${3 + findings.length - 1}"`);
    expect(constats).toMatch(/<autoFilter ref="A3:J\d+"/);
    const totals = rows(REVIEW_SHEETS.totals);
    expect(totals[0]).toEqual(['Convention', 'Année', 'Axe / volet', 'État', 'Département (CD)', 'Autres financeurs', 'Total', 'Fichiers']);
    // Two readable files, both with the seed's prévisionnel 2024: axe 1 = 2 × 1 659 288.
    expect(totals.find((r) => r[0] === 'CLS' && r[2] === 'Axe 1')).toEqual(['CLS', 2024, 'Axe 1', 2 * 1659288, 2 * 1659288, 0, 2 * 3318576, 2]);
    expect(totals.find((r) => r[0] === 'France Travail' && r[2] === 'Volet 2')!.slice(3, 8)).toEqual([2 * 4125892, 2 * 4025892, 2 * 100000, 2 * 8251784, 2]);
  });
});

describe('parallel checks', () => {
  const misbehaving = path.join(__dirname, 'fixtures', 'misbehaving-worker.ts');

  it('a file that kills or hangs its worker is reported, the others are checked, in input order', async () => {
    const crash = path.join(dir, 'plante.xlsx');
    const hang = path.join(dir, 'bloque.xlsx');
    writeFileSync(crash, readFileSync(clean));
    writeFileSync(hang, readFileSync(clean));
    const targets = [crash, clean, hang, sample, clean].map((file) => ({ file }));
    const seen: number[] = [];
    const results = await checkFiles(targets, { overrides: {}, jobs: 2, timeoutMs: 3000, workerEntry: misbehaving, onResult: (_r, done) => seen.push(done) });
    expect(results.map((r) => r.file)).toEqual(targets.map((t) => t.file));
    expect(results.map((r) => r.status)).toEqual(['unreadable', 'ok', 'unreadable', 'ok', 'ok']);
    expect(results[0].message).toMatch(/« .*plante\.xlsx » n'a pas pu être contrôlé \(le processus de contrôle s’est arrêté/);
    expect(results[2].message).toMatch(/dépassé 3 s/);
    expect(results[3].counts.error).toBeGreaterThan(0);
    expect(seen).toEqual([1, 2, 3, 4, 5]);
  });
});

describe('progress bar', () => {
  it('is drawn on a terminal, not in CI nor when stderr is not a terminal', () => {
    const tty = { stdout: () => undefined, stderr: () => undefined, stderrIsTTY: () => true };
    expect(progressWanted(tty, {})).toBe(true);
    expect(progressWanted(tty, { CI: 'true' })).toBe(false);
    expect(progressWanted({ ...tty, stderrIsTTY: () => false }, {})).toBe(false);
    expect(progressWanted({ stdout: () => undefined, stderr: () => undefined }, {})).toBe(false);
  });

  it('redraws one line in place and clears it at the end', () => {
    let err = '';
    let t = 0;
    const p = createProgress({ stdout: () => undefined, stderr: (s) => (err += s), stderrColumns: () => 60 }, 4, true, () => (t += 100));
    ['a.xlsx', 'b.xlsx', 'c.xlsx', 'd.xlsx'].forEach((f, i) => p.tick(`/x/${f}`, i + 1));
    p.end();
    expect(err.split('\r').filter(Boolean)).toHaveLength(5);
    expect(err).toContain('] 4/4 fichiers  d.xlsx');
    expect(err.endsWith('\r\x1b[2K')).toBe(true);
    expect(progressLine('/x/62-pas-de-calais.xlsx', 1, 2, 30)).toHaveLength(29);
  });

  it('the command stays quiet on stderr when it is not a terminal', async () => {
    const { stderr } = await run(['check', sample, clean, '--format', 'json']);
    expect(stderr).toBe('');
    const tty = await run(['check', sample, clean, '--format', 'json'], { tty: true });
    if (!process.env.CI) expect(tty.stderr).toContain('2/2 fichiers');
  });
});
