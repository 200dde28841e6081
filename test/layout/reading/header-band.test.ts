/** Header bands read directly: split texts, letters rows, continuation lines, side-by-side tables. */
import { SheetIndex, bandTexts, bestBand, extendBand, splitSideBySide, tableColumns } from '../../../src/layout/reading';
import type { ColumnSpec } from '../../../src/layout/reading';
import { isFigureText } from '../../../src/layout/reading';
import { CLS_SPECS } from '../../../src/layout/definitions/cls';
import { TABLE_DEFINITIONS } from '../../../src/layout/definitions';
import { sheetFrom } from './sheet-from';

const FORECAST = CLS_SPECS['cls-forecast'];
const FIGURES: ColumnSpec[] = TABLE_DEFINITIONS.flatMap((d) => d.columns.filter((s) => d.figures.has(s.key)));
const LEADING = new Set(['axe', 'chorus', 'fiche', 'title']);

/** The seed's prévisionnel header typed over three rows, a letters row between the first two. */
const SPLIT = [
  ['Axes de la', 'Fiche action', 'Intitulé de', 'Participation État', 'Crédits CD', "Participation d'autres", 'Budget global de'],
  ['', '', '', 'A', 'B', 'C', 'F'],
  ['contractualisation', 'N°', "l'action", 'notifiée pour la', 'affectés pour la', 'financeurs le', "l'action prévu en"],
  ['', '', '', 'convention', 'convention', 'cas échéant', '2024 (A+B+C)'],
  ['', '', '', 2024, 2024, '', ''],
  ['Axe 1', '1.1', 'Accueil', 618000, 618000, null, 1236000],
];

describe('bandTexts', () => {
  it('joins a column’s lines and leaves rows of letters out', () => {
    const index = new SheetIndex(sheetFrom('s', SPLIT));
    expect(bandTexts(index, 1, 3).get(4)).toBe('participation etat notifiee pour la');
    expect(bandTexts(index, 1, 3).get(2)).toBe('fiche action n°');
  });

  it('spreads a header merged across columns to each, and a header merged down once', () => {
    const sheet = sheetFrom('s', [
      ['Intitulé', 'Montant à reporter en 2025', ''],
      ['', 'Part État', 'Part CD'],
    ], [{ top: 1, bottom: 1, left: 2, right: 3 }, { top: 1, bottom: 2, left: 1, right: 1 }]);
    const texts = bandTexts(new SheetIndex(sheet), 1, 2);
    expect(texts.get(1)).toBe('intitule');
    expect(texts.get(2)).toBe('montant a reporter en 2025 part etat');
    expect(texts.get(3)).toBe('montant a reporter en 2025 part cd');
  });
});

describe('bestBand and extendBand', () => {
  it('finds a header typed over three rows around a letters row, then takes its last lines (the year) too', () => {
    const index = new SheetIndex(sheetFrom('s', SPLIT));
    const band = bestBand(index, 1, FORECAST);
    expect([band.top, band.bottom]).toEqual([1, 3]);
    expect(band.missing).toEqual([]);
    const span = tableColumns(bandTexts(index, 1, 3), band, { left: 1, right: 99 });
    const extended = extendBand(index, band, {
      specs: FORECAST,
      span,
      figureColumns: new Set([4, 5, 6, 7]),
      keyColumn: 2,
      isRowText: (t) => /^(sous|total)/.test(t),
      isFigureText,
    });
    expect([extended.top, extended.bottom]).toEqual([1, 5]);
    expect(extended.columns.get('stateNotified')?.header).toBe('participation etat notifiee pour la convention 2024');
    expect(extended.columns.get('totalBudget')?.header).toBe("budget global de l'action prevu en 2024 (a+b+c)");
  });

  it('stops at a row with a key or a figure, and at a note under a label column', () => {
    const rows = (second: (string | number | null)[]) => [['Fiche action N°', 'Intitulé de l’action', 'Participation État notifiée', 'Crédits CD affectés', 'Budget global'], second];
    const extend = (second: (string | number | null)[]) => {
      const index = new SheetIndex(sheetFrom('s', rows(second)));
      const band = bestBand(index, 1, FORECAST);
      return extendBand(index, band, { specs: FORECAST, span: { left: 1, right: 5 }, figureColumns: new Set([3, 4, 5]), keyColumn: 1, isRowText: () => false, isFigureText }).bottom;
    };
    expect(extend(['', '', 'pour 2024', 'pour 2024', '(A+B+C)'])).toBe(2);
    expect(extend(['1.1', 'Accueil', 'à compléter', '', ''])).toBe(1); // a row with a fiche number is data
    expect(extend(['', '', '618 000,00 €', '618 000,00 €', ''])).toBe(1); // text amounts are data
    expect(extend(['', 'une ligne par action financée', '', '', ''])).toBe(1); // a note under a label column
    expect(extend(['', '', 1500, '', ''])).toBe(1); // a number that is no year
  });
});

describe('splitSideBySide', () => {
  const header = [
    ['Axes', 'Fiche action N°', 'Intitulé de l’action', 'Participation État notifiée', 'Crédits CD affectés', 'Budget global', '',
      'Axes', 'Fiche action N°', 'Intitulé de l’action', 'Crédits État versés en 2024', 'Montant État réalisé', 'Crédits non consommés', 'Montant CD réalisé'],
  ];

  it('starts a table at a leading column met after figure columns, whichever kind they belong to', () => {
    const index = new SheetIndex(sheetFrom('s', header));
    const texts = bandTexts(index, 1, 1);
    expect(splitSideBySide(index, texts, CLS_SPECS['cls-execution'], LEADING, FIGURES)).toEqual([
      { left: 1, right: 7 },
      { left: 8, right: Number.MAX_SAFE_INTEGER },
    ]);
  });

  it('keeps one table when a figure header is typed twice or a label column has no known header', () => {
    const index = new SheetIndex(sheetFrom('s', [['Axes', 'Fiche action N°', 'Pilote', 'Intitulé de l’action', 'Participation État notifiée', 'Participation État notifiée', 'Budget global']]));
    expect(splitSideBySide(index, bandTexts(index, 1, 1), FORECAST, LEADING, FIGURES)).toHaveLength(1);
  });

  it('starts a table whose leading column has no header after a blank column, where its columns come again', () => {
    const index = new SheetIndex(sheetFrom('s', [['', 'Etat', 'Conseil départemental', 'ERBM', 'Total', '', '', 'Etat', 'Conseil départemental', 'ERBM', 'Total']]));
    const fiche = TABLE_DEFINITIONS.find((d) => d.kind === 'fiche-budget')!;
    expect(splitSideBySide(index, bandTexts(index, 1, 1), fiche.columns, fiche.leading, FIGURES)).toEqual([
      { left: 1, right: 5 },
      { left: 6, right: Number.MAX_SAFE_INTEGER },
    ]);
  });

  it('gives each table its columns, unmatched header columns included', () => {
    const index = new SheetIndex(sheetFrom('s', [['Fiche action N°', 'Intitulé', 'Participation État notifiée', 'Crédits CD affectés', 'Observations', '', 'Autre']]));
    const texts = bandTexts(index, 1, 1);
    const band = bestBand(index, 1, FORECAST);
    expect(tableColumns(texts, band, { left: 1, right: 99 })).toEqual({ left: 1, right: 5 });
  });
});

describe('rows of letters', () => {
  it('are letters or formulas of letters, two at least, nothing else', () => {
    const index = new SheetIndex(sheetFrom('s', [
      ['', '', 'A', 'B', 'C', 'F = A+B+C'],
      ['FA', 'Intitulé', 'État', 'CD'],
      ['', '', 'A'],
      ['', '(F+H)', 'I'],
      ['', '1.1', 'A'],
    ]));
    expect([1, 2, 3, 4, 5].map((r) => index.isLettersRow(r))).toEqual([true, false, false, true, false]);
  });
});
