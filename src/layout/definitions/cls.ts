import type { ColumnSpec, HeaderBand } from '../reading/header-band';
import type { RowPatterns, TableDefinition } from '../reading/table-definition';
import type { TableKind } from '../../domain/table';

/**
 * The three CLS "Tableau financier" blocks (CLS annexe 3). Columns are identified by their header
 * text, never by their letter: the same letter means different things in each block (A =
 * notifiée, réalisé or versés), and the national model misprints K. Specific patterns come before
 * general ones (each column is taken once).
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

export type ClsKind = Extract<TableKind, 'cls-forecast' | 'cls-execution' | 'cls-recap'>;

export const CLS_SPECS: Record<ClsKind, ColumnSpec[]> = {
  'cls-forecast': [...LABEL_COLUMNS, ...FORECAST],
  'cls-execution': [...LABEL_COLUMNS, ...EXECUTION],
  'cls-recap': [...LABEL_COLUMNS, ...RECAP],
};

export const CLS_LABEL_KEYS: ReadonlySet<string> = new Set(LABEL_COLUMNS.map((c) => c.key));

/** Block titles and subtitles: above a block, they are its heading; below it, the next block. */
const HEADING = /^tableau financier|^previsionnel annee|^execution budgetaire/;

/**
 * CLS rows: "Sous total", "Sous-total", "S/Total", "Sous total axe 1", and "Total axe 1" (an
 * axe's total is its subtotal) are subtotals; any other "Total…" / "Totaux…" ("TOTAUX FINANCIERS", "Total
 * général") is the block's total. A label alone in the axe column, or starting with "Axe", is
 * the axe of the rows under it.
 */
export const CLS_ROWS: RowPatterns = {
  subtotal: /^(sous[- ]?tota(l|ux)\b|s\/ ?t(otal|otaux)?\b|total (de l.?)?axe\b)/,
  total: /^(totaux|total)\b/,
  end: HEADING,
  group: /^axes?\b/,
  groupColumns: new Set(['axe']),
};

function amountColumns(band: HeaderBand): number {
  return [...band.columns.keys()].filter((k) => !CLS_LABEL_KEYS.has(k)).length;
}

function clsDefinition(kind: ClsKind): TableDefinition {
  const specs = CLS_SPECS[kind];
  return {
    kind,
    family: 'cls',
    anchor: /intitule de l.?action|fiche action/,
    columns: specs,
    leading: CLS_LABEL_KEYS,
    labels: CLS_LABEL_KEYS,
    figures: new Set(specs.filter((s) => !CLS_LABEL_KEYS.has(s.key)).map((s) => s.key)),
    rowKey: 'fiche',
    // Three amount columns at least: an "Intitulé de l'action" heads other tables too.
    accepts: (band: HeaderBand) => amountColumns(band) >= 3,
    // A fiche or intitulé column and two CLS amount columns: a block whose header is damaged, not another table.
    nearMiss: (band: HeaderBand) => amountColumns(band) === 2 && (band.columns.has('fiche') || band.columns.has('title')),
    heading: HEADING,
    title: /^tableau financier\b.*\bcontrat local des solidarites|^previsionnel annee \d{4}\b|^execution budgetaire \d{4}\b/,
    rows: CLS_ROWS,
  };
}

export const CLS_DEFINITIONS: readonly TableDefinition[] = [clsDefinition('cls-forecast'), clsDefinition('cls-execution'), clsDefinition('cls-recap')];

export function isClsKind(kind: string): kind is ClsKind {
  return kind === 'cls-forecast' || kind === 'cls-execution' || kind === 'cls-recap';
}
