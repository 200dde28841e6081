/**
 * Range.format and what hangs from it in the fake Excel: fill, font, borders, alignment, wrapping,
 * column width, row height, lock state. Reading a property of a range whose cells differ answers
 * null, as Excel does. A protected sheet refuses cell formats unless the user allowed them
 * (allowFormatCells), row heights unless allowFormatRows, and lock states always (the dialog's
 * « Protection » tab is closed while the sheet is protected).
 */
import type { CellRange } from '../../../layout/grid';
import { type FakeContext, FakeClientObject } from './fake-context';
import { FakeOfficeError } from './fake-error';
import { ALIGNMENT_CHECKS, BORDER_CHECKS, BORDER_INDEX, type BorderIndex, type CellEdge, FONT_CHECKS, type FakeBorder, type FakeFont, checkColour, checkEnum, checkRowHeight, uniform } from './fake-formats';
import type { RangeTarget } from './fake-range';

const unsupported = (type: string, prop: string) => new FakeOfficeError('InvalidArgument', `fake Excel: ${type}.${prop} is not supported.`);

export class FakeRangeFormat extends FakeClientObject<RangeTarget> {
  readonly fill: FakeRangeFill;
  readonly font: FakeRangeFont;
  readonly borders: FakeRangeBorderCollection;
  readonly protection: FakeFormatProtection;

  constructor(context: FakeContext, parent: () => RangeTarget) {
    super(context, 'RangeFormat', { derived: parent });
    this.fill = new FakeRangeFill(context, parent);
    this.font = new FakeRangeFont(context, parent);
    this.borders = new FakeRangeBorderCollection(context, parent);
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

  get rowHeight(): number | null {
    return this.get('rowHeight');
  }
  set rowHeight(points: number) {
    this.queue((t) => this.setHeight(t, checkRowHeight(points)), points);
  }

  get useStandardHeight(): boolean | null {
    return this.get('useStandardHeight');
  }
  /** ExcelApi 1.7: "only intended to be set to true"; false does nothing. */
  set useStandardHeight(v: boolean) {
    if (v) this.queue((t) => this.setHeight(t, null), v);
  }

  get horizontalAlignment(): string | null {
    return this.get('horizontalAlignment');
  }
  set horizontalAlignment(v: string) {
    this.setCells('horizontalAlignment', v);
  }
  get verticalAlignment(): string | null {
    return this.get('verticalAlignment');
  }
  set verticalAlignment(v: string) {
    this.setCells('verticalAlignment', v);
  }
  get wrapText(): boolean | null {
    return this.get('wrapText');
  }
  set wrapText(v: boolean) {
    this.setCells('wrapText', v);
  }

  private setCells(prop: keyof typeof ALIGNMENT_CHECKS, v: unknown): void {
    this.queue((t) => {
      const value = ALIGNMENT_CHECKS[prop](v);
      this.context.model.protection.checkFormat(t.sheet);
      this.context.model.formats.update(t.sheet, t.area, (f) => ({ ...f, [prop]: value }));
      this.context.noteCellWrites(cellsOf(t.area));
    }, v);
  }

  private setHeight(t: RangeTarget, points: number | null): void {
    this.context.model.protection.checkFormat(t.sheet, 'allowFormatRows');
    this.context.model.formats.setRowHeight(t.sheet, t.area.top, t.area.bottom, points);
  }

  protected readLive(prop: string): unknown {
    const t = this.target();
    const model = this.context.model;
    switch (prop) {
      case 'columnWidth':
        return model.columnWidth(t.sheet, t.area);
      case 'useStandardWidth':
        return model.usesStandardWidth(t.sheet, t.area);
      case 'rowHeight':
        return uniformRows(t.area, (row) => model.formats.rowHeight(t.sheet, row));
      case 'useStandardHeight':
        return uniformRows(t.area, (row) => !model.formats.rowHeights.get(t.sheet)?.has(row));
      case 'horizontalAlignment':
      case 'verticalAlignment':
      case 'wrapText':
        return uniform(limited(t.area), (r, c) => model.formats.get(t.sheet, r, c)[prop]);
      default:
        throw unsupported('RangeFormat', prop);
    }
  }

  protected override navigate(nav: string): FakeClientObject<unknown> {
    if (nav === 'fill') return this.fill as FakeClientObject<unknown>;
    if (nav === 'font') return this.font as FakeClientObject<unknown>;
    if (nav === 'protection') return this.protection as FakeClientObject<unknown>;
    return super.navigate(nav);
  }
}

const cellsOf = (a: CellRange) => (a.bottom - a.top + 1) * (a.right - a.left + 1);

/** Reads of a whole row or column look at the cells that can differ: the sheet's first 1 000 rows and 100 columns. */
function limited(a: CellRange): CellRange {
  return { top: a.top, left: a.left, bottom: Math.min(a.bottom, a.top + 999), right: Math.min(a.right, a.left + 99) };
}

function uniformRows<T>(a: CellRange, read: (row: number) => T): T | null {
  let value: T | undefined;
  for (let row = a.top; row <= Math.min(a.bottom, a.top + 9999); row++) {
    const v = read(row);
    if (value === undefined) value = v;
    else if (v !== value) return null;
  }
  return value ?? null;
}

export class FakeRangeFont extends FakeClientObject<RangeTarget> {
  constructor(context: FakeContext, parent: () => RangeTarget) {
    super(context, 'RangeFont', { derived: parent });
    for (const prop of Object.keys(FONT_CHECKS) as (keyof FakeFont)[]) {
      Object.defineProperty(this, prop, {
        get: () => this.get(prop),
        set: (v: unknown) =>
          this.queue((t) => {
            const value = FONT_CHECKS[prop](v);
            this.context.model.protection.checkFormat(t.sheet);
            this.context.model.formats.update(t.sheet, t.area, (f) => ({ ...f, font: { ...f.font, [prop]: value } }));
            this.context.noteCellWrites(cellsOf(t.area));
          }, v),
        enumerable: true,
      });
    }
  }

  protected readLive(prop: string): unknown {
    if (!(prop in FONT_CHECKS)) throw unsupported('RangeFont', prop);
    const t = this.target();
    return uniform(limited(t.area), (r, c) => this.context.model.formats.get(t.sheet, r, c).font[prop as keyof FakeFont]);
  }
}

export class FakeRangeBorderCollection extends FakeClientObject<RangeTarget> {
  constructor(context: FakeContext, parent: () => RangeTarget) {
    super(context, 'RangeBorderCollection', { derived: parent });
  }

  /** getItem(index): an Excel.BorderIndex member; any other is refused when the round trip runs. */
  getItem(index: string): FakeRangeBorder {
    return new FakeRangeBorder(this.context, () => this.target(), index);
  }

  protected readLive(prop: string): unknown {
    throw unsupported('RangeBorderCollection', prop);
  }
}

/** The edge of each cell a border index reads (the first cell's side for an outer edge). */
const READ_EDGE: Partial<Record<BorderIndex, CellEdge>> = { EdgeTop: 'top', EdgeBottom: 'bottom', EdgeLeft: 'left', EdgeRight: 'right', DiagonalDown: 'diagonalDown', DiagonalUp: 'diagonalUp' };

export class FakeRangeBorder extends FakeClientObject<RangeTarget> {
  constructor(
    context: FakeContext,
    parent: () => RangeTarget,
    private readonly index: string,
  ) {
    super(context, 'RangeBorder', { derived: parent });
    for (const prop of Object.keys(BORDER_CHECKS) as (keyof FakeBorder)[]) {
      Object.defineProperty(this, prop, {
        get: () => this.get(prop),
        set: (v: unknown) =>
          this.queue((t) => {
            const at = checkEnum(this.index, BORDER_INDEX, 'BorderIndex') as BorderIndex;
            const value = BORDER_CHECKS[prop](v);
            this.context.model.protection.checkFormat(t.sheet);
            this.context.model.formats.setBorder(t.sheet, t.area, at, prop, value);
            this.context.noteCellWrites(cellsOf(t.area));
          }, v),
        enumerable: true,
      });
    }
  }

  protected readLive(prop: string): unknown {
    const edge = READ_EDGE[checkEnum(this.index, BORDER_INDEX, 'BorderIndex') as BorderIndex];
    if (!(prop in BORDER_CHECKS) || !edge) throw unsupported('RangeBorder', `${this.index}.${prop}`);
    const t = this.target();
    const a = t.area;
    const line = edge === 'top' ? { ...a, bottom: a.top } : edge === 'bottom' ? { ...a, top: a.bottom } : edge === 'left' ? { ...a, right: a.left } : edge === 'right' ? { ...a, left: a.right } : a;
    return uniform(limited(line), (r, c) => this.context.model.formats.get(t.sheet, r, c).borders[edge][prop as keyof FakeBorder]);
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
  set locked(v: boolean) {
    this.queue((t) => {
      if (typeof v !== 'boolean') throw new FakeOfficeError('InvalidArgument', `The argument is invalid or missing or has an incorrect format (locked ${String(v)}).`);
      this.context.model.protection.checkStructure(t.sheet, 'locked');
      this.context.model.protection.setLocked(t.sheet, t.area, v);
    }, v);
  }

  protected readLive(prop: string): unknown {
    if (prop !== 'locked') throw unsupported('FormatProtection', prop);
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
    this.queue((t) => this.context.model.setFill(t.sheet, t.area, checkColour(c, 'fill color')), c);
  }

  clear(): void {
    this.queue((t) => this.context.model.setFill(t.sheet, t.area, null));
  }

  /** color: "#FFFFFF" for no fill as for white (Excel's answer); pattern (ExcelApi 1.9): "None" for no fill. */
  protected readLive(prop: string): unknown {
    if (prop !== 'color' && prop !== 'pattern') throw unsupported('RangeFill', prop);
    const t = this.target();
    return uniform(t.area, (r, c) => (prop === 'color' ? this.context.model.fill(t.sheet, r, c) : this.context.model.hasFill(t.sheet, r, c) ? 'Solid' : 'None'));
  }
}

