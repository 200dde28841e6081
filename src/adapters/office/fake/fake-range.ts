/**
 * Range, RangeAreas and their format proxies: the part of Excel.Range the adapter uses, nothing
 * more (a call outside it fails loudly, which is how a new dependency on the API shows up).
 * Cells are written through `formulas` only, as the adapter does: it takes every kind of input.
 */
import type { CellRange, GridSheet } from '../../../layout/grid';
import { areaAddress, sheetAddress } from '../office-address';
import { type FakeContext, FakeClientObject, type ProxySource } from './fake-context';
import { type FakeClientResult, type LoadOptions, queueCellProperties, queueRowProperties } from './fake-cell-properties';
import { FakeOfficeError } from './fake-error';
import { FakeRangeFormat } from './fake-range-format';
import { MAX_COL } from './fake-workbook-model';

export interface RangeTarget {
  sheet: GridSheet;
  area: CellRange;
}

export class FakeRange extends FakeClientObject<RangeTarget> {
  readonly format: FakeRangeFormat;

  constructor(context: FakeContext, source: ProxySource<RangeTarget>) {
    super(context, 'Range', source);
    this.format = new FakeRangeFormat(context, () => this.target());
  }

  /** The host-side cells, for another fake object's queued operation (a chart's source). */
  hostTarget(): RangeTarget {
    return this.target();
  }

  get address(): string {
    return this.get('address');
  }
  get rowCount(): number {
    return this.get('rowCount');
  }
  get columnCount(): number {
    return this.get('columnCount');
  }
  get values(): unknown[][] {
    return this.get('values');
  }
  get formulas(): unknown[][] {
    return this.get('formulas');
  }
  set formulas(v: unknown[][]) {
    this.queue((t) => this.writeCells(t, 'formulas', v), v);
  }
  get numberFormat(): unknown[][] {
    return this.get('numberFormat');
  }
  set numberFormat(v: unknown[][]) {
    this.queue((t) => this.writeCells(t, 'numberFormat', v), v);
  }
  get valueTypes(): string[][] {
    return this.get('valueTypes');
  }

  private writeCells(t: RangeTarget, prop: 'formulas' | 'numberFormat', v: unknown[][]): void {
    this.context.model.write(t.sheet, t.area, prop, v);
    this.context.noteCellWrites((t.area.bottom - t.area.top + 1) * (t.area.right - t.area.left + 1));
  }

  protected readLive(prop: string): unknown {
    const t = this.target();
    const model = this.context.model;
    switch (prop) {
      case 'address':
        return rangeAddress(t.sheet, t.area);
      case 'rowCount':
        return t.area.bottom - t.area.top + 1;
      case 'columnCount':
        return t.area.right - t.area.left + 1;
      case 'values':
      case 'formulas':
      case 'valueTypes':
      case 'numberFormat':
        return model.read(t.sheet, t.area, prop);
      default:
        throw new FakeOfficeError('InvalidArgument', `fake Excel: Range.${prop} is not supported.`);
    }
  }

  protected override navigate(nav: string): FakeClientObject<unknown> {
    if (nav === 'format') return this.format as FakeClientObject<unknown>;
    return super.navigate(nav);
  }

  /** ExcelApi 1.9: per cell, the properties the options name (format.font, format.borders…). */
  getCellProperties(options: LoadOptions): FakeClientResult<Record<string, unknown>[][]> {
    return queueCellProperties(this.context, () => this.target(), options);
  }

  /** ExcelApi 1.9: per row of the range, format.rowHeight and format.useStandardHeight. */
  getRowProperties(options: LoadOptions): FakeClientResult<Record<string, unknown>[]> {
    return queueRowProperties(this.context, () => this.target(), options);
  }

  select(): void {
    this.queue((t) => this.context.model.select(t.sheet, areaAddress(t.area)), null, false);
  }

  merge(across = false): void {
    this.queue((t) => this.context.model.merge(t.sheet, t.area, across));
  }

  unmerge(): void {
    this.queue((t) => this.context.model.unmerge(t.sheet, t.area));
  }

  /** Range.clear(applyTo): "All", "Contents" or "Formats" (number formats and fills in the fake). */
  clear(applyTo = 'All'): void {
    this.queue((t) => this.context.model.clear(t.sheet, t.area, applyTo));
  }

  /** The used range within this range (ExcelApi 1.4), null when it holds nothing. */
  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    return new FakeRange(this.context, {
      queued: () => {
        const t = this.target();
        const area = this.context.model.usedRange(t.sheet, valuesOnly, t.area);
        return area ? { sheet: t.sheet, area } : null;
      },
    });
  }

  getMergedAreasOrNullObject(): FakeRangeAreas {
    return new FakeRangeAreas(this.context, {
      queued: () => {
        const t = this.target();
        const areas = this.context.model.mergesIn(t.sheet, t.area);
        return areas.length ? { sheet: t.sheet, areas } : null;
      },
    });
  }
}

interface AreasTarget {
  sheet: GridSheet;
  areas: CellRange[];
}

export class FakeRangeAreas extends FakeClientObject<AreasTarget> {
  readonly areas: FakeRangeCollection;

  constructor(context: FakeContext, source: ProxySource<AreasTarget>) {
    super(context, 'RangeAreas', source);
    this.areas = new FakeRangeCollection(context, () => this.target());
  }

  get address(): string {
    return this.get('address');
  }

  /** address: "Sheet!A1:B4, Sheet!D1:D4". */
  protected readLive(prop: string): unknown {
    if (prop !== 'address') throw new FakeOfficeError('InvalidArgument', `fake Excel: RangeAreas.${prop} is not supported.`);
    const t = this.target();
    return t.areas.map((a) => rangeAddress(t.sheet, a)).join(', ');
  }

  protected override navigate(nav: string): FakeClientObject<unknown> {
    if (nav === 'areas') return this.areas as FakeClientObject<unknown>;
    return super.navigate(nav);
  }
}

export class FakeRangeCollection extends FakeClientObject<AreasTarget> {
  constructor(context: FakeContext, parent: () => AreasTarget) {
    super(context, 'RangeCollection', { derived: parent });
  }

  get items(): FakeRange[] {
    return this.get('items');
  }

  protected readLive(prop: string): unknown {
    throw new FakeOfficeError('InvalidArgument', `fake Excel: RangeCollection.${prop} is not supported (load items/…).`);
  }

  override loadNow(paths: string[]): void {
    const t = this.target();
    this.loadItems(paths, t.areas.map((area) => new FakeRange(this.context, { value: { sheet: t.sheet, area } })) as FakeClientObject<unknown>[]);
  }
}

/** As Excel writes a range's address: whole rows as « Feuille!1:2 ». */
function rangeAddress(sheet: GridSheet, area: CellRange): string {
  const full = sheetAddress(sheet.name, area);
  return area.left === 1 && area.right === MAX_COL ? `${full.slice(0, full.lastIndexOf('!'))}!${area.top}:${area.bottom}` : full;
}
