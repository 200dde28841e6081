/**
 * Cell formats and row heights as the fake Excel keeps them beside cell contents: fonts, borders,
 * alignment, wrapping per cell, heights per row. Values are checked as Excel checks them — an
 * enumeration member it does not know, a colour it cannot read, a size out of range fail the round
 * trip with InvalidArgument — and stricter where Excel's answer is unclear: colours only as
 * "#RRGGBB", inner borders only where a range has an inside.
 */
import type { CellRange, GridSheet } from '../../../layout/grid';
import { FakeOfficeError } from './fake-error';

/** Excel.BorderIndex, Excel.BorderLineStyle, Excel.BorderWeight, Excel.HorizontalAlignment, Excel.VerticalAlignment. */
export const BORDER_INDEX = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideVertical', 'InsideHorizontal', 'DiagonalDown', 'DiagonalUp'] as const;
export const BORDER_LINE_STYLE = ['None', 'Continuous', 'Dash', 'DashDot', 'DashDotDot', 'Dot', 'Double', 'SlantDashDot'] as const;
export const BORDER_WEIGHT = ['Hairline', 'Thin', 'Medium', 'Thick'] as const;
export const HORIZONTAL_ALIGNMENT = ['General', 'Left', 'Center', 'Right', 'Fill', 'Justify', 'CenterAcrossSelection', 'Distributed'] as const;
export const VERTICAL_ALIGNMENT = ['Top', 'Center', 'Bottom', 'Justify', 'Distributed'] as const;
export const UNDERLINE = ['None', 'Single', 'Double', 'SingleAccountant', 'DoubleAccountant'] as const;

export type BorderIndex = (typeof BORDER_INDEX)[number];
/** A cell's own edges (what getCellProperties answers: top, bottom, left, right, diagonals). */
export type CellEdge = 'top' | 'bottom' | 'left' | 'right' | 'diagonalDown' | 'diagonalUp';

export interface FakeBorder {
  style: string;
  weight: string;
  color: string;
}

export interface FakeFont {
  name: string;
  size: number;
  color: string;
  bold: boolean;
  italic: boolean;
  underline: string;
  strikethrough: boolean;
}

export interface FakeCellFormat {
  font: FakeFont;
  horizontalAlignment: string;
  verticalAlignment: string;
  wrapText: boolean;
  borders: Record<CellEdge, FakeBorder>;
}

const NO_BORDER: FakeBorder = { style: 'None', weight: 'Thin', color: '#000000' };
export const DEFAULT_FORMAT: FakeCellFormat = {
  font: { name: 'Calibri', size: 11, color: '#000000', bold: false, italic: false, underline: 'None', strikethrough: false },
  horizontalAlignment: 'General',
  verticalAlignment: 'Bottom',
  wrapText: false,
  borders: { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER, diagonalDown: NO_BORDER, diagonalUp: NO_BORDER },
};
/** Excel's standard row height (Calibri 11), in points; 409 is the most a row can take. */
export const STANDARD_ROW_HEIGHT = 15;
const MAX_ROW_HEIGHT = 409;

const invalid = (what: string) => new FakeOfficeError('InvalidArgument', `The argument is invalid or missing or has an incorrect format (${what}).`);

export function checkEnum(value: unknown, allowed: readonly string[], what: string): string {
  if (typeof value !== 'string' || !allowed.includes(value)) throw invalid(`${what} "${String(value)}"; expected one of ${allowed.join(', ')}`);
  return value;
}

/** "#RRGGBB", answered upper case as Excel does. */
export function checkColour(value: unknown, what: string): string {
  if (typeof value !== 'string' || !/^#[0-9a-f]{6}$/i.test(value)) throw invalid(`${what} "${String(value)}"; the fake takes colours as #RRGGBB`);
  return value.toUpperCase();
}

function checkNumber(value: unknown, min: number, max: number, what: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) throw invalid(`${what} ${String(value)}; expected ${min} to ${max}`);
  return value;
}

function checkBoolean(value: unknown, what: string): boolean {
  if (typeof value !== 'boolean') throw invalid(`${what} ${String(value)}`);
  return value;
}

export const FONT_CHECKS: Record<keyof FakeFont, (v: unknown) => unknown> = {
  name: (v) => {
    if (typeof v !== 'string' || v.trim() === '' || v.length > 31) throw invalid(`font name "${String(v)}"`);
    return v;
  },
  size: (v) => checkNumber(v, 1, 409, 'font size'),
  color: (v) => checkColour(v, 'font color'),
  bold: (v) => checkBoolean(v, 'font bold'),
  italic: (v) => checkBoolean(v, 'font italic'),
  underline: (v) => checkEnum(v, UNDERLINE, 'font underline'),
  strikethrough: (v) => checkBoolean(v, 'font strikethrough'),
};

export const BORDER_CHECKS: Record<keyof FakeBorder, (v: unknown) => string> = {
  style: (v) => checkEnum(v, BORDER_LINE_STYLE, 'border style'),
  weight: (v) => checkEnum(v, BORDER_WEIGHT, 'border weight'),
  color: (v) => checkColour(v, 'border color'),
};

export const ALIGNMENT_CHECKS = {
  horizontalAlignment: (v: unknown) => checkEnum(v, HORIZONTAL_ALIGNMENT, 'horizontalAlignment'),
  verticalAlignment: (v: unknown) => checkEnum(v, VERTICAL_ALIGNMENT, 'verticalAlignment'),
  wrapText: (v: unknown) => checkBoolean(v, 'wrapText'),
};

export const checkRowHeight = (v: unknown) => checkNumber(v, 0, MAX_ROW_HEIGHT, 'rowHeight');

const key = (row: number, col: number) => `${row}:${col}`;

export class FakeFormats {
  /** Per sheet, "row:col" → the cell's format when it is not the default one. */
  readonly cells = new Map<GridSheet, Map<string, FakeCellFormat>>();
  /** Per sheet, row → height in points, for rows not of the standard height. */
  readonly rowHeights = new Map<GridSheet, Map<number, number>>();

  get(sheet: GridSheet, row: number, col: number): FakeCellFormat {
    return this.cells.get(sheet)?.get(key(row, col)) ?? DEFAULT_FORMAT;
  }

  hasFormat(sheet: GridSheet, row: number, col: number): boolean {
    return this.cells.get(sheet)?.has(key(row, col)) ?? false;
  }

  /** Changes every cell of the area (a copy per cell: cells never share a format object). */
  update(sheet: GridSheet, r: CellRange, change: (f: FakeCellFormat, row: number, col: number) => FakeCellFormat): void {
    let m = this.cells.get(sheet);
    if (!m) this.cells.set(sheet, (m = new Map()));
    for (let row = r.top; row <= r.bottom; row++) {
      for (let col = r.left; col <= r.right; col++) {
        const next = change(this.get(sheet, row, col), row, col);
        if (JSON.stringify(next) === JSON.stringify(DEFAULT_FORMAT)) m.delete(key(row, col));
        else m.set(key(row, col), next);
      }
    }
  }

  /**
   * Range.format.borders.getItem(index).<prop> = value: the edge of the range's outer cells, or
   * both sides of every inner edge (InsideHorizontal: the bottom of each row but the last and the
   * top of each row but the first).
   */
  setBorder(sheet: GridSheet, r: CellRange, index: BorderIndex, prop: keyof FakeBorder, value: string): void {
    if (index === 'InsideHorizontal' && r.top === r.bottom) throw invalid('InsideHorizontal border of a range of one row');
    if (index === 'InsideVertical' && r.left === r.right) throw invalid('InsideVertical border of a range of one column');
    const edgesOf = (row: number, col: number): CellEdge[] => {
      switch (index) {
        case 'EdgeTop':
          return row === r.top ? ['top'] : [];
        case 'EdgeBottom':
          return row === r.bottom ? ['bottom'] : [];
        case 'EdgeLeft':
          return col === r.left ? ['left'] : [];
        case 'EdgeRight':
          return col === r.right ? ['right'] : [];
        case 'InsideHorizontal':
          return [...(row > r.top ? (['top'] as const) : []), ...(row < r.bottom ? (['bottom'] as const) : [])];
        case 'InsideVertical':
          return [...(col > r.left ? (['left'] as const) : []), ...(col < r.right ? (['right'] as const) : [])];
        case 'DiagonalDown':
          return ['diagonalDown'];
        case 'DiagonalUp':
          return ['diagonalUp'];
      }
    };
    this.update(sheet, r, (f, row, col) => {
      const edges = edgesOf(row, col);
      if (edges.length === 0) return f;
      const borders = { ...f.borders };
      for (const e of edges) borders[e] = { ...borders[e], [prop]: value };
      return { ...f, borders };
    });
  }

  /** Range.clear('Formats'): back to the default format. */
  clear(sheet: GridSheet, r: CellRange): void {
    const m = this.cells.get(sheet);
    if (!m) return;
    for (const k of [...m.keys()]) {
      const [row, col] = k.split(':').map(Number);
      if (row >= r.top && row <= r.bottom && col >= r.left && col <= r.right) m.delete(k);
    }
  }

  rowHeight(sheet: GridSheet, row: number): number {
    return this.rowHeights.get(sheet)?.get(row) ?? STANDARD_ROW_HEIGHT;
  }

  /** null: the standard height. */
  setRowHeight(sheet: GridSheet, first: number, last: number, points: number | null): void {
    let m = this.rowHeights.get(sheet);
    if (!m) this.rowHeights.set(sheet, (m = new Map()));
    for (let row = first; row <= last; row++) {
      if (points === null) m.delete(row);
      else m.set(row, points);
    }
  }

  forget(sheet: GridSheet): void {
    this.cells.delete(sheet);
    this.rowHeights.delete(sheet);
  }
}

/** The one value of `read` over the area, or null when its cells differ (Excel's answer for a mixed range). */
export function uniform<T>(r: CellRange, read: (row: number, col: number) => T): T | null {
  let first: string | undefined;
  let value: T | null = null;
  for (let row = r.top; row <= r.bottom; row++) {
    for (let col = r.left; col <= r.right; col++) {
      const v = read(row, col);
      const k = JSON.stringify(v);
      if (first === undefined) {
        first = k;
        value = v;
      } else if (k !== first) return null;
    }
  }
  return value;
}
