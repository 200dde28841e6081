/**
 * The sample workbook with the seed's defects mended, so that the checker finds nothing at all:
 * the base every generated Département starts from before faults are planted. What changes:
 * - the CLS "Tableau financier" holds a filled-in exécution 2024 (85–100 % consumed) and a
 *   récapitulatif whose K column computes G + J, not the printed (G+I);
 * - FT volet 2 "Action 2": Delta 330 places (1030 − 700), not "3030 places";
 * - Paramètres: the FSE+ "valorisation" counts as CD money (COFI-FT-VOLET2 then holds at 50 %),
 *   and the CD's own volet-2 expenses match the mended journal (COFI-FT-VOLET2-REALISE holds);
 * - Journal des dépenses: the travel line (FT art. 4.2) becomes vacations, the January 2025 invoice
 *   is dated December 2024 (FT art. 2);
 * - Budgets des fiches: the fiches' defects mended (mendedFiches: 4.2's 2027, 1.3's 60 €, 2.1, 2.4).
 */
import { buildFicheSheet, buildSampleGrid, CLS_SHEET, PARAMS_SHEET, stripAccents } from '../sample/build-sample';
import { FICHE_BUDGET_SHEET, mendedFiches } from '../sample/fiche-budgets';
import { buildClsYearSheet, EXECUTION_RATES_2024, seedAllocation, yearFromRates } from '../sample/cls-years';
import { recalculateGrid } from '../sample/recalc';
import type { Grid, GridSheet } from '../../src/layout/grid';

export function buildCleanSampleGrid(): Grid {
  const grid = buildSampleGrid();
  const alloc = seedAllocation();
  const cls = buildClsYearSheet(CLS_SHEET, 2024, yearFromRates(alloc, EXECUTION_RATES_2024, alloc));
  const fiches = buildFicheSheet(mendedFiches());
  grid.sheets = grid.sheets.map((s) => (s.name === CLS_SHEET ? cls : s.name === FICHE_BUDGET_SHEET ? fiches : s));
  replaceText(grid, '3030 places', '330 places');
  mendParameters(grid);
  mendJournal(grid);
  recalculateGrid(grid);
  return grid;
}

/**
 * The Paramètres of a clean workbook, whatever the layout (the value is right of its key): the FSE+
 * valorisation counts as CD money, and the CD's own volet-2 expenses — 3 011 346 € of eligible
 * expenses once the journal is mended, 100 000 € of FSE+ — make exactly half of the realised cost.
 */
export function mendParameters(grid: Grid): void {
  const params = grid.sheets.find((s) => s.name === PARAMS_SHEET) as GridSheet | undefined;
  for (const cols of params?.rows.values() ?? []) {
    for (const [c, cell] of cols) {
      if (typeof cell.value !== 'string') continue;
      const label = stripAccents(cell.value);
      if (label.startsWith('FSE+ valorisation')) cols.set(c + 1, { value: 'oui' });
      if (label.startsWith('FT depenses CD volet 2')) cols.set(c + 1, { value: 2911346, numFmt: '#,##0.00 "€"' });
    }
  }
}

/** The two expense lines the sample plants for the EXP-* rules, made eligible and in period. */
export function mendJournal(grid: Grid): void {
  const journal = grid.sheets.find((s) => /^journal des d/i.test(s.name));
  for (const cols of journal?.rows.values() ?? []) {
    for (const [c, cell] of cols) {
      if (typeof cell.value === 'string' && stripAccents(cell.value) === 'Frais de deplacement') {
        cell.value = 'Vacations d’animation';
        const objet = cols.get(c + 1);
        if (objet) objet.value = 'Animation des comités de pilotage France Travail';
      }
      if (cell.value instanceof Date && cell.value.getUTCFullYear() === 2025) cell.value = new Date(Date.UTC(2024, 11, 20));
    }
  }
}

/** Replaces a whole cell text wherever it is (the sample holds each such text once). */
export function replaceText(grid: Grid, from: string, to: string): void {
  for (const s of grid.sheets) for (const cols of s.rows.values()) for (const cell of cols.values()) if (cell.value === from) cell.value = to;
}
