import { buildSampleGrid } from '../../../scripts/sample/build-sample';
import { computeFtBilan, keptReason } from '../../../src/domain/ft-bilan';
import { analyseGrid } from '../../../src/layout/analyse';
import { PARAMS, brief, findingsOf, sampleWith } from '../../helpers/sample';

const JOURNAL = 'Journal des dépenses';
const plain = (s: string) => s.replace(/\u202f/g, ' ');

describe('FT-SOLDE', () => {
  it('the sample: 3 134 600 € retained, advance 2 556 535,20 € (60 % of 4 260 892 €), balance 578 064,80 € to pay', () => {
    const [f] = findingsOf(buildSampleGrid(), 'FT-SOLDE');
    expect(brief([f])).toEqual([`${PARAMS}!B13 info 3134600.00 578064.80`]); // the forfait volet 1 it rests on
    expect(plain(f.message)).toContain('avance de 2 556 535,20 € (60,00 % du montant notifié de 4 260 892,00 €)');
    expect(plain(f.message)).toContain('solde à verser par l’État : 578 064,80 €');
    expect(plain(f.message)).toContain('volet 1 : 129 000,00 €, dépenses éligibles 129 000,00 €, 810,00 € de dépenses écartées');
    expect(f.message).toContain('au plus tard le 31/03/2025');
    expect(f.article).toBe('FT art. 6');
  });

  it('the lump-sum reading retains the volet 1 forfait in full: 584 064,80 €', () => {
    const [f] = findingsOf(buildSampleGrid(), 'FT-SOLDE', { ftVolet1: 'lump-sum' });
    expect(f.actual).toBe('584064.80');
    expect(f.message).toContain('forfait retenu en totalité');
    // The Paramètres can ask for it too.
    expect(findingsOf(sampleWith({ [PARAMS]: { A21: 'FT forfait volet 1 retenu en totalité', B21: 'oui' } }), 'FT-SOLDE')[0].actual).toBe('584064.80');
  });

  it('no journal: the bilan is not computed, said once', () => {
    const g = buildSampleGrid();
    g.sheets = g.sheets.filter((s) => s.name !== JOURNAL);
    const f = findingsOf(g, 'FT-SOLDE');
    expect(f).toHaveLength(1);
    expect(f[0].message).toMatch(/non calculé : le classeur n’a pas de feuille « Journal des dépenses »/);
    expect(f[0].actual).toBeUndefined();
  });

  const REF = { value: null, error: '#REF!' };

  it('#REF! in the Nombre, coût unitaire and Montant of a volet 1 line: no solde, the cells named, no figure', () => {
    const g = sampleWith({ [JOURNAL]: { G2: REF, H2: REF, I2: REF } });
    expect(findingsOf(g, 'CELL-ERROR').map((f) => f.cell)).toEqual(['G2', 'H2', 'I2']);
    const f = findingsOf(g, 'FT-SOLDE');
    expect(brief(f)).toEqual([`${JOURNAL}!G2 info`]);
    expect(f[0].message).toContain('non calculé : montant de dépense illisible (feuille « Journal des dépenses », cellules G2, H2, I2)');
    expect(f[0].message).not.toMatch(/solde à verser|trop-perçu à reverser|€/);
    const a = analyseGrid(g);
    const bilan = computeFtBilan({ workbook: a.workbook, options: a.options })!;
    expect(bilan.expenses[0].amount).toBeNull();
    expect(bilan.volets[0]).toMatchObject({ eligible: null, retained: null });
    expect(bilan.retainedTotal).toBeNull();
    expect(bilan.balance).toBeNull();
    // Volet 2 does not depend on it: its realised co-financing is still checked.
    expect(brief(findingsOf(g, 'COFI-FT-VOLET2-REALISE'))).toEqual([`${PARAMS}!B19 error 3005600.00 2905600.00`]);
  });

  it.each([
    ['text', { value: 'à confirmer' }],
    ['a formula without cached value', { formula: 'G2*H2', value: null }],
    ['#VALUE!', { formula: 'G2*H2', value: null, error: '#VALUE!' }],
  ])('a Montant that is %s, without Nombre and coût unitaire: unknown, not 0', (_, cell) => {
    const f = findingsOf(sampleWith({ [JOURNAL]: { G2: null, H2: null, I2: cell } }), 'FT-SOLDE');
    expect(brief(f)).toEqual([`${JOURNAL}!I2 info`]);
    expect(f[0].message).toContain('(feuille « Journal des dépenses », cellule I2)');
  });

  it('an unreadable Montant beside a readable Nombre × coût unitaire: the product counts, the bilan stands', () => {
    const [f] = findingsOf(sampleWith({ [JOURNAL]: { I2: REF } }), 'FT-SOLDE');
    expect(f.actual).toBe('578064.80');
  });

  it('an unreadable volet 1 line under the lump-sum reading: the forfait does not depend on it, the solde stands', () => {
    const [f] = findingsOf(sampleWith({ [JOURNAL]: { G2: REF, H2: REF, I2: REF } }), 'FT-SOLDE', { ftVolet1: 'lump-sum' });
    expect(f.actual).toBe('584064.80');
    expect(f.message).toContain('forfait retenu en totalité');
  });

  it('an unreadable excluded line: the solde stands, the excluded total is said unreadable', () => {
    const [f] = findingsOf(sampleWith({ [JOURNAL]: { G4: REF, H4: REF, I4: REF } }), 'FT-SOLDE'); // the travel line
    expect(f.actual).toBe('578064.80');
    expect(f.message).toContain('dépenses écartées de montant illisible');
  });

  it('an empty journal (its header, no line): not computed, like a missing one, at the Paramètres cell', () => {
    const g = buildSampleGrid();
    const journal = g.sheets.find((s) => s.name === JOURNAL)!;
    for (const r of [...journal.rows.keys()]) if (r > 1) journal.rows.delete(r);
    const f = findingsOf(g, 'FT-SOLDE');
    expect(brief(f)).toEqual([`${PARAMS}!B13 info`]);
    expect(f[0].message).toContain('non calculé : le « Journal des dépenses » ne contient aucune dépense');
    expect(f[0].message).not.toContain('2 556 535');
    expect(findingsOf(g, 'COFI-FT-VOLET2-REALISE')).toEqual([]);
  });

  it('a workbook without the France Travail convention: nothing', () => {
    const g = buildSampleGrid();
    g.sheets = g.sheets.filter((s) => s.name === 'Tableau financier');
    expect(findingsOf(g, 'FT-SOLDE')).toEqual([]);
  });
});

describe('COFI-FT-VOLET2-REALISE', () => {
  const REF = { value: null, error: '#REF!' };

  it('the sample: 2 905 600 € of 6 011 200 € realised, 48,34 %, 100 000 € short; the reading said', () => {
    const f = findingsOf(buildSampleGrid(), 'COFI-FT-VOLET2-REALISE');
    expect(brief(f)).toEqual([`${PARAMS}!B19 error 3005600.00 2905600.00`]);
    expect(plain(f[0].message)).toContain('soit 48,34 % (minimum 50,00 %, soit 3 005 600,00 € : il manque 100 000,00 €)');
    expect(f[0].message).toContain('n’est pas comptée comme part du Département');
  });

  it('holds when the FSE+ valorisation counts, or when the CD spent enough', () => {
    expect(findingsOf(buildSampleGrid(), 'COFI-FT-VOLET2-REALISE', { fseAsCd: true })).toEqual([]);
    // Half of the realised cost: the CD's own expenses must equal the State's share plus the FSE+.
    expect(findingsOf(sampleWith({ [PARAMS]: { B19: 3105600 } }), 'COFI-FT-VOLET2-REALISE')).toEqual([]);
    // One cent short is short.
    expect(findingsOf(sampleWith({ [PARAMS]: { B19: 3105599.99 } }), 'COFI-FT-VOLET2-REALISE')).toHaveLength(1);
  });

  it('without the CD’s own expenses: not checked, said as information, nothing assumed', () => {
    const f = findingsOf(sampleWith({ [PARAMS]: { A19: null, B19: null } }), 'COFI-FT-VOLET2-REALISE');
    expect(brief(f)).toEqual([`${PARAMS}!B14 info`]); // the volet 2 plafond
    expect(f[0].message).toContain('« FT dépenses CD volet 2 »');
  });

  it('#REF! on a volet 2 line: not computed, said as information naming the cells', () => {
    const f = findingsOf(sampleWith({ [JOURNAL]: { G6: REF, H6: REF, I6: REF } }), 'COFI-FT-VOLET2-REALISE');
    expect(brief(f)).toEqual([`${JOURNAL}!G6 info`]);
    expect(f[0].message).toContain('non calculé : montant de dépense illisible (feuille « Journal des dépenses », cellules G6, H6, I6)');
    expect(f[0].message).not.toMatch(/€|%/);
  });

  it('an expense kept by the officer counts in the realised cost (and in the State’s share up to the plafond)', () => {
    const g = sampleWith({ [JOURNAL]: { K11: 'oui : ateliers de décembre 2024, facturés en janvier' } });
    const a = analyseGrid(g);
    const bilan = computeFtBilan({ workbook: a.workbook, options: a.options })!;
    expect(bilan.volet2?.eligible?.toString()).toBe('3011346');
    expect(bilan.volets.find((v) => v.volet === 2)?.excluded?.toString()).toBe('0');
  });
});

describe('the journal’s « Maintenue au bilan (motif) » column', () => {
  it.each([
    ['', null],
    ['non', null],
    ['Non, à retirer', null],
    ['oui', ''],
    ['Oui : déplacements des bénéficiaires', 'déplacements des bénéficiaires'],
    ['service fait en décembre 2024', 'service fait en décembre 2024'],
  ])('« %s » → %p', (text, reason) => {
    expect(keptReason(text)).toBe(reason);
  });
});
