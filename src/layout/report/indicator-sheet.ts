import { cellAddress } from '../grid';
import type { IndicatorTable, IndicatorValue } from '../../domain/indicators';
import { achievementRate } from '../../domain/indicators';
import { REPORT_YEARS } from './statement';
import { COUNT_FORMAT, PERCENT_FORMAT } from './report-plan';
import { PrintedSheet } from '../printed-sheet';

export const INDICATOR_SHEET = 'Rapport - indicateurs';
export const INDICATOR_COLUMNS = 5 + 3 * REPORT_YEARS.length;
const WIDTHS: Record<number, number> = { 1: 11, 2: 6, 3: 26, 4: 40, 5: 10 };
for (let c = 6; c <= INDICATOR_COLUMNS; c++) WIDTHS[c] = 9;

/**
 * "Rapport - indicateurs": the matrix of the indicators (CLS art. 2.3: « le renseignement de la
 * matrice des indicateurs des engagements contractualisés »), local (annexe 1) then national
 * (annexe 4): baseline, then per year the target, the result and the achievement rate
 * (résultat ÷ cible, a formula; blank when either is missing, not a number, or the target is zero).
 */
export function buildIndicatorSheet(tables: IndicatorTable[], department: string | undefined): { writer: PrintedSheet; headerRow: number } {
  const w = new PrintedSheet(INDICATOR_SHEET, WIDTHS);
  w.value(1, 1, '4. Matrice des indicateurs 2024-2025');
  w.merge(1, 1, INDICATOR_COLUMNS);
  w.style(1, 1, INDICATOR_COLUMNS, 'title');
  w.value(2, 1, `${department ? `Département : ${department} — ` : ''}indicateurs locaux (annexe 1) et nationaux (annexe 4), CLS art. 2.3`);
  w.merge(2, 1, INDICATOR_COLUMNS);
  w.style(2, 1, INDICATOR_COLUMNS, 'subtitle');
  const headerRow = 4;
  const headers = ['Annexe', 'Axe', 'Action / thématique', 'Indicateur', 'Situation au 31/12/2023'];
  for (const y of REPORT_YEARS) headers.push(`Cible ${y}`, `Résultat ${y}`, `Taux d’atteinte ${y}`);
  headers.forEach((h, i) => w.value(headerRow, i + 1, h));
  w.style(headerRow, 1, INDICATOR_COLUMNS, 'header');
  let row = headerRow + 1;
  if (tables.length === 0) {
    w.value(row, 1, 'Aucun tableau d’indicateurs (annexe 1 ou annexe 4) n’a été trouvé dans le classeur.');
    w.merge(row, 1, INDICATOR_COLUMNS);
    w.style(row, 1, INDICATOR_COLUMNS, 'wrap');
    return { writer: w, headerRow };
  }
  const sorted = [...tables].sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'cls-local-indicators' ? -1 : 1));
  for (const t of sorted) {
    for (const ind of t.rows) {
      w.value(row, 1, t.kind === 'cls-local-indicators' ? 'Annexe 1 (locaux)' : 'Annexe 4 (nationaux)');
      w.value(row, 2, ind.axe ? `Axe ${ind.axe}` : '');
      w.value(row, 3, ind.subject);
      w.value(row, 4, ind.label);
      w.style(row, 1, INDICATOR_COLUMNS, 'cell');
      count(w, row, 5, ind.baseline);
      REPORT_YEARS.forEach((y, i) => {
        const col = 6 + 3 * i;
        const year = ind.years[y];
        count(w, row, col, year?.target);
        count(w, row, col + 1, year?.result);
        const t = cellAddress(row, col);
        const r = cellAddress(row, col + 1);
        const rate = achievementRate(year);
        w.formula(row, col + 2, `IF(AND(ISNUMBER(${t}),ISNUMBER(${r}),${t}<>0),${r}/${t},"")`, rate ? rate.toNumber() : '', PERCENT_FORMAT);
      });
      row++;
    }
  }
  return { writer: w, headerRow };
}

/** A count as read; an unreadable cell is copied as its text so the reader sees what was typed. */
function count(w: PrintedSheet, row: number, col: number, v: IndicatorValue | undefined): void {
  if (!v) return;
  if (v.value) w.value(row, col, v.value.toNumber(), COUNT_FORMAT);
  else if (!v.readable && v.raw) w.value(row, col, v.raw);
}
