import type { ColumnSpec, HeaderBand } from '../reading/header-band';
import type { TableDefinition } from '../reading/table-definition';

/**
 * The « Journal des dépenses »: one row per actual expense of the France Travail convention. It is
 * the product's own sheet, not a national model. Only a sheet whose name starts with « Journal »
 * holds it: the « Etat des dépenses » sheets have the same « Nature de la dépense … Montant »
 * header and must not be taken for the journal. « Nombre d'unités » before « Unité ».
 */
export const JOURNAL_SPECS: ColumnSpec[] = [
  { key: 'amount', match: /^montant\b/, required: true },
  { key: 'unitCost', match: /(cout|prix) unitaire/ },
  { key: 'count', match: /^nombre\b|^quantite\b/ },
  { key: 'date', match: /^date\b|^periode\b/, required: true },
  { key: 'volet', match: /^volets?\b/, required: true },
  { key: 'section', match: /^section\b|^rubrique\b/ },
  { key: 'nature', match: /^nature\b/, required: true },
  { key: 'object', match: /^objet\b/ },
  { key: 'unit', match: /^unite\b/ },
  { key: 'fiche', match: /fiche|^fa\b/ },
  // « Maintenue au bilan (motif) »: the officer keeps an expense a check excludes, saying why.
  { key: 'keep', match: /^(maintenue?|maintenir|conservee?|conserver)\b/ },
];

export const JOURNAL_SHEET = /^journal\b/;

export const JOURNAL_DEFINITION: TableDefinition = {
  kind: 'ft-expense-journal',
  anchor: /^(date|volet|montant)\b/,
  sheet: JOURNAL_SHEET,
  columns: JOURNAL_SPECS,
  leading: new Set(['date']),
  labels: new Set(['date', 'nature', 'object']),
  figures: new Set(['count', 'unitCost', 'amount']),
  accepts: (band: HeaderBand) => band.columns.has('amount') && band.columns.size >= 4,
  // A journal grows by appending rows, gaps included: no run of blank rows ends it.
  rows: { total: /^(sous[- ]?)?tota(l|ux)\b/ },
};
