import { normaliseText } from '../text';
import { parseFrenchAmount } from '../../domain/money';
import { parseQuantity } from '../../domain/quantity';
import {
  type ColumnSpec,
  type ColumnSpan, type DuplicateColumn, type HeaderBand, bandTexts, bestBand, duplicateColumns, extendBand, matchesAny, specMask, splitSideBySide, tableColumns,
} from './header-band';
import type { SheetIndex } from './sheet-index';
import { type TableDefinition, baseKey } from './table-definition';

/** A table found on a sheet: its header band, its columns, and the rows it may take. */
export interface LocatedTable {
  definition: TableDefinition;
  band: HeaderBand;
  /** The table's own columns: from its first to its last header cell. */
  span: ColumnSpan;
  /** The part of its header rows no other table shares (side-by-side tables split them). */
  window: ColumnSpan;
  /** First row of the table: its title or heading rows, else its header. */
  start: number;
  /** Last row it may take: the row before the next table below it in the same columns, else the sheet's last. */
  limit: number;
  /** Columns whose header repeats one already read. */
  duplicates: DuplicateColumn[];
  /**
   * A table whose header has only figure columns reads its rows with the label columns of the
   * table on its left that shares its header rows (in `band.columns`): where they lie.
   */
  borrowedLabels?: ColumnSpan;
}

/** A title that announces a table of a family with no table read under it, or a header too close to one to be nothing. */
export interface OrphanTitle {
  family: string;
  row: number;
  col: number;
  /** The title (the header cell) as typed. */
  text: string;
  /** A header band, not a title. */
  header?: true;
  /** A header band with figure columns only, and no table on its left on the same rows to name its rows. */
  noLabels?: true;
}

export interface SheetTables {
  tables: LocatedTable[];
  orphanTitles: OrphanTitle[];
}

/**
 * Finds the tables of a sheet, every kind at once, so that a cell belongs to one table at most:
 * 1. anchors — header cells matching a kind's anchor (a header split over cells is joined first);
 * 2. header band — the 1–4 rows around an anchor that name the most columns, then the lines that
 *    still continue it (letters, a header's last words);
 * 3. extent — side-by-side tables sharing header rows each get their own columns;
 * 4. arbitration — where the headers of two candidates overlap, the one that reads best wins
 *    (all required columns, then the most columns): a half-header another kind knows (« Montant
 *    total ») inside a CLS header makes no phantom table;
 * 5. labels — a table whose header has figure columns only (no label or key column of its own)
 *    reads its rows with the labels of the table on its left that shares its header rows; without
 *    one, its header is reported (never dropped in silence);
 * 6. limits — a table reaches down to the next table in its columns.
 * Computed once per sheet and list of definitions.
 */
export function locateTables(index: SheetIndex, definitions: readonly TableDefinition[]): SheetTables {
  return index.memo(definitions, () => locate(index, definitions));
}

interface Candidate {
  definition: TableDefinition;
  band: HeaderBand;
  span: ColumnSpan;
  window: ColumnSpan;
  rank: number;
  order: number;
  /** Its header has none of its kind's leading columns: it borrows the labels of the table on its left. */
  borrows?: true;
  borrowedLabels?: ColumnSpan;
}

function locate(index: SheetIndex, definitions: readonly TableDefinition[]): SheetTables {
  const candidates: Candidate[] = [];
  const nearMisses: OrphanTitle[] = [];
  const seen = new Map<string, number>();
  const sheetName = normaliseText(index.name);
  const figureSpecs = figureSpecsOf(definitions);
  const exclusive = definitions.some((d) => d.exclusive && d.sheet?.test(sheetName));
  definitions.forEach((definition, order) => {
    if (definition.sheet && !definition.sheet.test(sheetName)) return;
    if (exclusive && !definition.exclusive) return;
    for (const { row, col } of anchorCells(index, definition.anchor)) {
      for (const c of candidatesAt(index, definition, row, col, order, figureSpecs)) {
        if (c === 'near') {
          nearMisses.push({ family: definition.family ?? definition.kind, row, col, text: String(index.raw(row, col)?.value ?? index.norm(row, col)), header: true });
          continue;
        }
        const key = `${order}|${c.band.top}|${c.band.bottom}|${c.span.left}|${c.span.right}`;
        const known = seen.get(key);
        // A header with an anchor of its own is not one that borrows labels (the fiches' unheaded years).
        if (known !== undefined && (c.borrows || !candidates[known].borrows)) continue;
        if (known !== undefined) candidates[known] = c;
        else {
          seen.set(key, candidates.length);
          candidates.push(c);
        }
      }
    }
  });
  const { chosen, unlabelled } = lendLabels(index, arbitrate(candidates));
  const tables = placeVertically(index, chosen);
  const titles = orphanTitles(index, definitions, tables);
  return { tables, orphanTitles: [...titles, ...unlabelled, ...unreadHeaders(nearMisses, tables, titles)].sort((a, b) => a.row - b.row || a.col - b.col) };
}

/** The figure columns of every definition of a list, one list per list of definitions (specMask and matchesAny memoise by list). */
const FIGURE_SPECS = new WeakMap<readonly TableDefinition[], readonly ColumnSpec[]>();

function figureSpecsOf(definitions: readonly TableDefinition[]): readonly ColumnSpec[] {
  let specs = FIGURE_SPECS.get(definitions);
  if (!specs) {
    specs = definitions.flatMap((d) => d.columns.filter((s) => d.figures.has(s.key)));
    FIGURE_SPECS.set(definitions, specs);
  }
  return specs;
}

/** Header cells matching an anchor, alone or joined with the one or two cells under them ("Intitulé de" / "l'action"). */
function anchorCells(index: SheetIndex, anchor: RegExp): { row: number; col: number }[] {
  const out: { row: number; col: number }[] = [];
  for (const { row, cols, texts } of index.headerRows()) {
    for (let i = 0; i < texts.length; i++) {
      let t = texts[i];
      let hit = anchor.test(t);
      for (let below = 1; !hit && below <= 2 && t.length <= 40; below++) {
        const next = index.own(row + below, cols[i]);
        if (!next) break;
        t = `${t} ${next}`;
        hit = anchor.test(t);
      }
      if (hit) out.push({ row, col: cols[i] });
    }
  }
  return out;
}

/**
 * The table of a kind an anchor heads, and the tables of that kind to its right on the same header
 * rows whose header has none of the kind's leading columns (they borrow the anchor's labels).
 */
function candidatesAt(index: SheetIndex, definition: TableDefinition, row: number, col: number, order: number, figureSpecs: readonly ColumnSpec[]): (Candidate | 'near')[] {
  const specs = definition.columns;
  const whole = bestBand(index, row, specs);
  if (whole.columns.size === 0) return [];
  const windows = splitSideBySide(index, bandTexts(index, whole.top, whole.bottom), specs, definition.leading, figureSpecs);
  const window = windows.find((w) => col >= w.left && col <= w.right) ?? windows[0];
  const out: (Candidate | 'near')[] = [];
  const own = candidateIn(index, definition, row, windows.length === 1 ? whole : null, window, order, figureSpecs);
  if (own) out.push(own);
  for (const w of windows) {
    if (w.left <= window.left) continue;
    const c = candidateIn(index, definition, row, null, w, order, figureSpecs);
    if (c && c !== 'near' && ![...c.band.columns.keys()].some((k) => definition.leading.has(baseKey(k)))) out.push({ ...c, borrows: true });
  }
  return out;
}

/** The candidate of a kind in one window of a header's rows (`whole`: the band when the window is the whole row). */
function candidateIn(
  index: SheetIndex, definition: TableDefinition, row: number, whole: HeaderBand | null, window: ColumnSpan, order: number, figureSpecs: readonly ColumnSpec[],
): Candidate | 'near' | null {
  const specs = definition.columns;
  let band = whole ?? bestBand(index, row, specs, window);
  if (band.columns.size === 0) return null;
  if (!definition.accepts(band)) return definition.nearMiss?.(band) ? 'near' : null;
  // Another kind's amounts right after this table's are the next table's (a « double-entry » block without gap).
  const foreign = (t: string) => matchesAny(index, figureSpecs, t) && specMask(index, specs, t) === 0;
  let span = tableColumns(bandTexts(index, band.top, band.bottom, window), band, window, foreign);
  const extended = extendBand(index, band, {
    specs,
    span,
    figureColumns: figureColumns(definition, band, span),
    keyColumn: definition.rowKey ? band.columns.get(definition.rowKey)?.col : undefined,
    isRowText: (t) => isRowText(definition, t),
    isFigureText,
  });
  if (extended !== band) {
    band = extended;
    span = tableColumns(bandTexts(index, band.top, band.bottom, window), band, window, foreign);
  }
  const rank = (band.missing.length === 0 && !mostlyUnread(index, definition, band, span, figureSpecs) ? 1000 : 0) + band.columns.size * 10 - (band.bottom - band.top);
  return { definition, band, span, window, rank, order };
}

/**
 * Whether a candidate leaves more amount headers of its span unread (headers other kinds read) than
 * it reads: all its required columns found among another table's headers (a récapitulatif whose
 * header lost columns, read as a prévisionnel from its « Participation État notifiée pour 2025 »
 * and « Budget global ») is not a complete reading.
 */
function mostlyUnread(index: SheetIndex, definition: TableDefinition, band: HeaderBand, span: ColumnSpan, figureSpecs: readonly ColumnSpec[]): boolean {
  const taken = new Set([...band.columns.values()].map((v) => v.col));
  const read = [...band.columns.keys()].filter((k) => definition.figures.has(baseKey(k))).length;
  let unread = 0;
  for (const [col, text] of bandTexts(index, band.top, band.bottom, span)) if (!taken.has(col) && matchesAny(index, figureSpecs, text)) unread++;
  return unread > read;
}

/** Columns under which a header may go on: from the first figure column, all but the label and text columns. */
function figureColumns(definition: TableDefinition, band: HeaderBand, span: ColumnSpan): Set<number> {
  const figures = [...band.columns].filter(([k]) => definition.figures.has(baseKey(k))).map(([, v]) => v.col);
  const others = new Set([...band.columns].filter(([k]) => !definition.figures.has(baseKey(k))).map(([, v]) => v.col));
  const out = new Set<number>();
  if (figures.length === 0) return out;
  for (let c = Math.min(...figures); c <= span.right; c++) if (!others.has(c)) out.add(c);
  return out;
}

function isRowText(definition: TableDefinition, text: string): boolean {
  const p = definition.rows;
  return [p.subtotal, p.total, p.grandTotal, p.end, p.group].some((re) => re?.test(text));
}

/** Text that reads as a figure: an amount ("1 236 000,00 €", "- €") or a quantity with a word unit ("7600 places", "2,20ETP"). */
export function isFigureText(raw: string): boolean {
  if (parseFrenchAmount(raw) !== null) return true;
  const q = parseQuantity(raw);
  return q !== null && /^[\p{L}%.' ]*$/u.test(q.unitText);
}

/**
 * Where two candidates' headers overlap, the better one is kept: all required columns found, then
 * the most columns, then the shorter band; then the upper, the leftmost, the kind listed first.
 */
function arbitrate(candidates: Candidate[]): Candidate[] {
  const sorted = [...candidates].sort((a, b) => b.rank - a.rank || a.band.top - b.band.top || a.span.left - b.span.left || a.order - b.order);
  const chosen: Candidate[] = [];
  for (const c of sorted) {
    if (chosen.some((k) => overlaps(k, c))) continue;
    chosen.push(c);
  }
  return chosen;
}

function overlaps(a: Candidate, b: Candidate): boolean {
  return a.band.top <= b.band.bottom && b.band.top <= a.band.bottom && a.span.left <= b.span.right && b.span.left <= a.span.right;
}

function columnsMeet(a: ColumnSpan, b: ColumnSpan): boolean {
  return a.left <= b.right && b.left <= a.right;
}

/**
 * A table whose header holds figure columns only borrows the label columns (axe, fiche,
 * intitulé…) of the nearest table on its left whose header shares its rows: its rows are that
 * table's rows, named there. Neither claims the other's columns. Without such a table, its header
 * is reported and it is not read.
 */
function lendLabels(index: SheetIndex, chosen: Candidate[]): { chosen: Candidate[]; unlabelled: OrphanTitle[] } {
  const out: Candidate[] = [];
  const unlabelled: OrphanTitle[] = [];
  for (const c of chosen) {
    if (!c.borrows) {
      out.push(c);
      continue;
    }
    const d = c.definition;
    const wanted = (k: string) => d.labels.has(baseKey(k)) || d.leading.has(baseKey(k));
    const lender = chosen
      .filter((o) => !o.borrows && o.span.right < c.window.left && o.band.top <= c.band.bottom && c.band.top <= o.band.bottom)
      .filter((o) => [...o.band.columns.keys()].some((k) => wanted(k) && d.columns.some((s) => s.key === baseKey(k))))
      .sort((a, b) => b.span.right - a.span.right)[0];
    if (!lender) {
      const first = Math.min(...[...c.band.columns.values()].map((v) => v.col));
      unlabelled.push({ family: d.family ?? d.kind, row: c.band.top, col: first, text: String(index.raw(c.band.top, first)?.value ?? [...c.band.columns.values()][0].header), header: true, noLabels: true });
      continue;
    }
    const columns = new Map(c.band.columns);
    const borrowed: number[] = [];
    for (const [k, v] of lender.band.columns) {
      if (!wanted(k) || columns.has(k) || !d.columns.some((s) => s.key === baseKey(k))) continue;
      columns.set(k, v);
      borrowed.push(v.col);
    }
    const lenderFigures = [...lender.band.columns].filter(([k]) => lender.definition.figures.has(baseKey(k))).map(([, v]) => v.col);
    const right = Math.max(...borrowed, Math.min(...lenderFigures, lender.span.right + 1) - 1);
    out.push({ ...c, band: { ...c.band, columns }, borrowedLabels: { left: lender.window.left, right } });
  }
  return { chosen: out, unlabelled };
}

/** Each table's first row (its title, its heading rows) and last row (before the next table in its columns). */
function placeVertically(index: SheetIndex, chosen: Candidate[]): LocatedTable[] {
  const byTop = [...chosen].sort((a, b) => a.band.top - b.band.top || a.span.left - b.span.left);
  const rowsOf = (c: Candidate): ColumnSpan => ({ left: c.window.left, right: c.span.right });
  const starts = byTop.map((c) => {
    const above = byTop.filter((o) => o.band.bottom < c.band.top && columnsMeet(rowsOf(o), rowsOf(c)));
    const floor = Math.max(1, ...above.map((o) => o.band.bottom + 1));
    return startOf(index, c, floor);
  });
  return byTop.map((c, i) => {
    let limit = index.maxRow;
    // A table reading its rows by another's labels ends where that one ends.
    const rowCols = c.borrowedLabels ? [rowsOf(c), c.borrowedLabels] : [rowsOf(c)];
    byTop.forEach((o, j) => {
      if (j !== i && starts[j] > c.band.bottom && rowCols.some((rc) => columnsMeet(rowsOf(o), rc))) limit = Math.min(limit, starts[j] - 1);
    });
    const { definition, band, span, window, borrowedLabels } = c;
    const t: LocatedTable = { definition, band, span, window, start: starts[i], limit, duplicates: duplicateColumns(index, band, definition.columns, span) };
    if (borrowedLabels) t.borrowedLabels = borrowedLabels;
    return t;
  });
}

/** The topmost heading row above a header (title, PLAFOND…), not above the previous table's last total. */
function startOf(index: SheetIndex, c: Candidate, floor: number): number {
  const { definition: d, band } = c;
  let start = band.top;
  if (!d.heading) return start;
  for (let r = band.top - 1; r >= Math.max(floor, band.top - (d.above ?? DEFAULT_ABOVE)); r--) {
    const texts = index.columnsOf(r).filter((col) => col >= c.window.left && col <= c.span.right).map((col) => index.own(r, col));
    if (texts.some((t) => d.rows.grandTotal?.test(t) || d.rows.total?.test(t) || d.rows.subtotal?.test(t))) break;
    if (texts.some((t) => (d.heading as RegExp).test(t))) start = r;
  }
  return start;
}

const DEFAULT_ABOVE = 6;

/** Titles of a family with no table of that family read under them (within `above` rows, in their columns). */
function orphanTitles(index: SheetIndex, definitions: readonly TableDefinition[], tables: LocatedTable[]): OrphanTitle[] {
  const out: OrphanTitle[] = [];
  const families = new Map<string, TableDefinition>();
  const sheetName = normaliseText(index.name);
  const exclusive = definitions.some((d) => d.exclusive && d.sheet?.test(sheetName));
  for (const d of definitions) {
    if (exclusive && !d.exclusive) continue;
    if (d.title && !(d.sheet && !d.sheet.test(sheetName)) && !families.has(d.family ?? d.kind)) families.set(d.family ?? d.kind, d);
  }
  for (const [family, d] of families) {
    const title = d.title as RegExp;
    for (const { row, cols, texts } of index.headerRows()) {
      texts.forEach((t, i) => {
        const col = cols[i];
        if (index.own(row, col) === '' || !title.test(t)) return; // a merged title is read once, on its own cell
        const m = index.mergeAt(row, col);
        const titleSpan = { left: col, right: m ? m.right : col };
        const answered = tables.some(
          (tb) =>
            (tb.definition.family ?? tb.definition.kind) === family &&
            row < tb.band.top &&
            tb.band.top - row <= (tb.definition.above ?? DEFAULT_ABOVE) + 2 &&
            columnsMeet(titleSpan, { left: tb.window.left, right: tb.span.right }),
        );
        if (!answered) out.push({ family, row, col, text: String(index.raw(row, col)?.value ?? '') });
      });
    }
  }
  // A title and its subtitle announce one block: the upper one is reported.
  out.sort((a, b) => a.row - b.row || a.col - b.col);
  return out.filter((o, i) => !out.slice(0, i).some((u) => u.family === o.family && o.row - u.row <= SUBTITLE_GAP && u.col === o.col));
}

/**
 * Headers close to a table of a family that were not read as one, where no table of any kind took
 * their row and no title of the family above already says it: once per row and family.
 */
function unreadHeaders(nearMisses: OrphanTitle[], tables: LocatedTable[], titles: OrphanTitle[]): OrphanTitle[] {
  const out: OrphanTitle[] = [];
  for (const n of nearMisses) {
    if (tables.some((t) => n.row >= t.start && n.row <= t.band.bottom && n.col >= t.window.left && n.col <= t.span.right)) continue;
    if (tables.some((t) => n.row > t.band.bottom && n.row <= t.limit && n.col >= t.window.left && n.col <= t.span.right)) continue;
    if (titles.some((o) => o.family === n.family && o.row < n.row && n.row - o.row <= DEFAULT_ABOVE + 2)) continue;
    if (out.some((o) => o.family === n.family && Math.abs(o.row - n.row) <= MAX_NEAR_GAP)) continue;
    out.push(n);
  }
  return out;
}

/** Anchors of one header (split over rows) lie this close. */
const MAX_NEAR_GAP = 3;

/** Rows between a title and a subtitle of the same block. */
const SUBTITLE_GAP = 3;

/** A list with no header (a Paramètres sheet typed as key / value lines): the whole sheet, walked like a table. */
export function headerlessTable(index: SheetIndex, definition: TableDefinition): LocatedTable {
  const span = { left: 1, right: Math.max(1, index.maxCol) };
  return { definition, band: { top: 0, bottom: 0, columns: new Map(), missing: [], score: 0 }, span, window: span, start: 1, limit: index.maxRow, duplicates: [] };
}
