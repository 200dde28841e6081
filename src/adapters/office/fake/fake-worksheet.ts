/** Worksheet and WorksheetCollection proxies, over the fake's Grid-backed model. */
import type { GridSheet } from '../../../layout/grid';
import { parseRangeAddress } from '../office-address';
import { FakeChartCollection } from './fake-chart';
import { type FakeContext, FakeClientObject, type ProxySource } from './fake-context';
import { FakeOfficeError } from './fake-error';
import type { FakeEvents } from './fake-events';
import { FakePageBreakCollection, FakePageLayout } from './fake-page-layout';
import { FakeRange } from './fake-range';
import { MAX_COL, MAX_ROW, type OfficeVisibility } from './fake-workbook-model';

/** Worksheet.protection (ExcelApi 1.2): `protected` and the options the user allowed. */
export class FakeWorksheetProtection extends FakeClientObject<GridSheet> {
  constructor(context: FakeContext, sheet: () => GridSheet) {
    super(context, 'WorksheetProtection', { derived: sheet });
  }

  get protected(): boolean {
    return this.get('protected');
  }
  get options(): Record<string, boolean> {
    return this.get('options');
  }

  protected readLive(prop: string): unknown {
    const p = this.context.model.protection.of(this.target());
    if (prop === 'protected') return p.protected;
    if (prop === 'options') return { ...p.options };
    throw new FakeOfficeError('InvalidArgument', `fake Excel: WorksheetProtection.${prop} is not supported.`);
  }

  protect(options?: Record<string, boolean>, password?: string): void {
    this.queue((s) => this.context.model.protection.protect(s, options, password), options ?? null, false);
  }

  unprotect(password?: string): void {
    this.queue((s) => this.context.model.protection.unprotect(s, password), null, false);
  }
}

export class FakeWorksheet extends FakeClientObject<GridSheet> {
  readonly freezePanes: { freezeRows: (count?: number) => void; unfreeze: () => void; getLocationOrNullObject: () => FakeRange };
  readonly charts: FakeChartCollection;
  readonly protection: FakeWorksheetProtection;
  /** ExcelApi 1.9. */
  readonly pageLayout: FakePageLayout;
  readonly horizontalPageBreaks: FakePageBreakCollection;

  constructor(context: FakeContext, source: ProxySource<GridSheet>) {
    super(context, 'Worksheet', source);
    this.freezePanes = {
      freezeRows: (count = 1) => this.queue((s) => this.context.model.frozenRows.set(s, count), count),
      unfreeze: () => this.queue((s) => this.context.model.frozenRows.delete(s)),
      getLocationOrNullObject: () =>
        new FakeRange(this.context, {
          queued: () => {
            const s = this.target();
            const n = this.context.model.frozenRows.get(s);
            return n ? { sheet: s, area: { top: 1, left: 1, bottom: n, right: MAX_COL } } : null;
          },
        }),
    };
    this.charts = new FakeChartCollection(context, () => this.target());
    this.protection = new FakeWorksheetProtection(context, () => this.target());
    this.pageLayout = new FakePageLayout(context, () => this.target());
    this.horizontalPageBreaks = new FakePageBreakCollection(context, () => this.target());
  }

  get id(): string {
    return this.get('id');
  }
  get name(): string {
    return this.get('name');
  }
  set name(v: string) {
    this.queue((s) => this.context.model.renameSheet(s, v), v);
  }
  get visibility(): OfficeVisibility {
    return this.get('visibility');
  }
  set visibility(v: OfficeVisibility) {
    this.queue((s) => this.context.model.setVisibility(s, v), v);
  }
  get position(): number {
    return this.get('position');
  }
  set position(v: number) {
    this.queue((s) => this.context.model.setPosition(s, v), v);
  }

  protected readLive(prop: string): unknown {
    const s = this.target();
    switch (prop) {
      case 'id':
        return this.context.model.sheetId(s);
      case 'name':
        return s.name;
      case 'visibility':
        return this.context.model.visibility(s);
      case 'position':
        return this.context.model.position(s);
      default:
        throw new FakeOfficeError('InvalidArgument', `fake Excel: Worksheet.${prop} is not supported.`);
    }
  }

  protected override navigate(nav: string): FakeClientObject<unknown> {
    if (nav === 'protection') return this.protection as FakeClientObject<unknown>;
    if (nav === 'pageLayout') return this.pageLayout as FakeClientObject<unknown>;
    if (nav === 'horizontalPageBreaks') return this.horizontalPageBreaks as FakeClientObject<unknown>;
    return super.navigate(nav);
  }

  /** No address: the whole sheet, as in Office.js. */
  getRange(address?: string): FakeRange {
    return new FakeRange(this.context, {
      queued: () => {
        const sheet = this.target();
        if (address === undefined || address === '') return { sheet, area: this.context.model.wholeSheet() };
        const area = parseRangeAddress(address, MAX_ROW, MAX_COL);
        if (!area) throw new FakeOfficeError('InvalidArgument', `The argument is invalid or missing or has an incorrect format (address "${address}").`);
        return { sheet, area };
      },
    });
  }

  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    return new FakeRange(this.context, {
      queued: () => {
        const sheet = this.target();
        const area = this.context.model.usedRange(sheet, valuesOnly);
        return area ? { sheet, area } : null;
      },
    });
  }

  activate(): void {
    this.queue((s) => this.context.model.activate(s), null, false);
  }

  delete(): void {
    this.queue((s) => this.context.model.deleteSheet(s));
  }
}

export class FakeWorksheetCollection extends FakeClientObject<null> {
  readonly onChanged: FakeEvents['onChanged'];
  readonly onAdded: FakeEvents['onAdded'];
  readonly onDeleted: FakeEvents['onDeleted'];

  constructor(context: FakeContext, events: FakeEvents) {
    super(context, 'WorksheetCollection', { derived: () => null });
    this.onChanged = events.onChanged;
    this.onAdded = events.onAdded;
    this.onDeleted = events.onDeleted;
  }

  get items(): FakeWorksheet[] {
    return this.get('items');
  }

  protected readLive(prop: string): unknown {
    throw new FakeOfficeError('InvalidArgument', `fake Excel: WorksheetCollection.${prop} is not supported (load items/…).`);
  }

  /** "items/name" and plain "name" both load the items' property, as Office.js does. */
  override loadNow(paths: string[]): void {
    this.loadItems(paths, this.context.model.grid.sheets.map((s) => new FakeWorksheet(this.context, { value: s })) as FakeClientObject<unknown>[]);
  }

  /** By name or by id, as Office.js's getItem(key). */
  getItem(key: string): FakeWorksheet {
    return new FakeWorksheet(this.context, {
      queued: () => {
        const s = this.context.model.find(key);
        if (!s) throw new FakeOfficeError('ItemNotFound', `The requested resource doesn't exist (sheet "${key}").`);
        return s;
      },
    });
  }

  getItemOrNullObject(key: string): FakeWorksheet {
    return new FakeWorksheet(this.context, { queued: () => this.context.model.find(key) ?? null });
  }

  add(name: string): FakeWorksheet {
    return new FakeWorksheet(this.context, { queued: () => this.context.model.addSheet(name) });
  }
}
