/** Every row under a header is classified before any amount is read from it. */
import { SheetIndex, locateTables, walkRows } from '../../../src/layout/reading';
import { TABLE_DEFINITIONS } from '../../../src/layout/definitions';
import { sheetFrom } from './sheet-from';

function roles(name: string, rows: (string | number | null)[][]): string[] {
  const index = new SheetIndex(sheetFrom(name, rows));
  const [table] = locateTables(index, TABLE_DEFINITIONS).tables;
  return walkRows(index, table).map((r) => `${r.row} ${r.role}`);
}

const CLS_HEADER = ['Axes', 'Fiche action N°', 'Intitulé de l’action', 'Participation État notifiée', 'Crédits CD affectés', 'Budget global'];

describe('walkRows', () => {
  it('CLS: note under the header, letters, axe label, actions, sous-totaux in every spelling, footnote, total', () => {
    expect(
      roles('Tableau financier', [
        CLS_HEADER,
        ['', '', 'une ligne par action financée'],
        ['', '', '', 'A', 'B', 'F'],
        ['Axe 1 Prévenir la pauvreté'],
        ['', 'FA 1.1', 'Accueil', 10, 10, 20],
        ['', '1,2', 'Pack', 10, 10, 20],
        ['(1) dont ERBM'],
        ['S/Total', '', '', 20, 20, 40],
        ['Total axe 3', '', '', 0, 0, 0],
        ['Sous total axe 4', '', '', 0, 0, 0],
        [],
        ['Total général', '', '', 20, 20, 40],
        ['Source : délibération n°2024-176'],
      ]),
    ).toEqual(['2 note', '4 group', '5 data', '6 data', '7 note', '8 subtotal', '9 subtotal', '10 subtotal', '12 total', '13 note']);
  });

  it('CLS: a capitalised remark before the first action is a note; a line of text between actions is a label, not an action', () => {
    expect(
      roles('Tableau financier', [
        CLS_HEADER,
        ['', '', 'Une ligne par action financée'],
        ['', '1.1', 'Accueil', 10, 10, 20],
        ['', '', 'Actions nouvelles'],
        ['', '1.2', 'Pack', 10, 10, 20],
        ['', '', '', 'à compléter'],
      ]),
    ).toEqual(['2 note', '3 data', '4 group', '5 data', '6 data']);
  });

  it('journal: text rows followed by expenses are expenses; a single text after the last one is a footnote', () => {
    expect(
      roles('Journal des dépenses', [
        ['Date', 'Volet', 'Nature de la dépense', 'Objet', 'Montant'],
        ['mars 2024', '', 'Vacations', 'Ateliers'],
        ['15/03/2024', 2, 'Vacations', 'Ateliers', 100],
        ['Total', '', '', '', 100],
        [],
        ['Montants en euros TTC'],
      ]),
    ).toEqual(['2 data', '3 data', '4 total', '6 note']);
  });

  it('visits stored rows only and stops after a run of blank rows where the kind says so', () => {
    const rows: (string | number | null)[][] = [['FA', "Intitulé de l'action", 'État', 'Conseil départemental', "Montant de l'action"], ['2.1', 'SI', 1, 1, 2]];
    for (let i = 0; i < 6; i++) rows.push([]);
    rows.push(['2.2', 'Santé', 1, 1, 2]);
    expect(roles("Plan d'action", rows)).toEqual(['2 data']);
  });
});

describe('walkRows on what a table does not read', () => {
  it('journal: a last expense without its amount is still an expense (date, volet and nature: no footnote)', () => {
    expect(
      roles('Journal des dépenses', [
        ['Date', 'Volet', 'Nature de la dépense', 'Objet', 'Montant'],
        ['15/03/2024', 2, 'Vacations', 'Ateliers', 100],
        ['20/03/2024', 2, 'Vacations'],
      ]),
    ).toEqual(['2 data', '3 data']);
  });

  it('a row holding numbers only in a column the table does not read is no row of the table', () => {
    expect(
      roles('Tableau financier', [
        [...CLS_HEADER, 'Contrôle'],
        ['Axe 1', '1.1', 'Accueil', 10, 10, 20],
        ['', '', '', '', '', '', 42],
        ['Sous total', '', '', 10, 10, 20],
      ]),
    ).toEqual(['2 data', '3 note', '4 subtotal']);
  });
});
