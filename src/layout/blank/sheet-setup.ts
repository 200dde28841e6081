import type { Grid, GridSheet } from '../grid';
import { setCell } from '../grid';
import type { CellScalar } from '../grid';
import type { CellStyle, PrintSetup, StyleRun } from '../write-plan';

/**
 * What a blank model needs beyond its cells, for the writer: frozen panes, data validation on the
 * typed columns, and which rows are locked besides the formula cells (titles and headers).
 */
export type Validation =
  | { type: 'decimal'; min?: number; prompt: string }
  | { type: 'date'; from: Date; to: Date; prompt: string; /** warn only: a period typed as text stays possible */ warnOnly?: boolean }
  | { type: 'list'; choices: string[]; prompt: string };

export interface SheetSetup {
  sheet: string;
  frozenRows: number;
  frozenCols: number;
  /** A1 ranges ("D6:D20") and the rule their cells follow. */
  validations: { range: string; rule: Validation }[];
  /** Rows whose written cells are locked (titles, headers), besides every formula cell. */
  lockedRows: number[];
  /** The look of the model's cells (titles, headers, the form's bordered cells, totals). */
  styles?: StyleRun[];
  /** How it prints (the model's own sheets: landscape, header repeated; set by buildBlankWorkbook). */
  orientation?: PrintSetup['orientation'];
  repeatRows?: PrintSetup['repeatRows'];
  /** Rows a page break must not separate (a fiche's block). */
  keepTogether?: [number, number][];
  print?: PrintSetup;
  rowHeights?: Record<number, number>;
}

export interface BlankWorkbook {
  grid: Grid;
  setup: SheetSetup[];
}

/** A sheet being written: cells, merges, widths, and its setup. */
export class BlankSheet {
  readonly setup: SheetSetup;

  constructor(readonly sheet: GridSheet) {
    this.setup = { sheet: sheet.name, frozenRows: 0, frozenCols: 0, validations: [], lockedRows: [] };
  }

  text(row: number, col: number, value: string | undefined): void {
    if (value) setCell(this.sheet, row, col, { value });
  }

  value(row: number, col: number, value: CellScalar, numFmt?: string): void {
    setCell(this.sheet, row, col, numFmt ? { value, numFmt } : { value });
  }

  formula(row: number, col: number, formula: string, numFmt: string): void {
    setCell(this.sheet, row, col, { value: 0, formula, numFmt });
  }

  /** Title and header rows: written once, locked. */
  header(row: number, texts: string[], firstCol = 1): void {
    texts.forEach((t, i) => this.text(row, firstCol + i, t));
    this.setup.lockedRows.push(row);
  }

  style(row: number, fromCol: number, toCol: number, style: CellStyle): void {
    (this.setup.styles ??= []).push({ sheet: this.sheet.name, row, fromCol, toCol, style });
  }

  widths(widths: number[]): void {
    this.sheet.columnWidths = new Map(widths.map((w, i) => [i + 1, w]));
  }

  validate(range: string, rule: Validation): void {
    this.setup.validations.push({ range, rule });
  }
}

export const AMOUNT_RULE: Validation = { type: 'decimal', prompt: 'Montant en euros (nombre, par exemple 1236000,00).' };
