/**
 * What "Annuler la dernière écriture" needs, saved before each write in a very hidden sheet of the
 * workbook itself: it survives closing the pane, and a controller opening the file cannot see it.
 * The record is JSON cut into pieces under Excel's 32 767-character cell limit, one per row of
 * column A.
 */
export interface SavedArea {
  sheet: string;
  /** A1 area without sheet, e.g. "F18:H18". */
  address: string;
  /** As loaded before the write: formulas (constants for plain cells), values, value types, formats. */
  formulas: unknown[][];
  values: unknown[][];
  valueTypes: string[][];
  numberFormat: unknown[][];
}

export interface ReplacedSheet {
  name: string;
  /** Name the old sheet was kept under (very hidden) while the new one took its place. */
  backup: string;
  position: number;
  visibility: string;
}

export interface UndoRecord {
  version: 1;
  /** The plan's French description ("Remplir les volets 1/2/3"). */
  description: string;
  writtenAt: string;
  createdSheets: string[];
  replacedSheets: ReplacedSheet[];
  areas: SavedArea[];
}

export const UNDO_CHUNK_CHARS = 30000;

export function encodeUndo(record: UndoRecord): string[] {
  const json = JSON.stringify(record);
  const chunks: string[] = [];
  for (let i = 0; i < json.length; i += UNDO_CHUNK_CHARS) chunks.push(json.slice(i, i + UNDO_CHUNK_CHARS));
  return chunks;
}

/** The record from column A's values; null when absent or unreadable (never a partial restore). */
export function decodeUndo(values: unknown[][]): UndoRecord | null {
  const json = values.map((line) => (typeof line[0] === 'string' ? line[0] : '')).join('');
  if (json === '') return null;
  try {
    const r = JSON.parse(json) as UndoRecord;
    if (r.version !== 1 || !Array.isArray(r.areas) || !Array.isArray(r.createdSheets) || !Array.isArray(r.replacedSheets)) return null;
    return r;
  } catch {
    return null;
  }
}
