/**
 * The pane's write actions, as data: a title (the button and the result message), a short hint,
 * and the plan it makes from the workbook just read and analysed. Adding an action (an FT bilan
 * sheet, a comparison with an earlier version) means adding an entry here and, if it needs more than
 * a plan, a component receiving the pane's actions as props.
 */
import type { Analysis } from '../layout/analyse';
import { claimToolSheets, planControlsSheet, planDerivedFormulas, planVoletTemplates } from '../layout/fill';
import type { Grid } from '../layout/grid';
import type { WritePlan } from '../layout/write-plan';

export interface WriteAction {
  kind: string;
  title: string;
  hint: string;
  plan(grid: Grid, analysis: Analysis): WritePlan;
}

/** A sheet of the user bearing a tool sheet's name is kept; the tool's sheet takes another name (said in the plan's description). */
const keepingUserSheets =
  (plan: (grid: Grid, analysis: Analysis) => WritePlan) =>
  (grid: Grid, analysis: Analysis): WritePlan =>
    claimToolSheets(grid, plan(grid, analysis)).plan;

export const WRITE_ACTIONS: WriteAction[] = [
  { kind: 'recalculer', title: 'Recalculer les colonnes', hint: 'Écrit en formules les colonnes calculées et les totaux.', plan: planDerivedFormulas },
  { kind: 'volets', title: 'Remplir les volets 1/2/3', hint: 'Écrit les états des dépenses des volets France Travail.', plan: keepingUserSheets(planVoletTemplates) },
  {
    kind: 'controles',
    title: 'Écrire la feuille « Contrôles »',
    hint: 'Liste les constats dans une feuille, avec un lien vers chaque cellule.',
    plan: keepingUserSheets((_grid, analysis) => planControlsSheet(analysis)),
  },
];

export const REPORT_TITLE = 'Préparer le rapport à mi-parcours';
export const SETTINGS_TITLE = 'Écrire les réglages dans « Paramètres »';
