import type { ColumnSpec, HeaderBand } from '../reading/header-band';
import type { TableDefinition } from '../reading/table-definition';

/**
 * France Travail Annexe 2, "Construction du plan de financement - VOLET n - Période du … au …":
 * one block per volet, found by its header texts whatever the sheet is called (Excel caps sheet
 * names at 31 characters, so Départements truncate or rename it).
 *
 * Specific before general: "Delta entre la cible…" also holds "cible", and the group label
 * "Construction du plan de financement" merged over the last four columns must match none of them
 * (hence no bare "financement" or "construction").
 */
export const FT_PLAN_SPECS: ColumnSpec[] = [
  { key: 'amount', match: /montant (du )?delta/, required: true },
  { key: 'delta', match: /\bdelta\b/, exclude: /montant/ },
  { key: 'existing', match: /ressources? existantes?/, required: true },
  { key: 'target', match: /\bcible\b/, exclude: /delta|montant/, required: true },
  { key: 'nature', match: /nature (de |des |de la )?depenses?/ },
  { key: 'object', match: /objet de (la )?depense/ },
  { key: 'details', match: /^precisions?\b/ },
  { key: 'otherFunding', match: /sources?(\(s\))? de financement|financements? complementaires?/ },
];

export const FT_FIGURE_KEYS = ['existing', 'target', 'delta', 'amount'];
export const FT_TITLE = /plan de financement\b.*\bvolet\s*(?:n\s*°?\s*)?(\d+)/;
export const FT_CEILING = /^plafond\b/;
export const FT_GROUP_ROW = /^etat des lieux de l.?existant/;
export const FT_GRAND_TOTAL = /^total (des )?besoins\b/;
export const FT_TOTAL_LABEL = /^(pour info\s*:?\s*)?(sous[- ]?|s\/ ?)?tota(l|ux)\b/;
const HEADING = new RegExp(`${FT_TITLE.source}|${FT_CEILING.source}|${FT_GROUP_ROW.source}`);

export const FT_PLAN_DEFINITION: TableDefinition = {
  kind: 'ft-plan',
  anchor: /ressources? existantes?|montant (du )?delta|delta entre/,
  columns: FT_PLAN_SPECS,
  leading: new Set(['nature', 'object']),
  labels: new Set(['nature', 'object', 'details']),
  figures: new Set(FT_FIGURE_KEYS),
  // Two figure columns at least: one stray "ressources existantes" in a text is not a table.
  accepts: (band: HeaderBand) => FT_FIGURE_KEYS.filter((k) => band.columns.has(k)).length >= 2,
  heading: HEADING,
  above: 8,
  // The title as the model prints it, at the start of its cell (« Plan de financement volet 2 » in a message is no title).
  title: /^construction du plan de financement\b.*\bvolet\s*(?:n\s*°?\s*)?\d/,
  rows: {
    total: FT_TOTAL_LABEL,
    grandTotal: FT_GRAND_TOTAL,
    end: HEADING,
    // A run of blank rows this long ends a block that has no TOTAL BESOINS row.
    maxBlankRun: 10,
  },
};
