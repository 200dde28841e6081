/**
 * « Rapport - convention 2024-2027 » of the mid-term report: the whole CLS per axe and action, each
 * year and the cumul, and art. 2.2's amount against the notified. Figures computed here by hand
 * (action 4.2, from the generator's rates written out) or added up from the generator's inputs
 * (axe 4, the convention), never read back from the report; every formula of the sheet evaluated
 * against the cells it names gives the value the engine cached.
 */
import { buildSampleGrid } from '../../../scripts/sample/build-sample';
import { seedAllocation } from '../../../scripts/sample/cls-years';
import { evaluateFormula } from '../../../src/adapters/office/fake/formula-eval';
import { analyseGrid } from '../../../src/layout/analyse';
import type { Grid } from '../../../src/layout/grid';
import { CONVENTION_SHEET, V } from '../../../src/layout/report/convention-sheet';
import { planMidTermReport } from '../../../src/layout/report/mid-term-report';
import type { CellWrite } from '../../../src/layout/write-plan';
import { type Allocation, YEARS, conventionWorkbook } from '../../helpers/convention';

const AMOUNT_COLS = [V.notified, V.cdAllocated, V.paid, V.stateSpent, V.stateUnspent, V.carryOverState, V.cdSpent, V.carryOverCd];
type Figures = ReturnType<typeof conventionWorkbook>['figures'];

function conventionSheet(grid: Grid) {
  const report = planMidTermReport(grid, analyseGrid(grid), { date: new Date(Date.UTC(2026, 2, 2)) });
  const writes = report.plan.writes.filter((w) => w.sheet === CONVENTION_SHEET);
  const at = new Map(writes.map((w) => [`${w.row}:${w.col}`, w]));
  const cell = (row: number, col: number): CellWrite | undefined => at.get(`${row}:${col}`);
  const rowOf = (label: string | RegExp) => {
    const w = writes.find((x) => x.col === 1 && typeof x.value === 'string' && (typeof label === 'string' ? x.value === label : label.test(x.value)));
    if (!w) throw new Error(`no row « ${label} »`);
    return w.row;
  };
  /** A block's rows (the years, then the cumul): label, the eight amounts (null when no number), the two rates. */
  const block = (title: string | RegExp) => {
    const top = rowOf(title);
    return [...YEARS, 'cumul'].map((_, i) => {
      const r = top + 1 + i;
      const n = (col: number) => (typeof cell(r, col)?.value === 'number' ? (cell(r, col)!.value as number) : null);
      return { row: r, label: cell(r, 1)?.value, amounts: AMOUNT_COLS.map(n), rates: [n(V.stateRate), n(V.cdRate)], note: cell(r, V.notified)?.value ?? cell(r, V.paid)?.value };
    });
  };
  return { report, writes, cell, rowOf, block };
}

/** The eight amounts of a set of actions, year by year and summed, from the generator's figures. */
function handFigures(figures: Figures, fiches: string[]) {
  const years = YEARS.map((y) => {
    const t = [0, 0, 0, 0, 0, 0, 0, 0];
    for (const f of fiches) {
      const x = figures[y][f];
      [x.notified, x.cdAllocated, x.paid, x.stateSpent, x.paid - x.stateSpent, x.carryState, x.cdSpent, x.carryCd].forEach((v, k) => (t[k] += v));
    }
    return t;
  });
  return { years, cumul: years.reduce((a, t) => a.map((v, k) => v + t[k])) };
}

const close = (a: number | null, b: number) => a !== null && Math.abs(a - b) < 1e-9;

describe('a generated CLS 2024–2027 with carry-overs every year', () => {
  const { grid, figures } = conventionWorkbook({ fiches: true });
  const s = conventionSheet(grid);

  it('action 4.2, by hand: 340 260 € a year, 94 %, 95 %, 96 %, 97 % of the State credits spent, the rest carried over', () => {
    const rows = s.block(/^4\.2 — /);
    expect(rows.map((r) => r.label)).toEqual(['2024', '2025', '2026', '2027', 'Cumul 2024-2027']);
    expect(rows.map((r) => r.amounts)).toEqual([
      [340260, 340260, 340260, 319844, 20416, 20416, 319844, 20416],
      [340260, 340260, 340260, 323247, 17013, 17013, 319844, 20416],
      [340260, 340260, 340260, 326650, 13610, 13610, 319844, 20416],
      [340260, 340260, 340260, 330052, 10208, 10208, 330052, 10208],
      [1361040, 1361040, 1361040, 1299793, 61247, 61247, 1289584, 71456],
    ]);
    // Cumulative consumption: 2025 = (319 844 + 323 247) ÷ 680 520; the four years = 1 299 793 ÷ 1 361 040.
    expect(close(rows[1].rates[0], 643091 / 680520)).toBe(true);
    expect(close(rows[4].rates[0], 1299793 / 1361040)).toBe(true);
    expect(close(rows[4].rates[1], 1289584 / 1361040)).toBe(true);
    expect(s.cell(rows[4].row, V.stateSpent)?.formula).toBe(`SUM(E${rows[0].row}:E${rows[3].row})`);
  });

  it('axe 4 and the whole convention: each year and the cumul equal the generator’s figures added up', () => {
    const axe4 = s.block(/^Axe 4 — /);
    const hand4 = handFigures(figures, ['4.1', '4.2']);
    expect(axe4.map((r) => r.amounts)).toEqual([...hand4.years, hand4.cumul]);
    // A sub-total adds its actions' cells of the same year.
    const a41 = s.rowOf(/^4\.1 — /);
    const a42 = s.rowOf(/^4\.2 — /);
    expect(s.cell(axe4[2].row, V.paid)?.formula).toBe(`SUM(D${a41 + 3},D${a42 + 3})`);
    const all = Object.keys(figures[2024]);
    const total = s.block(/^Total de la convention — 11 actions, 3 axes$/);
    const hand = handFigures(figures, all);
    expect(total.map((r) => r.amounts)).toEqual([...hand.years, hand.cumul]);
    expect(total[4].amounts[0]).toBe(13370192);
    expect(close(total[4].rates[0], hand.cumul[3] / hand.cumul[2])).toBe(true);
    expect(close(total[4].rates[1], hand.cumul[6] / hand.cumul[1])).toBe(true);
    expect(s.rowOf(/^Total de la convention/)).toBeLessThan(s.rowOf(/^Axe 1 — /));
  });

  it('first page: 3 342 548 € a year by the convention and its avenants, 13 370 192 € in all, no gap; the block each year was read from', () => {
    const row = (label: string) => s.rowOf(label);
    for (const y of YEARS) {
      const r = row(String(y));
      expect([s.cell(r, 2)?.value, s.cell(r, 3)?.value, s.cell(r, 5)?.value, s.cell(r, 6)?.value, s.cell(r, 7)?.value, s.cell(r, 9)?.value]).toEqual([
        3342548, y === 2024 ? 'notifié par la convention (art. 2.2)' : 'notifié par avenant', 3342548, 0, `Prévisionnel ${y}`, `Exécution ${y}`,
      ]);
    }
    const total = row('Convention 2024-2027');
    expect([s.cell(total, 2)?.value, s.cell(total, 5)?.value, s.cell(total, 6)?.value]).toEqual([13370192, 13370192, 0]);
    const texts = s.writes.map((w) => (typeof w.value === 'string' ? w.value.replace(/\u202F/g, ' ') : w.value));
    expect(texts).toContain(
      'Art. 2.2 : 3 342 548,00 € par an, soit 4 × 3 342 548,00 € = 13 370 192,00 € sur la durée de la convention, sauf avenant. Un montant « notifié » est celui que la feuille Paramètres indique pour l’année (la convention, puis les avenants) ; « prévisionnel », celui que l’art. 2.2 prévoit pour une année sans avenant.',
    );
  });

  it('every formula, evaluated over the cells it names, gives the figure cached (to the cent; rates to 1e-9)', () => {
    const value = new Map(s.writes.map((w) => [`${w.row}:${w.col}`, w.value]));
    const lookup = (_sheet: string | null, row: number, col: number) => {
      const v = value.get(`${row}:${col}`);
      return v === undefined || v === null ? 0 : typeof v === 'number' ? v : null;
    };
    const formulas = s.writes.filter((w) => w.formula);
    expect(formulas.length).toBeGreaterThan(400);
    const wrong = formulas.filter((w) => {
      const got = evaluateFormula(w.formula!, lookup);
      if (w.value === '') return got !== '';
      return typeof got !== 'number' || Math.abs(got - (w.value as number)) > (w.numFmt?.includes('%') ? 1e-9 : 0.005);
    });
    expect(wrong.map((w) => `${w.row}:${w.col} =${w.formula} → ${evaluateFormula(w.formula!, lookup)}, cached ${w.value}`)).toEqual([]);
  });

  it('prints landscape with the table’s two header rows repeated, each block on one page', () => {
    const sheet = s.report.plan.createSheets.find((x) => x.name === CONVENTION_SHEET)!;
    // « Exercice » heads the art. 2.2 table, then the four-year table.
    const header = s.writes.filter((w) => w.value === 'Exercice' && w.col === 1).map((w) => w.row)[1];
    expect(sheet.print).toMatchObject({ orientation: 'landscape', paper: 'A4', fitToWidth: true, repeatRows: { first: header, last: header + 1 } });
    expect(s.cell(header + 1, V.stateRate)?.value).toBe('État (réalisé ÷ versé)');
    // No page starts inside a block (title, four years, cumul).
    const tops = s.writes.filter((w) => w.col === 1 && typeof w.value === 'string' && /^(Total de la convention|Axe \d|\d\.\d+) — /.test(w.value)).map((w) => w.row);
    for (const b of sheet.print!.rowBreaks ?? []) expect(tops.some((t) => b > t && b <= t + 5)).toBe(false);
    expect(s.report.pages[CONVENTION_SHEET]).toBeGreaterThanOrEqual(3);
  });
});

describe('an avenant cutting 2026 by 10 000 € that the Paramètres sheet missed', () => {
  const cut = (y: number): Allocation => {
    const a = seedAllocation();
    if (y === 2026) a['4.2'] = { state: a['4.2'].state - 10000, cd: a['4.2'].cd };
    return a;
  };
  const s = conventionSheet(conventionWorkbook({ consumed2027: true, alloc: cut, notified: () => seedAllocation(), fiches: true }).grid);

  it('shows the gap in 2026 and over the convention: −10 000 €', () => {
    const y2026 = s.rowOf('2026');
    expect([s.cell(y2026, 2)?.value, s.cell(y2026, 5)?.value, s.cell(y2026, 6)?.value]).toEqual([3342548, 3332548, -10000]);
    const total = s.rowOf('Convention 2024-2027');
    expect([s.cell(total, 2)?.value, s.cell(total, 5)?.value, s.cell(total, 6)?.value]).toEqual([13370192, 13360192, -10000]);
    expect(s.cell(total, 6)?.formula).toBe(`E${total}-B${total}`);
  });
});

describe('the sample: 2024 read, 2025 planned, 2026 and 2027 not read yet', () => {
  const s = conventionSheet(buildSampleGrid());

  it('2026 and 2027 say they are not read yet, 2025 that its execution is not filled in yet: words, not zeros', () => {
    for (const title of [/^Total de la convention/, /^Axe 3 — /, /^1\.3 — /]) {
      const [y24, y25, y26, y27, cumul] = s.block(title);
      expect(y24.amounts.every((v) => v !== null)).toBe(true);
      expect(y25.amounts.slice(2)).toEqual([null, null, null, null, null, null]);
      expect(y25.amounts.slice(0, 2).every((v) => v !== null && v > 0)).toBe(true);
      expect(s.cell(y25.row, V.paid)?.value).toBe('exécution 2025 non encore renseignée');
      for (const [y, r] of [[2026, y26], [2027, y27]] as const) {
        expect(r.amounts).toEqual([null, null, null, null, null, null, null, null]);
        expect(r.rates).toEqual([null, null]);
        expect(s.cell(r.row, V.notified)?.value).toBe(`année non encore lue : aucun bloc ${y} dans le classeur`);
      }
      // The cumul adds what is known: 2024 and 2025 planned, 2024 executed.
      expect(cumul.amounts[0]).toBe(y24.amounts[0]! + y25.amounts[0]!);
      expect(cumul.amounts[2]).toBe(y24.amounts[2]);
    }
  });

  it('first page: 2024 and 2025 notified (6 685 096 €, no gap), 2026 and 2027 at the prévisionnel and not read, 13 370 192 € expected', () => {
    const r26 = s.rowOf('2026');
    expect([s.cell(r26, 2)?.value, s.cell(r26, 3)?.value, s.cell(r26, 5)?.value, s.cell(r26, 7)?.value, s.cell(r26, 9)?.value]).toEqual([
      3342548, 'prévisionnel (art. 2.2)', 'non lu', 'aucun bloc', 'aucun bloc',
    ]);
    const r25 = s.rowOf('2025');
    expect([s.cell(r25, 7)?.value, s.cell(r25, 9)?.value]).toEqual(['Récapitulatif 2024 (prévisionnel 2025)', 'exécution non encore renseignée']);
    const read = s.rowOf('Années lues (2024, 2025)');
    expect([s.cell(read, 2)?.value, s.cell(read, 5)?.value, s.cell(read, 6)?.value]).toEqual([6685096, 6685096, 0]);
    const total = s.rowOf('Convention 2024-2027');
    expect([s.cell(total, 2)?.value, s.cell(total, 5)?.value, s.cell(total, 6)?.value]).toEqual([13370192, '2 années non lues', undefined]);
    expect(s.writes.find((w) => w.row === 3)?.value).toBe(
      'Années lues dans le classeur : 2024 (prévu et exécuté), 2025 (prévu) ; non encore lues : 2026, 2027. Montants en euros, part de l’État et part du Département.',
    );
  });
});

describe('a workbook without any CLS block', () => {
  it('says so in one sentence, without a table', () => {
    const grid = buildSampleGrid();
    grid.sheets = grid.sheets.filter((x) => !/^Tableau financier/.test(x.name));
    const s = conventionSheet(grid);
    expect(s.writes.map((w) => w.value)).toContain(
      'Aucun bloc « Tableau financier » du contrat local des solidarités n’a été trouvé dans le classeur : rien à présenter sur la durée de la convention.',
    );
    expect(s.writes.some((w) => w.formula)).toBe(false);
    expect(s.report.plan.createSheets.find((x) => x.name === CONVENTION_SHEET)?.print?.repeatRows).toBeUndefined();
  });
});
