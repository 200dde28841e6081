import type { ColumnSpec, HeaderBand } from './header-band';

/**
 * What a kind of table says about itself so the one reading algorithm can find and walk it: the
 * header texts that anchor the search, its columns, and the few patterns that tell its rows apart.
 * Patterns are tested on normalised texts (no accents, lower case, single spaces).
 *
 * Adding a kind of table is writing one of these (and registering it with the others, so that a
 * header is given to the kind it fits best) and a reader that turns its classified rows into
 * figures: see `src/layout/reading/index.ts`.
 */
export interface TableDefinition {
  /** Kind of the tables found (the domain's TableKind for annex tables). */
  kind: string;
  /** Tables of one family answer the same titles (the three CLS blocks). Default: the kind. */
  family?: string;
  /** A header cell matching this (alone, or with the one or two cells under it) starts a search. */
  anchor: RegExp;
  /** The columns, specific patterns before general ones: each column goes to the first spec it matches. */
  columns: readonly ColumnSpec[];
  /** Keys of the columns a table starts with (fiche, intitulé…): met again after figure columns on the same header rows, they start another table. */
  leading: ReadonlySet<string>;
  /** Keys of the row-label columns, whose texts say what a row is (sous-total, total, axe…). */
  labels: ReadonlySet<string>;
  /** Keys of the figure columns (amounts, quantities, counts): content there makes a row a data row. For a repeated spec, its key before ":". */
  figures: ReadonlySet<string>;
  /** Key of the column whose content alone makes a row a data row (fiche or FA number). */
  rowKey?: string;
  /** Whether a band is a table of this kind: enough columns to read it (else it is not this kind at all). */
  accepts(band: HeaderBand): boolean;
  /** A band it does not accept but that is too close to one of its tables to pass in silence (reported with the titles). */
  nearMiss?(band: HeaderBand): boolean;
  /** Only sheets whose normalised name matches hold this kind (the journal). */
  sheet?: RegExp;
  /** On the sheets `sheet` names, no other kind is looked for (« Budgets des fiches »: its headers would read as a Plan d'action). */
  exclusive?: boolean;
  /** Rows above the header that belong to the table (title, PLAFOND…), looked for up to `above` rows up. */
  heading?: RegExp;
  /** How far above the header its title may sit (default 6 rows). */
  above?: number;
  /** A title announcing a table of this family: one with no table read under it is reported (STRUCT-SHEET). */
  title?: RegExp;
  rows: RowPatterns;
}

/** The row patterns of a kind of table; any may be absent. */
export interface RowPatterns {
  /** On the row's labels: a subtotal ("Sous total", "Sous total axe 1"). */
  subtotal?: RegExp;
  /** On the row's labels: a total. */
  total?: RegExp;
  /** On any text of the row: the table's last total ("TOTAL BESOINS … VOLET n"). */
  grandTotal?: RegExp;
  /** On any text of the row: the next block's title, which ends the table (not part of it). */
  end?: RegExp;
  /** On the labels of a row without figures: a group label ("Axe 1 …"). */
  group?: RegExp;
  /** Keys of the columns where a label alone on its row is a group label (the CLS axe column). */
  groupColumns?: ReadonlySet<string>;
  /** A run of this many blank rows ends the table once it has rows (default: never). */
  maxBlankRun?: number;
}

/** A column key without the suffix a repeated spec gives it ("target:2024" → "target"). */
export function baseKey(key: string): string {
  const i = key.indexOf(':');
  return i < 0 ? key : key.slice(0, i);
}
