import { buildSampleGrid } from '../../../scripts/sample/build-sample';
import { computeFtBilan, keptReason } from '../../../src/domain/ft-bilan';
import { analyseGrid } from '../../../src/layout/analyse';
import { PARAMS, brief, findingsOf, sampleWith } from '../../helpers/sample';

const JOURNAL = 'Journal des dépenses';
const plain = (s: string) => s.replace(/\u202f/g, ' ');

describe('FT-SOLDE', () => {
  it('the sample: 3 134 600 € retained, advance 2 556 535,20 € (60 % of 4 260 892 €), balance 578 064,80 € to pay', () => {
    const [f] = findingsOf(buildSampleGrid(), 'FT-SOLDE');
    expect(brief([f])).toEqual(['! info 3134600.00 578064.80']);
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

  it('a workbook without the France Travail convention: nothing', () => {
    const g = buildSampleGrid();
    g.sheets = g.sheets.filter((s) => s.name === 'Tableau financier');
    expect(findingsOf(g, 'FT-SOLDE')).toEqual([]);
  });
});

describe('COFI-FT-VOLET2-REALISE', () => {
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
    expect(brief(f)).toEqual(['! info']);
    expect(f[0].message).toContain('« FT dépenses CD volet 2 »');
  });

  it('an expense kept by the officer counts in the realised cost (and in the State’s share up to the plafond)', () => {
    const g = sampleWith({ [JOURNAL]: { K11: 'oui : ateliers de décembre 2024, facturés en janvier' } });
    const a = analyseGrid(g);
    const bilan = computeFtBilan({ workbook: a.workbook, options: a.options })!;
    expect(bilan.volet2?.eligible.toString()).toBe('3011346');
    expect(bilan.volets.find((v) => v.volet === 2)?.excluded.toString()).toBe('0');
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
