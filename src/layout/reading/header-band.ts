import type { SheetIndex } from './sheet-index';

/**
 * Header bands: the 1 to 4 rows of header text over a table, however they were typed — one cell
 * per column, text wrapped inside a cell, split over several cells one under the other, merged over
 * rows or over columns, with a row of column letters (A, B, C, F…) above, below or between them.
 */

/** One column a table needs, recognised by its header text (normalised: no accents, lower case). */
export interface ColumnSpec {
  key: string;
  match: RegExp;
  exclude?: RegExp;
  required?: boolean;
  /**
   * Takes every column it matches, not only the first: each is keyed "<key>:<the pattern's first
   * capture>" ("target:2024", "target:2025"); a second column with the same capture is not read.
   */
  repeat?: boolean;
}

/** Columns side by side, both ends included. */
export interface ColumnSpan {
  left: number;
  right: number;
}

export interface HeaderBand {
  top: number;
  bottom: number;
  /** key → column number and the header text that matched. */
  columns: Map<string, { col: number; header: string }>;
  /** Required keys without a column. */
  missing: string[];
  score: number;
}

/** Header text rows a band may hold (rows of column letters come on top). */
export const MAX_BAND_ROWS = 4;

const WHOLE_ROW: ColumnSpan = { left: 1, right: Number.MAX_SAFE_INTEGER };

/**
 * Header text of each column over rows top..bottom within `span`: the texts of the rows joined
 * with a space, rows of column letters left out. A header merged across columns ("Montant à
 * reporter en 2025" over Part État and Part CD) belongs to each of them; a header merged down from
 * a row above belongs to its column once.
 */
export function bandTexts(index: SheetIndex, top: number, bottom: number, span: ColumnSpan = WHOLE_ROW): Map<number, string> {
  return index.memo(`band:${top}:${bottom}:${span.left}:${span.right}`, () => {
    const texts = new Map<number, string>();
    for (let r = top; r <= bottom; r++) {
      if (index.isLettersRow(r)) continue;
      for (const { col, text, mergeTop } of index.bandRow(r)) {
        if (col < span.left || col > span.right) continue;
        if (mergeTop < r && mergeTop >= top) continue; // already taken on the merge's first row
        if (!text) continue;
        const before = texts.get(col);
        texts.set(col, before === undefined ? text : `${before} ${text}`);
      }
    }
    return texts;
  });
}

/**
 * Which specs a header text matches, as a bit mask (bit i: spec i), memoised: the same texts come
 * back for every band tried around an anchor, every table kind tried and every workbook.
 */
export function specMask(_index: SheetIndex, specs: readonly ColumnSpec[], text: string): number {
  const masks = textMemo(MASKS, specs);
  let mask = masks.get(text);
  if (mask === undefined) {
    mask = 0;
    for (let i = 0; i < specs.length && i < 31; i++) {
      const spec = specs[i];
      if (test(spec.match, text) && !(spec.exclude && test(spec.exclude, text))) mask |= 1 << i;
    }
    masks.set(text, mask);
  }
  return mask;
}

/** Whether a header text matches any of a list of specs (however long), memoised like specMask. */
export function matchesAny(_index: SheetIndex, specs: readonly ColumnSpec[], text: string): boolean {
  const known = textMemo(HITS, specs);
  let hit = known.get(text);
  if (hit === undefined) {
    hit = specs.some((s) => test(s.match, text) && !(s.exclude && test(s.exclude, text)));
    known.set(text, hit);
  }
  return hit;
}

/**
 * What a list of specs (a definition's, a module constant) says of a header text does not depend on
 * the sheet: kept per list, across sheets and workbooks (a batch meets the same headers in every
 * file), each memo bounded.
 */
const MASKS = new WeakMap<readonly ColumnSpec[], Map<string, number>>();
const HITS = new WeakMap<readonly ColumnSpec[], Map<string, boolean>>();
const MAX_MEMO_TEXTS = 20_000;

function textMemo<T>(memos: WeakMap<readonly ColumnSpec[], Map<string, T>>, specs: readonly ColumnSpec[]): Map<string, T> {
  let m = memos.get(specs);
  if (!m) {
    m = new Map();
    memos.set(specs, m);
  } else if (m.size >= MAX_MEMO_TEXTS) m.clear();
  return m;
}

/** RegExp.test without the state a global or sticky pattern would keep between calls. */
function test(re: RegExp, text: string): boolean {
  if (re.global || re.sticky) re.lastIndex = 0;
  return re.test(text);
}

/** Assigns specs to columns, specs in order (specific before general), each taking the leftmost free column it matches. */
export function matchColumns(index: SheetIndex, texts: Map<number, string>, specs: readonly ColumnSpec[]): HeaderBand['columns'] {
  const cols = [...texts.keys()].sort((a, b) => a - b);
  const masks = cols.map((c) => specMask(index, specs, texts.get(c) as string));
  const out: HeaderBand['columns'] = new Map();
  for (let i = 0; i < specs.length; i++) {
    const bit = 1 << i;
    const spec = specs[i];
    for (let j = 0; j < cols.length; j++) {
      if ((masks[j] & bit) === 0) continue;
      const header = texts.get(cols[j]) as string;
      const key = spec.repeat ? `${spec.key}:${spec.match.exec(header)?.[1] ?? cols[j]}` : spec.key;
      if (!out.has(key)) out.set(key, { col: cols[j], header });
      masks[j] = 0; // taken
      if (!spec.repeat) break;
    }
  }
  return out;
}

/** Whether a spec has its column(s) in a band's columns. */
export function hasSpec(columns: HeaderBand['columns'], spec: ColumnSpec): boolean {
  if (!spec.repeat) return columns.has(spec.key);
  for (const key of columns.keys()) if (key.startsWith(`${spec.key}:`)) return true;
  return false;
}

function scoreBand(index: SheetIndex, top: number, bottom: number, specs: readonly ColumnSpec[], span: ColumnSpan): HeaderBand {
  const columns = matchColumns(index, bandTexts(index, top, bottom, span), specs);
  const missing = specs.filter((s) => s.required && !hasSpec(columns, s)).map((s) => s.key);
  return { top, bottom, columns, missing, score: columns.size * 10 - missing.length * 100 - (bottom - top) };
}

/**
 * The header band (1 to 4 rows of text, and rows of letters among them) around an anchor row that
 * matches the most columns of a table within `span`; the shortest of equally good bands.
 */
export function bestBand(index: SheetIndex, anchorRow: number, specs: readonly ColumnSpec[], span: ColumnSpan = WHOLE_ROW): HeaderBand {
  // Kept for the sheet: two anchors on one header row (« Fiche action », « Intitulé de l'action ») ask for the same band.
  const bySpecs = index.memo(BEST_BANDS, () => new Map<readonly ColumnSpec[], Map<string, HeaderBand>>());
  let known = bySpecs.get(specs);
  if (!known) bySpecs.set(specs, (known = new Map()));
  const key = `${anchorRow}:${span.left}:${span.right}`;
  let band = known.get(key);
  if (!band) known.set(key, (band = searchBand(index, anchorRow, specs, span)));
  return band;
}

const BEST_BANDS = Symbol('best bands');

function searchBand(index: SheetIndex, anchorRow: number, specs: readonly ColumnSpec[], span: ColumnSpan): HeaderBand {
  // The anchor row alone giving every spec a column: no other band can beat it.
  const alone = scoreBand(index, anchorRow, anchorRow, specs, span);
  if (specs.every((s) => !s.repeat && alone.columns.has(s.key))) return alone;
  let best = alone;
  // Upper rows first: of two bands as good, the one reaching up wins (a title is above, data below).
  let minTop = anchorRow;
  while (minTop > 1 && anchorRow - minTop + 1 < MAX_BAND_ROWS + 2 && textRows(index, minTop - 1, anchorRow) <= MAX_BAND_ROWS) minTop--;
  for (let top = minTop; top <= anchorRow; top++) {
    for (let bottom = anchorRow; bottom <= Math.max(anchorRow, index.maxRow) && bottom - top < MAX_BAND_ROWS + 2 && textRows(index, top, bottom) <= MAX_BAND_ROWS; bottom++) {
      if (top === anchorRow && bottom === anchorRow) continue;
      const band = scoreBand(index, top, bottom, specs, span);
      if (band.score > best.score || (band.score === best.score && top < best.top)) best = band;
    }
  }
  return best;
}

/** Rows of a band that are not rows of letters. */
function textRows(index: SheetIndex, top: number, bottom: number): number {
  let n = 0;
  for (let r = top; r <= bottom; r++) if (!index.isLettersRow(r)) n++;
  return n;
}

/** What extendBand needs to know of the table under the band. */
export interface BandContinuation {
  specs: readonly ColumnSpec[];
  span: ColumnSpan;
  /** Columns under which a header keeps going (figure columns): a label column's text under the band is a note or a label. */
  figureColumns: ReadonlySet<number>;
  /** The column of the row key (fiche, FA): a row holding one is data. */
  keyColumn?: number;
  /** A text that makes the row a table row (sous-total, total, next title…), never a header line. */
  isRowText(text: string): boolean;
  /** A text that reads as a figure (amount, quantity): data, never a header line. */
  isFigureText(text: string): boolean;
}

/**
 * Extends a band down over what is still header: a row of letters; a header cell merged down
 * below the band; a line that continues the header texts ("pour la convention 2024", "(ETP et
 * volumes financiers)") although no column needed it to be recognised — text only, under a figure
 * column, nothing that reads as a figure or as a table row. The columns are matched again on the
 * whole band, so that a header's last line (its year) is part of it.
 */
export function extendBand(index: SheetIndex, band: HeaderBand, c: BandContinuation): HeaderBand {
  let bottom = band.bottom;
  for (const { col } of band.columns.values()) {
    for (let r = band.top; r <= band.bottom; r++) {
      const m = index.mergeAt(r, col);
      if (m && m.bottom > bottom && m.bottom - band.top < MAX_BAND_ROWS + 2) bottom = m.bottom;
    }
  }
  for (let r = bottom + 1; textRows(index, band.top, r) <= MAX_BAND_ROWS; r++) {
    if (index.isLettersRow(r) || isContinuation(index, r, c)) bottom = r;
    else break;
  }
  if (bottom === band.bottom) return band;
  const extended = scoreBand(index, band.top, bottom, c.specs, c.span);
  // The lines added must not lose a column (a stray text joined to a header).
  return extended.columns.size >= band.columns.size ? extended : { ...band, bottom };
}

function isContinuation(index: SheetIndex, row: number, c: BandContinuation): boolean {
  let underFigure = false;
  for (const col of index.columnsOf(row)) {
    if (col < c.span.left || col > c.span.right) continue;
    const cell = index.raw(row, col);
    const v = cell?.value ?? null;
    if (!cell || (v === null && cell.formula === undefined && cell.error === undefined) || (typeof v === 'string' && v.trim() === '')) continue;
    if (cell.formula !== undefined || cell.error !== undefined || col === c.keyColumn) return false;
    // A year alone on a header's last line ("Crédits CD affectés pour la convention" / 2024) is header; any other number is data.
    if (typeof v === 'number') {
      if (!isYear(String(v))) return false;
    } else if (typeof v === 'string') {
      if (c.isRowText(index.own(row, col)) || (c.isFigureText(v) && !isYear(v.trim()))) return false;
    } else {
      return false;
    }
    if (c.figureColumns.has(col)) underFigure = true;
  }
  return underFigure;
}

/** A year of the conventions' time ("2024"), as a header says it. */
function isYear(s: string): boolean {
  return /^(19|20)\d\d$/.test(s);
}

/** Figure columns of other kinds before this kind's first one that make them another table's, not stray columns of this one. */
const MIN_FOREIGN_FIGURES = 2;

/**
 * The tables a header band holds side by side. Each starts with its leading columns (fiche,
 * intitulé…), so a leading column met after a figure column — of this kind or of any other
 * (`figureSpecs`: the prévisionnel's « Budget global » before the exécution's « Axes ») — starts the
 * next table. A table whose leading column has no header (the fiches' years) shows itself by a
 * column of this kind met again after a blank column: the next table starts after the blank. A
 * table whose header has no leading column at all (its rows named by the labels of the table on its
 * left, a « double-entry » layout) shows itself by its first figure column met after figure columns
 * of other kinds only: it starts there (after the blank column, if any) — see `locateTables` for the
 * labels it borrows. A header typed twice next to itself is one table with a duplicate column. Other
 * columns belong to the table on their left.
 */
export function splitSideBySide(
  index: SheetIndex,
  texts: Map<number, string>,
  specs: readonly ColumnSpec[],
  leading: ReadonlySet<string>,
  figureSpecs: readonly ColumnSpec[],
): ColumnSpan[] {
  const spans: ColumnSpan[] = [];
  let left = 1;
  let sawFigure = false;
  let seen = new Set<string>();
  let lastText = 0;
  // Figure columns of other kinds only, since the span's start: another table's amounts.
  let foreign = 0;
  let ownFigure = false;
  const startAt = (col: number) => {
    spans.push({ left, right: col - 1 });
    left = col;
    sawFigure = false;
    seen = new Set();
    foreign = 0;
    ownFigure = false;
  };
  for (const col of [...texts.keys()].sort((a, b) => a - b)) {
    const text = texts.get(col) as string;
    const mask = specMask(index, specs, text);
    const key = mask !== 0 ? specs[31 - Math.clz32(mask & -mask)].key : undefined;
    const figure = matchesAny(index, figureSpecs, text);
    if (key !== undefined && leading.has(key)) {
      if (sawFigure) startAt(col);
    } else if (key !== undefined && seen.has(key) && col - lastText > 1) {
      startAt(lastText + 1);
      sawFigure = true;
    } else if (key !== undefined && figure && !ownFigure && foreign >= MIN_FOREIGN_FIGURES) {
      // This kind's amounts after another kind's only: a block whose header has no label column,
      // right of the block whose labels name its rows.
      startAt(col - lastText > 1 ? lastText + 1 : col);
      sawFigure = true;
    } else if (figure) {
      sawFigure = true;
    }
    if (figure && key === undefined) foreign++;
    else if (figure && !leading.has(key as string)) ownFigure = true;
    if (key !== undefined) seen.add(key);
    lastText = col;
  }
  spans.push({ left, right: Number.MAX_SAFE_INTEGER });
  return spans;
}

/**
 * A table's own columns in its span: from its leftmost to its rightmost matched column, then on
 * over neighbouring columns that have header text (a column no spec names is still the table's),
 * up to one that is another kind's figure column (`foreign`: the amounts of the table beside it).
 */
export function tableColumns(texts: Map<number, string>, band: HeaderBand, span: ColumnSpan, foreign: (text: string) => boolean = () => false): ColumnSpan {
  const matched = [...band.columns.values()].map((v) => v.col);
  let left = Math.min(...matched);
  let right = Math.max(...matched);
  while (left - 1 >= span.left && texts.has(left - 1)) left--;
  while (right + 1 <= span.right && texts.has(right + 1) && !foreign(texts.get(right + 1) as string)) right++;
  return { left, right };
}

/** A column whose header repeats one already read: only the first (`firstCol`) is read. */
export interface DuplicateColumn {
  key: string;
  col: number;
  firstCol: number;
  header: string;
}

/**
 * Columns of a band whose header matches a spec already given to another column ("Participation
 * État notifiée" typed twice): the readers use the first one, and STRUCT-DUPLICATE says the other
 * is not read. A header merged over several columns (the national model's two-level "Nature de
 * dépenses") is one header, not a duplicate.
 */
export function duplicateColumns(index: SheetIndex, band: HeaderBand, specs: readonly ColumnSpec[], span: ColumnSpan): DuplicateColumn[] {
  const texts = bandTexts(index, band.top, band.bottom, span);
  const taken = new Set([...band.columns.values()].map((v) => v.col));
  const out: DuplicateColumn[] = [];
  for (const [key, first] of band.columns) {
    const spec = specs.find((s) => s.key === key);
    if (!spec) continue;
    for (const [col, header] of texts) {
      if (taken.has(col) || !test(spec.match, header) || (spec.exclude && test(spec.exclude, header))) continue;
      if (header === first.header && sharesMerge(index, band, col, first.col)) continue;
      taken.add(col);
      out.push({ key, col, firstCol: first.col, header });
    }
  }
  return out.sort((a, b) => a.col - b.col);
}

function sharesMerge(index: SheetIndex, band: HeaderBand, a: number, b: number): boolean {
  return index.sheet.merges.some((m) => m.top <= band.bottom && m.bottom >= band.top && m.left <= Math.min(a, b) && m.right >= Math.max(a, b));
}
