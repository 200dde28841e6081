import { type CellScalar, type GridCell, type GridSheet, newSheet, setCell } from '../../src/layout/grid';
import { SheetIndex } from '../../src/layout/reading';
import { PARAMETER_KEYS, readParameters } from '../../src/layout/params-reader';
import { squashKey } from '../../src/layout/parameter-keys';

const NBSP = '\u00A0';
const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

/** The seed's parameters (Pas-de-Calais, CLS 2024–2027, FT 2024). */
const SEED: [string, CellScalar | GridCell][] = [
  ['Département', 'Pas-de-Calais'],
  ['Code département', 62],
  ['CLS date de début', utc(2024, 1, 1)],
  ['CLS date de fin', '31/12/2027'],
  ['FT date de début', '01/01/2024'],
  ['FT date de fin', utc(2024, 12, 31)],
  ['CLS État notifié 2024 axe 1', 1659288],
  ['CLS État notifié 2024 axe 3', `1${NBSP}010${NBSP}000,00${NBSP}€`],
  ['CLS État notifié 2024 axe 4', 673260],
  ['CLS État notifié 2024 total', '3 342 548 €'],
  ['FT forfait volet 1', 135000],
  ['FT plafond volet 2', `4${NBSP}125${NBSP}892,00${NBSP}€`],
  ['FT plafond volet 3', ''],
  ['Seuil de sous-consommation', `80${NBSP}%`],
  ['Part CD minimale', 0.5],
  ['FSE+ valorisation comptée comme CD', 'non'],
];

function sheetWith(name: string, rows: [string, CellScalar | GridCell][], o: { top?: number; col?: number; header?: boolean; upper?: boolean } = {}): GridSheet {
  const sheet = newSheet(name);
  const c = o.col ?? 1;
  let r = o.top ?? 1;
  const t = (s: string) => (o.upper ? s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toUpperCase() : s);
  if (o.header !== false) {
    setCell(sheet, r, c, { value: t('Paramètre') });
    setCell(sheet, r, c + 1, { value: t('Valeur') });
    setCell(sheet, r, c + 2, { value: 'Description' });
    r += 1;
  }
  for (const [key, value] of rows) {
    setCell(sheet, r, c, { value: t(key) });
    if (value !== '') setCell(sheet, r, c + 1, typeof value === 'object' && !(value instanceof Date) ? value : { value });
    setCell(sheet, r, c + 2, { value: 'une description qui n’est pas une valeur' });
    r += 1;
  }
  return sheet;
}

function expectSeed(views: SheetIndex[], sheetName: string): void {
  const p = readParameters(views);
  expect(p.found).toBe(true);
  expect(p.sheet).toBe(sheetName);
  expect(p.problems).toEqual([]);
  expect(p.department?.toUpperCase()).toBe('PAS-DE-CALAIS');
  expect(p.departmentCode).toBe('62');
  expect(p.clsStart?.toISOString()).toBe('2024-01-01T00:00:00.000Z');
  expect(p.clsEnd?.toISOString()).toBe('2027-12-31T00:00:00.000Z');
  expect(p.ftStart?.toISOString()).toBe('2024-01-01T00:00:00.000Z');
  expect(p.ftEnd?.toISOString()).toBe('2024-12-31T00:00:00.000Z');
  const n2024 = p.clsNotified.get(2024);
  expect([...(n2024?.entries() ?? [])].map(([k, v]) => [k, v.toNumber()])).toEqual([
    ['1', 1659288],
    ['3', 1010000],
    ['4', 673260],
    ['total', 3342548],
  ]);
  expect([...p.ftCeilings.entries()].map(([k, v]) => [k, v.toNumber()])).toEqual([
    [1, 135000],
    [2, 4125892],
  ]);
  expect(p.ftCeilings.has(3)).toBe(false); // blank: absent, not zero
  expect(p.underspendThreshold?.toNumber()).toBe(0.8);
  expect(p.minCdShare?.toNumber()).toBe(0.5);
  expect(p.fseAsCd).toBe(false);
}

describe('readParameters', () => {
  test('the "Paramètres" sheet with a Paramètre | Valeur header', () => {
    const sheet = sheetWith('Paramètres', SEED);
    expectSeed([new SheetIndex(newSheet('Tableau financier')), new SheetIndex(sheet)], 'Paramètres');
    const p = readParameters([new SheetIndex(sheet)]);
    expect(p.refs.get('ftCeiling.2')?.address).toBe('B13');
    expect(p.refs.get('clsNotified.2024.3')?.address).toBe('B9');
    expect(p.refs.get('department')?.address).toBe('B2');
  });

  test('shifted, without accents, upper case, no header row, blank row', () => {
    const rows: [string, CellScalar | GridCell][] = [...SEED.slice(0, 5), ['', ''], ...SEED.slice(5)];
    const sheet = sheetWith('PARAMETRES', rows, { top: 4, col: 3, header: false, upper: true });
    setCell(sheet, 1, 3, { value: 'Paramètres de la convention' }); // a title: no value, not a key
    expectSeed([new SheetIndex(sheet)], 'PARAMETRES');
  });

  test('a Paramètre | Valeur table on a sheet with another name', () => {
    const sheet = sheetWith('Réglages', SEED, { top: 3, col: 2 });
    expectSeed([new SheetIndex(newSheet('Feuil1')), new SheetIndex(sheet)], 'Réglages');
  });

  test('other spellings of ratios, booleans and dates', () => {
    const read = (key: string, value: CellScalar | GridCell) => readParameters([new SheetIndex(sheetWith('Paramètres', [[key, value]]))]);
    expect(read('Seuil de sous-consommation', 0.8).underspendThreshold?.toNumber()).toBe(0.8);
    expect(read('Seuil de sous-consommation', '80%').underspendThreshold?.toNumber()).toBe(0.8);
    expect(read('Seuil de sous-consommation', '0,8').underspendThreshold?.toNumber()).toBe(0.8);
    expect(read('Part CD minimale', '50 %').minCdShare?.toNumber()).toBe(0.5);
    for (const [v, b] of [
      ['oui', true],
      ['Vrai', true],
      ['TRUE', true],
      [1, true],
      [true, true],
      ['Non', false],
      ['faux', false],
      ['false', false],
      [0, false],
    ] as [CellScalar, boolean][]) {
      expect(read('FSE+ valorisation comptée comme CD', v).fseAsCd).toBe(b);
    }
    expect(read('CLS date de fin', '31-12-2027').clsEnd?.toISOString()).toBe('2027-12-31T00:00:00.000Z');
    expect(read('CLS date de fin', { value: 46752, numFmt: 'dd/mm/yyyy' }).clsEnd?.toISOString()).toBe('2027-12-31T00:00:00.000Z');
    expect(read('Code département', 1).departmentCode).toBe('01');
    expect(read('Code département', '2A').departmentCode).toBe('2A');
    expect(read('FT plafond volet 2', { value: 4125892, formula: 'Plan!G40' }).ftCeilings.get(2)?.toNumber()).toBe(4125892);
  });

  test('unknown keys and unreadable values are problems naming the key and the value', () => {
    const p = readParameters([
      new SheetIndex(
        sheetWith('Paramètres', [
          ['Couleur préférée', 'bleu'],
          ['CLS date de fin', '31/02/2027'],
          ['FT plafond volet 2', 'beaucoup'],
          ['FT forfait volet 1', { value: null, error: '#REF!' }],
          ['Seuil de sous-consommation', '180 %'],
          ['FSE+ valorisation comptée comme CD', 'peut-être'],
          ['CLS État notifié 2024 axe 1', { value: null, formula: 'Tableau!C40' }],
          ['FT plafond volet 2', 4125892],
          ['Part CD minimale', 0.5],
        ]),
      ),
    ]);
    expect(p.problems.map((x) => [x.ref.address, x.message])).toEqual([
      ['A2', 'Paramètre inconnu « Couleur préférée » : ignoré.'],
      ['B3', 'Valeur illisible pour « CLS date de fin » : « 31/02/2027 » (attendu : une date jj/mm/aaaa) ; paramètre ignoré.'],
      ['B4', 'Valeur illisible pour « FT plafond volet 2 » : « beaucoup » (attendu : un montant en euros, par exemple 1 236 000,00 €) ; paramètre ignoré.'],
      ['B5', 'Valeur illisible pour « FT forfait volet 1 » : « #REF! » (attendu : un montant en euros, par exemple 1 236 000,00 €) ; paramètre ignoré.'],
      ['B6', 'Valeur illisible pour « Seuil de sous-consommation » : « 180 % » (attendu : un pourcentage, par exemple 80 %) ; paramètre ignoré.'],
      ['B7', 'Valeur illisible pour « FSE+ valorisation comptée comme CD » : « peut-être » (attendu : oui ou non) ; paramètre ignoré.'],
      ['B8', 'Valeur non calculée pour « CLS État notifié 2024 axe 1 » (formule =Tableau!C40 sans résultat enregistré : recalculer le classeur) ; paramètre ignoré.'],
    ]);
    expect(p.clsEnd).toBeUndefined();
    expect(p.ftCeilings.has(1)).toBe(false);
    expect(p.ftCeilings.get(2)?.toNumber()).toBe(4125892); // the readable line counts
    expect(p.clsNotified.size).toBe(0);
    expect(p.minCdShare?.toNumber()).toBe(0.5);
  });

  test('a key given twice keeps the first value and says so', () => {
    const p = readParameters([new SheetIndex(sheetWith('Paramètres', [['Part CD minimale', 0.5], ['Part CD minimale', 0.6]]))]);
    expect(p.minCdShare?.toNumber()).toBe(0.5);
    expect(p.problems.map((x) => x.message)).toEqual(['Paramètre « Part CD minimale » donné deux fois : la valeur de B2 est retenue.']);
  });

  test('no parameters sheet: found is false and nothing is guessed', () => {
    const p = readParameters([new SheetIndex(newSheet('Tableau financier'))]);
    expect(p.found).toBe(false);
    expect(p.problems).toEqual([]);
    expect(p.ftCeilings.size).toBe(0);
  });

  test('PARAMETER_KEYS: every template label is recognised by its own pattern', () => {
    const concrete = (label: string) => label.replace('<année>', '2024').replace('<n>', '2');
    for (const k of PARAMETER_KEYS) {
      expect(k.pattern.test(squashKey(concrete(k.label)))).toBe(true);
      expect(k.description.length).toBeGreaterThan(10);
      expect(k.example).not.toBe('');
    }
    expect(new Set(PARAMETER_KEYS.map((k) => k.id)).size).toBe(PARAMETER_KEYS.length);
  });
});
