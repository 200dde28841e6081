import type { ColumnSpec, HeaderBand } from '../reading/header-band';
import type { TableDefinition } from '../reading/table-definition';

/**
 * France Travail "Plan d'action" summary: one row per fiche action (FA 2.1…2.8) with its financing
 * and the total cost ("Montant de l'action" is State + CD + other funders, not the State share:
 * seed §1.5, 8 386 784 € = 2 × 4 125 892 + 135 000).
 *
 * State and CD columns must start their header ("État", "Conseil départemental"): the CLS tables,
 * which also have "Intitulé de l'action", say "Participation État notifiée…" and "Crédits CD
 * affectés…" and are not taken for this table.
 */
export const ACTION_PLAN_SPECS: ColumnSpec[] = [
  { key: 'fa', match: /^(n ?° ?|numero )?(de (la )?)?(fa|fiches? actions?)\b/, required: true },
  { key: 'title', match: /intitule/ },
  { key: 'volet', match: /^volets?\b/ },
  { key: 'otherNature', match: /nature des? (autres )?financ/ },
  { key: 'other', match: /autres? financeurs?|autres? financements?|^autres?$/ },
  { key: 'state', match: /^(part (de l')?)?etat\b/, exclude: /etat des/, required: true },
  { key: 'cd', match: /^(part (du )?)?(conseil departemental|cd\b|departement\b)/, required: true },
  { key: 'total', match: /montant (total )?de l.?action|^(montant |cout )?total( de l.?action)?$/, required: true },
];

export const ACTION_PLAN_AMOUNT_KEYS = ['state', 'cd', 'other', 'total'];

export const ACTION_PLAN_DEFINITION: TableDefinition = {
  kind: 'ft-action-plan',
  anchor: /intitule de l.?action|montant (total )?de l.?action|^(n ?° ?)?fa$/,
  columns: ACTION_PLAN_SPECS,
  leading: new Set(['fa', 'title']),
  labels: new Set(['fa', 'title']),
  figures: new Set(ACTION_PLAN_AMOUNT_KEYS),
  rowKey: 'fa',
  // An FA or intitulé column, and "Montant de l'action" or two financing columns.
  accepts: (band: HeaderBand) => {
    const c = band.columns;
    if (!c.has('fa') && !c.has('title')) return false;
    return c.has('total') || ACTION_PLAN_AMOUNT_KEYS.filter((k) => c.has(k)).length >= 2;
  },
  heading: /^plan d.?action\b/,
  // The seed's title in full: a sheet named « Plan d'action » is listed in many places (a Contrôles sheet, a summary).
  title: /^plan d.?action et fiches? actions?\b/,
  rows: {
    total: /^tota(l|ux)\b/,
    // A run of blank rows this long ends a table that has no TOTAL row.
    maxBlankRun: 5,
  },
};
