import Decimal from 'decimal.js';
import { newSheet, setCell, type GridSheet } from '../../src/layout/grid';
import { SheetIndex } from '../../src/layout/reading';
import { readFtPlans } from '../../src/layout/ft-plan-reader';
import { normaliseText } from '../../src/layout/text';
import type { AnnexTable, TableRow } from '../../src/domain/table';
import { type PlanOptions, type VoletSpec, seedVolet1, seedVolet2, writeVolet } from './ft-plan-fixture';

function seedSheet(name: string, o: PlanOptions = {}, top = 1): GridSheet {
  const sheet = newSheet(name);
  const next = writeVolet(sheet, top, seedVolet1(), o);
  writeVolet(sheet, next + 2, seedVolet2(), o);
  return sheet;
}

function amountOf(row: TableRow): Decimal {
  const a = row.amounts.amount;
  if (!a || a.value === null) throw new Error(`no amount on row ${row.row}`);
  return a.value;
}

function sumOf(t: AnnexTable, row: TableRow): Decimal {
  return (row.sumOf ?? []).reduce((s, i) => s.plus(amountOf(t.rows[i])), new Decimal(0));
}

const totals = (t: AnnexTable) => t.rows.filter((r) => r.kind === 'total');
const norm = (s: string | undefined) => normaliseText(s ?? '');

/** The seed's figures, whatever the layout disturbance. */
function expectSeed(tables: AnnexTable[]): void {
  expect(tables).toHaveLength(2);
  const [v1, v2] = tables;
  for (const [t, n] of [
    [v1, 1],
    [v2, 2],
  ] as const) {
    expect(t.kind).toBe('ft-plan');
    expect(t.volet).toBe(n);
    expect(t.title).toBe(`Plan de financement volet ${n}`);
    expect(t.year).toBe(2024);
    expect(t.periodEnd?.toISOString()).toBe('2024-12-31T00:00:00.000Z');
    expect(t.missing).toEqual([]);
    expect(t.columns.map((c) => c.key).sort()).toEqual(['amount', 'delta', 'details', 'existing', 'nature', 'object', 'otherFunding', 'target']);
    expect(t.rows.some((r) => r.pourInfo)).toBe(false);
  }

  // Volet 1: 100 000 + 35 000 = 135 000 = PLAFOND DEPARTEMENT.
  expect(v1.ceiling?.value?.toNumber()).toBe(135000);
  expect(v1.rows.map((r) => r.kind)).toEqual(['detail', 'detail', 'total', 'detail', 'total', 'total']);
  expect(v1.grandTotalIndex).toBe(5);
  const grand1 = v1.rows[5];
  expect(grand1.sumOf).toEqual([0, 1, 3]);
  expect(sumOf(v1, grand1).toNumber()).toBe(135000);
  expect(amountOf(grand1).toNumber()).toBe(135000);
  expect(v1.rows[2].sumOf).toEqual([0, 1]);
  expect(sumOf(v1, v1.rows[2]).toNumber()).toBe(100000);
  expect(v1.rows[4].sumOf).toEqual([3]);
  const ing = v1.rows[0];
  expect(norm(ing.label)).toBe('ingenierie (chefferie de projet)');
  expect(norm(ing.group)).toBe('renforcement des equipes locales cd');
  expect(ing.quantities?.existing?.quantity?.value.toNumber()).toBe(0.2);
  expect(ing.quantities?.target?.quantity?.value.toNumber()).toBe(2.2);
  expect(ing.quantities?.delta?.quantity?.value.toNumber()).toBe(2);
  expect(ing.quantities?.target?.quantity?.unit).toBe('etp');
  expect(norm(v1.rows[3].group)).toBe('developpement si');

  // Volet 2: group totals, the overall Total and TOTAL BESOINS.
  const t2 = totals(v2);
  expect(t2.map((r) => amountOf(r).toNumber())).toEqual([2457000, 959146, 709746, 4125892, 0, 4125892]);
  expect(t2.map((r) => sumOf(v2, r).toNumber())).toEqual([2457000, 959146, 709746, 4125892, 0, 4125892]);
  expect(v2.grandTotalIndex).toBe(v2.rows.length - 1);
  expect(v2.rows.filter((r) => r.kind === 'detail')).toHaveLength(10);
  expect(v2.ceiling?.value?.toNumber()).toBe(4125892);
  // The overall "Total" follows the group total: it adds every detail row since the block start.
  const overall = t2[3];
  expect(overall.sumOfSubtotals?.map((i) => amountOf(v2.rows[i]).toNumber())).toEqual([2457000, 959146, 709746]);

  const action2 = v2.rows.find((r) => norm(r.label).startsWith('action 2: amplifier')) as TableRow;
  expect(action2).toBeDefined();
  expect(action2.kind).toBe('detail');
  expect(norm(action2.group)).toBe("intensification de l'accompagnement des allocataires du rsa");
  expect(action2.quantities?.existing?.quantity?.value.toNumber()).toBe(700);
  expect(action2.quantities?.target?.quantity?.value.toNumber()).toBe(1030);
  expect(action2.quantities?.delta?.quantity?.value.toNumber()).toBe(3030);
  expect(action2.quantities?.delta?.quantity?.unit).toBe('place');
  expect(action2.texts?.otherFunding).toBe('FSE - 100000€');
  expect(amountOf(action2).toNumber()).toBe(807000);

  // "630 place" and "600 places" carry the same unit.
  const erbm = v2.rows.find((r) => norm(r.label).includes('bassin minier')) as TableRow;
  expect(erbm.quantities?.existing?.quantity?.unit).toBe('place');
  expect(erbm.quantities?.target?.quantity?.unit).toBe('place');
  expect(erbm.quantities?.target?.quantity?.value.toNumber()).toBe(630);
  const sante = v2.rows.find((r) => norm(r.texts?.object) === 'sante') as TableRow;
  expect(sante.quantities?.target?.quantity?.value.toNumber()).toBe(5760);
  expect(norm(sante.group)).toBe('levee des freins socio-professionnels');
}

describe('readFtPlans — seed volets 1 and 2', () => {
  test('canonical layout, on a truncated sheet name', () => {
    const tables = readFtPlans(new SheetIndex(seedSheet('Construction du plan de finance')));
    expectSeed(tables);
    const v1 = tables[0];
    // Headers under the group row "Etat des lieux… / Construction du plan de financement".
    const col = (k: string) => v1.columns.find((c) => c.key === k)?.col;
    expect([col('nature'), col('object'), col('details'), col('existing'), col('target'), col('delta'), col('amount'), col('otherFunding')]).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8,
    ]);
    expect(v1.headerTop).toBe(5);
    expect(v1.headerBottom).toBe(5);
    expect(v1.ceiling?.ref.address).toBe('C3');
    expect(v1.ceiling?.kind).toBe('number');
    expect(v1.rows[0].amounts.amount?.ref.address).toBe('G6');
  });

  test('shifted rows and columns, blank rows inserted, renamed sheet', () => {
    const sheet = seedSheet('Plan de financement FT', { colShift: 3, blankAfter: [0, 3] }, 9);
    const tables = readFtPlans(new SheetIndex(sheet));
    expectSeed(tables);
    expect(tables[0].columns.find((c) => c.key === 'amount')?.col).toBe(10);
    expect(tables[0].headerTop).toBe(13);
  });

  test('headers wrapped over two rows of cells, upper case without accents, amounts as French text', () => {
    const tables = readFtPlans(new SheetIndex(seedSheet('PLAN FT', { wrap: 'split', upper: true, textAmounts: true })));
    expectSeed(tables);
    expect(tables[0].headerBottom - tables[0].headerTop).toBe(1);
    expect(tables[1].ceiling?.kind).toBe('text');
    expect(tables[1].ceiling?.raw).toBe('4\u00A0125\u00A0892,00\u00A0€');
    expect(tables[1].rows[0].amounts.amount?.kind).toBe('text');
  });

  test('"(ETP et volumes financiers)" on a line of its own is header, not a row; merged group labels', () => {
    const tables = readFtPlans(new SheetIndex(seedSheet('Feuil1', { wrap: 'parentheses', mergeGroups: true })));
    expectSeed(tables);
    expect(tables[0].headerBottom).toBe(tables[0].headerTop + 1);
  });

  test('no TOTAL BESOINS row: the block ends at the next volet title; blank PLAFOND stays empty', () => {
    const sheet = newSheet('FT');
    const v1 = { ...seedVolet1(), grandTotal: null, ceiling: null };
    const next = writeVolet(sheet, 1, v1);
    writeVolet(sheet, next + 1, seedVolet2());
    const [t1, t2] = readFtPlans(new SheetIndex(sheet));
    expect(t1.grandTotalIndex).toBeUndefined();
    expect(t1.rows).toHaveLength(5);
    expect(t1.ceiling?.kind).toBe('empty');
    expect(t1.ceiling?.value?.toNumber()).toBe(0);
    expect(t2.volet).toBe(2);
    expect(t2.ceiling?.value?.toNumber()).toBe(4125892);
  });

  test('volet read from the TOTAL BESOINS row when the title is missing', () => {
    const sheet = newSheet('FT');
    writeVolet(sheet, 1, seedVolet2());
    sheet.rows.get(1)?.delete(1);
    const [t] = readFtPlans(new SheetIndex(sheet));
    expect(t.volet).toBe(2);
    expect(t.title).toBe('Plan de financement volet 2');
    expect(t.year).toBeNull();
  });

  test('an error value and an uncomputed formula are read as such, never as zero; total formulas', () => {
    const sheet = newSheet('FT');
    const v1 = seedVolet1();
    v1.lines[0].amount = { value: null, error: '#REF!' };
    v1.lines[3].amount = { value: null, formula: 'G6+G7' };
    v1.grandTotal = { value: 135000, formula: 'G8+G10' };
    writeVolet(sheet, 1, v1);
    const [t] = readFtPlans(new SheetIndex(sheet));
    expect(t.rows[0].amounts.amount?.kind).toBe('error');
    expect(t.rows[0].amounts.amount?.value).toBeNull();
    expect(t.rows[0].amounts.amount?.raw).toBe('#REF!');
    expect(t.rows[3].amounts.amount?.kind).toBe('no-cache');
    expect(t.rows[3].amounts.amount?.value).toBeNull();
    const grand = t.rows[t.grandTotalIndex as number];
    expect(grand.amounts.amount?.formulaRows).toEqual([8, 10]);
    expect(t.rows[2].row).toBe(8);
    expect(t.rows[4].row).toBe(10);
  });

  test('an "Etat des dépenses" table is not a plan de financement', () => {
    const sheet = newSheet('VOLET 1');
    ['Nature de la dépense', 'Unité (si pertinent)', "Nombre d'unités", 'coût unitaire', 'Date ou période', 'Objet de la dépense', 'Montant'].forEach((h, i) =>
      setCell(sheet, 3, i + 1, { value: h }),
    );
    setCell(sheet, 4, 1, { value: 'Rémunération chef de projet' });
    expect(readFtPlans(new SheetIndex(sheet))).toEqual([]);
  });
});

/** Volet 3's structure (seed §1.6) with figures: CD and "Pour info" PE groups, nested totals. */
function volet3(): VoletSpec {
  return {
    volet: 3,
    ceiling: 125000,
    lines: [
      { nature: 'Renforcement des équipes locales PE / CD', subNature: 'ETP CD', object: 'Accompagnement', existing: '1 ETP', target: '2 ETP', delta: '1 ETP', amount: 50000 },
      { object: 'Ingénierie (chef de projet)', amount: 30000 },
      { object: 'Total ETP CD', amount: 80000 },
      { subNature: " Pour info : ETP PE (hypothèses pour le lancement de l'expérimentation)", object: 'Accompagnement', amount: 20000 },
      { object: 'Pour info : Total ETP PE', amount: 20000 },
      { object: 'Total ETP', amount: 80000 },
      { nature: 'Développement SI', subNature: 'Dépenses CD', object: "Evolutions techniques nécessaires à l'atteinte de la cible", amount: 45000 },
      { object: 'Total CD', amount: 45000 },
      { subNature: 'Pour info : ETP PE (hypothèses)' },
      { object: 'Total Développement SI', amount: 45000 },
    ],
    grandTotal: 125000,
  };
}

describe('readFtPlans — "Pour info" rows and higher-level totals (volet 3 structure)', () => {
  test.each([false, true])('two nature columns, merged labels: %s', (mergeGroups) => {
    const sheet = newSheet('Plan');
    writeVolet(sheet, 2, volet3(), { twoNatureColumns: true, mergeGroups });
    const [t] = readFtPlans(new SheetIndex(sheet));
    expect(t.volet).toBe(3);
    expect(t.missing).toEqual([]);
    expect(t.rows.map((r) => r.kind)).toEqual(['detail', 'detail', 'total', 'detail', 'total', 'total', 'detail', 'total', 'total', 'total']);
    expect(t.rows.map((r) => !!r.pourInfo)).toEqual([false, false, false, true, true, false, false, false, false, false]);
    expect(t.rows[0].texts?.nature).toBe('Renforcement des équipes locales PE / CD');
    expect(t.rows[0].texts?.subNature).toBe('ETP CD');
    expect(t.rows[0].group).toBe('ETP CD');
    expect(t.rows[2].sumOf).toEqual([0, 1]);
    expect(t.rows[4].sumOf).toEqual([3]); // pour-info total: pour-info details only
    expect(t.rows[5].sumOf).toEqual([0, 1]); // Total ETP: CD details, not the PE ones
    expect(t.rows[5].sumOfSubtotals).toEqual([2]);
    expect(t.rows[7].sumOf).toEqual([6]);
    expect(t.rows[8].label).toBe('Total Développement SI');
    expect(t.rows[8].sumOf).toEqual([6]);
    const grand = t.rows[9];
    expect(t.grandTotalIndex).toBe(9);
    expect(grand.sumOf).toEqual([0, 1, 6]);
    expect(sumOf(t, grand).toNumber()).toBe(125000);
    expect(grand.sumOfSubtotals).toEqual([5, 8]);
    expect(totals(t).map((r) => sumOf(t, r).toNumber())).toEqual([80000, 20000, 80000, 45000, 45000, 125000]);
  });
});
