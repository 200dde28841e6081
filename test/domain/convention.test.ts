/**
 * The whole CLS 2024–2027: a generated workbook with carry-overs every year, its chain n → n+1
 * checked, a carry-over into 2028 flagged, and the four-year view equal to figures recomputed here
 * from the generator's inputs (not read back from the workbook).
 */
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import Decimal from 'decimal.js';
import { type Allocation, YEARS, conventionWorkbook } from '../helpers/convention';
import { seedAllocation } from '../../scripts/sample/cls-years';
import { analyseGrid } from '../../src/layout/analyse';
import { conventionView, type ConventionView } from '../../src/domain/convention-view';
import type { Finding } from '../../src/domain/finding';
import type { Grid } from '../../src/layout/grid';
import { writeXlsxFile } from '../../src/adapters/xlsx/write-xlsx';
import { readXlsxFile } from '../../src/adapters/xlsx/read-xlsx';
import { sampleWith } from '../helpers/sample';

const notInfo = (f: Finding[]) => f.filter((x) => x.severity !== 'info');
const rule = (f: Finding[], id: string) => f.filter((x) => x.rule === id);
const d = (n: number | Decimal) => new Decimal(n).toFixed(2);

/** The four-year sums recomputed from the generator's figures, one action or all of them. */
function expectedTotals(figures: ReturnType<typeof conventionWorkbook>['figures'], fiches?: string[]) {
  const t = { notified: 0, paid: 0, stateSpent: 0, stateUnspent: 0, cdAllocated: 0, cdSpent: 0, carryOverState: 0, carryOverCd: 0 };
  for (const y of YEARS) {
    for (const [fiche, f] of Object.entries(figures[y])) {
      if (fiches && !fiches.includes(fiche)) continue;
      t.notified += f.notified;
      t.paid += f.paid;
      t.stateSpent += f.stateSpent;
      t.stateUnspent += f.paid - f.stateSpent;
      t.cdAllocated += f.cdAllocated;
      t.cdSpent += f.cdSpent;
      t.carryOverState += f.carryState;
      t.carryOverCd += f.carryCd;
    }
  }
  return t;
}

function totalsOf(view: ConventionView, key?: string) {
  const line = key === undefined ? view.total : key.includes('.') ? view.actions.find((a) => a.key === key)! : view.axes.find((a) => a.axe === key)!;
  const t = line.totals;
  return {
    notified: t.notified.toNumber(), paid: t.paid.toNumber(), stateSpent: t.stateSpent.toNumber(), stateUnspent: t.stateUnspent.toNumber(),
    cdAllocated: t.cdAllocated.toNumber(), cdSpent: t.cdSpent.toNumber(), carryOverState: t.carryOverState.toNumber(), carryOverCd: t.carryOverCd.toNumber(),
  };
}

describe('a generated CLS 2024–2027 with carry-overs every year', () => {
  const clean = conventionWorkbook({ consumed2027: true, fiches: true });
  const cleanAnalysis = analyseGrid(clean.grid);

  it('checks the whole chain and finds nothing when every link holds', () => {
    expect(cleanAnalysis.workbook.tables.filter((t) => t.kind.startsWith('cls-')).map((t) => `${t.kind} ${t.year}`)).toHaveLength(12);
    expect(notInfo(cleanAnalysis.findings)).toEqual([]);
    // Carry-overs really are there, each year but the last.
    for (const y of [2024, 2025, 2026]) expect(Object.values(clean.figures[y]).some((f) => f.carryState > 0 && f.carryCd > 0)).toBe(true);
  });

  it('flags every carry-over into 2028 (CLS art. 5), in the exécution and the récapitulatif 2027', () => {
    const { grid, figures } = conventionWorkbook({ fiches: true });
    const f = rule(analyseGrid(grid).findings, 'CARRY-BEYOND-END');
    const carries = Object.values(figures[2027]).flatMap((x) => [x.carryState, x.carryCd]).filter((v) => v > 0);
    expect(f).toHaveLength(2 * carries.length);
    expect(f.every((x) => x.sheet === 'Tableau financier 2027' && x.article === 'CLS art. 5')).toBe(true);
    expect(f.map((x) => Number(x.actual)).sort((a, b) => a - b)).toEqual([...carries, ...carries].sort((a, b) => a - b));
    expect(notInfo(analyseGrid(grid).findings).every((x) => x.rule === 'CARRY-BEYOND-END')).toBe(true);
  });

  it('four-year view: totals per action, per axe and in all equal the generator’s figures', () => {
    const view = conventionView(cleanAnalysis.workbook)!;
    expect(view.years).toEqual(YEARS);
    expect(totalsOf(view)).toEqual(expectedTotals(clean.figures));
    expect(totalsOf(view, '1.3')).toEqual(expectedTotals(clean.figures, ['1.3']));
    expect(totalsOf(view, '4')).toEqual(expectedTotals(clean.figures, ['4.1', '4.2']));
    expect(view.axes.map((a) => a.axe)).toEqual(['1', '3', '4']);
    const all = expectedTotals(clean.figures);
    expect(view.total.totals.stateRate?.toFixed(6)).toBe(new Decimal(all.stateSpent).div(all.paid).times(100).toFixed(6));
    expect(view.total.totals.cdRate?.toFixed(6)).toBe(new Decimal(all.cdSpent).div(all.cdAllocated).times(100).toFixed(6));
    expect(d(view.total.totals.notified)).toBe('13370192.00');
    expect(d(view.expected.total!)).toBe('13370192.00');
    expect(view.sources.map((s) => s.executed)).toEqual(YEARS.map((y) => `Exécution ${y}`));
  });

  it('year by year: each year’s figures are that year’s, with their carry-overs', () => {
    const view = conventionView(cleanAnalysis.workbook)!;
    const a = view.actions.find((x) => x.key === '3.1')!;
    YEARS.forEach((y, i) => {
      const f = clean.figures[y]['3.1'];
      expect([a.years[i].notified, a.years[i].paid, a.years[i].stateSpent, a.years[i].carryOverState, a.years[i].carryOverCd].map((v) => v?.toNumber())).toEqual([
        f.notified, f.paid, f.stateSpent, f.carryState, f.carryCd,
      ]);
    });
  });

  it('the same on one sheet holding the twelve blocks, and after a round trip through a real .xlsx', async () => {
    const one = conventionWorkbook({ consumed2027: true, fiches: true, oneSheet: true });
    const file = path.join(await fs.mkdtemp(path.join(os.tmpdir(), 'cls-4y-')), 'cls.xlsx');
    await writeXlsxFile(one.grid, file);
    const read = analyseGrid(await readXlsxFile(file));
    expect(notInfo(read.findings)).toEqual([]);
    expect(totalsOf(conventionView(read.workbook)!)).toEqual(expectedTotals(one.figures));
  });
});

describe('the chain n → n+1', () => {
  /** The workbook without one block: its rows emptied (the other blocks do not move). */
  function without(grid: Grid, sheet: string, subtitle: RegExp): Grid {
    const s = grid.sheets.find((x) => x.name === sheet)!;
    const rows = [...s.rows.keys()].sort((a, b) => a - b);
    const start = rows.find((r) => [...s.rows.get(r)!.values()].some((c) => typeof c.value === 'string' && subtitle.test(c.value)))! - 1;
    const end = rows.find((r) => r > start + 2 && [...s.rows.get(r)!.values()].some((c) => c.value === 'TOTAUX FINANCIERS'))!;
    for (const r of rows) if (r >= start && r <= end) s.rows.delete(r);
    s.merges = s.merges.filter((m) => m.bottom < start || m.top > end);
    return grid;
  }

  it('without a prévisionnel 2026, what 2025 planned (H) is what 2026 paid', () => {
    const { grid } = conventionWorkbook({ consumed2027: true });
    without(grid, 'Tableau financier 2026', /^Prévisionnel Année 2026$/);
    expect(notInfo(analyseGrid(grid).findings)).toEqual([]);
    const exec = grid.sheets.find((x) => x.name === 'Tableau financier 2026')!;
    // Exécution 2026, action 1.1, « Crédits État versés » (first amount column).
    const row = [...exec.rows].find(([, cols]) => [...cols.values()].some((c) => c.value === '1.1'))![0];
    exec.rows.get(row)!.set(4, { value: 600000, numFmt: '#,##0.00 "€"' });
    const f = analyseGrid(grid).findings;
    const cross = rule(f, 'CROSS-BLOCK').filter((x) => x.article === 'CLS art. 3');
    expect(cross.map((x) => [x.cell, x.expected, x.actual])).toEqual([[`D${row}`, '618000.00', '600000.00']]);
    expect(cross[0].message).toContain('Récapitulatif 2025');
    // The axe's payments no longer match the amount notified for 2026 (Paramètres, the avenant).
    const paid = rule(f, 'CEIL-CLS-AXE');
    expect(paid.map((x) => x.message).join('\n')).toContain('les crédits État versés en 2026 des actions totalisent');
    expect(paid.map((x) => x.expected)).toEqual(['1659288.00', '3342548.00']);
  });

  it('an avenant that cuts 2026 (Paramètres) moves the convention total: 13 360 192 €', () => {
    const cut = (y: number): Allocation => {
      const a = seedAllocation();
      if (y === 2026) a['4.2'] = { state: a['4.2'].state - 10000, cd: a['4.2'].cd };
      return a;
    };
    const { grid } = conventionWorkbook({ consumed2027: true, alloc: cut, fiches: true });
    const a = analyseGrid(grid);
    expect(notInfo(a.findings)).toEqual([]);
    expect(d(conventionView(a.workbook)!.expected.total!)).toBe('13360192.00');
    // The same tables against a Paramètres sheet that missed the avenant.
    const stale = analyseGrid(conventionWorkbook({ consumed2027: true, alloc: cut, notified: () => seedAllocation(), fiches: true }).grid).findings;
    const total = rule(stale, 'CEIL-CLS-CONVENTION');
    expect(total.map((x) => [x.expected, x.actual])).toEqual([
      ['13370192.00', '13360192.00'],
      ['13370192.00', '13360192.00'],
    ]);
    expect(total[0].message).toContain('2026 : 3');
    expect(rule(stale, 'CEIL-CLS-AXE').length).toBeGreaterThan(0);
  });

  it('a year missing between two others is said (info), and its link is not invented', () => {
    const { grid } = conventionWorkbook({ consumed2027: true });
    grid.sheets = grid.sheets.filter((s) => s.name !== 'Tableau financier 2025');
    const f = analyseGrid(grid).findings;
    expect(rule(f, 'CLS-YEARS').map((x) => [x.severity, x.message])).toEqual([['info', expect.stringContaining('aucun bloc pour 2025, entre 2024 et 2026')]]);
    expect(notInfo(f)).toEqual([]);
  });

  it('blocks past 2027, and a récapitulatif 2027 planning 2028, are outside the convention', () => {
    const { grid } = conventionWorkbook({ years: [2024, 2025, 2026, 2027, 2028], consumed2027: true });
    const f = rule(analyseGrid(grid).findings, 'CLS-YEARS');
    expect(f.filter((x) => x.message.includes('hors de la période du CLS (2024-2027)')).map((x) => x.sheet)).toEqual(['Tableau financier 2028', 'Tableau financier 2028', 'Tableau financier 2028']);
    const planned = f.filter((x) => x.message.includes('prévus pour 2028'));
    expect(planned).toHaveLength(22); // 11 actions × H and J
    expect(planned.every((x) => x.sheet === 'Tableau financier 2027' && x.expected === '0.00')).toBe(true);
  });
});

describe('the four-year view of the sample (2024 and the 2025 plan only)', () => {
  const { workbook } = analyseGrid(sampleWith({}));
  const view = conventionView(workbook)!;

  it('takes 2024’s execution from the récapitulatif (the exécution block is an unfinished template)', () => {
    expect(view.sources).toEqual([
      { year: 2024, planned: 'Prévisionnel 2024', executed: 'Récapitulatif 2024 – prévisionnel 2025' },
      { year: 2025, planned: 'Récapitulatif 2024 (prévisionnel 2025)', executed: null },
      { year: 2026, planned: null, executed: null },
      { year: 2027, planned: null, executed: null },
    ]);
    expect(d(view.total.totals.notified)).toBe('6685096.00');
    expect(d(view.total.totals.paid)).toBe('3342548.00');
    expect(view.total.totals.stateRate?.toFixed(2)).toBe('100.00');
    expect(view.total.years[2].notified).toBeNull();
  });

  it('expects 4 × 3 342 548 = 13 370 192 € (2024 and 2025 notified, 2026 and 2027 at the art. 2.2 prévisionnel)', () => {
    expect(view.expected.years.map((e) => [e.year, d(e.amount!), e.source])).toEqual([
      [2024, '3342548.00', 'notifié'],
      [2025, '3342548.00', 'notifié'],
      [2026, '3342548.00', 'prévisionnel'],
      [2027, '3342548.00', 'prévisionnel'],
    ]);
    expect(d(view.expected.total!)).toBe('13370192.00');
  });

  it('CEIL-CLS-CONVENTION: the fiches’ four-year State money falls 340 260 € short (4.2’s 2027)', () => {
    const f = rule(analyseGrid(sampleWith({})).findings, 'CEIL-CLS-CONVENTION');
    expect(f.map((x) => [x.sheet, x.cell, x.expected, x.actual])).toEqual([['Budgets des fiches', '', '13370192.00', '13029932.00']]);
    expect(f[0].message.replace(/\u202F/g, ' ')).toContain('2027 : 3 002 288,00 € au lieu de 3 342 548,00 €');
  });
});
