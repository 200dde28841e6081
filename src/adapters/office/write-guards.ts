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
  /** WorksheetProtectionOptions as read, to protect the sheet again the same way. */
  options: Record<string, boolean>;
}

/** Worksheet items loaded with this know whether they are protected (one round trip for all). */
export const PROTECTED_ITEM_PROPS = 'items/protection/protected';

/** The options of a sheet known to be protected (queued); an unprotected sheet allows everything. */
export function loadProtection(ws: Excel.Worksheet): () => SheetProtection {
  if (!ws.protection.protected) return () => ({ protected: false, allowFormatCells: true, options: {} });
  ws.protection.load('options');
  return () => ({ protected: true, allowFormatCells: !!ws.protection.options.allowFormatCells, options: { ...(ws.protection.options as Record<string, boolean>) } });
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
 * One cell's content as comparable text, the same whether it comes from a cell read back
 * (formula and value: a text "=A1" reads "=A1" in both, a formula never equals its own result) or
 * from an input written ("'texte", "=A1+B1", 12). Formulas compare without case or spaces outside
 * strings: Excel may tidy what it was given.
 */
export function cellKey(formula: unknown, value: unknown): string {
  if (typeof formula === 'string' && formula.startsWith('=') && formula.length > 1 && formula !== value) return formulaKey(formula);
  return constantKey(formula);
}

export function inputKey(input: unknown): string {
  if (typeof input === 'string' && input.startsWith("'")) return `s:${input.slice(1)}`;
  if (typeof input === 'string' && input.startsWith('=') && input.length > 1) return formulaKey(input);
  return constantKey(input);
}

function constantKey(x: unknown): string {
  if (x === null || x === undefined || x === '') return '';
  if (typeof x === 'number') return `n:${x}`;
  if (typeof x === 'boolean') return `b:${x}`;
  return `s:${String(x)}`;
}

function formulaKey(f: string): string {
  // Odd pieces are string literals, kept as typed.
  const pieces = f.split(/("(?:[^"]|"")*")/);
  return `f:${pieces.map((p, i) => (i % 2 === 1 ? p : p.replace(/\s+/g, '').toUpperCase())).join('')}`;
}

/** Keys of a block read back (formulas and values side by side). */
export function keysOf(formulas: unknown[][], values: unknown[][]): string[][] {
  return formulas.map((line, i) => line.map((f, j) => cellKey(f, values[i]?.[j])));
}

/** The cells (A1, from `origin`) whose key is neither the one before the write nor the one it left. */
export function changedCells(origin: { top: number; left: number }, now: string[][], before: string[][] | null, after: string[][] | null): string[] {
  const out: string[] = [];
  now.forEach((line, i) => {
    line.forEach((k, j) => {
      if (k !== (before?.[i]?.[j] ?? '') && k !== (after?.[i]?.[j] ?? '')) out.push(cellAddress(origin.top + i, origin.left + j));
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
