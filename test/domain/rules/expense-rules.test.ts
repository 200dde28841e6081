import { PARAMS, brief, findingsOf, sampleWith } from '../../helpers/sample';
import { ineligibleCategory } from '../../../src/domain/ineligible-expenses';

const JOURNAL = 'Journal des dépenses';

describe('EXP-INELIGIBLE (FT art. 4.2)', () => {
  it('flags the sample’s « Frais de déplacement » as frais de mission, a warning naming the category', () => {
    const f = findingsOf(sampleWith({}), 'EXP-INELIGIBLE');
    expect(brief(f)).toEqual([`${JOURNAL}!D4 warning  frais de mission`]);
    expect(f[0].article).toBe('FT art. 4.2');
    expect(f[0].message).toContain('frais de mission (déplacements, hébergement, restauration du personnel)');
    expect(f[0].message).toContain('« Frais de déplacement »');
    expect(f[0].message).toContain('810,00');
  });

  it('recognises each category of the article in the nature or the objet', () => {
    const cases: [string, string | null][] = [
      ['Fournitures de bureau', 'frais généraux'],
      ['Reprographie des dossiers', 'frais généraux'],
      ['Location de salle pour le comité', 'frais généraux'],
      ['Équipement informatique des conseillers', 'frais généraux'],
      ['Hôtel et repas – séminaire des équipes', 'frais de mission'],
      ['Indemnités kilométriques', 'frais de mission'],
      ['Prestation d’évaluation du dispositif', 'prestations d’évaluation, de formation ou de gestion de projet'],
      ['Formation des référents RSA', 'prestations d’évaluation, de formation ou de gestion de projet'],
      ['Assistance à maîtrise d’ouvrage – gestion de projet', 'prestations d’évaluation, de formation ou de gestion de projet'],
      ['Achat de véhicules de service', 'investissement'],
      ['Travaux d’aménagement des locaux', 'investissement'],
      // Eligible: salaries, insertion solutions, IT development (« hors développements informatiques »).
      ['Rémunération chef de projet', null],
      ['Rémunération chargée de mission insertion', null],
      ['Parcours de remobilisation (structures conventionnées)', null],
      ['Investissement : développement informatique de l’interfaçage SI', null],
      // The people accompanied, not the staff: mobility and training are insertion solutions.
      ['Aide aux déplacements des allocataires du RSA', null],
      ['Formation pré-qualifiante des bénéficiaires', null],
    ];
    expect(cases.map(([text]) => [text, ineligibleCategory(text)?.category.short ?? null])).toEqual(cases);
  });

  it('gives the words as typed, accents included', () => {
    expect(ineligibleCategory('Frais d’HÉBERGEMENT à Lille')?.matched).toBe('HÉBERGEMENT');
  });
});

describe('EXP-PERIOD (FT art. 2)', () => {
  it('flags the sample’s invoice of 20/01/2025, outside 01/01/2024–31/12/2024', () => {
    const f = findingsOf(sampleWith({}), 'EXP-PERIOD');
    expect(brief(f)).toEqual([`${JOURNAL}!A11 error 2024-01-01/2024-12-31 2025-01-20`]);
    expect(f[0].message).toContain('20/01/2025');
    expect(f[0].message).toContain('du 01/01/2024 au 31/12/2024 (feuille Paramètres)');
  });

  it('reads the period from the Paramètres « FT date de début / fin »', () => {
    const grid = sampleWith({ [PARAMS]: { B11: '01/07/2024', B12: '30/06/2025' } });
    expect(brief(findingsOf(grid, 'EXP-PERIOD'))).toEqual([
      `${JOURNAL}!A4 error 2024-07-01/2025-06-30 2024-06-12`,
      `${JOURNAL}!A6 error 2024-07-01/2025-06-30 2024-01-01/2024-12-31`, // « janvier à décembre 2024 »
    ]);
  });

  it('checks both ends of a period typed as text, and warns on a date it cannot read or a missing one', () => {
    const grid = sampleWith({ [JOURNAL]: { A6: 'du 01/12/2024 au 31/01/2025', A7: 'bientôt', A8: null } });
    expect(brief(findingsOf(grid, 'EXP-PERIOD'))).toEqual([
      `${JOURNAL}!A6 error 2024-01-01/2024-12-31 2024-12-01/2025-01-31`,
      `${JOURNAL}!A7 warning`,
      `${JOURNAL}!A8 warning`,
      `${JOURNAL}!A11 error 2024-01-01/2024-12-31 2025-01-20`,
    ]);
  });
});

describe('EXP-LINE (FT annexe 3)', () => {
  it('the sample’s lines are all Nombre × coût unitaire, with a volet', () => {
    expect(findingsOf(sampleWith({}), 'EXP-LINE')).toEqual([]);
  });

  it('flags a montant that is not Nombre × coût unitaire, to the cent, and a line without volet', () => {
    const grid = sampleWith({ [JOURNAL]: { I2: 51000.01, B3: null, B5: 7 } });
    const f = findingsOf(grid, 'EXP-LINE');
    expect(brief(f)).toEqual([`${JOURNAL}!I2 error 51000.00 51000.01`, `${JOURNAL}!B3 error 1, 2 ou 3`, `${JOURNAL}!B5 error 1, 2 ou 3 7`]);
    expect(f[0].message.replace(/\u202f/g, ' ')).toContain('12 × 4 250,00 € = 51 000,00 € (écart 0,01 €)');
  });

  it('accepts a lump sum without nombre or coût unitaire', () => {
    expect(findingsOf(sampleWith({ [JOURNAL]: { G2: null, H2: null } }), 'EXP-LINE')).toEqual([]);
  });
});
