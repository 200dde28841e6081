import type { ColumnSpec, HeaderBand } from '../reading/header-band';
import type { TableDefinition } from '../reading/table-definition';

/**
 * « Budgets des fiches »: each fiche action's budget table as the fiche prints it (CLS annexe 2,
 * FT annexe 1) — a header « Etat | Conseil départemental | <third column> | Total » whose third
 * column varies (ERBM, ETAT/ERBM, Métropole/autre, CAF, FSE+ (valorisation), none), one row per year
 * and a Total row — under a title naming the fiche (« Fiche action 1.3 – … »).
 *
 * ERBM columns are keyed `erbm` (State money: CLS art. 2.2 « Ce montant comprend la part des crédits
 * réservés au titre de … l'ERBM »); every other funder column, labelled or not, `other`, `other2`…
 * (the reader adds them).
 */
export const FICHE_BUDGET_SPECS: ColumnSpec[] = [
  { key: 'year', match: /^(annees?|exercices?|periode|budget( de l.?action)?)$/ },
  { key: 'erbm', match: /\berbm\b/ },
  { key: 'state', match: /^(part (de l')?)?etat\b/, exclude: /erbm|etat des/ },
  { key: 'cd', match: /^(part (du )?)?(conseil departemental|cd\b|departement\b)/, required: true },
  { key: 'total', match: /^(montant |cout )?total\b/, required: true },
];

/** A sheet named « Budgets des fiches » (a « budget » and a « fiche » in its name). */
export const FICHE_BUDGET_SHEET = /^(?=.*\bbudgets?\b)(?=.*\bfiches?\b)/;

/** « Fiche action 1.3 – … », « Fiche 1.3 : … », « Action 1.3 … », « FA 2.5 … », or the template's « Fiche action N° » label. */
const FICHE_HEADING = /^(fiche([- ]?action)?|action|fa)\s*(n\s*°\s*)?\d+\s*[.,]\s*\d+|^(fiche([- ]?action)?|fa)\s*(n\s*°|numero)?\s*:?$/;

export const FICHE_BUDGET_DEFINITION: TableDefinition = {
  kind: 'fiche-budget',
  anchor: /^conseil\b|^cd$|^(part (du )?)?departement$/,
  sheet: FICHE_BUDGET_SHEET,
  // Its headers would read as a Plan d'action: on its sheets, only fiche budgets are read.
  exclusive: true,
  columns: FICHE_BUDGET_SPECS,
  leading: new Set(['year']),
  labels: new Set(['year']),
  figures: new Set(['erbm', 'state', 'cd', 'total']),
  accepts: (band: HeaderBand) => band.columns.has('cd') && (band.columns.has('state') || band.columns.has('erbm')),
  heading: FICHE_HEADING,
  rows: { total: /^total\b/ },
};
