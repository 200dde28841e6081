import type { ColumnSpec } from './header-band';
import type { TableKind } from '../domain/table';

/**
 * Header texts of the three CLS "Tableau financier" blocks (normalised: no accents, lower case).
 * Columns are identified by their text, never by their letter: the same letter means different
 * things in each block (A = notifiée, réalisé or versés), and the national model misprints K.
 * Specific patterns come before general ones (each column is taken once).
 */
const LABEL_COLUMNS: ColumnSpec[] = [
  { key: 'axe', match: /axes? de la contractualisation|^axes?$/ },
  { key: 'chorus', match: /imputation chorus|code chorus/ },
  { key: 'fiche', match: /fiche action|^n ?°|^numero|^n(o|um)\.? (de )?(la )?fiche/ },
  { key: 'title', match: /intitule/ },
];

const FORECAST: ColumnSpec[] = [
  { key: 'stateNotified', match: /participation (de l')?etat notifiee/, required: true },
  { key: 'cdAllocated', match: /credits (du )?cd affectes/, required: true },
  { key: 'otherFunders', match: /autres financeurs/ },
  { key: 'totalBudget', match: /budget global/, required: true },
];

const EXECUTION: ColumnSpec[] = [
  { key: 'statePaid', match: /credits (de l')?etat verses/, required: true },
  { key: 'stateSpent', match: /montant (de l')?etat realise/, required: true },
  { key: 'stateUnspent', match: /non consommes/, required: true },
  { key: 'cdSpent', match: /montant (du )?cd realise/, required: true },
  { key: 'totalSpent', match: /montant total realise/ },
  { key: 'carryOverState', match: /report.*part (de l')?etat/ },
  { key: 'carryOverCd', match: /report.*part (du )?cd/ },
];

const RECAP: ColumnSpec[] = [
  { key: 'statePaid', match: /credits (de l')?etat verses/, required: true },
  { key: 'stateUnspent', match: /credits (de l')?etat .*non consommes/, required: true },
  { key: 'cdAllocatedNext', match: /credits (du )?cd affectes pour la convention/, required: true },
  { key: 'cdAllocated', match: /credits (du )?cd affectes/, required: true },
  { key: 'cdUnspent', match: /credits (du )?cd .*non consommes/, required: true },
  { key: 'otherFundersNext', match: /autres financeurs.*(pour (la convention )?(\d{4}|n ?\+ ?1))/ },
  { key: 'otherFunders', match: /autres financeurs/ },
  { key: 'totalSpent', match: /montant total realise/ },
  { key: 'carryOverState', match: /report.*part (de l')?etat/, required: true },
  { key: 'carryOverCd', match: /report.*part (du )?cd/, required: true },
  { key: 'stateNotifiedNext', match: /participation (de l')?etat notifiee/, required: true },
  { key: 'stateBudgetNext', match: /budget total (de l')?etat/, required: true },
  { key: 'cdBudgetNext', match: /budget total (du )?cd/, required: true },
  { key: 'totalBudgetNext', match: /budget global/, required: true },
];

export const CLS_SPECS: Record<'cls-forecast' | 'cls-execution' | 'cls-recap', ColumnSpec[]> = {
  'cls-forecast': [...LABEL_COLUMNS, ...FORECAST],
  'cls-execution': [...LABEL_COLUMNS, ...EXECUTION],
  'cls-recap': [...LABEL_COLUMNS, ...RECAP],
};

export const CLS_LABEL_KEYS = new Set(LABEL_COLUMNS.map((c) => c.key));

export type ClsKind = Extract<TableKind, 'cls-forecast' | 'cls-execution' | 'cls-recap'>;
