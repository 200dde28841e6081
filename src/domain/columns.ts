import type { TableKind } from './table';

/**
 * French names of the columns, with the letter the national model prints for them, for messages.
 * The letters differ from block to block (A is notifiée, réalisé or versés): a message always
 * gives the name, not the letter alone.
 */
const LABELS: Record<TableKind, Record<string, string>> = {
  'cls-forecast': {
    stateNotified: 'A – Participation État notifiée',
    cdAllocated: 'B – Crédits CD affectés',
    otherFunders: 'C – Participation d’autres financeurs',
    totalBudget: 'F – Budget global de l’action (A+B+C)',
  },
  'cls-execution': {
    statePaid: 'Crédits État versés',
    stateSpent: 'A – Montant État réalisé',
    stateUnspent: 'B – Crédits État non consommés',
    cdSpent: 'C – Montant CD réalisé',
    totalSpent: 'Montant total réalisé (A+C)',
    carryOverState: 'Montant à reporter – part État',
    carryOverCd: 'Montant à reporter – part CD',
  },
  'cls-recap': {
    statePaid: 'A – Crédits État versés',
    stateUnspent: 'B – Crédits État non consommés',
    cdAllocated: 'C – Crédits CD affectés',
    cdUnspent: 'D – Crédits CD non consommés',
    otherFunders: 'E – Participation d’autres financeurs',
    totalSpent: 'Montant total réalisé',
    carryOverState: 'F – Montant à reporter – part État',
    carryOverCd: 'G – Montant à reporter – part CD',
    stateNotifiedNext: 'H – Participation État notifiée n+1',
    stateBudgetNext: 'I – Budget total État n+1 (F+H)',
    cdAllocatedNext: 'J – Crédits CD affectés n+1',
    cdBudgetNext: 'K – Budget total CD n+1 (G+J)',
    otherFundersNext: 'L – Autres financeurs n+1',
    totalBudgetNext: 'M – Budget global de l’action n+1 (I+K+L)',
  },
  'ft-plan': {
    nature: 'Nature de dépenses',
    object: 'Objet de la dépense',
    details: 'Précisions sur l’action / objet',
    existing: 'Ressources existantes',
    target: 'Cible',
    delta: 'Delta entre la cible et l’existant',
    amount: 'Montant delta',
    otherFunding: 'Sources de financement complémentaires',
    ceiling: 'PLAFOND DEPARTEMENT',
  },
  'ft-action-plan': {
    fa: 'FA',
    title: 'Intitulé de l’action',
    volet: 'Volet',
    state: 'État',
    cd: 'Conseil départemental',
    other: 'Autres financeurs',
    otherNature: 'Nature des autres financements',
    total: 'Montant de l’action',
  },
  'ft-expense-journal': {
    date: 'Date ou période',
    volet: 'Volet',
    section: 'Section de l’état des dépenses',
    nature: 'Nature de la dépense',
    object: 'Objet de la dépense',
    unit: 'Unité',
    count: 'Nombre d’unités',
    unitCost: 'Coût unitaire',
    amount: 'Montant',
    fiche: 'Fiche action',
  },
  // « Budgets des fiches »: third funders' headers vary (ERBM, Métropole/autre, CAF…); messages quote the typed header.
  'fiche-budget': {
    year: 'Année',
    state: 'Etat',
    erbm: 'ERBM (part État)',
    cd: 'Conseil départemental',
    other: 'Autres financeurs',
    total: 'Total',
    amount: 'Montant de la sous-action',
  },
};

const COMMON: Record<string, string> = {
  axe: 'Axes de la contractualisation',
  chorus: 'Imputation chorus',
  fiche: 'Fiche action N°',
  title: 'Intitulé de l’action',
};

export function columnLabel(kind: TableKind, key: string): string {
  return LABELS[kind][key] ?? COMMON[key] ?? key;
}
