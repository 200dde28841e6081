/**
 * The add-in's undo stack, kept in the workbook itself (a very hidden sheet, « _annexes_annulation »):
 * it survives closing the pane, travels with the file, and a controller opening it cannot see it.
 * Cell A1 holds the index (one entry per write, oldest first); each write's record is JSON cut into
 * pieces under Excel's 32 767-character cell limit, down its own column. Sheets are named by
 * Worksheet.id, never by name: the user may rename them between the write and its undo.
 */
import type { ChartSpec } from '../../layout/report/report-plan';
import type { LookSnapshot } from './look-snapshot';

/** Cells as Office.js gave them: an A1 area of its sheet and the four parallel arrays. */
export interface CellsState {
  address: string;
  formulas: unknown[][];
  values: unknown[][];
  valueTypes: string[][];
  numberFormat: unknown[][];
}

/** Cells a write overwrote in a sheet it kept (not created, not rewritten). */
export interface AreaRecord {
  sheetId: string;
  /** The sheet's name at the time of the write, for messages. */
  sheet: string;
  before: CellsState;
  /** The inputs written (one row), to check a write that stopped before its read-back. */
  written: unknown[][];
  /** What Excel shows after the write (read back), as comparison keys: what undo expects to find. */
  after?: string[][];
}

/** A hidden defined name on the written cells of a kept sheet: it moves if lines are inserted. */
export interface SheetGuard {
  sheetId: string;
  name: string;
  /** The area the name covered right after the write ("F12:H40"). */
  address: string;
}

export interface ToolChart {
  name: string;
  spec: ChartSpec;
}

/** What a tool-owned sheet held before the add-in rewrote it in place. */
export interface SheetContent {
  used: CellsState | null;
  merges: string[];
  /** Column number → width in points (null: the sheet's standard width), for the columns the write sets. */
  widths: Record<string, number | null>;
  frozenRows: number;
  /** The add-in's charts on the sheet (re-added from their spec on undo). */
  charts: ToolChart[];
  /**
   * The sheet's protection options when it was protected (the tool's own template protects its
   * sheets): the add-in lifted it to rewrite the sheet and put it back after, as undo does.
   */
  protection?: Record<string, boolean> | null;
  /** A styled rewrite (a statement, the bilan, the report): the cells' formats, row heights and print setup it replaced. */
  look?: LookSnapshot;
}

/** A sheet's cells after a write, as comparison keys (write-guards.ts): read back, or the inputs sent. */
export interface SheetAfter {
  address: string | null;
  keys: string[][];
}

export interface RewrittenSheet {
  sheetId: string;
  name: string;
  before: SheetContent;
  after?: SheetAfter;
}

export interface CreatedSheet {
  /** Known once the write has finished; a write cut short finds its sheets by name. */
  sheetId?: string;
  name: string;
  after?: SheetAfter;
}

export interface UndoRecord {
  version: 2;
  id: number;
  description: string;
  writtenAt: string;
  /** Cells the plan wrote per sheet name, as inputs, for sheets the write creates or rewrites. */
  plannedCells: Record<string, { address: string; inputs: unknown[][] }[]>;
  areas: AreaRecord[];
  guards: SheetGuard[];
  rewritten: RewrittenSheet[];
  created: CreatedSheet[];
  /** Names of the charts this write added (on created or rewritten sheets). */
  chartsAdded: { sheet: string; name: string; spec: ChartSpec }[];
  /** Sheets visible at the time of the write: one is shown again if undo would leave none. */
  visibleSheetIds: string[];
}

export interface StackEntry {
  id: number;
  /** Column of the undo sheet holding the record (2 = B…). */
  col: number;
  description: string;
  writtenAt: string;
  chunks: number;
  /** False while the write runs, and for ever if it stopped part-way. */
  complete: boolean;
  /** Defined names the write added (removed with the entry). */
  names: string[];
}

export interface StackIndex {
  version: 2;
  nextId: number;
  entries: StackEntry[];
  /** The add-in's charts now in the workbook, per sheet id (so a rewrite can give them back). */
  charts: Record<string, ToolChart[]>;
}

export const UNDO_CHUNK_CHARS = 30000;
/** Writes kept for undo; the oldest is forgotten beyond (the pane says so). */
export const UNDO_DEPTH = 20;

export function emptyIndex(): StackIndex {
  return { version: 2, nextId: 1, entries: [], charts: {} };
}

export function encodeChunks(value: unknown): string[] {
  const json = JSON.stringify(value);
  const chunks: string[] = [];
  for (let i = 0; i < json.length; i += UNDO_CHUNK_CHARS) chunks.push(json.slice(i, i + UNDO_CHUNK_CHARS));
  return chunks;
}

function parse(json: string): unknown {
  if (json === '') return null;
  try {
    return JSON.parse(json);
  } catch {
    return null;
  }
}

/** The record from its column's values; null when absent or unreadable (never a partial restore). */
export function decodeRecord(values: unknown[][]): UndoRecord | null {
  const r = parse(values.map((line) => (typeof line[0] === 'string' ? line[0] : '')).join('')) as UndoRecord | null;
  if (!r || r.version !== 2 || !Array.isArray(r.areas) || !Array.isArray(r.created) || !Array.isArray(r.rewritten) || !Array.isArray(r.guards)) return null;
  return r;
}

/**
 * The index from cell A1. `legacy` when A1 holds something else (the one-level undo data of earlier
 * versions): that sheet is left alone, under another name, and a new stack starts.
 */
export function decodeIndex(a1: unknown): StackIndex | 'legacy' {
  if (a1 === '' || a1 === null || a1 === undefined) return emptyIndex();
  const r = parse(typeof a1 === 'string' ? a1 : '') as StackIndex | null;
  if (!r || r.version !== 2 || !Array.isArray(r.entries)) return 'legacy';
  return { ...r, charts: r.charts ?? {} };
}
