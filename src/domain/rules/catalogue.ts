import type { Rule } from './rule';
import { structSheet } from './struct-sheet';
import { structColumn } from './struct-column';
import { structDuplicate } from './struct-duplicate';
import { cellError } from './cell-error';
import { cellTextAmount } from './cell-text-amount';
import { cellNotNumber } from './cell-not-number';
import { cellNoCache } from './cell-no-cache';
import { cellNegative } from './cell-negative';
import { cellPrecision } from './cell-precision';
import { calcRow } from './calc-row';
import { calcFormula } from './calc-formula';
import { calcTotal } from './calc-total';
import { crossBlock } from './cross-block';
import { planDelta } from './plan-delta';
import { cofiClsAction } from './cofi-cls-action';
import { cofiFtVolet2 } from './cofi-ft-volet2';
import { ceilFtVolet } from './ceil-ft-volet';
import { ceilClsAxe } from './ceil-cls-axe';
import { stateExceedsCost } from './state-exceeds-cost';
import { carryExceedsUnspent } from './carry-exceeds-unspent';
import { carryBeyondEnd } from './carry-beyond-end';
import { clsYearsRule } from './cls-years';
import { ceilClsConvention } from './ceil-cls-convention';
import { underspend } from './underspend';
import { paramInvalid } from './param-invalid';
import { paramTextDate } from './param-text-date';
import { expIneligible } from './exp-ineligible';
import { expPeriod } from './exp-period';
import { expLine } from './exp-line';
import { cofiFtVolet2Realise } from './cofi-ft-volet2-realise';
import { ftSolde } from './ft-solde';
import { ficheTotal } from './fiche-total';
import { ficheYears } from './fiche-years';
import { ficheSubactions } from './fiche-subactions';
import { ficheVsTableau } from './fiche-vs-tableau';

/** The rule catalogue. Adding a rule means adding its module and listing it here. */
export const RULES: Rule[] = [
  structSheet,
  structColumn,
  structDuplicate,
  cellError,
  cellTextAmount,
  cellNotNumber,
  cellNoCache,
  cellNegative,
  cellPrecision,
  calcRow,
  calcFormula,
  calcTotal,
  crossBlock,
  planDelta,
  cofiClsAction,
  cofiFtVolet2,
  ceilFtVolet,
  ceilClsAxe,
  ceilClsConvention,
  stateExceedsCost,
  carryExceedsUnspent,
  carryBeyondEnd,
  clsYearsRule,
  underspend,
  expLine,
  expIneligible,
  expPeriod,
  cofiFtVolet2Realise,
  ftSolde,
  ficheTotal,
  ficheYears,
  ficheSubactions,
  ficheVsTableau,
  paramInvalid,
  paramTextDate,
];
