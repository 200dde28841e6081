import type { SignedTerm, TableKind } from './table';

/** A derived column and its definition on its row. */
export interface Derivation {
  target: string;
  terms: SignedTerm[];
  /** The definition as users read it, e.g. "A + B + C". */
  text: string;
  article: string;
}

const plus = (key: string): SignedTerm => ({ key, sign: 1 });
const minus = (key: string): SignedTerm => ({ key, sign: -1 });

/**
 * Definitions of the derived columns (CLS Annexe 3, FT plan d'action). K is G + J, not the
 * printed "(G+I)": I is the State total, so G+I would count State money as CD money.
 */
export const DERIVATIONS: Record<TableKind, Derivation[]> = {
  'cls-forecast': [
    { target: 'totalBudget', terms: [plus('stateNotified'), plus('cdAllocated'), plus('otherFunders')], text: 'A + B + C', article: 'CLS annexe 3' },
  ],
  'cls-execution': [
    { target: 'stateUnspent', terms: [plus('statePaid'), minus('stateSpent')], text: 'crédits versés − A', article: 'CLS annexe 3' },
    { target: 'totalSpent', terms: [plus('stateSpent'), plus('cdSpent')], text: 'A + C', article: 'CLS annexe 3' },
  ],
  'cls-recap': [
    {
      target: 'totalSpent',
      terms: [plus('statePaid'), minus('stateUnspent'), plus('cdAllocated'), minus('cdUnspent'), plus('otherFunders')],
      text: '(A − B) + (C − D) + E',
      article: 'CLS annexe 3',
    },
    { target: 'stateBudgetNext', terms: [plus('carryOverState'), plus('stateNotifiedNext')], text: 'F + H', article: 'CLS annexe 3' },
    { target: 'cdBudgetNext', terms: [plus('carryOverCd'), plus('cdAllocatedNext')], text: 'G + J', article: 'CLS annexe 3' },
    {
      target: 'totalBudgetNext',
      terms: [plus('stateBudgetNext'), plus('cdBudgetNext'), plus('otherFundersNext')],
      text: 'I + K + L',
      article: 'CLS annexe 3',
    },
  ],
  'ft-plan': [],
  'ft-action-plan': [
    { target: 'total', terms: [plus('state'), plus('cd'), plus('other')], text: 'État + Conseil départemental + Autres financeurs', article: 'FT art. 3.3' },
  ],
  // Montant = Nombre × coût unitaire is a product, not a signed sum: EXP-LINE checks it.
  'ft-expense-journal': [],
  // A fiche's columns vary (third funders, ERBM or not): FICHE-TOTAL checks its rows and its Total row.
  'fiche-budget': [],
};

/** Column keys whose subtotal/total rows must equal the sum of their rows. */
export const SUMMED_COLUMNS: Record<TableKind, string[] | 'all-amounts'> = {
  'cls-forecast': 'all-amounts',
  'cls-execution': 'all-amounts',
  'cls-recap': 'all-amounts',
  'ft-plan': ['amount'],
  'ft-action-plan': ['state', 'cd', 'other', 'total'],
  'ft-expense-journal': ['amount'],
  'fiche-budget': [],
};
