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
  return view.cached(`band:${top}:${bottom}`, () => computeBandTexts(view, top, bottom));
}

function computeBandTexts(view: SheetView, top: number, bottom: number): Map<number, string> {
  const texts = new Map<number, string[]>();
  for (let r = top; r <= bottom; r++) {
    const seen = new Set<number>();
    const cols = new Set<number>(view.columnsOf(r));
    // A header merged across columns ("Montant à reporter en 2025" over Part État / Part CD)
    // belongs to each of them; a header merged down from a row above belongs to its column once.
    for (const m of view.mergesOnRow(r)) for (let c = m.left; c <= m.right; c++) cols.add(c);
    for (const c of [...cols].sort((a, b) => a - b)) {
      const m = view.mergeAt(r, c);
      if (m && m.top < r && m.top >= top) continue; // already taken on the merge's first row
      const t = view.norm(r, c);
      if (!t || seen.has(c)) continue;
      seen.add(c);
      const list = texts.get(c) ?? [];
      list.push(t);
      texts.set(c, list);
    }
  }
  const out = new Map<number, string>();
  for (const [c, parts] of texts) out.set(c, parts.join(' '));
  return out;
}

/** Assigns specs to columns, specs in order (specific before general), each column used once. */
export function matchColumns(texts: Map<number, string>, specs: ColumnSpec[]): HeaderBand['columns'] {
  const taken = new Set<number>();
  const out: HeaderBand['columns'] = new Map();
  const cols = [...texts.keys()].sort((a, b) => a - b);
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
 * Finds the header band (1 to 4 rows) around an anchor row that matches the most columns of a
 * table. Headers may be wrapped inside a cell or over several cells, one under the other.
 */
export function bestBandAround(view: SheetView, anchorRow: number, specs: ColumnSpec[]): HeaderBand | null {
  let best: HeaderBand | null = null;
  for (let top = Math.max(1, anchorRow - MAX_BAND_HEIGHT + 1); top <= anchorRow; top++) {
    for (let bottom = anchorRow; bottom < top + MAX_BAND_HEIGHT; bottom++) {
      const columns = matchColumns(bandTexts(view, top, bottom), specs);
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
