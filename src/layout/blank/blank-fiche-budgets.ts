import { cellAddress, newSheet } from '../grid';
import { AMOUNT_FORMAT, signedSum } from '../fill/formula-text';
import { AMOUNT_RULE, BlankSheet } from './sheet-setup';

/**
 * « Budgets des fiches »: one block per fiche action (CLS annexe 2, FT annexe 1) — its number and
 * title, its budget table as the fiches print it (Etat, Conseil départemental, ERBM — State money —,
 * other funders, Total; 2024 to 2027 and Total) and its sub-actions with their yearly amount. The
 * Total column and the Total row are formulas. Read by src/layout/fiche-budget-reader.ts, checked by
 * the FICHE-* rules; an unnumbered, empty block is ignored.
 */
export const FICHE_BUDGET_SHEET = 'Budgets des fiches';
export const FICHE_BLOCKS = 14;
const YEARS = [2024, 2025, 2026, 2027];
const HEADERS = ['Année', 'Etat', 'Conseil départemental', 'ERBM (part État)', 'Autres financeurs', 'Total'];
const SUB_ACTIONS = 5;
const STATE = 2, OTHER = 5, TOTAL = 6;

export function buildFicheBudgetSheet(): BlankSheet {
  const s = new BlankSheet(newSheet(FICHE_BUDGET_SHEET));
  const last = HEADERS.length;
  s.header(1, ['Budgets des fiches action (CLS annexe 2, France Travail annexe 1)']);
  s.style(1, 1, last, 'title');
  s.header(2, [
    'Une fiche par bloc : son numéro (1.1, 2.5…) et son intitulé, son budget par année tel que la fiche l’imprime, ses sous-actions et leur montant annuel. L’ERBM est une part de l’État ; les autres financeurs (Métropole, CAF, FSE+…) vont dans « Autres financeurs ».',
  ]);
  s.style(2, 1, last, 'note');
  s.sheet.merges.push({ top: 1, bottom: 1, left: 1, right: last }, { top: 2, bottom: 2, left: 1, right: last });
  let r = 4;
  for (let b = 0; b < FICHE_BLOCKS; b++) {
    const end = block(s, r);
    // A fiche's block on one page.
    (s.setup.keepTogether ??= []).push([r, end]);
    r = end + 2;
  }
  s.setup.frozenRows = 2;
  s.setup.orientation = 'landscape';
  s.widths([58, 18, 22, 18, 18, 18]);
  return s;
}

/** One fiche from `top`; returns its last row. */
function block(s: BlankSheet, top: number): number {
  const last = HEADERS.length;
  s.text(top, 1, 'Fiche action N°');
  s.text(top, 3, 'Intitulé');
  s.style(top, 1, 1, 'label');
  s.style(top, 2, 2, 'box');
  s.style(top, 3, 3, 'label');
  s.style(top, 4, last, 'box');
  s.sheet.merges.push({ top, bottom: top, left: 4, right: last });
  s.setup.lockedRows.push(top);
  s.header(top + 1, HEADERS);
  s.style(top + 1, 1, last, 'header');
  const first = top + 2;
  YEARS.forEach((y, i) => {
    const r = first + i;
    s.value(r, 1, y);
    s.formula(r, TOTAL, signedSum(r, [2, 3, 4, 5].map((col) => ({ col, sign: 1 as const }))), AMOUNT_FORMAT);
    s.style(r, 1, last, 'cell');
  });
  const lastYear = first + YEARS.length - 1;
  const total = lastYear + 1;
  s.text(total, 1, 'Total');
  for (let c = STATE; c <= TOTAL; c++) s.formula(total, c, `SUM(${cellAddress(first, c)}:${cellAddress(lastYear, c)})`, AMOUNT_FORMAT);
  s.style(total, 1, TOTAL, 'total');
  s.setup.lockedRows.push(total);
  s.validate(`${cellAddress(first, STATE)}:${cellAddress(lastYear, OTHER)}`, AMOUNT_RULE);
  const subHeader = total + 2;
  s.header(subHeader, ['Sous-action', 'Montant']);
  s.style(subHeader, 1, 2, 'header');
  for (let i = 1; i <= SUB_ACTIONS; i++) s.style(subHeader + i, 1, 2, 'cell');
  s.validate(`${cellAddress(subHeader + 1, 2)}:${cellAddress(subHeader + SUB_ACTIONS, 2)}`, AMOUNT_RULE);
  return subHeader + SUB_ACTIONS;
}
