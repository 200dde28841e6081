import type { CellScalar } from './grid';

/**
 * What a write action (recalculer les colonnes, remplir les volets, contrôles) changes in a
 * workbook, as data: the xlsx adapter applies it to a file, the Office.js adapter to the open
 * workbook. Building a plan never touches the workbook; applying it is the adapters' job.
 */
export interface CellWrite {
  sheet: string;
  row: number;
  col: number;
  /** A formula without "=", written with `value` as its cached result. */
  formula?: string;
  /** A value (a string starting with "=", "+", "-" or "@" is written as text, never as a formula). */
  value?: CellScalar | null;
  numFmt?: string;
  /** Why the cell is written: a derived column, a template cell, the Contrôles sheet. */
  purpose: 'derived' | 'template' | 'control';
}

export interface SheetToCreate {
  name: string;
  /** Replace the sheet if it exists (only sheets the tool owns: volet templates, Contrôles). */
  replace?: boolean;
  columnWidths?: Record<number, number>;
  merges?: { top: number; left: number; bottom: number; right: number }[];
  /** Rows frozen at the top (header), 0 for none. */
  frozenRows?: number;
}

export interface WritePlan {
  /** French description for the pane's result message and the undo entry. */
  description: string;
  createSheets: SheetToCreate[];
  writes: CellWrite[];
}

export function emptyPlan(description: string): WritePlan {
  return { description, createSheets: [], writes: [] };
}
