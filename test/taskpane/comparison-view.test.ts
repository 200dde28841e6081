/**
 * The comparison as the pane lists it: the CLI's sections and wording, and where a click goes —
 * the cell after the change in the open workbook, never a place that exists only in the old file.
 */
import Decimal from 'decimal.js';
import type { WorkbookDiff } from '../../src/domain/diff';
import { changeLine, rowLine, valueLine, valueParts } from '../../src/domain/diff-lines';
import { formatEuro } from '../../src/domain/money';
import { comparisonSections, placeOf } from '../../src/taskpane/comparison-view';

const empty = (): WorkbookDiff => ({ values: [], totals: [], rows: [], tables: [], parameters: [], shares: [], fixed: [], introduced: [] });

describe('comparison view', () => {
  test('a cell name splits at its last « ! » (sheet names may hold one); anything but a cell is no target', () => {
    expect(placeOf("Plan d'action!G11")).toEqual({ sheet: "Plan d'action", address: 'G11' });
    expect(placeOf('Budget 2024!bis!B45')).toEqual({ sheet: 'Budget 2024!bis', address: 'B45' });
    expect([placeOf('Feuille!ligne 12'), placeOf('G11'), placeOf(null), placeOf('!A1')]).toEqual([null, null, null, null]);
  });

  test('the parts join into the CLI’s very line', () => {
    const c = { table: 'Prévisionnel 2024', row: 'action 1.1 Accueil', column: 'Participation État notifiée', kind: 'amount' as const, before: '618 000,00 €', after: '600 000,00 €', difference: new Decimal(-18000), beforeValue: new Decimal(618000), afterValue: new Decimal(600000), cellBefore: 'TF!C5', cellAfter: 'TF!C8' };
    expect(valueParts(c)).toEqual({ what: 'Prévisionnel 2024, action 1.1 Accueil, « Participation État notifiée »', how: `618 000,00 € → 600 000,00 € (${formatEuro(new Decimal(-18000))})`, where: 'TF!C5 → TF!C8' });
    expect(changeLine(valueParts(c))).toBe(valueLine(c));
  });

  test('targets: the cell after; a removed row, a removed table, a parameter, a fixed finding have none', () => {
    const d = empty();
    d.rows = [
      { table: 'Prévisionnel 2024', row: 'action 1.6', change: 'added', cell: 'TF!C9' },
      { table: 'Prévisionnel 2024', row: 'action 1.5', change: 'removed', cell: 'TF!C8' },
    ];
    d.tables = [
      { table: 'Prévisionnel 2025', change: 'added', sheet: 'TF 2025' },
      { table: 'Exécution 2024', change: 'removed', sheet: 'TF' },
    ];
    d.parameters = [{ key: 'Part CD minimale', before: '50,00 %', after: '40,00 %' }];
    const f = { rule: 'PLAN-DELTA', severity: 'error' as const, sheet: 'FT', cell: 'F18', message: 'm', article: 'a' };
    d.fixed = [f];
    d.introduced = [{ ...f, cell: 'F17' }];
    const sections = comparisonSections(d);
    expect(sections.map((s) => [s.title, s.items.map((i) => i.target)])).toEqual([
      ['Lignes ajoutées ou retirées', [{ sheet: 'TF', address: 'C9' }, null]],
      ['Tableaux ajoutés ou retirés', [{ sheet: 'TF 2025', address: '' }, null]],
      ['Paramètres modifiés', [null]],
      ['Constats corrigés', [null]],
      ['Nouveaux constats', [{ sheet: 'FT', address: 'F17' }]],
    ]);
    expect(changeLine(sections[0].items[1])).toBe(rowLine(d.rows[1]));
    expect(sections[3].items[0]).toMatchObject({ what: 'Erreur — Delta différent de Cible − Existant', where: 'FT!F18 · PLAN-DELTA' });
    expect(comparisonSections(empty())).toEqual([]);
  });
});
