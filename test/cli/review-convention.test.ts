/**
 * The four-year CLS in the controllers' documents: « Convention 2024-2027 » of the review workbook
 * (one Excel table: per file the convention, each axe, each action, per year and the cumul, art.
 * 2.2's amount and the gap) and the short summary of each return document. Figures computed here by
 * hand or added up from the generator's inputs, not read from the engine.
 */
import { mkdirSync, mkdtempSync, readFileSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { buildSampleGrid } from '../../scripts/sample/build-sample';
import { seedAllocation } from '../../scripts/sample/cls-years';
import { writeXlsxFile } from '../../src/adapters/xlsx/write-xlsx';
import { readXlsxFile } from '../../src/adapters/xlsx/read-xlsx';
import { REVIEW_SHEETS, formatReviewXlsx } from '../../src/cli/format-xlsx';
import { plainConvention } from '../../src/cli/convention-json';
import { analyseGrid } from '../../src/layout/analyse';
import { type Allocation, YEARS, conventionWorkbook } from '../helpers/convention';
import { runCli } from '../helpers/cli';

const dir = mkdtempSync(path.join(os.tmpdir(), 'annexes-review-cls-'));
const folder = path.join(dir, 'lot');
const returns = path.join(dir, 'retours');
const four = conventionWorkbook({ fiches: true });
/** An avenant cut 2026 by 10 000 € on action 4.2; the Paramètres sheet still says 3 342 548 €. */
const cut = (y: number): Allocation => {
  const a = seedAllocation();
  if (y === 2026) a['4.2'] = { state: a['4.2'].state - 10000, cd: a['4.2'].cd };
  return a;
};

type Row = (string | number | null)[];
const rows: Row[] = [];
const HEAD = ['Fichier', 'Département', 'Niveau', 'Axe', 'Fiche', 'Intitulé', 'Année', 'Situation'];
const AMOUNTS = ['État : notifié', 'CD : affecté', 'État : versé', 'État : réalisé', 'État : non consommé', 'État : reporté', 'CD : réalisé', 'CD : reporté'];

beforeAll(async () => {
  mkdirSync(folder);
  await writeXlsxFile(buildSampleGrid(), path.join(folder, '62-exemple.xlsx'));
  await writeXlsxFile(four.grid, path.join(folder, 'quatre-ans.xlsx'));
  await writeXlsxFile(conventionWorkbook({ consumed2027: true, alloc: cut, notified: () => seedAllocation() }).grid, path.join(folder, 'avenant-manque.xlsx'));
  const out = path.join(dir, 'revue.xlsx');
  const { code } = await runCli(['check', folder, '--format', 'xlsx', '--out', out, '--par-departement', returns]);
  expect(code).toBe(1);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(out) as unknown as ExcelJS.Buffer);
  const ws = wb.getWorksheet(REVIEW_SHEETS.convention)!;
  ws.eachRow((r, n) => {
    if (n >= 3) rows.push((r.values as Row).slice(1).map((v) => (v === undefined ? null : v)));
  });
});

/** The row of a file, level, fiche or axe, and year; its amounts. */
function line(file: string, level: string, key: string | null, year: string) {
  const r = rows.find((x) => x[0] === file && x[2] === level && (level === 'Action' ? x[4] === key : level === 'Axe' ? x[3] === key : true) && x[6] === year);
  if (!r) throw new Error(`no row ${file} ${level} ${key} ${year}`);
  const at = (name: string) => r[rows[0].indexOf(name)] ?? null;
  return { r, at, amounts: AMOUNTS.map(at) };
}

function hand(fiches: string[]) {
  const years = YEARS.map((y) => {
    const t = [0, 0, 0, 0, 0, 0, 0, 0];
    for (const f of fiches) {
      const x = four.figures[y][f];
      [x.notified, x.cdAllocated, x.paid, x.stateSpent, x.paid - x.stateSpent, x.carryState, x.cdSpent, x.carryCd].forEach((v, k) => (t[k] += v));
    }
    return t;
  });
  return { years, cumul: years.reduce((a, t) => a.map((v, k) => v + t[k])) };
}

describe('« Convention 2024-2027 » in the review workbook', () => {
  it('is one filterable table, its columns in French', () => {
    expect(rows[0].slice(0, 8)).toEqual(HEAD);
    expect(rows[0]).toEqual(expect.arrayContaining([...AMOUNTS, 'Taux cumulé État (réalisé ÷ versé)', 'État attendu (art. 2.2, avenants)', 'Écart notifié − attendu (années lues)']));
  });

  it('a generated 2024–2027 with carry-overs: action 4.2 by hand, axe 4 and the convention from the generator’s figures', () => {
    expect(line('quatre-ans.xlsx', 'Action', '4.2', '2025').amounts).toEqual([340260, 340260, 340260, 323247, 17013, 17013, 319844, 20416]);
    const c42 = line('quatre-ans.xlsx', 'Action', '4.2', 'Cumul 2024-2027');
    expect(c42.amounts).toEqual([1361040, 1361040, 1361040, 1299793, 61247, 61247, 1289584, 71456]);
    expect(c42.at('Taux cumulé État (réalisé ÷ versé)')).toBeCloseTo(1299793 / 1361040, 12);
    expect(c42.at('Situation')).toBe('4 années lues sur 4, 4 exécutées');
    const axe4 = hand(['4.1', '4.2']);
    YEARS.forEach((y, i) => expect(line('quatre-ans.xlsx', 'Axe', '4', String(y)).amounts).toEqual(axe4.years[i]));
    expect(line('quatre-ans.xlsx', 'Axe', '4', 'Cumul 2024-2027').amounts).toEqual(axe4.cumul);
    const all = hand(Object.keys(four.figures[2024]));
    const total = line('quatre-ans.xlsx', 'Convention', null, 'Cumul 2024-2027');
    expect(total.amounts).toEqual(all.cumul);
    expect(total.at('Taux cumulé CD (réalisé ÷ affecté)')).toBeCloseTo(all.cumul[6] / all.cumul[1], 12);
    expect([total.at('État attendu (art. 2.2, avenants)'), total.at('Origine de l’attendu'), total.at('Écart notifié − attendu (années lues)')]).toEqual([13370192, 'art. 2.2 et avenants', 0]);
    expect(line('quatre-ans.xlsx', 'Convention', null, '2026').at('Origine de l’attendu')).toBe('notifié par avenant');
    // Eleven actions, each four years and the cumul; axes and actions carry no expected amount.
    expect(rows.filter((x) => x[0] === 'quatre-ans.xlsx' && x[2] === 'Action')).toHaveLength(11 * 5);
    expect(line('quatre-ans.xlsx', 'Axe', '1', '2024').at('État attendu (art. 2.2, avenants)')).toBeNull();
  });

  it('an avenant the Paramètres sheet missed: −10 000 € in 2026 and over the convention', () => {
    expect(line('avenant-manque.xlsx', 'Convention', null, '2026').amounts[0]).toBe(3332548);
    expect(line('avenant-manque.xlsx', 'Convention', null, '2026').at('Écart notifié − attendu (années lues)')).toBe(-10000);
    expect(line('avenant-manque.xlsx', 'Convention', null, 'Cumul 2024-2027').at('Écart notifié − attendu (années lues)')).toBe(-10000);
  });

  it('the sample (2024 read, 2025 planned): 2026 and 2027 not read, their amounts empty — not zeros', () => {
    for (const y of ['2026', '2027']) {
      const l = line('62-exemple.xlsx', 'Convention', null, y);
      expect([l.at('Situation'), ...l.amounts, l.at('Écart notifié − attendu (années lues)')]).toEqual(['non lue', null, null, null, null, null, null, null, null, null]);
      expect(l.at('Origine de l’attendu')).toBe('prévisionnel (art. 2.2)');
      expect(line('62-exemple.xlsx', 'Action', '1.3', y).amounts).toEqual([null, null, null, null, null, null, null, null]);
    }
    const y25 = line('62-exemple.xlsx', 'Axe', '1', '2025');
    expect([y25.at('Situation'), ...y25.amounts]).toEqual(['prévue, non exécutée', 1659288, 1659288, null, null, null, null, null, null]);
    const cumul = line('62-exemple.xlsx', 'Convention', null, 'Cumul 2024-2027');
    expect([cumul.at('Situation'), cumul.amounts[0], cumul.at('État attendu (art. 2.2, avenants)'), cumul.at('Écart notifié − attendu (années lues)')]).toEqual([
      '2 années lues sur 4, 1 exécutée', 6685096, 13370192, 0,
    ]);
  });
});

describe('the return document’s four-year summary', () => {
  const body = async (file: string) => {
    const grid = await readXlsxFile(path.join(returns, file));
    return [...grid.sheets[0].rows.values()].flatMap((cols) => [...cols.values()].map((c) => String(c.value ?? '').replace(/\u202F/g, ' ')));
  };

  it('the sample: 13 370 192 € expected, 6 685 096 € notified for 2024 and 2025 as expected, 2026 and 2027 not read; the convention and each axe', async () => {
    const text = await body('retour-62-pas-de-calais.xlsx');
    expect(text).toEqual(expect.arrayContaining([
      'Contrat local des solidarités 2024-2027 : crédits de l’État sur la durée de la convention',
      'Attendu selon l’art. 2.2 et les avenants : 13 370 192,00 € (2024 et 2025 notifiés, 2026 et 2027 au prévisionnel de l’art. 2.2)',
      'Notifié dans les tableaux financiers : 6 685 096,00 € pour 2024 et 2025, conforme à l’attendu de ces années',
      'Années non encore lues : 2026 et 2027',
    ]));
    expect(text.find((t) => t.startsWith('Axe 4 : '))).toBe(
      'Axe 4 : notifié 1 346 520,00 € ; versé 673 260,00 € ; réalisé 673 260,00 € (100,00 % des crédits versés) ; non consommé 0,00 € ; reporté 0,00 € (part CD 0,00 €)',
    );
  });

  it('the missed avenant: 10 000 € under the expected amount', async () => {
    const files = (await import('fs')).readdirSync(returns);
    const texts = await Promise.all(files.map(body));
    const avenant = texts.find((t) => t.includes('Fichier contrôlé : avenant-manque.xlsx'))!;
    expect(avenant).toContain('Notifié dans les tableaux financiers : 13 360 192,00 € pour 2024, 2025, 2026 et 2027, inférieur de 10 000,00 € à l’attendu de ces années (13 370 192,00 €)');
    expect(avenant.some((t) => t.startsWith('Années non encore lues'))).toBe(false);
  });
});

describe('a file with more actions than the review details', () => {
  it('keeps its convention and axes, and says how many actions were left out', async () => {
    const convention = plainConvention(analyseGrid(four.grid).workbook, { actions: true, maxActions: 5 })!;
    expect([convention.actions, convention.actionsOmitted]).toEqual([undefined, 11]);
    expect(plainConvention(analyseGrid(four.grid).workbook, { actions: true, maxActions: 11 })!.actions).toHaveLength(11);
    const buf = await formatReviewXlsx([{ file: 'grand.xlsx', status: 'ok', message: '', findings: [], counts: { error: 0, warning: 0, info: 0 }, convention }]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
    const texts: string[] = [];
    wb.getWorksheet(REVIEW_SHEETS.convention)!.eachRow((r) => texts.push(Array.from((r.values as unknown[]).slice(1), (v) => String(v ?? '')).join(' | ')));
    expect(texts.filter((t) => t.startsWith('grand.xlsx |  | Convention'))).toHaveLength(5);
    expect(texts.filter((t) => t.startsWith('grand.xlsx |  | Axe | '))).toHaveLength(3 * 5);
    expect(texts.some((t) => t.includes('11 actions : trop pour un détail par action ici ; la convention et les axes les comptent toutes'))).toBe(true);
  });
});
