import type { CellScalar } from './grid';

/**
 * What a write action (recalculer les colonnes, remplir les volets, contrôles) changes in a
 * workbook, as data: the xlsx adapter applies it to a file, the Office.js adapter to the open
 * workbook. Building a plan never touches the workbook; applying it is the adapters' job.
 *
 * Cells are the plan's substance; `styles`, `print` and `rowHeights` say how the tool's own sheets
 * look and print (fonts, borders, A4 setup). An applier that cannot style still writes a correct
 * workbook: those fields are optional and only ever concern sheets listed in `createSheets`.
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

/**
 * The look of a run of cells, by role (the appliers own the fonts and colours):
 * - title, subtitle, note: text lines above or below a table (note: small italic, wrapped);
 * - header: a column header (bold, shaded, centred, wrapped, bordered);
 * - section: a section heading across the table (bold, shaded, bordered);
 * - group: a group line with its subtotal (« Postes d'ingénierie »: bold italic, bordered);
 * - cell: a table cell (thin border, wrapped, top-aligned); figure: the same, right-aligned (a text
 *   among amounts: « non notifié »); centre: the same, centred (a short code: « 2.1 »);
 * - subtotal, total: total lines (bold; total shaded with a double top border);
 * - excluded: a line kept out of the totals (grey italic, bordered);
 * - label: a bold caption in a form (bilan, certification block);
 * - box: a bordered, empty area to write in by hand (signature);
 * - wrap: wrapped text with no border.
 */
export type CellStyle =
  | 'title'
  | 'subtitle'
  | 'note'
  | 'header'
  | 'section'
  | 'group'
  | 'cell'
  | 'figure'
  | 'centre'
  | 'subtotal'
  | 'total'
  | 'excluded'
  | 'label'
  | 'box'
  | 'wrap';

export interface StyleRun {
  sheet: string;
  row: number;
  fromCol: number;
  toCol: number;
  style: CellStyle;
}

/** How a tool sheet prints: A4, one page wide, as many pages high as it takes. */
export interface PrintSetup {
  orientation: 'portrait' | 'landscape';
  paper: 'A4';
  fitToWidth: true;
  /** Rows repeated at the top of every printed page (1-based, inclusive). */
  repeatRows?: { first: number; last: number };
  /** The printed range (tool notes outside it stay on screen only); default: the used range. */
  printArea?: { top: number; left: number; bottom: number; right: number };
  /** Manual page breaks: a new page starts at each of these rows. */
  rowBreaks?: number[];
  /** Centre footer text (the page number is added on the right). */
  footer?: string;
}

export interface SheetToCreate {
  name: string;
  /** Replace the sheet if it exists (only sheets the tool owns: volet templates, Contrôles). */
  replace?: boolean;
  columnWidths?: Record<number, number>;
  merges?: { top: number; left: number; bottom: number; right: number }[];
  /** Rows frozen at the top (header), 0 for none. */
  frozenRows?: number;
  /** Row heights in points, for rows whose wrapped text needs more than one line. */
  rowHeights?: Record<number, number>;
  print?: PrintSetup;
}

export interface WritePlan {
  /** French description for the pane's result message and the undo entry. */
  description: string;
  createSheets: SheetToCreate[];
  writes: CellWrite[];
  /** Styles of the created sheets' cells, applied after the writes. */
  styles?: StyleRun[];
}

export function emptyPlan(description: string): WritePlan {
  return { description, createSheets: [], writes: [] };
}
