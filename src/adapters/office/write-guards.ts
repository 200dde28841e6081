/// <reference types="office-js" />
/**
 * What is checked before the add-in touches the workbook, so that a write or an undo is refused
 * whole, with the cells named, rather than failing half-way:
 * - protection: a protected sheet refuses values in locked cells and, unless the user allowed it,
 *   any formatting (Excel answers AccessDenied);
 * - before an undo: the cells still hold what the write left (the user typed nothing there since),
 *   the written area has not moved (no line inserted or deleted above or inside it), and a sheet
 *   undo would delete is not used by a formula or a defined name elsewhere.
 */
import { type CellRange, cellAddress } from '../../layout/grid';
import { refersToSheet } from './formula-refs';
import { areaAddress, parseArea } from './office-address';
import { WorkbookActionError } from './office-errors';

export interface SheetProtection {
  protected: boolean;
  allowFormatCells: boolean;
}

export function loadProtection(ws: Excel.Worksheet): () => SheetProtection {
  ws.protection.load('protected,options');
  return () => ({ protected: ws.protection.protected, allowFormatCells: ws.protection.protected ? !!ws.protection.options.allowFormatCells : true });
}

/** Queues the lock state of an area; true/false, or null when it mixes both. */
export function loadLocked(ws: Excel.Worksheet, area: CellRange): () => boolean | null {
  const range = ws.getRange(areaAddress(area));
  range.format.protection.load('locked');
  return () => range.format.protection.locked;
}

export interface ProtectionProblem {
  sheet: string;
  /** Locked cells the action would write into (A1 areas). */
  lockedCells: string[];
  /** The action changes formats (number formats, merges, widths) the protection forbids. */
  formats: boolean;
}

const UNPROTECT = 'Ôtez la protection (onglet Révision › Ôter la protection de la feuille), puis recommencez.';

export function protectionError(problems: ProtectionProblem[], nothing: string): WorkbookActionError {
  const lines = problems.map((p) => {
    const cells = p.lockedCells.length ? ` ; cellules verrouillées : ${listCells(p.lockedCells)}` : '';
    const formats = p.formats ? ' ; la protection n’autorise pas la mise en forme des cellules' : '';
    return `feuille « ${p.sheet} » protégée${cells}${formats}`;
  });
  return new WorkbookActionError(`${capitalise(lines.join(' ; '))}. ${UNPROTECT} ${nothing}`);
}

/** "F18, F19, G20 et 12 autres". */
export function listCells(cells: string[], max = 10): string {
  const shown = cells.slice(0, max).join(', ');
  const more = cells.length - max;
  return more > 0 ? `${shown} et ${more} ${more > 1 ? 'autres' : 'autre'}` : shown;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/**
 * One cell's content as comparable text: a written input ("'texte", "=A1+B1", 12) and what Excel
 * reads back (texte, "=A1+B1", 12) give the same key. Formulas compare without case or spaces
 * outside strings: Excel may tidy what it was given.
 */
export function contentKey(x: unknown, isInput = false): string {
  if (x === null || x === undefined || x === '') return '';
  if (typeof x === 'number') return `n:${x}`;
  if (typeof x === 'boolean') return `b:${x}`;
  let s = String(x);
  if (isInput && s.startsWith("'")) return `s:${s.slice(1)}`;
  if (s.startsWith('=') && s.length > 1) {
    // Odd pieces are string literals, kept as typed.
    const pieces = s.split(/("(?:[^"]|"")*")/);
    return `f:${pieces.map((p, i) => (i % 2 === 1 ? p : p.replace(/\s+/g, '').toUpperCase())).join('')}`;
  }
  return `s:${s}`;
}

/**
 * The cells of `current` (read at `origin`) that hold neither what was there before nor what the
 * write left: the user changed them. `after` may be the inputs sent (`afterIsInput`) when the write
 * stopped before reading them back.
 */
export function changedCells(origin: { top: number; left: number }, current: unknown[][], before: unknown[][] | null, after: unknown[][] | null, afterIsInput: boolean): string[] {
  const out: string[] = [];
  current.forEach((line, i) => {
    line.forEach((v, j) => {
      const now = contentKey(v);
      const was = before ? contentKey(before[i]?.[j]) : '';
      const left = after ? contentKey(after[i]?.[j], afterIsInput) : '';
      if (now !== was && now !== left) out.push(cellAddress(origin.top + i, origin.left + j));
    });
  });
  return out;
}

export function areaOf(address: string): CellRange {
  const a = parseArea(address);
  if (!a) throw new WorkbookActionError(`Adresse illisible dans les données d’annulation : « ${address} ».`);
  return a;
}

/** Formulas (of other sheets' cells, or of defined names) that point at `sheet`. */
export function referencesTo(sheet: string, formulas: { where: string; formula: unknown }[]): string[] {
  return formulas.filter((f) => typeof f.formula === 'string' && f.formula.startsWith('=') && refersToSheet(f.formula.slice(1), sheet)).map((f) => f.where);
}
