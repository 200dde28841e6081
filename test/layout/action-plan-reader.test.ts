import Decimal from 'decimal.js';
import { type GridCell, type GridSheet, newSheet, setCell } from '../../src/layout/grid';
import { SheetIndex } from '../../src/layout/reading';
import { readActionPlans } from '../../src/layout/action-plan-reader';
import type { AnnexTable } from '../../src/domain/table';
import { frenchText } from './ft-plan-fixture';

/**
 * The seed's FT actions (extract §1.5 for FA, intitulé and montant; §1.8 for the split of each
 * fiche's 2024 budget between État, Conseil départemental and other funders).
 */
type Cell = number | string | GridCell | null;
const SEED: [Cell, string, Cell, Cell, Cell, Cell, string, Cell][] = [
  ['2,1', 'Evolution du SI et ingénierie', 'Volet 1', 135000, null, null, '', 135000],
  ['2,2', 'Pack médiation insertion-santé', 'Volet 2', 692672, 709746, 17074, 'ERBM', 1419492],
  ['2,3', "Renforcer la qualité de l'accompagnement social", 'Volet 2', 1650000, 1650000, null, '', 3300000],
  ['2,4', "Faciliter l'accès à l'emploi des familles sans solutions d'accueil", 'Volet 2', null, null, null, '', 0],
  ['2,5', "Pack inclusion renforcement de l'accompagnement", 'Volet 2', 807000, 715000, 100000, 'FSE+ (valorisation)', 1622000],
  ['2,6', "Pack inclusion renforcé pour l'emploi", 'Volet 2', 598000, 951146, null, '', 1549146],
  ['2,7', "Pack inclusion renforcé pour l'emploi dans le bassin minier", 2, 361146, null, null, '', 361146],
  ['2,8', 'Action en faveur de publics féminin dans le bassin minier', 'Volet 2', null, null, null, '', null],
];
const TOTALS = [4243818, 4025892, 117074, 8386784];

const HEADER: [string, string][] = [
  ['FA', ''],
  ['Intitulé de', "l'action"],
  ['Volet', ''],
  ['État', ''],
  ['Conseil', 'départemental'],
  ['Autres', 'financeurs'],
  ['Nature des autres', 'financements'],
  ['Montant de', "l'action"],
];

interface Options {
  top?: number;
  colShift?: number;
  wrap?: boolean;
  upper?: boolean;
  textAmounts?: boolean;
  blankAfter?: number;
  /** The TOTAL label merged over FA, intitulé and volet. */
  mergeTotal?: boolean;
}

function build(o: Options = {}): GridSheet {
  const sheet = newSheet('Plan d’action');
  const top = o.top ?? 1;
  const col = (i: number) => (o.colShift ?? 0) + i + 1;
  const t = (s: string) => (o.upper ? s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toUpperCase() : s);
  const put = (r: number, c: number, v: Cell) => {
    if (v === null || v === '') return;
    if (typeof v === 'object') setCell(sheet, r, c, v);
    else if (typeof v === 'number' && o.textAmounts && c >= col(3)) setCell(sheet, r, c, { value: frenchText(v) });
    else setCell(sheet, r, c, { value: typeof v === 'string' ? t(v) : v });
  };
  setCell(sheet, top, col(0), { value: t("PLAN D'ACTION ET FICHES ACTIONS") });
  let r = top + 2;
  HEADER.forEach(([a, b], i) => {
    if (o.wrap) {
      put(r, col(i), a);
      put(r + 1, col(i), b);
    } else {
      put(r, col(i), `${a} ${b}`.trim());
    }
  });
  r += o.wrap ? 2 : 1;
  SEED.forEach((line, i) => {
    line.forEach((v, j) => put(r, col(j), v));
    r += 1;
    if (o.blankAfter === i) r += 1;
  });
  put(r, col(0), 'TOTAL');
  if (o.mergeTotal) sheet.merges.push({ top: r, left: col(0), bottom: r, right: col(2) });
  TOTALS.forEach((v, j) => put(r, col([3, 4, 5, 7][j]), v));
  return sheet;
}

const value = (t: AnnexTable, i: number, k: string) => t.rows[i].amounts[k]?.value?.toNumber();

function expectSeed(tables: AnnexTable[]): AnnexTable {
  expect(tables).toHaveLength(1);
  const [t] = tables;
  expect(t.kind).toBe('ft-action-plan');
  expect(t.title).toBe("Plan d'action");
  expect(t.missing).toEqual([]);
  expect(t.columns.map((c) => c.key)).toEqual(['fa', 'title', 'volet', 'state', 'cd', 'other', 'otherNature', 'total']);
  expect(t.rows.map((r) => r.kind)).toEqual([...SEED.map(() => 'detail'), 'total']);
  expect(t.rows.slice(0, 8).map((r) => r.key)).toEqual(['2.1', '2.2', '2.3', '2.4', '2.5', '2.6', '2.7', '2.8']);
  expect(t.rows.slice(0, 8).map((r) => r.texts?.volet)).toEqual(['1', '2', '2', '2', '2', '2', '2', '2']);
  expect(t.rows[4].texts?.otherNature).toMatch(/^FSE\+ \(valorisation\)$/i);
  expect([value(t, 1, 'state'), value(t, 1, 'cd'), value(t, 1, 'other'), value(t, 1, 'total')]).toEqual([692672, 709746, 17074, 1419492]);
  expect(t.rows[0].amounts.cd?.kind).toBe('empty');
  const total = t.rows[8];
  expect(total.sumOf).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  for (const [j, k] of ['state', 'cd', 'other', 'total'].entries()) {
    const sum = (total.sumOf ?? []).reduce((s, i) => s.plus(t.rows[i].amounts[k]?.value ?? 0), new Decimal(0));
    expect(sum.toNumber()).toBe(TOTALS[j]);
    expect(value(t, 8, k)).toBe(TOTALS[j]);
  }
  return t;
}

describe('readActionPlans — the seed\'s "Plan d\'action" (8 386 784 €)', () => {
  test('canonical layout', () => {
    const t = expectSeed(readActionPlans(new SheetIndex(build())));
    expect(t.headerTop).toBe(3);
    expect(t.rows[0].label).toBe('2.1 Evolution du SI et ingénierie');
    expect(t.rows[0].amounts.total?.ref.address).toBe('H4');
  });

  test('shifted, blank row inserted, wrapped headers, upper case without accents, French text amounts, merged TOTAL', () => {
    const t = expectSeed(readActionPlans(new SheetIndex(build({ top: 6, colShift: 2, wrap: true, upper: true, textAmounts: true, blankAfter: 3, mergeTotal: true }))));
    expect(t.headerBottom).toBe(t.headerTop + 1);
    expect(t.columns.find((c) => c.key === 'total')?.col).toBe(10);
    expect(t.rows[1].amounts.total?.kind).toBe('text');
  });

  test('row formula of the total cell read in terms of the columns; error and uncomputed cells', () => {
    const sheet = build();
    setCell(sheet, 5, 8, { value: 1419492, formula: 'D5+E5+F5' });
    setCell(sheet, 6, 4, { value: null, error: '#REF!' });
    setCell(sheet, 7, 5, { value: null, formula: 'B2*2' });
    setCell(sheet, 12, 8, { value: 8386784, formula: 'SUM(H4:H11)' });
    const [t] = readActionPlans(new SheetIndex(sheet));
    expect(t.rows[1].amounts.total?.formulaTerms).toEqual([
      { key: 'state', sign: 1 },
      { key: 'cd', sign: 1 },
      { key: 'other', sign: 1 },
    ]);
    expect(t.rows[2].amounts.state?.kind).toBe('error');
    expect(t.rows[2].amounts.state?.value).toBeNull();
    expect(t.rows[3].amounts.cd?.kind).toBe('no-cache');
    expect(t.rows[3].amounts.cd?.value).toBeNull();
    expect(t.rows[8].amounts.total?.formulaRows).toEqual([4, 5, 6, 7, 8, 9, 10, 11]);
  });

  test('a CLS "Tableau financier" with "Intitulé de l\'action" is not a plan d\'action', () => {
    const sheet = newSheet('Tableau financier');
    ['Fiche action', "Intitulé de l'action", 'Participation État notifiée pour la convention 2024', 'Crédits CD affectés pour la convention 2024', "Participation d'autres financeurs le cas échéant", "Budget global de l'action prévu en 2024 (A+B+C)"].forEach(
      (h, i) => setCell(sheet, 2, i + 1, { value: h }),
    );
    setCell(sheet, 3, 1, { value: '1.1' });
    setCell(sheet, 3, 3, { value: 1000 });
    expect(readActionPlans(new SheetIndex(sheet))).toEqual([]);
  });

  test('the seed\'s printed layout (FA | Intitulé | Axe | Nouvelle | Finalité | Montant): missing columns are listed', () => {
    const sheet = newSheet('Annexe');
    ['FA', 'Intitulé de l’action', 'Axe Pacte des solidarités', 'Action nouvelle (oui / non)', 'Finalité', "Montant de l'action"].forEach((h, i) => setCell(sheet, 1, i + 1, { value: h }));
    setCell(sheet, 2, 1, { value: '2,1' });
    setCell(sheet, 2, 6, { value: '135 000 €' });
    setCell(sheet, 3, 1, { value: 'TOTAL' });
    setCell(sheet, 3, 6, { value: '8 386 784 €' });
    const [t] = readActionPlans(new SheetIndex(sheet));
    expect(t.missing).toEqual(['state', 'cd']);
    expect(t.rows[0].amounts.total?.value?.toNumber()).toBe(135000);
    expect(t.rows[1].kind).toBe('total');
    expect(t.rows[1].amounts.total?.value?.toNumber()).toBe(8386784);
  });
});
