/**
 * Range, RangeAreas and their format proxies: the part of Excel.Range the adapter uses, nothing
 * more (a call outside it fails loudly, which is how a new dependency on the API shows up).
 * Cells are written through `formulas` only, as the adapter does: it takes every kind of input.
 */
import type { CellRange, GridSheet } from '../../../layout/grid';
import { areaAddress, sheetAddress } from '../office-address';
import { type FakeContext, FakeClientObject, type ProxySource } from './fake-context';
import { FakeOfficeError } from './fake-error';

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
        return sheetAddress(t.sheet.name, t.area);
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

export class FakeRangeFormat extends FakeClientObject<RangeTarget> {
  readonly fill: FakeRangeFill;
  readonly protection: FakeFormatProtection;

  constructor(context: FakeContext, parent: () => RangeTarget) {
    super(context, 'RangeFormat', { derived: parent });
    this.fill = new FakeRangeFill(context, parent);
    this.protection = new FakeFormatProtection(context, parent);
  }

  get columnWidth(): number {
    return this.get('columnWidth');
  }
  set columnWidth(points: number) {
    this.queue((t) => this.context.model.setColumnWidth(t.sheet, t.area, points), points);
  }

  get useStandardWidth(): boolean | null {
    return this.get('useStandardWidth');
  }
  /** ExcelApi 1.7; only `true` does anything, as in Excel. */
  set useStandardWidth(v: boolean) {
    if (v) this.queue((t) => this.context.model.setStandardWidth(t.sheet, t.area), v);
  }

  protected readLive(prop: string): unknown {
    if (prop === 'columnWidth' || prop === 'useStandardWidth') {
      const t = this.target();
      return prop === 'columnWidth' ? this.context.model.columnWidth(t.sheet, t.area) : this.context.model.usesStandardWidth(t.sheet, t.area);
    }
    throw new FakeOfficeError('InvalidArgument', `fake Excel: RangeFormat.${prop} is not supported.`);
  }

  protected override navigate(nav: string): FakeClientObject<unknown> {
    if (nav === 'fill') return this.fill as FakeClientObject<unknown>;
    if (nav === 'protection') return this.protection as FakeClientObject<unknown>;
    return super.navigate(nav);
  }
}

/** Range.format.protection.locked (ExcelApi 1.2): null when the range mixes locked and unlocked cells. */
export class FakeFormatProtection extends FakeClientObject<RangeTarget> {
  constructor(context: FakeContext, parent: () => RangeTarget) {
    super(context, 'FormatProtection', { derived: parent });
  }

  get locked(): boolean | null {
    return this.get('locked');
  }

  protected readLive(prop: string): unknown {
    if (prop !== 'locked') throw new FakeOfficeError('InvalidArgument', `fake Excel: FormatProtection.${prop} is not supported.`);
    const t = this.target();
    return this.context.model.lockedState(t.sheet, t.area);
  }
}

export class FakeRangeFill extends FakeClientObject<RangeTarget> {
  constructor(context: FakeContext, parent: () => RangeTarget) {
    super(context, 'RangeFill', { derived: parent });
  }

  get color(): string | null {
    return this.get('color');
  }
  get pattern(): string | null {
    return this.get('pattern');
  }
  set color(c: string) {
    this.queue((t) => this.context.model.setFill(t.sheet, t.area, c), c);
  }

  clear(): void {
    this.queue((t) => this.context.model.setFill(t.sheet, t.area, null));
  }

  /** color: "#FFFFFF" for no fill as for white (Excel's answer); pattern (ExcelApi 1.9): "None" for no fill. */
  protected readLive(prop: string): unknown {
    if (prop !== 'color' && prop !== 'pattern') throw new FakeOfficeError('InvalidArgument', `fake Excel: RangeFill.${prop} is not supported.`);
    const t = this.target();
    const seen = new Set<string>();
    for (let r = t.area.top; r <= t.area.bottom; r++) {
      for (let c = t.area.left; c <= t.area.right; c++) {
        seen.add(prop === 'color' ? this.context.model.fill(t.sheet, r, c) : this.context.model.hasFill(t.sheet, r, c) ? 'Solid' : 'None');
      }
    }
    return seen.size === 1 ? [...seen][0] : null; // a mixed range has no single answer
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

  protected readLive(prop: string): unknown {
    throw new FakeOfficeError('InvalidArgument', `fake Excel: RangeAreas.${prop} is not supported (load areas/items/address).`);
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
