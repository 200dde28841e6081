/**
 * Worksheet.pageLayout and Worksheet.horizontalPageBreaks (ExcelApi 1.9) in the fake Excel: the
 * print setup a sheet carries (orientation, paper, zoom or fit to pages, margins, centring, first
 * page number, header and footer texts, print area, rows repeated at the top, manual page breaks),
 * checked as Excel checks them: enumeration members it knows, zoom set as a whole object, a scale of
 * 10 to 400, print title rows that span whole rows, header and footer sections of at most 255
 * characters, no page break above the first row.
 */
import type { CellRange, GridSheet } from '../../../layout/grid';
import { parseRangeAddress } from '../office-address';
import { type FakeContext, FakeClientObject } from './fake-context';
import { FakeOfficeError } from './fake-error';
import { checkEnum } from './fake-formats';
import { FakeRange, FakeRangeAreas } from './fake-range';
import { MAX_COL, MAX_ROW } from './fake-workbook-model';

/** Excel.PageOrientation, Excel.PaperType, Excel.HeaderFooterState, Excel.PrintMarginUnit. */
export const PAGE_ORIENTATION = ['Portrait', 'Landscape'] as const;
export const PAPER_TYPE = [
  'Letter', 'LetterSmall', 'Tabloid', 'Ledger', 'Legal', 'Statement', 'Executive', 'A3', 'A4', 'A4Small', 'A5', 'B4', 'B5', 'Folio', 'Quatro', 'Paper10x14', 'Paper11x17', 'Note',
  'Envelope9', 'Envelope10', 'Envelope11', 'Envelope12', 'Envelope14', 'Csheet', 'Dsheet', 'Esheet', 'EnvelopeDL', 'EnvelopeC5', 'EnvelopeC3', 'EnvelopeC4', 'EnvelopeC6', 'EnvelopeC65',
  'EnvelopeB4', 'EnvelopeB5', 'EnvelopeB6', 'EnvelopeItaly', 'EnvelopeMonarch', 'EnvelopePersonal', 'FanfoldUS', 'FanfoldStdGerman', 'FanfoldLegalGerman',
] as const;
export const HEADER_FOOTER_STATE = ['Default', 'FirstAndDefault', 'OddAndEven', 'FirstOddAndEven'] as const;
const MARGIN_UNIT: Record<string, number> = { Points: 1, Inches: 72, Centimeters: 72 / 2.54 };
const MARGINS = ['leftMargin', 'rightMargin', 'topMargin', 'bottomMargin', 'headerMargin', 'footerMargin'] as const;
const SECTIONS = ['leftHeader', 'centerHeader', 'rightHeader', 'leftFooter', 'centerFooter', 'rightFooter'] as const;
type Margin = (typeof MARGINS)[number];
type Section = (typeof SECTIONS)[number];

export interface PageZoom {
  scale?: number;
  horizontalFitToPages?: number;
  verticalFitToPages?: number;
}

export interface FakePageSetup {
  orientation: string;
  paperSize: string;
  zoom: PageZoom;
  margins: Record<Margin, number>;
  centerHorizontally: boolean;
  centerVertically: boolean;
  /** "" for automatic numbering. */
  firstPageNumber: number | '';
  headerFooterState: string;
  /** The texts of headersFooters.defaultForAllPages. */
  defaultForAllPages: Record<Section, string>;
  printArea: CellRange | null;
  printTitleRows: { first: number; last: number } | null;
  /** Rows a manual page break puts at the top of a page. */
  rowBreaks: number[];
}

/** A new sheet's setup in Excel: portrait Letter at 100 %, the « Normal » margins, no header or footer. */
export function defaultPageSetup(): FakePageSetup {
  return {
    orientation: 'Portrait',
    paperSize: 'Letter',
    zoom: { scale: 100 },
    margins: { leftMargin: 50.4, rightMargin: 50.4, topMargin: 54, bottomMargin: 54, headerMargin: 21.6, footerMargin: 21.6 },
    centerHorizontally: false,
    centerVertically: false,
    firstPageNumber: '',
    headerFooterState: 'Default',
    defaultForAllPages: { leftHeader: '', centerHeader: '', rightHeader: '', leftFooter: '', centerFooter: '', rightFooter: '' },
    printArea: null,
    printTitleRows: null,
    rowBreaks: [],
  };
}

const invalid = (what: string) => new FakeOfficeError('InvalidArgument', `The argument is invalid or missing or has an incorrect format (${what}).`);

export class FakePageSetups {
  readonly sheets = new Map<GridSheet, FakePageSetup>();

  of(sheet: GridSheet): FakePageSetup {
    let p = this.sheets.get(sheet);
    if (!p) this.sheets.set(sheet, (p = defaultPageSetup()));
    return p;
  }

  forget(sheet: GridSheet): void {
    this.sheets.delete(sheet);
  }
}

/** "A1:I31", a Range proxy, or "$1:$2" / "1:2" for whole rows. */
function targetArea(arg: unknown): CellRange {
  if (arg instanceof FakeRange) return arg.hostTarget().area;
  if (typeof arg !== 'string') throw invalid(`range ${String(arg)}`);
  const area = parseRangeAddress(arg, MAX_ROW, MAX_COL);
  if (!area) throw invalid(`address "${arg}"`);
  return area;
}

export class FakeHeaderFooter extends FakeClientObject<GridSheet> {
  constructor(context: FakeContext, sheet: () => GridSheet) {
    super(context, 'HeaderFooter', { derived: sheet });
    for (const section of SECTIONS) {
      Object.defineProperty(this, section, {
        get: () => this.get(section),
        set: (v: unknown) =>
          this.queue((s) => {
            // Excel: "the header or footer is too long" past 255 characters.
            if (typeof v !== 'string' || v.length > 255) throw invalid(`${section} of ${String(v).length} characters`);
            this.context.model.pages.of(s).defaultForAllPages[section] = v;
          }, v),
        enumerable: true,
      });
    }
  }

  protected readLive(prop: string): unknown {
    if ((SECTIONS as readonly string[]).includes(prop)) return this.context.model.pages.of(this.target()).defaultForAllPages[prop as Section];
    throw new FakeOfficeError('InvalidArgument', `fake Excel: HeaderFooter.${prop} is not supported.`);
  }
}

export class FakeHeaderFooterGroup extends FakeClientObject<GridSheet> {
  readonly defaultForAllPages: FakeHeaderFooter;

  constructor(context: FakeContext, sheet: () => GridSheet) {
    super(context, 'HeaderFooterGroup', { derived: sheet });
    this.defaultForAllPages = new FakeHeaderFooter(context, sheet);
  }

  get state(): string {
    return this.get('state');
  }
  set state(v: string) {
    this.queue((s) => (this.context.model.pages.of(s).headerFooterState = checkEnum(v, HEADER_FOOTER_STATE, 'HeaderFooterGroup.state')), v);
  }

  protected readLive(prop: string): unknown {
    if (prop === 'state') return this.context.model.pages.of(this.target()).headerFooterState;
    throw new FakeOfficeError('InvalidArgument', `fake Excel: HeaderFooterGroup.${prop} is not supported.`);
  }

  protected override navigate(nav: string): FakeClientObject<unknown> {
    if (nav === 'defaultForAllPages') return this.defaultForAllPages as FakeClientObject<unknown>;
    return super.navigate(nav);
  }
}

export class FakePageLayout extends FakeClientObject<GridSheet> {
  readonly headersFooters: FakeHeaderFooterGroup;

  constructor(context: FakeContext, sheet: () => GridSheet) {
    super(context, 'PageLayout', { derived: sheet });
    this.headersFooters = new FakeHeaderFooterGroup(context, sheet);
    for (const m of MARGINS) {
      Object.defineProperty(this, m, {
        get: () => this.get(m),
        set: (v: unknown) => this.queue((s) => (this.setup(s).margins[m] = margin(v, m)), v),
        enumerable: true,
      });
    }
  }

  private setup(s: GridSheet): FakePageSetup {
    return this.context.model.pages.of(s);
  }

  get orientation(): string {
    return this.get('orientation');
  }
  set orientation(v: string) {
    this.queue((s) => (this.setup(s).orientation = checkEnum(v, PAGE_ORIENTATION, 'PageLayout.orientation')), v);
  }
  get paperSize(): string {
    return this.get('paperSize');
  }
  set paperSize(v: string) {
    this.queue((s) => (this.setup(s).paperSize = checkEnum(v, PAPER_TYPE, 'PageLayout.paperSize')), v);
  }
  get zoom(): PageZoom {
    return this.get('zoom');
  }
  /** "The PageLayoutZoomOptions object must be set as a JSON object": a whole object, checked. */
  set zoom(v: PageZoom) {
    this.queue((s) => (this.setup(s).zoom = checkZoom(v)), v);
  }
  get centerHorizontally(): boolean {
    return this.get('centerHorizontally');
  }
  set centerHorizontally(v: boolean) {
    this.queue((s) => (this.setup(s).centerHorizontally = bool(v, 'centerHorizontally')), v);
  }
  get centerVertically(): boolean {
    return this.get('centerVertically');
  }
  set centerVertically(v: boolean) {
    this.queue((s) => (this.setup(s).centerVertically = bool(v, 'centerVertically')), v);
  }
  get firstPageNumber(): number | '' {
    return this.get('firstPageNumber');
  }
  set firstPageNumber(v: number | '') {
    this.queue((s) => {
      if (v !== '' && !(Number.isInteger(v) && v >= 0 && v <= 32767)) throw invalid(`firstPageNumber ${String(v)}`);
      this.setup(s).firstPageNumber = v;
    }, v);
  }

  setPrintMargins(unit: string, options: Partial<Record<'left' | 'right' | 'top' | 'bottom' | 'header' | 'footer', number>>): void {
    this.queue((s) => {
      const factor = MARGIN_UNIT[checkEnum(unit, Object.keys(MARGIN_UNIT), 'PrintMarginUnit')];
      for (const [k, v] of Object.entries(options ?? {})) {
        const m = `${k}Margin` as Margin;
        if (!MARGINS.includes(m)) throw invalid(`margin option "${k}"`);
        this.setup(s).margins[m] = margin(Number(v) * factor, m);
      }
    }, { unit, options });
  }

  setPrintArea(area: unknown): void {
    this.queue((s) => (this.setup(s).printArea = targetArea(area)), typeof area === 'string' ? area : null);
  }

  /** "The range must span the entire row to be valid." */
  setPrintTitleRows(rows: unknown): void {
    this.queue((s) => {
      const a = targetArea(rows);
      if (a.left !== 1 || a.right !== MAX_COL) throw invalid(`print title rows "${String(rows)}" do not span entire rows`);
      this.setup(s).printTitleRows = { first: a.top, last: a.bottom };
    }, typeof rows === 'string' ? rows : null);
  }

  getPrintAreaOrNullObject(): FakeRangeAreas {
    return new FakeRangeAreas(this.context, {
      queued: () => {
        const s = this.target();
        const a = this.setup(s).printArea;
        return a ? { sheet: s, areas: [{ ...a }] } : null;
      },
    });
  }

  getPrintTitleRowsOrNullObject(): FakeRange {
    return new FakeRange(this.context, {
      queued: () => {
        const s = this.target();
        const t = this.setup(s).printTitleRows;
        return t ? { sheet: s, area: { top: t.first, bottom: t.last, left: 1, right: MAX_COL } } : null;
      },
    });
  }

  protected readLive(prop: string): unknown {
    const p = this.setup(this.target());
    if ((MARGINS as readonly string[]).includes(prop)) return p.margins[prop as Margin];
    switch (prop) {
      case 'orientation':
      case 'paperSize':
      case 'centerHorizontally':
      case 'centerVertically':
      case 'firstPageNumber':
        return p[prop];
      case 'zoom':
        return { ...p.zoom };
      default:
        throw new FakeOfficeError('InvalidArgument', `fake Excel: PageLayout.${prop} is not supported.`);
    }
  }

  protected override navigate(nav: string): FakeClientObject<unknown> {
    if (nav === 'headersFooters') return this.headersFooters as FakeClientObject<unknown>;
    return super.navigate(nav);
  }
}

function margin(v: unknown, what: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > 49 * 72) throw invalid(`${what} ${String(v)}`);
  return Math.round(v * 100) / 100;
}

function bool(v: unknown, what: string): boolean {
  if (typeof v !== 'boolean') throw invalid(`${what} ${String(v)}`);
  return v;
}

function checkZoom(v: PageZoom): PageZoom {
  if (!v || typeof v !== 'object') throw invalid('zoom: PageLayoutZoomOptions is set as a whole object');
  const keys = Object.keys(v);
  if (keys.some((k) => !['scale', 'horizontalFitToPages', 'verticalFitToPages'].includes(k))) throw invalid(`zoom options ${keys.join(', ')}`);
  const fit = v.horizontalFitToPages !== undefined || v.verticalFitToPages !== undefined;
  if (v.scale !== undefined && fit) throw invalid('zoom: a scale or pages to fit, not both');
  if (v.scale !== undefined && !(Number.isInteger(v.scale) && v.scale >= 10 && v.scale <= 400)) throw invalid(`zoom scale ${v.scale}`);
  for (const k of ['horizontalFitToPages', 'verticalFitToPages'] as const) {
    const n = v[k];
    if (n !== undefined && !(Number.isInteger(n) && n >= 0 && n <= 32767)) throw invalid(`zoom ${k} ${n}`);
  }
  if (!fit && v.scale === undefined) throw invalid('zoom: empty options');
  return { ...v };
}

/** Worksheet.horizontalPageBreaks: a new printed page starts above each break's row. */
export class FakePageBreakCollection extends FakeClientObject<GridSheet> {
  constructor(context: FakeContext, sheet: () => GridSheet) {
    super(context, 'PageBreakCollection', { derived: sheet });
  }

  get items(): FakePageBreak[] {
    return this.get('items');
  }

  /** "Adds a page break before the top-left cell of the range specified." */
  add(range: unknown): FakePageBreak {
    let row = 0;
    this.queue((s) => {
      const a = targetArea(range);
      if (a.top <= 1) throw invalid('a page break above the first row');
      row = a.top;
      const breaks = this.context.model.pages.of(s).rowBreaks;
      if (!breaks.includes(row)) breaks.push(row);
      breaks.sort((x, y) => x - y);
    }, typeof range === 'string' ? range : null);
    return new FakePageBreak(this.context, () => ({ sheet: this.target(), row }));
  }

  removePageBreaks(): void {
    this.queue((s) => (this.context.model.pages.of(s).rowBreaks = []));
  }

  protected readLive(prop: string): unknown {
    throw new FakeOfficeError('InvalidArgument', `fake Excel: PageBreakCollection.${prop} is not supported (load items).`);
  }

  override loadNow(paths: string[]): void {
    const s = this.target();
    const rows = this.context.model.pages.of(s).rowBreaks;
    this.loadItems(paths.filter((p) => p !== 'items'), rows.map((row) => new FakePageBreak(this.context, () => ({ sheet: s, row }))) as FakeClientObject<unknown>[]);
  }
}

export class FakePageBreak extends FakeClientObject<{ sheet: GridSheet; row: number }> {
  constructor(context: FakeContext, at: () => { sheet: GridSheet; row: number }) {
    super(context, 'PageBreak', { derived: at });
  }

  /** The first cell after the break (its row, column A). */
  getCellAfterBreak(): FakeRange {
    return new FakeRange(this.context, {
      queued: () => {
        const t = this.target();
        return { sheet: t.sheet, area: { top: t.row, bottom: t.row, left: 1, right: 1 } };
      },
    });
  }

  /** rowIndex and columnIndex are not given: the documentation does not say from what they count. */
  protected readLive(prop: string): unknown {
    throw new FakeOfficeError('InvalidArgument', `fake Excel: PageBreak.${prop} is not supported (use getCellAfterBreak).`);
  }
}
