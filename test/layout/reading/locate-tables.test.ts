/** Locating every kind of table at once: a cell belongs to one table, titles without tables are named. */
import { SheetIndex, locateTables, walkRows } from '../../../src/layout/reading';
import { TABLE_DEFINITIONS } from '../../../src/layout/definitions';
import { sheetFrom } from './sheet-from';

const kinds = (index: SheetIndex) => locateTables(index, TABLE_DEFINITIONS).tables.map((t) => `${t.definition.kind} ${t.band.top}-${t.band.bottom} ${t.span.left}-${t.span.right}`);

const RECAP_HEADER_TOP = ['Axes de la contractualisation', 'Fiche action N°', 'Intitulé de l’action', 'Crédits État versés en 2024', 'Crédits État 2024 non consommés',
  'Crédits CD affectés en 2024', 'Crédits CD 2024 non consommés', 'Montant total', 'Montant à reporter en 2025 - Part État', 'Montant à reporter en 2025 - Part CD',
  'Participation État notifiée pour la convention 2025', 'Budget total État prévu pour 2025', 'Crédits CD affectés pour la convention 2025', 'Budget total CD prévu pour 2025',
  'Budget global de l’action prévu en 2025'];

describe('locateTables', () => {
  it('a half-header another kind knows (« Montant total » over « réalisé au 31/12/2024 ») makes no phantom table', () => {
    const second = RECAP_HEADER_TOP.map((h) => (h === 'Montant total' ? 'réalisé au 31/12/2024' : ''));
    const index = new SheetIndex(sheetFrom('Tableau financier', [RECAP_HEADER_TOP, second, ['Axe 1', '1.1', 'Accueil', 1, 0, 1, 0, 2, 0, 0, 1, 1, 1, 1, 2]]));
    expect(kinds(index)).toEqual(['cls-recap 1-2 1-15']);
    expect(locateTables(index, TABLE_DEFINITIONS).tables[0].band.columns.get('totalSpent')?.header).toBe('montant total realise au 31/12/2024');
  });

  it('side-by-side blocks sharing their header rows each own their columns and labels', () => {
    const index = new SheetIndex(sheetFrom('Tableau financier', [
      ['Axes', 'Fiche action N°', 'Intitulé de l’action', 'Participation État notifiée pour la convention 2024', 'Crédits CD affectés pour la convention 2024', 'Budget global', '',
        'Axes', 'Fiche action N°', 'Intitulé de l’action', 'Crédits État versés en 2024', 'Montant État réalisé au 31/12/2024', 'Crédits État 2024 non consommés', 'Montant CD réalisé au 31/12/2024'],
      ['Axe 1', '1.1', 'Accueil', 10, 10, 20, '', 'Axe 1', '1.1', 'Accueil', 10, 9, 1, 9],
    ]));
    expect(kinds(index)).toEqual(['cls-forecast 1-1 1-6', 'cls-execution 1-1 8-14']);
    const exec = locateTables(index, TABLE_DEFINITIONS).tables[1];
    expect(exec.band.columns.get('fiche')?.col).toBe(9);
    expect(exec.window.left).toBe(8);
  });

  describe('a block whose header has amount columns only (« double-entry »)', () => {
    const FORECAST = ['Axes', 'Fiche action N°', 'Intitulé de l’action', 'Participation État notifiée pour la convention 2024', 'Crédits CD affectés pour la convention 2024', 'Budget global'];
    const EXECUTION = ['Crédits État versés en 2024', 'Montant État réalisé au 31/12/2024', 'Crédits État 2024 non consommés', 'Montant CD réalisé au 31/12/2024'];
    const rows = (gap: number) => [
      [...FORECAST, ...Array(gap).fill(''), ...EXECUTION],
      ['Axe 1', '1.1', 'Accueil', 10, 10, 20, ...Array(gap).fill(''), 10, 9, 1, 9],
      ['', '1.2', 'Pack', 5, 5, 10, ...Array(gap).fill(''), 5, 5, 0, 5],
      ['Sous total', '', '', 15, 15, 30, ...Array(gap).fill(''), 15, 14, 1, 14],
    ];

    it.each([0, 1, 4])('borrows the labels of the block on its left (%i blank columns between), neither takes the other’s amounts', (gap) => {
      const index = new SheetIndex(sheetFrom('Tableau financier', rows(gap)));
      const first = 7 + gap;
      expect(kinds(index)).toEqual(['cls-forecast 1-1 1-6', `cls-execution 1-1 ${first}-${first + 3}`]);
      const [forecast, exec] = locateTables(index, TABLE_DEFINITIONS).tables;
      expect([...forecast.band.columns.values()].every((v) => v.col <= 6)).toBe(true);
      expect(exec.band.columns.get('fiche')?.col).toBe(2);
      expect(exec.band.columns.get('axe')?.col).toBe(1);
      expect(exec.band.columns.get('statePaid')?.col).toBe(first);
      expect(exec.borrowedLabels).toEqual({ left: 1, right: 3 });
      expect(walkRows(index, exec).map((r) => `${r.row} ${r.role}`)).toEqual(['2 data', '3 data', '4 subtotal']);
    });

    it('with no table on its left sharing its rows to lend labels, its header is reported, not dropped', () => {
      // On the left, labels and two amounts: too few to read as a prévisionnel (itself reported).
      const index = new SheetIndex(sheetFrom('Tableau financier', [
        [...FORECAST.slice(0, 5), '', ...EXECUTION],
        ['Axe 1', '1.1', 'Accueil', 10, 10, '', 10, 9, 1, 9],
      ]));
      const found = locateTables(index, TABLE_DEFINITIONS);
      expect(found.tables).toEqual([]);
      expect(found.orphanTitles).toEqual([
        { family: 'cls', row: 1, col: 2, text: 'Fiche action N°', header: true },
        { family: 'cls', row: 1, col: 7, text: 'Crédits État versés en 2024', header: true, noLabels: true },
      ]);
    });
  });

  it('finds an anchor split over two cells (« Intitulé de » / « l’action »)', () => {
    const index = new SheetIndex(sheetFrom('Feuil1', [
      ['Fiche', 'Intitulé de', 'Participation État', 'Crédits CD', 'Budget'],
      ['action N°', 'l’action', 'notifiée', 'affectés', 'global'],
      ['1.1', 'Accueil', 10, 10, 20],
    ]));
    expect(kinds(index)).toEqual(['cls-forecast 1-2 1-5']);
  });

  it('a table stops above the next one in its columns, from its title down', () => {
    const index = new SheetIndex(sheetFrom('Tableau financier', [
      ['TABLEAU FINANCIER DU CONTRAT LOCAL DES SOLIDARITÉS'],
      ['Prévisionnel Année 2024'],
      ['Fiche action N°', 'Intitulé de l’action', 'Participation État notifiée', 'Crédits CD affectés', 'Budget global'],
      ['1.1', 'Accueil', 10, 10, 20],
      ['TOTAUX FINANCIERS', '', 10, 10, 20],
      [],
      ['TABLEAU FINANCIER DU CONTRAT LOCAL DES SOLIDARITÉS'],
      ['Exécution budgétaire 2024 à fournir au bilan'],
      ['Fiche action N°', 'Intitulé de l’action', 'Crédits État versés en 2024', 'Montant État réalisé', 'Crédits non consommés', 'Montant CD réalisé'],
    ]));
    const [first, second] = locateTables(index, TABLE_DEFINITIONS).tables;
    expect([first.start, first.limit, second.start]).toEqual([1, 6, 7]);
  });

  it('names a title with no readable table under it, once for a title and its subtitle', () => {
    const index = new SheetIndex(sheetFrom('Tableau financier', [
      ['TABLEAU FINANCIER DU CONTRAT LOCAL DES SOLIDARITÉS'],
      ['Prévisionnel Année 2024'],
      ['Fiche action N°', 'Intitulé de l’action', 'Participation État notifiée', 'Crédits CD affectés', 'Budget global'],
      ['1.1', 'Accueil', 10, 10, 20],
      [],
      ['TABLEAU FINANCIER DU CONTRAT LOCAL DES SOLIDARITÉS'],
      ['Exécution budgétaire 2024 à fournir au bilan'],
      ['Fiche action N°', 'Intitulé de l’action', 'Versé', 'Réalisé'],
    ]));
    expect(locateTables(index, TABLE_DEFINITIONS).orphanTitles.map((o) => [o.family, o.row, o.col])).toEqual([['cls', 6, 1]]);
  });

  it('names a block header with too few columns recognised, without a title above it', () => {
    const index = new SheetIndex(sheetFrom('Feuil3', [
      ['Fiche action N°', 'Intitulé de l’action', 'Participation État notifiée', 'Financement CD', 'Budget global'],
      ['1.1', 'Accueil', 10, 10, 20],
    ]));
    const found = locateTables(index, TABLE_DEFINITIONS);
    expect(found.tables).toEqual([]);
    expect(found.orphanTitles.map((o) => [o.family, o.row, o.col, o.header])).toEqual([['cls', 1, 1, true]]);
  });

  it('a list of sheet names or of messages holds no title', () => {
    const index = new SheetIndex(sheetFrom('Contrôles', [
      ['Sévérité', 'Règle', 'Feuille', 'Message'],
      ['ERREUR', 'CROSS-BLOCK', "Plan d'action", '« Plan de financement volet 2 » : TOTAL BESOINS …'],
      ['ERREUR', 'CALC-ROW', 'Tableau financier', 'Prévisionnel 2024, action 1.1 : …'],
      ['ERREUR', 'CEIL-FT-VOLET', 'Construction du plan de finance', 'Plan de financement volet 1 : …'],
    ]));
    expect(locateTables(index, TABLE_DEFINITIONS).orphanTitles).toEqual([]);
  });

  it('reads the journal only on a sheet named « Journal… »', () => {
    const rows = [['Date', 'Volet', 'Nature de la dépense', 'Objet', 'Montant'], ['15/03/2024', 2, 'Vacations', 'Ateliers', 100]];
    expect(kinds(new SheetIndex(sheetFrom('Journal des dépenses', rows)))).toEqual(['ft-expense-journal 1-1 1-5']);
    expect(kinds(new SheetIndex(sheetFrom('Etat des dépenses volet 2', rows)))).toEqual([]);
  });
});
