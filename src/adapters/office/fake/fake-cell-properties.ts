/**
 * Range.getCellProperties and Range.getRowProperties (ExcelApi 1.9) in the fake Excel: per cell
 * (per row), the properties the load options name, shaped as Excel answers them — format.font,
 * format.fill, format.borders (top, bottom, left, right, diagonals), alignment, wrapping,
 * format.protection; format.rowHeight and format.useStandardHeight per row. A load option Excel
 * does not know is refused; the answer counts towards the response payload like any other.
 */
import type { CellRange, GridSheet } from '../../../layout/grid';
import { sheetAddress } from '../office-address';
import type { FakeContext } from './fake-context';
import { FakeOfficeError, propertyNotLoaded } from './fake-error';
import type { FakeWorkbookModel } from './fake-workbook-model';

export type LoadOptions = { [key: string]: boolean | LoadOptions };

/** An OfficeExtension.ClientResult: its value exists once the round trip that computes it has run. */
export class FakeClientResult<T> {
  private settled = false;
  private result: T | undefined;

  constructor(private readonly what: string) {}

  settle(v: T): void {
    this.result = v;
    this.settled = true;
  }

  get value(): T {
    if (!this.settled) throw propertyNotLoaded('value', `${this.what}.value`);
    return this.result as T;
  }
}

function cellProperties(model: FakeWorkbookModel, sheet: GridSheet, row: number, col: number): Record<string, unknown> {
  const f = model.formats.get(sheet, row, col);
  const filled = model.hasFill(sheet, row, col);
  return {
    address: sheetAddress(sheet.name, { top: row, bottom: row, left: col, right: col }),
    format: {
      font: { ...f.font },
      fill: { color: model.fill(sheet, row, col), pattern: filled ? 'Solid' : 'None' },
      borders: Object.fromEntries(Object.entries(f.borders).map(([k, b]) => [k, { ...b }])),
      horizontalAlignment: f.horizontalAlignment,
      verticalAlignment: f.verticalAlignment,
      wrapText: f.wrapText,
      protection: { locked: model.protection.isLocked(sheet, row, col), formulaHidden: false },
    },
  };
}

/** The part of `full` the options ask for; an option naming nothing there is refused. */
function pick(full: Record<string, unknown>, options: LoadOptions, path: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, want] of Object.entries(options)) {
    if (!want) continue;
    const v = full[k];
    if (v === undefined) throw new FakeOfficeError('InvalidArgument', `The argument is invalid or missing or has an incorrect format (cell property "${path}${k}").`);
    if (want === true) out[k] = v;
    else if (v && typeof v === 'object') {
      // borders: the options of one border apply to each border.
      out[k] = k === 'borders' ? Object.fromEntries(Object.entries(v).map(([edge, b]) => [edge, pick(b as Record<string, unknown>, want, `${path}borders.${edge}.`)])) : pick(v as Record<string, unknown>, want, `${path}${k}.`);
    } else throw new FakeOfficeError('InvalidArgument', `The argument is invalid or missing or has an incorrect format (cell property "${path}${k}" has no parts).`);
  }
  return out;
}

export function queueCellProperties(context: FakeContext, target: () => { sheet: GridSheet; area: CellRange }, options: LoadOptions): FakeClientResult<Record<string, unknown>[][]> {
  const result = new FakeClientResult<Record<string, unknown>[][]>('Range.getCellProperties');
  context.enqueue(() => {
    const { sheet, area } = target();
    context.model.checkReadSize(area);
    const out: Record<string, unknown>[][] = [];
    for (let row = area.top; row <= area.bottom; row++) {
      const line: Record<string, unknown>[] = [];
      for (let col = area.left; col <= area.right; col++) line.push(pick(cellProperties(context.model, sheet, row, col), options, ''));
      out.push(line);
    }
    context.addResponse(out);
    context.deliver(() => result.settle(out));
  });
  return result;
}

export function queueRowProperties(context: FakeContext, target: () => { sheet: GridSheet; area: CellRange }, options: LoadOptions): FakeClientResult<Record<string, unknown>[]> {
  const result = new FakeClientResult<Record<string, unknown>[]>('Range.getRowProperties');
  context.enqueue(() => {
    const { sheet, area } = target();
    const out: Record<string, unknown>[] = [];
    for (let row = area.top; row <= area.bottom; row++) {
      const height = context.model.formats.rowHeights.get(sheet)?.get(row);
      const full = { format: { rowHeight: height ?? context.model.formats.rowHeight(sheet, row), useStandardHeight: height === undefined } };
      out.push(pick(full, options, ''));
    }
    context.addResponse(out);
    context.deliver(() => result.settle(out));
  });
  return result;
}
