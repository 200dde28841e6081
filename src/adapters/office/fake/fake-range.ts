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

  constructor(context: FakeContext, parent: () => RangeTarget) {
    super(context, 'RangeFormat', { derived: parent });
    this.fill = new FakeRangeFill(context, parent);
  }

  set columnWidth(points: number) {
    this.queue((t) => this.context.model.setColumnWidth(t.sheet, t.area, points), points);
  }

  protected readLive(prop: string): unknown {
    throw new FakeOfficeError('InvalidArgument', `fake Excel: RangeFormat.${prop} is not supported.`);
  }

  protected override navigate(nav: string): FakeClientObject<unknown> {
    if (nav === 'fill') return this.fill as FakeClientObject<unknown>;
    return super.navigate(nav);
  }
}

export class FakeRangeFill extends FakeClientObject<RangeTarget> {
  constructor(context: FakeContext, parent: () => RangeTarget) {
    super(context, 'RangeFill', { derived: parent });
  }

  get color(): string | null {
    return this.get('color');
  }
  set color(c: string) {
    this.queue((t) => this.context.model.setFill(t.sheet, t.area, c), c);
  }

  clear(): void {
    this.queue((t) => this.context.model.setFill(t.sheet, t.area, null));
  }

  protected readLive(prop: string): unknown {
    if (prop !== 'color') throw new FakeOfficeError('InvalidArgument', `fake Excel: RangeFill.${prop} is not supported.`);
    const t = this.target();
    const colors = new Set<string | null>();
    for (let r = t.area.top; r <= t.area.bottom; r++) for (let c = t.area.left; c <= t.area.right; c++) colors.add(this.context.model.fill(t.sheet, r, c));
    return colors.size === 1 ? [...colors][0] : null; // a mixed range has no single colour
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
    const itemPaths = paths.map((p) => (p.startsWith('items/') ? p.slice(6) : p));
    const t = this.target();
    const items = t.areas.map((area) => new FakeRange(this.context, { value: { sheet: t.sheet, area } }));
    for (const item of items) item.loadNow(itemPaths);
    this.setLoaded('items', items);
  }
}
