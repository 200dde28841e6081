/** Worksheet and WorksheetCollection proxies, over the fake's Grid-backed model. */
import type { GridSheet } from '../../../layout/grid';
import { parseArea } from '../office-address';
import { FakeChartCollection } from './fake-chart';
import { type FakeContext, FakeClientObject, type ProxySource } from './fake-context';
import { FakeOfficeError } from './fake-error';
import { FakeRange } from './fake-range';
import type { OfficeVisibility } from './fake-workbook-model';

export class FakeWorksheet extends FakeClientObject<GridSheet> {
  readonly freezePanes: { freezeRows: (count?: number) => void };
  readonly charts: FakeChartCollection;

  constructor(context: FakeContext, source: ProxySource<GridSheet>) {
    super(context, 'Worksheet', source);
    this.freezePanes = {
      freezeRows: (count = 1) => this.queue((s) => this.context.model.frozenRows.set(s, count), count),
    };
    this.charts = new FakeChartCollection(context, () => this.target());
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

  /** No address: the whole sheet, as in Office.js. */
  getRange(address?: string): FakeRange {
    return new FakeRange(this.context, {
      queued: () => {
        const sheet = this.target();
        if (address === undefined || address === '') return { sheet, area: this.context.model.wholeSheet() };
        const area = parseArea(address);
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
  constructor(context: FakeContext) {
    super(context, 'WorksheetCollection', { derived: () => null });
  }

  get items(): FakeWorksheet[] {
    return this.get('items');
  }

  protected readLive(prop: string): unknown {
    throw new FakeOfficeError('InvalidArgument', `fake Excel: WorksheetCollection.${prop} is not supported (load items/…).`);
  }

  /** "items/name" and plain "name" both load the items' property, as Office.js does. */
  override loadNow(paths: string[]): void {
    const itemPaths = paths.map((p) => (p.startsWith('items/') ? p.slice(6) : p));
    const items = this.context.model.grid.sheets.map((s) => new FakeWorksheet(this.context, { value: s }));
    for (const item of items) item.loadNow(itemPaths);
    this.setLoaded('items', items);
  }

  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(this.context, {
      queued: () => {
        const s = this.context.model.find(name);
        if (!s) throw new FakeOfficeError('ItemNotFound', `The requested resource doesn't exist (sheet "${name}").`);
        return s;
      },
    });
  }

  add(name: string): FakeWorksheet {
    return new FakeWorksheet(this.context, { queued: () => this.context.model.addSheet(name) });
  }
}
