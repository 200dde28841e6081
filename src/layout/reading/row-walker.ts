import type { LocatedTable } from './locate-tables';
import type { GridCell } from '../grid';
import { type SheetIndex, hasContent, isLetterText, risingByOne, textOf } from './sheet-index';
import { baseKey } from './table-definition';

/**
 * What a row under a header is, decided from its content before any amount is read from it:
 * - `data`: a row of the table (an action, an expense, a line of the plan): it holds a figure or a
 *   row key (fiche, FA) — or, in a table without row keys, it is text followed by more rows;
 * - `subtotal`, `total`, `grand-total`: by their labels ("Sous total", "TOTAUX FINANCIERS",
 *   "TOTAL BESOINS … VOLET n");
 * - `group`: a label alone on its row ("Axe 1 …"); in a table with row keys, any line of text
 *   without key or figure between its rows;
 * - `note`: not part of the table — a footnote ("(1) …", "* …", "NB : …", "Source : …"); a line of
 *   text under the header before any row of the table (« une ligne par action financée »; in a table
 *   without row keys only a remark in lower case or in parentheses); in a table without row keys, a
 *   single text after its last row.
 * Blank rows and rows of column letters are skipped; a row with the next block's title ends the walk.
 */
export type RowRole = 'data' | 'subtotal' | 'total' | 'grand-total' | 'group' | 'note';

export interface ClassifiedRow {
  row: number;
  role: RowRole;
  /** Normalised texts of the row's label cells (label columns, unheaded columns left of the figures), cells of their own only. */
  labels: readonly string[];
}

/** Which columns of a located table play which part, worked out once per table. */
interface RowColumns {
  /** Where the row's cells are looked at: from the table's window start to its last column… */
  left: number;
  right: number;
  /** …and the label columns it borrows from the table on its left (none: an empty span). */
  lent: { left: number; right: number };
  labels: number[];
  labelSet: ReadonlySet<number>;
  figures: number[];
  groups: number[];
  key?: number;
}

function rowColumns(table: LocatedTable): RowColumns {
  const d = table.definition;
  const columns = [...table.band.columns];
  const figures = columns.filter(([k]) => d.figures.has(baseKey(k))).map(([, v]) => v.col);
  const nonLabels = new Set(columns.filter(([k]) => !d.labels.has(baseKey(k))).map(([, v]) => v.col));
  const firstFigure = figures.length ? Math.min(...figures) : table.span.right + 1;
  const labels = new Set(columns.filter(([k]) => d.labels.has(baseKey(k))).map(([, v]) => v.col));
  // Labels typed left of the figures without a header of their own ("Sous total" in a blank column).
  for (let c = table.window.left; c < firstFigure; c++) if (!nonLabels.has(c)) labels.add(c);
  // Borrowed, the lender's label area: its labels typed without a header ("Sous total") name these rows too.
  const lent = table.borrowedLabels ?? { left: 0, right: -1 };
  for (let c = lent.left; c <= lent.right; c++) labels.add(c);
  const groups = columns.filter(([k]) => d.rows.groupColumns?.has(k)).map(([, v]) => v.col);
  const key = d.rowKey !== undefined ? table.band.columns.get(d.rowKey)?.col : undefined;
  return { left: table.window.left, right: table.span.right, lent, labels: [...labels].sort((a, b) => a - b), labelSet: labels, figures, groups, key };
}

/** Whether a column is one a table's rows are read in. */
function inTable(cols: RowColumns, c: number): boolean {
  return (c >= cols.left && c <= cols.right) || (c >= cols.lent.left && c <= cols.lent.right);
}

/** How a footnote starts: « (1) », « * », « 1) », « NB », « N.B. », « Nota », « Note : », « Source : », « Remarque : ». */
const FOOTNOTE = /^(\(\d+\)|\(\*+\)|\*+|\d+\s?\)|nb\b|n\.b\.|nota\b|notes?\s?:|sources?\s?:|remarques?\s?:)/;

/**
 * The rows of a table in order, each with its role: the one row walker every reader uses. It
 * visits stored rows only (a used range may reach row 1 048 576), stops at the table's limit, at
 * the next block's title, or after the definition's run of blank rows.
 */
export function walkRows(index: SheetIndex, table: LocatedTable): ClassifiedRow[] {
  const p = table.definition.rows;
  const cols = rowColumns(table);
  const out: ClassifiedRow[] = [];
  let seenData = false;
  let blankRun = 0;
  let previous = table.band.bottom;
  // Rows of text only, no figure, no key: rows of the table if more rows follow, notes if the table ends.
  let pending: Pending[] = [];
  const flush = () => {
    for (const x of pending) out.push({ row: x.row, role: 'data', labels: x.labels });
    pending = [];
  };
  for (const r of index.rowsBetween(table.band.bottom, table.limit)) {
    blankRun += r - previous - 1; // rows holding no cell at all are blank: counted, not visited
    previous = r;
    if (p.maxBlankRun !== undefined && blankRun >= p.maxBlankRun && seenData) break;
    const cells = index.sheet.rows.get(r) as Map<number, GridCell>;
    // One look at the row's cells: blank or not, its texts normalised once (titles, totals, labels).
    let filled = 0;
    let labelled = false;
    let texts: { col: number; text: string }[] | null = null;
    let labels: readonly string[] = NO_LABELS;
    for (const [c, cell] of cells) {
      if (!inTable(cols, c) || !hasContent(cell)) continue;
      filled++;
      if (cols.labelSet.has(c)) labelled = true;
      if (typeof cell.value !== 'string') continue;
      const t = textOf(cell);
      if (!t) continue;
      (texts ??= []).push({ col: c, text: t });
      if (cols.labelSet.has(c)) labels = labels === NO_LABELS ? [t] : [...labels, t];
    }
    if (filled === 0) {
      if (p.maxBlankRun !== undefined && ++blankRun >= p.maxBlankRun && seenData) break;
      continue;
    }
    blankRun = 0;
    if (texts && texts.length > 1 && !ascending(texts)) {
      texts.sort((a, b) => a.col - b.col);
      labels = texts.filter((x) => cols.labelSet.has(x.col)).map((x) => x.text);
    }
    if (texts && p.end && texts.some((x) => (p.end as RegExp).test(x.text))) break;
    if (texts && isLetters(cells, cols)) continue;
    if (!texts && !seenData && isColumnNumbers(cells, cols)) continue;
    let role: RowRole | null = null;
    if (texts && p.grandTotal && texts.some((x) => (p.grandTotal as RegExp).test(x.text))) role = 'grand-total';
    else if (p.subtotal && labels.some((t) => (p.subtotal as RegExp).test(t))) role = 'subtotal';
    else if (p.total && labels.some((t) => (p.total as RegExp).test(t))) role = 'total';
    else if (cols.figures.some((c) => hasContent(cells.get(c))) || (cols.key !== undefined && hasContent(cells.get(cols.key)))) role = 'data';
    if (role !== null) {
      flush();
      seenData = true;
      out.push({ row: r, role, labels });
      continue;
    }
    // No figure, no key: a footnote, a group label, a remark under the header, or text to be decided.
    const all = rowTexts(cells, cols);
    // Nothing but numbers in columns the table does not read (a helper column), or a footnote.
    if ((all.length === 0 && !labelled) || FOOTNOTE.test(all[0]?.text ?? '')) {
      out.push({ row: r, role: 'note', labels });
      continue;
    }
    if ((p.group && labels.some((t) => (p.group as RegExp).test(t))) || (cols.groups.length > 0 && all.length > 0 && all.every((x) => cols.groups.includes(x.col)))) {
      flush();
      out.push({ row: r, role: 'group', labels });
      continue;
    }
    if (!seenData && pending.length === 0 && cols.figures.length > 0 && (cols.key !== undefined || all.every((x) => isRemark(cells.get(x.col))))) {
      out.push({ row: r, role: 'note', labels });
      continue;
    }
    if (cols.key !== undefined) {
      // A table whose rows have a key (fiche, FA): a line of text without one is a label between its rows.
      flush();
      out.push({ row: r, role: 'group', labels });
      continue;
    }
    pending.push({ row: r, labels, single: filled === 1 });
  }
  // After the table's last row: a single cell of text is a footnote; more is a row of the table.
  for (const x of pending) out.push({ row: x.row, role: x.single ? 'note' : 'data', labels: x.labels });
  return out;
}

/** The row's text cells in the table's columns, with their normalised texts, in column order. */
function rowTexts(cells: Map<number, GridCell>, cols: RowColumns): { col: number; text: string }[] {
  const out: { col: number; text: string }[] = [];
  for (const [c, cell] of cells) {
    if (!inTable(cols, c) || typeof cell.value !== 'string') continue;
    const t = textOf(cell);
    if (t) out.push({ col: c, text: t });
  }
  return out.sort((a, b) => a.col - b.col);
}

/** A row of column letters, in the table's columns (see SheetIndex.isLettersRow). */
function isLetters(cells: Map<number, GridCell>, cols: RowColumns): boolean {
  let letters = 0;
  for (const [c, cell] of cells) {
    if (!inTable(cols, c) || !hasContent(cell)) continue;
    if (typeof cell.value !== 'string' || !isLetterText(cell.value)) return false;
    letters++;
  }
  return letters >= 2;
}

/**
 * A row numbering the columns under the header (1, 2, 3… typed as numbers), as some Départements
 * print instead of letters: three cells at least, integers rising by one from column to column, no
 * formula. Only looked for before the first row of data: no amount row reads 1, 2, 3.
 */
function isColumnNumbers(cells: Map<number, GridCell>, cols: RowColumns): boolean {
  const numbers: { col: number; value: number }[] = [];
  for (const [c, cell] of cells) {
    if (!inTable(cols, c) || !hasContent(cell)) continue;
    if (typeof cell.value !== 'number' || cell.formula || cell.error || !Number.isInteger(cell.value)) return false;
    numbers.push({ col: c, value: cell.value });
  }
  return risingByOne(numbers);
}

const NO_LABELS: readonly string[] = Object.freeze([]);

/** Whether cells came in column order (they do when a sheet was read or written row by row). */
function ascending(texts: { col: number }[]): boolean {
  for (let i = 1; i < texts.length; i++) if (texts[i].col < texts[i - 1].col) return false;
  return true;
}

interface Pending {
  row: number;
  labels: readonly string[];
  single: boolean;
}

/** A remark under a header: text starting in lower case or in parentheses (« une ligne par action financée », « (en euros) »). */
function isRemark(cell: GridCell | undefined): boolean {
  const v = cell?.value;
  if (typeof v !== 'string') return false;
  const s = v.trim();
  return s.startsWith('(') || /^\p{Ll}/u.test(s);
}
