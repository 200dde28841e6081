/**
 * FT art. 3.3, the CD's co-financing of volet 2, read once: the rule COFI-FT-VOLET2 checks it and
 * the pane draws it, so the gauge and the finding never disagree. Read from the Plan d'action (the
 * plan de financement holds only the State share).
 */
import { type Money, percent, toCents } from './money';
import { type AnnexTable, type TableKind, type TableRow, columnSum } from './table';
import type { CheckOptions } from './workbook';

/** FSE+ « valorisation » as written in « Nature des autres financements »: FSE, FSE+, Fonds social européen. */
export const FSE_NATURE = /\bfse\b|fse\s*\+|fonds social europ/i;

export interface Volet2Cofinancing {
  /** The plan's volet-2 action rows, for the caller's checks (unreadable cells) and anchor. */
  rows: TableRow[];
  cd: Money;
  /** « Autres financeurs » money of the rows whose nature is FSE+. */
  fse: Money;
  total: Money;
  /** CD, plus the FSE+ valorisation when options.fseAsCd counts it (by default it is EU money, not the CD's). */
  counted: Money;
  /** counted ÷ total in %; null when the total is 0. */
  share: Money | null;
}

/** null when no action of the plan is on volet 2. Unreadable cells count as 0 (see columnSum). */
export function volet2Cofinancing(plan: AnnexTable, options: Pick<CheckOptions, 'fseAsCd'>): Volet2Cofinancing | null {
  // "Volet 2", "V2", "2": the readers keep the digits; art. 3.3 is global over volet 2.
  const rows = plan.rows.filter((r) => r.kind === 'detail' && (r.texts?.volet ?? '').replace(/\D/g, '') === '2');
  if (rows.length === 0) return null;
  const cd = columnSum(rows, 'cd');
  const fse = columnSum(rows.filter((r) => FSE_NATURE.test(r.texts?.otherNature ?? '')), 'other');
  const total = columnSum(rows, 'total');
  const counted = options.fseAsCd ? cd.plus(fse) : cd;
  return { rows, cd, fse, total, counted, share: percent(counted, total) };
}

/**
 * CLS art. 2.2 (« au moins 50 % des crédits dévolus à chaque action »): where a block holds an
 * action's State, CD and other money — the prévisionnel's A, B, C; the récapitulatif's n+1 budget I,
 * K, L. null for other tables.
 */
export function clsCofiKeys(kind: TableKind): { state: string; cd: string; other: string } | null {
  if (kind === 'cls-forecast') return { state: 'stateNotified', cd: 'cdAllocated', other: 'otherFunders' };
  if (kind === 'cls-recap') return { state: 'stateBudgetNext', cd: 'cdBudgetNext', other: 'otherFundersNext' };
  return null;
}

export interface ClsActionCofinancing {
  /** The CD cell, where a finding points. */
  cdRef: NonNullable<TableRow['amounts'][string]>['ref'];
  cd: Money;
  /** The base the share is taken of: State + CD (+ other funders with the default reading). */
  whole: Money;
  withOther: boolean;
  /** The minimum the CD must bring, to the cent. */
  expected: Money;
  /** cd ÷ whole in %. */
  share: Money;
  compliant: boolean;
}

/**
 * One action's CD share under CLS art. 2.2, as COFI-CLS-ACTION judges it — compared in euros to the
 * cent (CD ≥ minimum × base, rounded), never on a rounded percentage — so every place that speaks
 * of it (the rule, the comparison of two versions) agrees. null when it cannot be computed (CD or
 * State missing or zero, other funders unreadable with the default reading).
 */
export function clsActionCofinancing(row: TableRow, keys: { state: string; cd: string; other: string }, base: 'total' | 'state-cd', min: Money): ClsActionCofinancing | null {
  const cdCell = row.amounts[keys.cd];
  const cd = cdCell?.value;
  const state = row.amounts[keys.state]?.value;
  if (!cdCell || !cd || !state) return null;
  const otherCell = row.amounts[keys.other];
  const withOther = base === 'total' && !!otherCell;
  if (withOther && otherCell.value === null) return null; // unreadable: reported by CELL-*
  const whole = withOther && otherCell.value ? state.plus(cd).plus(otherCell.value) : state.plus(cd);
  const share = percent(cd, whole);
  if (share === null) return null;
  const expected = toCents(whole.times(min));
  return { cdRef: cdCell.ref, cd, whole, withOther, expected, share, compliant: toCents(cd).gte(expected) };
}

/** Volet 2's CD share against the minimum, as COFI-FT-VOLET2 judges it: in euros, to the cent. */
export function volet2Compliant(cofi: Volet2Cofinancing, min: Money): boolean {
  return toCents(cofi.counted).gte(toCents(cofi.total.times(min)));
}
