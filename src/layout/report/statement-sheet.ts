import { cellAddress } from '../grid';
import { type Money, toCents } from '../../domain/money';
import {
  type ActionStatement, type FinancialStatement, type YearFigures, REPORT_YEARS, addFigures, shownCumul, shownYear, stateUnspent, totalSpent,
} from './statement';
import { EURO_FORMAT, PERCENT_FORMAT } from './report-plan';
import { PrintedSheet } from '../printed-sheet';

export const STATEMENT_SHEET = 'Rapport - bilan financier';

/** Columns of the statement, 1-based. Inputs are values, the rest formulas (so Excel can audit them). */
export const C = {
  fiche: 1, title: 2, planned: 3, paid: 4, stateSpent: 5, cdSpent: 6, otherSpent: 7, totalSpent: 8,
  unspent: 9, carryState: 10, carryCd: 11, rate: 12, stateRate: 13,
} as const;
export const STATEMENT_COLUMNS = 13;
const WIDTHS: Record<number, number> = { 1: 6, 2: 28, 3: 15, 4: 14, 5: 14, 6: 14, 7: 13, 8: 15, 9: 14, 10: 13, 11: 13, 12: 12, 13: 12 };

const HEADERS = [
  'Fiche', 'Intitulé de l’action', 'Crédits prévus (État + CD + autres)', 'Crédits État versés', 'Réalisé État', 'Réalisé CD',
  'Réalisé autres financeurs', 'Réalisé total', 'Crédits État non consommés', 'Report part État', 'Report part CD',
  'Taux de réalisation (réalisé / prévu)', 'Taux de consommation État (réalisé / versé)',
];

const VALUE_KEYS: [keyof YearFigures, number][] = [
  ['planned', C.planned], ['paid', C.paid], ['stateSpent', C.stateSpent], ['cdSpent', C.cdSpent], ['otherSpent', C.otherSpent],
  ['carryState', C.carryState], ['carryCd', C.carryCd],
];

export interface StatementSheet {
  writer: PrintedSheet;
  headerRow: number;
  /** The cumul's action rows (fiche, planned and spent columns feed the chart) and its total row. */
  cumul: { first: number; last: number; total: number } | null;
}

const num = (m: Money) => toCents(m).toNumber();
const ratio = (a: Money, b: Money) => (b.isZero() ? '' : a.div(b).toNumber());

/**
 * "Rapport - bilan financier": one header, then three sections (Exercice 2024, Exercice 2025,
 * Cumul 2024-2025), each on its own page, with the actions, a sous-total per axe and the total.
 * The header repeats on every printed page.
 */
export function buildStatementSheet(st: FinancialStatement, department: string | undefined): StatementSheet {
  const w = new PrintedSheet(STATEMENT_SHEET, WIDTHS);
  w.value(1, 1, '1. Bilan financier par action et par axe');
  w.merge(1, 1, STATEMENT_COLUMNS);
  w.style(1, 1, STATEMENT_COLUMNS, 'title');
  w.value(2, 1, `${department ? `Département : ${department} — ` : ''}exécution du 1er janvier 2024 au 31 décembre 2025 (CLS art. 2.3)`);
  w.merge(2, 1, STATEMENT_COLUMNS);
  w.style(2, 1, STATEMENT_COLUMNS, 'subtitle');
  w.value(3, 1, 'Crédits de chaque année hors reports ; le report du cumul est celui qui reste au 31/12/2025. Taux vides : base nulle.');
  w.merge(3, 1, STATEMENT_COLUMNS);
  w.style(3, 1, STATEMENT_COLUMNS, 'note');
  const headerRow = 4;
  HEADERS.forEach((h, i) => w.value(headerRow, i + 1, h));
  w.style(headerRow, 1, STATEMENT_COLUMNS, 'header');

  let row = headerRow + 1;
  if (st.actions.length === 0) {
    w.value(row, 1, 'Aucune action CLS n’a été trouvée dans les blocs « Tableau financier » du classeur.');
    w.merge(row, 1, STATEMENT_COLUMNS);
    w.style(row, 1, STATEMENT_COLUMNS, 'wrap');
    return { writer: w, headerRow, cumul: null };
  }
  const yearRows = new Map<number, Map<string, number>>();
  for (const year of REPORT_YEARS) {
    const missing = st.actions.every((a) => a.years[year] === null);
    if (year !== REPORT_YEARS[0]) w.pageBreakBefore(row);
    row = section(w, row, missing ? `Exercice ${year} — exécution non renseignée dans le classeur` : `Exercice ${year}`);
    const rows = new Map<string, number>();
    yearRows.set(year, rows);
    const figures = (a: ActionStatement) => shownYear(a, year);
    row = actionBlock(w, row, st.actions, figures, (a, r) => {
      rows.set(a.fiche, r);
      writeInputs(w, r, figures(a));
    }).next;
  }
  w.pageBreakBefore(row);
  row = section(w, row, 'Cumul 2024-2025');
  const first = row;
  const block = actionBlock(w, row, st.actions, shownCumul, (a, r) => {
    const [r1, r2] = REPORT_YEARS.map((y) => yearRows.get(y)?.get(a.fiche) as number);
    const f = shownCumul(a);
    for (const [key, col] of VALUE_KEYS) {
      // The carry-over left at the end of the period is the last year's, not a sum.
      const formula = key === 'carryState' || key === 'carryCd' ? cellAddress(r2, col) : `${cellAddress(r1, col)}+${cellAddress(r2, col)}`;
      w.formula(r, col, formula, num(f[key]), EURO_FORMAT);
    }
  });
  return { writer: w, headerRow, cumul: { first, last: first + st.actions.length - 1, total: block.total } };
}

function section(w: PrintedSheet, row: number, label: string): number {
  w.value(row, 1, label);
  w.merge(row, 1, STATEMENT_COLUMNS);
  w.style(row, 1, STATEMENT_COLUMNS, 'section');
  return row + 1;
}

/** Zeros are written too: every formula then reads a number, as in the workbook's blocks. */
function writeInputs(w: PrintedSheet, r: number, f: YearFigures): void {
  for (const [key, col] of VALUE_KEYS) w.value(r, col, num(f[key]), EURO_FORMAT);
}

/**
 * The actions (sorted by axe), a sous-total per axe, the total; `inputs` writes an action row's
 * entered cells. Derived cells: réalisé total, non consommé, both rates.
 */
function actionBlock(
  w: PrintedSheet,
  top: number,
  actions: ActionStatement[],
  figures: (a: ActionStatement) => YearFigures,
  inputs: (a: ActionStatement, row: number) => void,
): { next: number; total: number } {
  let row = top;
  const axes = [...new Set(actions.map((a) => a.axe))];
  const axeRanges: { axe: string; first: number; last: number; f: YearFigures }[] = [];
  for (const axe of axes) {
    const mine = actions.filter((a) => a.axe === axe);
    const first = row;
    for (const a of mine) {
      w.value(row, C.fiche, a.fiche);
      w.value(row, C.title, a.title);
      inputs(a, row);
      derived(w, row, figures(a));
      w.style(row, 1, STATEMENT_COLUMNS, 'cell');
      w.style(row, C.fiche, C.fiche, 'centre');
      row++;
    }
    axeRanges.push({ axe, first, last: row - 1, f: addFigures(mine.map(figures)) });
  }
  const subtotalRows: number[] = [];
  for (const g of axeRanges) {
    w.value(row, C.title, `Sous-total axe ${g.axe}`);
    sums(w, row, (col) => `SUM(${cellAddress(g.first, col)}:${cellAddress(g.last, col)})`, g.f);
    w.style(row, 1, STATEMENT_COLUMNS, 'subtotal');
    subtotalRows.push(row++);
  }
  w.value(row, C.title, 'Total');
  sums(w, row, (col) => subtotalRows.map((r) => cellAddress(r, col)).join('+'), addFigures(axeRanges.map((g) => g.f)));
  w.style(row, 1, STATEMENT_COLUMNS, 'total');
  return { next: row + 2, total: row };
}

function sums(w: PrintedSheet, row: number, formula: (col: number) => string, f: YearFigures): void {
  for (const [key, col] of VALUE_KEYS) w.formula(row, col, formula(col), num(f[key]), EURO_FORMAT);
  derived(w, row, f);
}

function derived(w: PrintedSheet, r: number, f: YearFigures): void {
  const a = (col: number) => cellAddress(r, col);
  w.formula(r, C.totalSpent, `${a(C.stateSpent)}+${a(C.cdSpent)}+${a(C.otherSpent)}`, num(totalSpent(f)), EURO_FORMAT);
  w.formula(r, C.unspent, `${a(C.paid)}-${a(C.stateSpent)}`, num(stateUnspent(f)), EURO_FORMAT);
  w.formula(r, C.rate, `IF(${a(C.planned)}=0,"",${a(C.totalSpent)}/${a(C.planned)})`, ratio(totalSpent(f), f.planned), PERCENT_FORMAT);
  w.formula(r, C.stateRate, `IF(${a(C.paid)}=0,"",${a(C.stateSpent)}/${a(C.paid)})`, ratio(f.stateSpent, f.paid), PERCENT_FORMAT);
}
