import type { ColumnSpec, HeaderBand } from '../reading/header-band';
import type { TableDefinition } from '../reading/table-definition';

/**
 * The CLS indicator tables (Annexe 1 local indicators, Annexe 4 national indicators): "Situation au
 * 31 déc. 2023" anchors the header; the year columns are recognised by their wording ("Cible
 * 2024", "Cible locale en 2025", "Résultat atteint en 2024"), so a workbook may hold any span of
 * years, in any column order. Their reader tells local from national.
 */
export const INDICATOR_SPECS: ColumnSpec[] = [
  { key: 'target', match: /^cibles?\b.*?(\d{4})/, repeat: true },
  { key: 'result', match: /^resultats?\b.*?(\d{4})/, repeat: true },
  { key: 'baseline', match: /situation au/ },
  { key: 'label', match: /^indicateurs?\b/ },
  { key: 'subject', match: /^(actions?|thematiques?|fiches? actions?)\b/ },
];

export const INDICATOR_DEFINITION: TableDefinition = {
  kind: 'cls-indicators',
  anchor: /situation au|^indicateurs? (locaux|nationaux)$/,
  columns: INDICATOR_SPECS,
  leading: new Set(['subject', 'label']),
  labels: new Set(['subject', 'label']),
  figures: new Set(['baseline', 'target', 'result']),
  // An indicator column, and a baseline or at least one year: otherwise not an indicator table.
  accepts: (band: HeaderBand) => band.columns.has('label') && [...band.columns.keys()].some((k) => k === 'baseline' || k.includes(':')),
  rows: {
    group: /^axe\b/,
    // A run of blank rows this long ends a table (a sheet may hold notes under it).
    maxBlankRun: 3,
  },
};
