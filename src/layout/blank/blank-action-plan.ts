import { cellAddress, newSheet } from '../grid';
import { AMOUNT_FORMAT, signedSum } from '../fill/formula-text';
import { AMOUNT_RULE, BlankSheet } from './sheet-setup';

/**
 * The France Travail « Plan d'action » with the financing of each fiche (État, Conseil
 * départemental, autres financeurs), which COFI-FT-VOLET2 needs and the printed summary lacks
 * (docs/rules.md §1.1). Montant de l'action = État + CD + autres is a formula; TOTAL comes from
 * planDerivedFormulas.
 */
export const PLAN_ACTION_SHEET = "Plan d'action";
const HEADERS = ['FA', "Intitulé de l'action", 'Volet', 'État', 'Conseil départemental', 'Autres financeurs', 'Nature des autres financements', "Montant de l'action"];
const ROWS = 12;
const VOLET = 3, STATE = 4, CD = 5, OTHER = 6, TOTAL = 8;

export function buildActionPlanSheet(): BlankSheet {
  const s = new BlankSheet(newSheet(PLAN_ACTION_SHEET));
  s.header(1, ["PLAN D'ACTION ET FICHES ACTIONS"]);
  s.style(1, 1, HEADERS.length, 'title');
  s.sheet.merges.push({ top: 1, bottom: 1, left: 1, right: HEADERS.length });
  s.header(2, HEADERS);
  s.style(2, 1, HEADERS.length, 'header');
  const top = 3;
  for (let r = top; r < top + ROWS; r++) {
    s.formula(r, TOTAL, signedSum(r, [STATE, CD, OTHER].map((col) => ({ col, sign: 1 as const }))), AMOUNT_FORMAT);
    s.style(r, 1, HEADERS.length, 'cell');
  }
  const total = top + ROWS;
  s.text(total, 1, 'TOTAL');
  s.style(total, 1, HEADERS.length, 'total');
  s.setup.lockedRows.push(total);
  s.setup.orientation = 'landscape';
  s.setup.repeatRows = { first: 2, last: 2 };
  s.validate(`${cellAddress(top, VOLET)}:${cellAddress(total - 1, VOLET)}`, { type: 'list', choices: ['1', '2', '3'], prompt: 'Volet de la convention France Travail : 1, 2 ou 3.' });
  s.validate(`${cellAddress(top, STATE)}:${cellAddress(total - 1, OTHER)}`, AMOUNT_RULE);
  s.setup.frozenRows = 2;
  s.widths([8, 60, 8, 18, 22, 18, 44, 20]);
  return s;
}
