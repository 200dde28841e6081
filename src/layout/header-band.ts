import type { SheetView } from './sheet-view';

/** One column a table needs, recognised by its header text (normalised: no accents, lower case). */
export interface ColumnSpec {
  key: string;
  match: RegExp;
  exclude?: RegExp;
  required?: boolean;
}

export interface HeaderBand {
  top: number;
  bottom: number;
  /** key → column number and the header text that matched. */
  columns: Map<string, { col: number; header: string }>;
  missing: string[];
  score: number;
}

const MAX_BAND_HEIGHT = 4;

/** Header text of each column over rows top..bottom, merged cells spread over their columns. */
export function bandTexts(view: SheetView, top: number, bottom: number): Map<number, string> {
  return band(view, top, bottom).texts;
}

/**
 * A band's texts and their columns in order (sorted once: every table kind tried asks), with each
 * text's entry in TEXT_MASKS once looked up.
 */
interface Band {
  texts: Map<number, string>;
  cols: number[];
  entries?: number[][];
}

function band(view: SheetView, top: number, bottom: number): Band {
  return view.cached(`band:${top}:${bottom}`, () => computeBand(view, top, bottom));
}

function computeBand(view: SheetView, top: number, bottom: number): Band {
  const texts = new Map<number, string>();
  for (let r = top; r <= bottom; r++) {
    // A header merged across columns ("Montant à reporter en 2025" over Part État / Part CD)
    // belongs to each of them; a header merged down from a row above belongs to its column once.
    for (const { col, text, mergeTop } of view.bandRow(r)) {
      if (mergeTop < r && mergeTop >= top) continue; // already taken on the merge's first row
      if (!text) continue;
      const before = texts.get(col);
      texts.set(col, before === undefined ? text : `${before} ${text}`);
    }
  }
  return { texts, cols: [...texts.keys()].sort((a, b) => a - b) };
}

/** Assigns specs to columns, specs in order (specific before general), each column used once. */
export function matchColumns(texts: Map<number, string>, specs: ColumnSpec[]): HeaderBand['columns'] {
  const memo = specMemo(specs);
  if (memo) return bandColumns(texts, specs, assignColumns(texts, [...texts.keys()].sort((a, b) => a - b), specs, memo));
  const out: HeaderBand['columns'] = new Map();
  const cols = [...texts.keys()].sort((a, b) => a - b);
  const taken = new Set<number>();
  for (const spec of specs) {
    for (const c of cols) {
      if (taken.has(c)) continue;
      const t = texts.get(c) as string;
      if (spec.match.test(t) && !(spec.exclude && spec.exclude.test(t))) {
        out.set(spec.key, { col: c, header: t });
        taken.add(c);
        break;
      }
    }
  }
  return out;
}

/**
 * matchColumns() by the specs' masks: the column given to each spec (undefined: none). Which specs
 * each header text matches is memoised as a bit mask: the same texts come back for every band
 * around an anchor, every table kind tried, and every workbook of a batch. Only the columns
 * matching some spec are candidates, in column order.
 */
function assignColumns(texts: Map<number, string>, cols: number[], specs: ColumnSpec[], memo: SpecMemo, entries?: number[][]): (number | undefined)[] {
  const assigned: (number | undefined)[] = new Array(specs.length);
  const candCols: number[] = [];
  const candMasks: number[] = [];
  let any = 0;
  for (let j = 0; j < cols.length; j++) {
    const text = texts.get(cols[j]) as string;
    const mask = entries && memo.id >= 0 ? maskIn(entries[j], memo, specs, text) : maskOf(memo, specs, text);
    if (mask === 0) continue;
    candCols.push(cols[j]);
    candMasks.push(mask);
    any |= mask;
  }
  for (let i = 0; i < specs.length && any !== 0; i++) {
    const bit = 1 << i;
    if ((any & bit) === 0) continue;
    for (let j = 0; j < candCols.length; j++) {
      if ((candMasks[j] & bit) === 0) continue;
      assigned[i] = candCols[j];
      candMasks[j] = 0; // taken
      break;
    }
  }
  return assigned;
}

/**
 * Each header text's masks for every list of specs (indexed by SpecMemo.id), looked up once per
 * band: the table kinds tried on a band then share one lookup of each of its texts.
 */
const TEXT_MASKS = new Map<string, number[]>();
const TEXT_MASKS_LIMIT = 50_000;
const MAX_SHARED_MEMOS = 64;
let nextMemoId = 0;

function bandEntries(b: Band): number[][] {
  if (!b.entries) {
    b.entries = b.cols.map((c) => {
      const text = b.texts.get(c) as string;
      let entry = TEXT_MASKS.get(text);
      if (!entry) {
        if (TEXT_MASKS.size >= TEXT_MASKS_LIMIT) TEXT_MASKS.clear();
        entry = [];
        TEXT_MASKS.set(text, entry);
      }
      return entry;
    });
  }
  return b.entries;
}

function maskIn(entry: number[], memo: SpecMemo, specs: ColumnSpec[], text: string): number {
  let mask = entry[memo.id];
  if (mask === undefined) {
    mask = computeMask(specs, text);
    entry[memo.id] = mask;
  }
  return mask;
}

function bandColumns(texts: Map<number, string>, specs: ColumnSpec[], assigned: (number | undefined)[]): HeaderBand['columns'] {
  const out: HeaderBand['columns'] = new Map();
  for (let i = 0; i < specs.length; i++) {
    const c = assigned[i];
    if (c !== undefined) out.set(specs[i].key, { col: c, header: texts.get(c) as string });
  }
  return out;
}

/** Masks of header texts (bit i: spec i matches) for one list of specs, valid while the specs are those seen. */
interface SpecMemo {
  patterns: (RegExp | undefined)[];
  keys: string[];
  /** False when the masks cannot be used: too many specs, or a pattern that keeps state. */
  usable: boolean;
  /** No two specs share a key: a band's columns are then one per spec given a column. */
  distinctKeys: boolean;
  /** Index in TEXT_MASKS' entries; -1 past MAX_SHARED_MEMOS lists (then `masks` only). */
  id: number;
  masks: Map<string, number>;
}

const SPEC_MEMOS = new WeakMap<ColumnSpec[], SpecMemo>();
const MASK_MEMO_LIMIT = 20_000;

function specMemo(specs: ColumnSpec[]): SpecMemo | null {
  let memo = SPEC_MEMOS.get(specs);
  if (!memo || !sameSpecs(memo, specs)) {
    const patterns = specs.flatMap((s) => [s.match, s.exclude]);
    const keys = specs.map((s) => s.key);
    // A global or sticky pattern keeps state between tests: its results cannot be memoised.
    const usable = specs.length <= 30 && !patterns.some((p) => p && (p.global || p.sticky));
    const id = usable && nextMemoId < MAX_SHARED_MEMOS ? nextMemoId++ : -1;
    memo = { patterns, keys, usable, distinctKeys: new Set(keys).size === keys.length, id, masks: new Map() };
    SPEC_MEMOS.set(specs, memo);
  }
  return memo.usable ? memo : null;
}

function maskOf(memo: SpecMemo, specs: ColumnSpec[], text: string): number {
  let mask = memo.masks.get(text);
  if (mask === undefined) {
    mask = computeMask(specs, text);
    if (memo.masks.size >= MASK_MEMO_LIMIT) memo.masks.clear();
    memo.masks.set(text, mask);
  }
  return mask;
}

function computeMask(specs: ColumnSpec[], text: string): number {
  let mask = 0;
  for (let i = 0; i < specs.length; i++) {
    const spec = specs[i];
    if (spec.match.test(text) && !(spec.exclude && spec.exclude.test(text))) mask |= 1 << i;
  }
  return mask;
}

function sameSpecs(memo: SpecMemo, specs: ColumnSpec[]): boolean {
  if (memo.keys.length !== specs.length) return false;
  for (let i = 0; i < specs.length; i++) {
    const s = specs[i];
    if (memo.patterns[2 * i] !== s.match || memo.patterns[2 * i + 1] !== s.exclude || memo.keys[i] !== s.key) return false;
  }
  return true;
}

/**
 * Finds the header band (1 to 4 rows) around an anchor row that matches the most columns of a
 * table. Headers may be wrapped inside a cell or over several cells, one under the other.
 */
export function bestBandAround(view: SheetView, anchorRow: number, specs: ColumnSpec[]): HeaderBand | null {
  let best: HeaderBand | null = null;
  const memo = specMemo(specs);
  if (memo?.distinctKeys && Number.isInteger(anchorRow) && anchorRow >= 1) {
    // The anchor row alone giving every spec a column scores 10 per spec, which no other band can
    // reach (one more row costs a point): it is the band the search below would return.
    const b = band(view, anchorRow, anchorRow);
    const assigned = assignColumns(b.texts, b.cols, specs, memo, memo.id >= 0 ? bandEntries(b) : undefined);
    let size = 0;
    for (let i = 0; i < specs.length; i++) if (assigned[i] !== undefined) size++;
    if (size === specs.length) {
      return { top: anchorRow, bottom: anchorRow, columns: bandColumns(b.texts, specs, assigned), missing: [], score: specs.length * 10 };
    }
  }
  for (let top = Math.max(1, anchorRow - MAX_BAND_HEIGHT + 1); top <= anchorRow; top++) {
    for (let bottom = anchorRow; bottom < top + MAX_BAND_HEIGHT; bottom++) {
      const b = band(view, top, bottom);
      const { texts, cols } = b;
      if (memo?.distinctKeys) {
        // The score first; the band's columns and missing keys only for a band that beats the best.
        const assigned = assignColumns(texts, cols, specs, memo, memo.id >= 0 ? bandEntries(b) : undefined);
        let size = 0;
        let missing = 0;
        for (let i = 0; i < specs.length; i++) {
          if (assigned[i] !== undefined) size++;
          else if (specs[i].required) missing++;
        }
        const score = size * 10 - missing * 100 - (bottom - top);
        if (best && score <= best.score) continue;
        const keys = specs.filter((s, i) => s.required && assigned[i] === undefined).map((s) => s.key);
        best = { top, bottom, columns: bandColumns(texts, specs, assigned), missing: keys, score };
        continue;
      }
      const columns = matchColumns(texts, specs);
      const missing = specs.filter((s) => s.required && !columns.has(s.key)).map((s) => s.key);
      const score = columns.size * 10 - missing.length * 100 - (bottom - top);
      if (!best || score > best.score) best = { top, bottom, columns, missing, score };
    }
  }
  return best;
}

/** Rows (sorted) where some cell's normalised text matches the anchor. */
export function anchorRows(view: SheetView, anchor: RegExp): number[] {
  const rows: number[] = [];
  if (!anchor.global && !anchor.sticky && !anchor.test('')) {
    // Blank cells cannot match: the sheet's index of texts is enough (built once for every reader).
    for (const { row, texts } of view.textRows()) {
      for (const t of texts) {
        if (anchor.test(t)) {
          rows.push(row);
          break;
        }
      }
    }
    return rows;
  }
  for (const r of view.rowNumbers()) {
    for (const c of view.columnsOf(r)) {
      if (anchor.test(view.norm(r, c))) {
        rows.push(r);
        break;
      }
    }
  }
  return rows;
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
export function duplicateColumns(view: SheetView, band: HeaderBand, specs: ColumnSpec[]): DuplicateColumn[] {
  const texts = bandTexts(view, band.top, band.bottom);
  const taken = new Set([...band.columns.values()].map((v) => v.col));
  const out: DuplicateColumn[] = [];
  for (const [key, first] of band.columns) {
    const spec = specs.find((s) => s.key === key);
    if (!spec) continue;
    for (const [col, header] of texts) {
      if (taken.has(col) || !spec.match.test(header) || spec.exclude?.test(header)) continue;
      if (header === first.header && sharesMerge(view, band, col, first.col)) continue;
      taken.add(col);
      out.push({ key, col, firstCol: first.col, header });
    }
  }
  return out.sort((a, b) => a.col - b.col);
}

function sharesMerge(view: SheetView, band: HeaderBand, a: number, b: number): boolean {
  return view.sheet.merges.some((m) => m.top <= band.bottom && m.bottom >= band.top && m.left <= Math.min(a, b) && m.right >= Math.max(a, b));
}
