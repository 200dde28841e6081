import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'fs';
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
import { readXlsxFile } from '../../src/adapters/xlsx/read-xlsx';
import { toolVersion } from '../../src/cli/tool-version';
import { formatCsv } from '../../src/cli/format-csv';


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

  it('lists every file checked: one without findings has its « Aucun constat » line', () => {
    const csv = formatCsv([
      { file: 'lot/01-ain.xlsx', status: 'ok', message: '', department: 'Ain', findings: [], counts: { error: 0, warning: 0, info: 0 } },
    ]);
    expect(csv.slice(1).trimEnd().split('\r\n')[1]).toBe('lot/01-ain.xlsx;Ain;;;;;Aucun constat : fichier conforme.;;;');
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
    expect(wb.worksheets.map((w) => w.name)).toEqual([REVIEW_SHEETS.summary, REVIEW_SHEETS.findings, REVIEW_SHEETS.totals, REVIEW_SHEETS.convention]);
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
    // The clean file's one information is FT-SOLDE: the bilan financier's outcome, not a defect.
    expect(sClean.slice(4, 8)).toEqual(['Conforme', 0, 0, 1]);
    // State: CLS 2024 3 342 548 + FT 4 260 892 (plan d'action, volets 1 and 2); CD share 50 % on the CLS.
    expect(s62.slice(8, 14)).toEqual([7603440, 3342548, 4260892, 0.5, new Decimal(4025892).div(8251784).toNumber(), 'non']);
    // The clean file counts the FSE+ valorisation (its Paramètres say so): its share follows its reading.
    expect(sClean.slice(12, 14)).toEqual([0.5, 'oui']);
    expect(sBroken[4]).toBe('Illisible');
    const findings = rows(REVIEW_SHEETS.findings);
    expect(findings[0]).toEqual(['Fichier', 'Département', 'Feuille', 'Cellule', 'Règle', 'Gravité', 'Message', 'Article', 'Attendu', 'Constaté', 'Cause probable']);
    const json = JSON.parse((await run(['check', sample, '--format', 'json'])).stdout);
    // The sample's findings, the clean file's FT-SOLDE information, the unreadable file.
    expect(findings.length - 1).toBe(json.files[0].findings.length + 2);
    expect(findings.find((r) => r[4] === 'PLAN-DELTA')!.slice(2, 11)).toEqual(['Construction du plan de finance', 'F18', 'PLAN-DELTA', 'Erreur', expect.stringContaining('3030 places'), 'FT annexe 2', 330, 3030, 'Delta différent de Cible − Existant']);
    // One cause for the 33 findings of the empty exécution 2024.
    expect(findings.filter((r) => r[10] === 'Exécution 2024 non renseignée' && r[5] === 'Erreur')).toHaveLength(33);
    expect(findings[findings.length - 1].slice(4, 6)).toEqual(['FICHIER-ILLISIBLE', 'Erreur']);
    // An Excel table (with its filter buttons) over the whole list of findings.
    const zip = await JSZip.loadAsync(readFileSync(out));
    const tables = await Promise.all(Object.keys(zip.files).filter((f) => /^xl\/tables\/table\d+\.xml$/.test(f)).map((f) => zip.file(f)!.async('string')));
    const constats = tables.find((t) => /displayName="Constats"/.test(t))!;
    expect(constats).toContain(`ref="A3:K${3 + findings.length - 1}"`);
    expect(constats).toMatch(/<autoFilter ref="A3:K\d+"/);
    const totals = rows(REVIEW_SHEETS.totals);
    expect(totals[0]).toEqual(['Convention', 'Année', 'Axe / volet', 'État', 'Département (CD)', 'Autres financeurs', 'Total', 'Fichiers']);
    // Two readable files, both with the seed's prévisionnel 2024: axe 1 = 2 × 1 659 288.
    expect(totals.find((r) => r[0] === 'CLS' && r[2] === 'Axe 1')).toEqual(['CLS', 2024, 'Axe 1', 2 * 1659288, 2 * 1659288, 0, 2 * 3318576, 2]);
    expect(totals.find((r) => r[0] === 'France Travail' && r[2] === 'Volet 2')!.slice(3, 8)).toEqual([2 * 4125892, 2 * 4025892, 2 * 100000, 2 * 8251784, 2]);
  });
});

describe('the controllers’ return documents', () => {
  const folder = path.join(dir, 'lot');
  const returns = path.join(dir, 'retours');
  let result: Awaited<ReturnType<typeof run>>;
  beforeAll(async () => {
    mkdirSync(folder);
    for (const f of [sample, clean, broken]) copyFileSync(f, path.join(folder, path.basename(f)));
    result = await run(['check', folder, '--format', 'xlsx', '--out', path.join(dir, 'revue-lot.xlsx'), '--par-departement', returns]);
  });
  const texts = (grid: Awaited<ReturnType<typeof readXlsxFile>>, sheet: string) =>
    [...(grid.sheets.find((s) => s.name === sheet)?.rows.values() ?? [])].flatMap((cols) => [...cols.values()].map((c) => String(c.value ?? '')));

  it('one workbook per file, named after its Département; the counts on the terminal with --out', () => {
    expect(result.code).toBe(2);
    expect(readdirSync(returns).sort()).toEqual(['retour-62-pas-de-calais-2.xlsx', 'retour-62-pas-de-calais.xlsx', 'retour-99-casse.xlsx']);
    expect(result.stderr).toContain('3 retours par Département écrits dans');
    expect(result.stderr).toMatch(/Rapport écrit dans « .*revue-lot\.xlsx »\. 3 fichiers contrôlés : 1 sans erreur, 1 avec erreurs, 1 illisible\./);
  });

  it('says what was checked, when, with what and which readings; the findings grouped by cause with what to correct; every finding in the annex', async () => {
    const grid = await readXlsxFile(path.join(returns, 'retour-62-pas-de-calais.xlsx'));
    expect(grid.sheets.map((s) => s.name)).toEqual(['Retour du contrôle', 'Annexe technique']);
    const body = texts(grid, 'Retour du contrôle');
    expect(body).toEqual(expect.arrayContaining([
      'Département : Pas-de-Calais (62)',
      'Fichier contrôlé : 62-pas-de-calais.xlsx',
      `Outil : annexes ${toolVersion()} (contrôle automatique des annexes financières CLS et France Travail)`,
      'Valorisation FSE+ comptée comme part du Département (FT art. 3.3) : non (feuille Paramètres)',
      'Forfait du volet 1 au bilan France Travail : limité aux dépenses éligibles (FT art. 8) (par défaut)',
      '1. Exécution 2024 non renseignée — 33 erreurs et 1 information',
      'Pour le préfet et par délégation, le contrôleur',
    ]));
    expect(body.some((t) => /^Date du contrôle : \d{2}\/\d{2}\/\d{4}$/.test(t))).toBe(true);
    expect(body.some((t) => t.startsWith('À corriger : Saisir pour chaque action le montant État réalisé'))).toBe(true);
    expect(body.filter((t) => /\b(CALC|CROSS|PLAN|COFI|EXP|FT)-[A-Z-]+\b/.test(t) && !t.includes('--'))).toEqual([]);
    const json = JSON.parse((await run(['check', sample, '--format', 'json'])).stdout);
    const annex = grid.sheets.find((x) => x.name === 'Annexe technique')!;
    const numbered = [...annex.rows.values()].filter((cols) => typeof cols.get(1)?.value === 'number');
    expect(numbered).toHaveLength(json.files[0].findings.length);
    // The clean file: conforme; the broken one: what to do.
    expect(texts(await readXlsxFile(path.join(returns, 'retour-62-pas-de-calais-2.xlsx')), 'Retour du contrôle')).toContain('Valorisation FSE+ comptée comme part du Département (FT art. 3.3) : oui (feuille Paramètres)');
    const broken$ = texts(await readXlsxFile(path.join(returns, 'retour-99-casse.xlsx')), 'Retour du contrôle');
    expect(broken$).toEqual(expect.arrayContaining(['Fichier contrôlé : 99-casse.xlsx', 'Résultat : le classeur n’a pas pu être lu (statut « Illisible »)']));
    expect(broken$.some((t) => t.startsWith('1. Classeur illisible'))).toBe(true);
    expect(broken$.some((t) => t.startsWith('À corriger : Enregistrer le classeur au format Excel'))).toBe(true);
  });

  it('names files relative to the folder given, in the review too', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(path.join(dir, 'revue-lot.xlsx')) as unknown as ExcelJS.Buffer);
    const files: unknown[] = [];
    wb.getWorksheet(REVIEW_SHEETS.summary)!.eachRow((r, n) => n > 3 && files.push(r.getCell(1).value));
    expect(files.filter((f) => f !== 'Total')).toEqual(['62-pas-de-calais.xlsx', '62-propre.xlsx', '99-casse.xlsx']);
    expect(String(wb.getWorksheet(REVIEW_SHEETS.summary)!.getCell('A2').value)).toMatch(/^Revue du \d{2}\/\d{2}\/\d{4} — outil annexes /);
  });

  it('refuses a return folder inside a folder checked (the returns would be checked next time)', async () => {
    const r = await run(['check', folder, '--par-departement', path.join(folder, 'retours')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('est dans un dossier contrôlé');
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
    const results = await checkFiles(targets, { overrides: {}, jobs: 2, timeoutMs: 15_000, workerEntry: misbehaving, onResult: (_r, done) => seen.push(done) });
    expect(results.map((r) => r.file)).toEqual(targets.map((t) => t.file));
    expect(results.map((r) => r.status)).toEqual(['unreadable', 'ok', 'unreadable', 'ok', 'ok']);
    expect(results[0].message).toMatch(/« .*plante\.xlsx » n'a pas pu être contrôlé \(le processus de contrôle s’est arrêté/);
    expect(results[2].message).toMatch(/dépassé 15 s/);
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
