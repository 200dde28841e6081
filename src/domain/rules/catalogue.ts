import type { Rule } from './rule';
import { structSheet } from './struct-sheet';
import { structColumn } from './struct-column';
import { cellError } from './cell-error';
import { cellTextAmount } from './cell-text-amount';
import { cellNotNumber } from './cell-not-number';
import { cellNoCache } from './cell-no-cache';
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
import { underspend } from './underspend';
import { paramInvalid } from './param-invalid';

/** The rule catalogue. Adding a rule means adding its module and listing it here. */
export const RULES: Rule[] = [
  structSheet,
  structColumn,
  cellError,
  cellTextAmount,
  cellNotNumber,
  cellNoCache,
  calcRow,
  calcFormula,
  calcTotal,
  crossBlock,
  planDelta,
  cofiClsAction,
  cofiFtVolet2,
  ceilFtVolet,
  ceilClsAxe,
  stateExceedsCost,
  carryExceedsUnspent,
  carryBeyondEnd,
  underspend,
  paramInvalid,
];
