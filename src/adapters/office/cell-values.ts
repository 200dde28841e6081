/**
 * One cell between Office.js and the engine's grid, both ways. Office gives a cell as parallel
 * arrays (values, formulas, numberFormat) and takes input as Excel takes typing: a
 * string is parsed ("=…" is a formula, "12" a number), so text is always written with Excel's
 * quote prefix, which stores the text as-is.
 */
import type { CellScalar, GridCell } from '../../layout/grid';
import type { CellWrite } from '../../layout/write-plan';

/** What Office.js returns for one cell. */
export interface OfficeCell {
  value: unknown;
  formula: unknown;
  numberFormat: string;
  /** Range.valueTypes: "Error" for an error value, whatever its text; absent in old callers. */
  valueType?: string;
}

/** Excel's error values, as Office.js spells them in `values`. */
export const ERROR_VALUES: ReadonlySet<string> = new Set([
  '#NULL!', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#N/A', '#GETTING_DATA',
  '#SPILL!', '#CALC!', '#FIELD!', '#BLOCKED!', '#CONNECT!', '#BUSY!', '#UNKNOWN!',
]);

/** What Office.js accepts for one cell in `range.formulas`. */
export type OfficeInput = string | number | boolean;

/**
 * undefined for blank cells (a format alone is not content, as for the xlsx reader). Errors are what
 * valueTypes says ("Error"), so a text typed "#REF!" stays text. Dates stay the serial numbers Office
 * gives, on the 1900 system the readers count from: in a 1904 workbook a date-formatted serial is
 * moved by 1 462 days. The readers turn a serial into a date only where a date is expected.
 */
export function officeToGridCell(c: OfficeCell, date1904 = false): GridCell | undefined {
  const formula = isFormula(c.formula, c.value) ? (c.formula as string).slice(1) : undefined;
  const isError = c.valueType !== undefined ? c.valueType === 'Error' : typeof c.value === 'string' && ERROR_VALUES.has(c.value);
  let cell: GridCell;
  if (isError) {
    cell = { value: null, error: String(c.value) };
  } else if (c.value === '' || c.value === null || c.value === undefined) {
    if (formula === undefined) return undefined;
    cell = { value: '' }; // a formula whose result is the empty string
  } else {
    const v = scalar(c.value);
    cell = { value: date1904 && typeof v === 'number' && isDateFormat(c.numberFormat) ? v + DAYS_1900_TO_1904 : v };
  }
  if (formula !== undefined) cell.formula = formula;
  if (c.numberFormat && c.numberFormat !== 'General') cell.numFmt = c.numberFormat;
  return cell;
}

/** Serial of 1 January 1904 in the 1900 system: the gap between Excel's two date systems. */
export const DAYS_1900_TO_1904 = 1462;

/** A number format that shows a date or a time: d, m, y, h or s outside quotes, brackets and escapes. */
export function isDateFormat(format: string): boolean {
  const bare = format.replace(/"[^"]*"/g, '').replace(/\\./g, '').replace(/\[[^\]]*\]/g, '');
  return /[dmyhsj]/i.test(bare) && !/^general$/i.test(bare.trim());
}

/**
 * For a text cell, Office.js gives the text in `formulas` too: a text "=L50+N50" (typed with a quote
 * prefix) reads as "=L50+N50" in both. A formula's result is never its own text, so equal strings
 * mean text.
 */
export function isFormula(formula: unknown, value: unknown): boolean {
  return typeof formula === 'string' && formula.startsWith('=') && formula !== value;
}

function scalar(v: unknown): CellScalar {
  return typeof v === 'number' || typeof v === 'boolean' || typeof v === 'string' ? v : String(v);
}

/** Excel's day 0 for serial numbers (1900 system, after the 1900 leap-year bug). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

export function dateToSerial(d: Date): number {
  return (d.getTime() - EXCEL_EPOCH_MS) / 86400000;
}

/** The input that writes a plan's cell: formula, quoted text, number, boolean, or '' to clear. */
export function writeInput(w: CellWrite, date1904 = false): OfficeInput {
  if (w.formula !== undefined) return `=${w.formula.replace(/^=/, '')}`;
  return scalarInput(w.value ?? null, date1904);
}

export function scalarInput(v: CellScalar | null, date1904 = false): OfficeInput {
  if (v === null) return '';
  if (v instanceof Date) return dateToSerial(v) - (date1904 ? DAYS_1900_TO_1904 : 0);
  if (typeof v === 'string') return v === '' ? '' : `'${v}`;
  return v;
}

/**
 * The input that puts back a cell saved before a write, from its saved formula, value and type:
 * formulas and numbers as they were, text quoted, errors typed ("#N/A" typed is the error).
 */
export function restoreInput(formula: unknown, value: unknown, valueType: string): OfficeInput {
  if (isFormula(formula, value)) return formula as string;
  if (valueType === 'Empty' || formula === '' || formula === null || formula === undefined) return '';
  if (valueType === 'String') return `'${String(formula)}`;
  if (typeof formula === 'number' || typeof formula === 'boolean') return formula;
  return String(formula);
}
