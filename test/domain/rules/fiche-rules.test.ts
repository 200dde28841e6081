import { readAnnexWorkbook } from '../../../src/layout/read-workbook';
import { CLS, brief, findingsOf, sampleWith } from '../../helpers/sample';
import { FICHE_BUDGET_SHEET } from '../../../scripts/sample/fiche-budgets';
import { analyseGrid } from '../../../src/layout/analyse';
import { type Grid, type GridCell, type GridSheet, newSheet, setCell } from '../../../src/layout/grid';
import { ficheMoney, yearRows } from '../../../src/domain/fiche-budget';
import type { AnnexTable } from '../../../src/domain/table';

const FB = FICHE_BUDGET_SHEET;

type Cell = string | number | GridCell | null;

/** A sheet from rows of cells (null: no cell), from row `top`, column `left`. */
function sheetOf(name: string, rows: Cell[][], top = 1, left = 1): GridSheet {
  const sheet = newSheet(name);
  rows.forEach((cells, i) =>
    cells.forEach((v, j) => {
      if (v !== null && v !== '') setCell(sheet, top + i, left + j, typeof v === 'object' ? v : { value: v });
    }),
  );
  return sheet;
}

/** A workbook holding only a « Budgets des fiches » sheet (and what `more` adds). */
function fichesOnly(rows: Cell[][], more: GridSheet[] = []): Grid {
  return { sheets: [sheetOf(FB, rows), ...more] };
}

const HEAD: Cell[] = ['', 'Etat', 'Conseil départemental', 'ERBM', 'Total'];
const fourYears = (etat: number, cd: number, erbm: number | null = null): Cell[][] =>
  [2024, 2025, 2026, 2027].map((y) => [y, etat, cd, erbm, etat + cd + (erbm ?? 0)]);

function ficheTables(grid: Grid): AnnexTable[] {
  return analyseGrid(grid).workbook.tables.filter((t) => t.kind === 'fiche-budget');
}

describe('the seed’s fiche budgets (sample sheet « Budgets des fiches »)', () => {
  const { workbook, findings } = analyseGrid(sampleWith({}));
  const fiche = (n: string) => workbook.tables.find((t) => t.kind === 'fiche-budget' && t.fiche?.number === n) as AnnexTable;

  it('FICHE-YEARS: 4.2 has no 2027 (680 520 € short), 2.4 runs into 2025', () => {
    const f = findings.filter((x) => x.rule === 'FICHE-YEARS');
    expect(brief(f)).toEqual([`${FB}!B153 error`, `${FB}!B200 warning`]);
    expect(f[0].message).toContain('Fiche 4.2');
    expect(f[0].message).toContain('2027');
    expect(f[0].message).toContain('3 années sur 4');
    expect(f[0].message.replace(/\u202F/g, ' ')).toContain('680 520,00 €');
    expect(f[1].message).toContain('Fiche 2.4');
    expect(f[1].message).toContain('2025');
  });

  it('FICHE-SUBACTIONS: 1.3’s 93 500 € for 93 560 €, 4.2’s State share only, 2.4’s 412 901 €', () => {
    const f = findings.filter((x) => x.rule === 'FICHE-SUBACTIONS');
    expect(brief(f)).toEqual([`${FB}!B44 error 93560.00 93500.00`, `${FB}!B157 error 680520.00 340260.00`, `${FB}!B204 error 452718.00 412901.00`]);
    expect(f[0].message).toContain('écart -60,00 €');
    expect(f[1].message).toContain('seule part État');
  });

  it('FICHE-TOTAL: 2.1’s blank Total row under a 135 000 € year', () => {
    const f = findings.filter((x) => x.rule === 'FICHE-TOTAL');
    expect(brief(f)).toEqual([`${FB}!B169 error 135000.00 0.00`, `${FB}!E169 error 135000.00 0.00`]);
    expect(f[0].message).toContain('est vide');
  });

  it('nothing false on 1.5: 220 000 « Etat » + 75 000 « ETAT/ERBM » = 295 000 = A, ERBM is State money', () => {
    const t = fiche('1.5');
    const y2024 = yearRows(t).get(2024)!;
    expect(ficheMoney(t, y2024).state?.toString()).toBe('295000');
    expect(ficheMoney(t, y2024).other?.toString()).toBe('0');
    expect(findings.filter((x) => x.rule === 'FICHE-VS-TABLEAU')).toEqual([]);
    expect(findings.filter((x) => /fiche 1\.5\b/i.test(x.message))).toEqual([]);
  });

  it('1.3: all its State money in « ETAT/ERBM », « Etat » blank — still A = 46 780 €', () => {
    const t = fiche('1.3');
    expect(ficheMoney(t, yearRows(t).get(2025)!).state?.toString()).toBe('46780');
    expect(t.columns.map((c) => c.header)).toEqual(['Budget de l’action', 'Etat', 'Conseil départemental', 'ETAT/ERBM', 'Total']);
  });

  it('reads every fiche’s headers as printed, third funders included', () => {
    const headers = (n: string) => fiche(n).columns.filter((c) => c.key.startsWith('other')).map((c) => c.header);
    expect(headers('1.4')).toEqual(['Métropole/autre']);
    expect(headers('2.4')).toEqual(['CAF', 'Autres*']);
    expect(headers('2.5')).toEqual(['FSE+ (valorisation)']);
    expect(fiche('2.4').columns.find((c) => c.key === 'state')?.header).toBe('Etat (FIPE)');
  });

  it('would flag 1.5 if its ERBM were another funder: the reading decides', () => {
    const grid = sampleWith({ [FB]: { D64: 'Métropole/autre' } });
    const f = findingsOf(grid, 'FICHE-VS-TABLEAU').filter((x) => x.message.includes('Fiche 1.5, 2024'));
    expect(brief(f)).toEqual([`${FB}!B65 error 295000.00 220000.00`, `${FB}!D65 error 0.00 75000.00`]);
  });
});

describe('FICHE-VS-TABLEAU', () => {
  it('flags a CD share that differs from B of the prévisionnel, citing the cell', () => {
    const f = findingsOf(sampleWith({ [FB]: { C51: 90000, E51: 190000 } }), 'FICHE-VS-TABLEAU');
    expect(brief(f)).toEqual([`${FB}!C51 error 100000.00 90000.00`]);
    expect(f[0].message).toContain('« Prévisionnel 2024 »');
    expect(f[0].message).toContain('feuille « Tableau financier »');
  });

  it('compares 2025 with H and J of the récapitulatif 2024 (no prévisionnel 2025 in the sample)', () => {
    const f = findingsOf(sampleWith({ [FB]: { B52: 90000, E52: 190000 } }), 'FICHE-VS-TABLEAU');
    expect(brief(f)).toEqual([`${FB}!B52 error 100000.00 90000.00`]);
    expect(f[0].message).toContain('Récapitulatif 2024');
  });

  it('does not compare years the Tableau financier does not hold (2026, 2027)', () => {
    expect(findingsOf(sampleWith({ [FB]: { B53: 1, E53: 100001 } }), 'FICHE-VS-TABLEAU')).toEqual([]);
  });

  it('warns about an action of the Tableau with no fiche, and a fiche absent from the Tableau', () => {
    const grid = sampleWith({ [FB]: { A48: 'Fiche action 5.4 – Nouvelle action' } });
    const f = findingsOf(grid, 'FICHE-VS-TABLEAU');
    expect(f.map((x) => x.severity)).toEqual(['warning', 'warning', 'warning']);
    expect(f.map((x) => x.message).join('\n')).toContain('l’action 5.4 n’est pas dans « Prévisionnel 2024 »');
    expect(f.map((x) => x.message).join('\n')).toContain('Action 1.4 de « Prévisionnel 2024 » : aucun budget de fiche');
  });

  it('leaves France Travail fiches (axe 2) alone', () => {
    expect(findingsOf(sampleWith({ [FB]: { B175: 1, E175: 1419492 - 692672 + 1 } }), 'FICHE-VS-TABLEAU')).toEqual([]);
  });
});

describe('FICHE-TOTAL on generated fiches', () => {
  const title: Cell[] = ['Fiche action 1.1 – Accueil de proximité'];

  it('valid: rows and Total add up, an unlabelled third column counted', () => {
    const rows: Cell[][] = [title, ['', 'Etat', 'Conseil départemental', '', 'Total'], ...[2024, 2025, 2026, 2027].map((y) => [y, 100, 100, 50, 250]), ['Total', 400, 400, 200, 1000]];
    expect(analyseGrid(fichesOnly(rows)).findings.filter((f) => f.rule.startsWith('FICHE'))).toEqual([]);
    expect(ficheTables(fichesOnly(rows))[0].columns.map((c) => c.key)).toEqual(['state', 'cd', 'other', 'total']);
  });

  it('invalid: a year’s Total and a column of the Total row', () => {
    const rows: Cell[][] = [title, HEAD, ...fourYears(100, 100), ['Total', 400, 399, null, 800]];
    rows[3][4] = 201;
    const f = findingsOf(fichesOnly(rows), 'FICHE-TOTAL');
    expect(brief(f)).toEqual([`${FB}!E4 error 200.00 201.00`, `${FB}!C7 error 400.00 399.00`, `${FB}!E7 error 801.00 800.00`]);
  });

  it('reads SUM formulas with their cached values', () => {
    const rows: Cell[][] = [title, HEAD, ...fourYears(100, 100).map((r, i) => [...r.slice(0, 4), { value: 200, formula: `SUM(B${i + 3}:D${i + 3})` }]), ['Total', { value: 400, formula: 'SUM(B3:B6)' }, 400, null, 800]];
    expect(findingsOf(fichesOnly(rows), 'FICHE-TOTAL')).toEqual([]);
  });
});

describe('FICHE-YEARS on generated fiches', () => {
  const title: Cell[] = ['Fiche 3.2 : Guichet unique'];

  it('a missing row, a blank fiche, a year past 2027', () => {
    const missing = [title, HEAD, ...fourYears(10, 10).slice(0, 3), ['Total', 30, 30, null, 60]];
    expect(brief(findingsOf(fichesOnly(missing), 'FICHE-YEARS'))).toEqual([`${FB}!E6 error`]);
    const blank = [title, HEAD, [2024], [2025], [2026], [2027], ['Total']];
    expect(findingsOf(fichesOnly(blank), 'FICHE-YEARS').map((f) => f.severity)).toEqual(['info']);
    const beyond = [title, HEAD, ...fourYears(10, 10), [2028, 10, 10, null, 20], ['Total', 50, 50, null, 100]];
    const f = findingsOf(fichesOnly(beyond), 'FICHE-YEARS');
    expect(brief(f)).toEqual([`${FB}!B7 error`]);
    expect(f[0].article).toBe('CLS art. 4, art. 5');
  });

  it('follows the Paramètres’ CLS dates', () => {
    const params = sheetOf('Paramètres', [['Paramètre', 'Valeur'], ['CLS date de fin', '31/12/2026']]);
    const rows = [title, HEAD, ...fourYears(10, 10).slice(0, 3), ['Total', 30, 30, null, 60]];
    expect(findingsOf(fichesOnly(rows, [params]), 'FICHE-YEARS')).toEqual([]);
  });
});

describe('FICHE-SUBACTIONS on generated fiches', () => {
  const budget: Cell[][] = [['Action 1.4 Accompagner les publics'], HEAD, ...fourYears(100, 100), ['Total', 400, 400, null, 800]];

  it('valid when the sub-actions make one year’s budget, or the whole period', () => {
    const year = [...budget, [], ['Sous-action', 'Montant'], ['Coach famille', 150], ['Violences conjugales', 50]];
    expect(findingsOf(fichesOnly(year), 'FICHE-SUBACTIONS')).toEqual([]);
    const period = [...budget, [], ['Sous-actions', 'Montant'], ['Coach famille', 600], ['Violences conjugales', 200]];
    expect(findingsOf(fichesOnly(period), 'FICHE-SUBACTIONS')).toEqual([]);
  });

  it('invalid, and the CD share alone said so', () => {
    const rows = [['Action 1.4 Accompagner les publics'], HEAD, ...fourYears(120, 80), ['Total', 480, 320, null, 800], [], ['Sous-action', 'Montant'], ['Coach famille', 60], ['Violences conjugales', 20]];
    const f = findingsOf(fichesOnly(rows), 'FICHE-SUBACTIONS');
    expect(brief(f)).toEqual([`${FB}!B10 error 200.00 80.00`]);
    expect(f[0].message).toContain('seule part du Département');
  });

  it('an unreadable amount is CELL-NOT-NUMBER’s, not a wrong sum', () => {
    const rows = [...budget, [], ['Sous-action', 'Montant'], ['Coach famille', 'intégré dans les actions programmées'], ['Violences conjugales', 40]];
    const { findings } = analyseGrid(fichesOnly(rows));
    expect(findings.filter((f) => f.rule === 'FICHE-SUBACTIONS')).toEqual([]);
    expect(brief(findings.filter((f) => f.rule === 'CELL-NOT-NUMBER'))).toEqual([`${FB}!B10 error`]);
  });
});

describe('fiche budget reader', () => {
  it('headers over two rows, « Année » column, number typed « Fiche n° 1,2 », table anywhere', () => {
    const rows: Cell[][] = [
      ['FICHE N° 1,2 : PACK JEUNE'],
      [],
      ['Année', 'Etat', 'Conseil', 'ETAT/', 'Total'],
      [null, null, 'départemental', 'ERBM', null],
      ...[2024, 2025, 2026, 2027].map((y) => [`Année ${y}`, '599 508,00 €', 599508, null, 1199016]),
      ['TOTAL', 2398032, 2398032, null, 4796064],
    ];
    const grid: Grid = { sheets: [sheetOf('Budget des fiches 2024', rows, 5, 3)] };
    const [t] = ficheTables(grid);
    expect(t.fiche?.number).toBe('1.2');
    expect(t.fiche?.title).toBe('PACK JEUNE');
    expect(t.columns.map((c) => [c.key, c.header])).toEqual([
      ['year', 'Année'],
      ['state', 'Etat'],
      ['cd', 'Conseil départemental'],
      ['erbm', 'ETAT/ ERBM'],
      ['total', 'Total'],
    ]);
    expect(t.rows.map((r) => r.label)).toEqual(['2024', '2025', '2026', '2027', 'Total']);
    const { findings } = analyseGrid(grid);
    expect(findings.filter((f) => f.rule.startsWith('FICHE'))).toEqual([]);
    expect(findings.filter((f) => f.rule === 'CELL-TEXT-AMOUNT')).toHaveLength(4);
  });

  it('is not read on other sheets, and says when a « Budgets des fiches » sheet holds none', () => {
    const rows: Cell[][] = [['Fiche 1.1'], HEAD, ...fourYears(1, 1), ['Total', 4, 4, null, 8]];
    expect(ficheTables({ sheets: [sheetOf('Feuil1', rows)] })).toEqual([]);
    const f = findingsOf({ sheets: [sheetOf(FB, [['rien']])] }, 'STRUCT-SHEET').filter((x) => x.sheet === FB);
    expect(f.map((x) => x.severity)).toEqual(['warning']);
  });

  it('keeps the Tableau financier’s own findings unchanged (the CLS sheet is not re-read)', () => {
    expect(findingsOf(sampleWith({}), 'CROSS-BLOCK').every((f) => f.sheet === CLS)).toBe(true);
  });
});

describe('fiches twice, fiches side by side', () => {
  it('the same fiche twice is STRUCT-DUPLICATE (its budget would count twice in the convention total)', () => {
    const one: Cell[][] = [['Fiche 3.3 : expulsions locatives'], HEAD, ...fourYears(5, 5), ['Total', 20, 20, null, 40]];
    const f = findingsOf(fichesOnly([...one, [], [], ...one]), 'STRUCT-DUPLICATE');
    expect(f.map((x) => x.message)).toEqual([expect.stringContaining('compté deux fois')]);
  });

  it('two fiches side by side are both read, each under its own title (issue 15: side-by-side tables own their columns)', () => {
    const left: Cell[][] = [['Fiche 3.3'], HEAD, ...fourYears(5, 5), ['Total', 20, 20, null, 40]];
    const right: Cell[][] = [['Fiche 3.4'], HEAD, ...fourYears(7, 7), ['Total', 28, 28, null, 56]];
    const rows = left.map((r, i) => [...r, ...Array(6 - r.length).fill(null), ...right[i]]);
    const wb = readAnnexWorkbook(fichesOnly(rows));
    expect(wb.tables.filter((t) => t.kind === 'fiche-budget').map((t) => [t.title, t.rows.length])).toEqual([
      ['Fiche 3.3', 5],
      ['Fiche 3.4', 5],
    ]);
    expect(findingsOf(fichesOnly(rows), 'STRUCT-DUPLICATE')).toEqual([]);
  });
});
