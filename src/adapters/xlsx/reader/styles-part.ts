/**
 * xl/styles.xml → for each cell style index (the `s` of a cell), its number format code and whether
 * a number in it is a date. Only <numFmts> and <cellXfs> matter to the grid.
 */
import { builtInFormat, isDateFormat } from './number-formats';
import { CLOSE, END, OPEN, XmlScanner } from './xml-scanner';

export interface CellStyles {
  /** Number format code per style index; undefined for General or an unknown id. */
  numFmt: (string | undefined)[];
  isDate: boolean[];
}

export const NO_STYLES: CellStyles = { numFmt: [], isDate: [] };

export function readStyles(bytes: Uint8Array): CellStyles {
  const x = new XmlScanner(bytes);
  const custom = new Map<number, string>();
  const xfIds: number[] = [];
  let inNumFmts = false;
  let inCellXfs = false;
  while (x.next() !== END) {
    if (x.kind === OPEN) {
      if (x.depth === 2) {
        inNumFmts = x.is('numFmts');
        inCellXfs = x.is('cellXfs');
      } else if (x.depth === 3 && inNumFmts && x.is('numFmt')) {
        const id = parseInt(x.attr('numFmtId') ?? '', 10);
        const code = x.attr('formatCode');
        if (Number.isInteger(id) && code !== undefined) custom.set(id, code);
      } else if (x.depth === 3 && inCellXfs && x.is('xf')) {
        xfIds.push(parseInt(x.attr('numFmtId') ?? '0', 10));
      }
    } else if (x.kind === CLOSE && x.depth === 1) {
      inNumFmts = inCellXfs = false;
    }
  }
  const numFmt = xfIds.map((id) => (id ? (custom.get(id) ?? builtInFormat(id)) : undefined)).map((f) => (f === 'General' ? undefined : f));
  return { numFmt, isDate: numFmt.map((f) => isDateFormat(f)) };
}
