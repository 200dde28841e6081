/**
 * Defined names (ExcelApi 1.4): `workbook.names.add(name, range)`, `getItemOrNullObject`, and a
 * name's `getRangeOrNullObject()`. A name follows its cells when rows or columns are inserted or
 * deleted (fake-structure.ts) and reads #REF! once its sheet is deleted — which is what the adapter
 * relies on to notice that lines moved under a write before undoing it.
 */
import { parseArea, splitSheetAddress } from '../office-address';
import { type FakeContext, FakeClientObject, type ProxySource } from './fake-context';
import { FakeOfficeError } from './fake-error';
import { FakeRange } from './fake-range';
import type { FakeName } from './fake-workbook-model';

export class FakeNamedItem extends FakeClientObject<FakeName> {
  constructor(context: FakeContext, source: ProxySource<FakeName>) {
    super(context, 'NamedItem', source);
  }

  get name(): string {
    return this.get('name');
  }
  get formula(): string {
    return this.get('formula');
  }
  get visible(): boolean {
    return this.get('visible');
  }
  set visible(v: boolean) {
    this.queue((n) => (n.visible = v), v, false);
  }

  protected readLive(prop: string): unknown {
    const n = this.target();
    switch (prop) {
      case 'name':
        return n.name;
      case 'formula':
        return this.context.model.nameFormula(n);
      case 'visible':
        return n.visible;
      case 'comment':
        return n.comment;
      default:
        throw new FakeOfficeError('InvalidArgument', `fake Excel: NamedItem.${prop} is not supported.`);
    }
  }

  getRangeOrNullObject(): FakeRange {
    return new FakeRange(this.context, {
      queued: () => {
        const n = this.target();
        return n.sheet && n.area ? { sheet: n.sheet, area: { ...n.area } } : null;
      },
    });
  }

  delete(): void {
    this.queue((n) => this.context.model.deleteName(n), null, false);
  }
}

export class FakeNamedItemCollection extends FakeClientObject<null> {
  constructor(context: FakeContext) {
    super(context, 'NamedItemCollection', { derived: () => null });
  }

  get items(): FakeNamedItem[] {
    return this.get('items');
  }

  protected readLive(prop: string): unknown {
    throw new FakeOfficeError('InvalidArgument', `fake Excel: NamedItemCollection.${prop} is not supported (load items/…).`);
  }

  override loadNow(paths: string[]): void {
    this.loadItems(paths, [...this.context.model.names.values()].map((n) => new FakeNamedItem(this.context, { value: n })) as FakeClientObject<unknown>[]);
  }

  add(name: string, reference: FakeRange | string, comment = ''): FakeNamedItem {
    const item = new FakeNamedItem(this.context, {
      queued: () => {
        const model = this.context.model;
        let target;
        if (typeof reference === 'string') {
          const { sheet, area } = splitSheetAddress(reference.replace(/^=/, ''));
          const s = model.find(sheet);
          const a = parseArea(area.replace(/\$/g, ''));
          if (!s || !a) throw new FakeOfficeError('InvalidArgument', `The argument is invalid or missing or has an incorrect format (reference "${reference}").`);
          target = { sheet: s, area: a };
        } else {
          target = reference.hostTarget();
        }
        return model.addName(name, target.sheet, target.area, comment);
      },
    });
    return item;
  }

  getItem(name: string): FakeNamedItem {
    return new FakeNamedItem(this.context, {
      queued: () => {
        const n = this.context.model.names.get(name.toLowerCase());
        if (!n) throw new FakeOfficeError('ItemNotFound', `The requested resource doesn't exist (name "${name}").`);
        return n;
      },
    });
  }

  getItemOrNullObject(name: string): FakeNamedItem {
    return new FakeNamedItem(this.context, { queued: () => this.context.model.names.get(name.toLowerCase()) ?? null });
  }
}
