import type { TableDefinition } from '../reading/table-definition';
import { CLS_DEFINITIONS } from './cls';
import { FT_PLAN_DEFINITION } from './ft-plan';
import { ACTION_PLAN_DEFINITION } from './action-plan';
import { JOURNAL_DEFINITION } from './journal';
import { INDICATOR_DEFINITION } from './indicators';
import { PARAMETERS_DEFINITION } from './parameters';
import { FICHE_BUDGET_DEFINITION } from './fiche-budget';

/**
 * Every kind of table the product reads, located together on each sheet so that a header goes to
 * the kind it fits best and a cell belongs to one table at most. A new kind of table is added here.
 * On a tie, the kind listed first wins.
 */
export const TABLE_DEFINITIONS: readonly TableDefinition[] = [
  ...CLS_DEFINITIONS,
  FT_PLAN_DEFINITION,
  ACTION_PLAN_DEFINITION,
  JOURNAL_DEFINITION,
  INDICATOR_DEFINITION,
  PARAMETERS_DEFINITION,
  FICHE_BUDGET_DEFINITION,
];
