/**
 * Charts, faked just enough for the adapter: `worksheet.charts.add(type, range, seriesBy)`, the
 * title, the series (name, values, categories) and the position. Nothing is drawn: each chart is
 * recorded in the model (`model.charts`) with its ranges as addresses, for tests to check.
 */
import type { GridSheet } from '../../../layout/grid';
import { areaAddress } from '../office-address';
import { type FakeContext, FakeClientObject } from './fake-context';
import { FakeOfficeError, propertyNotLoaded } from './fake-error';
import type { FakeRange } from './fake-range';

export interface FakeChartRecord {
  /** Chart.name: "Graphique 1" unless the add-in names it. */
  name: string;
  type: string;
  seriesBy: string;
  /** The source range given to charts.add ("D12:D20"). */
  source: string;
  title?: string;
  series: { name?: string; values: string; categories?: string }[];
  position?: { start: string; end?: string };
}

const CHART_TYPES = new Set(['ColumnClustered']);
const SERIES_BY = new Set(['Auto', 'Columns', 'Rows']);

/** The range's address on the chart's own sheet (the adapter never charts another sheet). */
function rangeOn(sheet: GridSheet, range: FakeRange): string {
  const t = range.hostTarget();
  if (t.sheet !== sheet) throw new FakeOfficeError('InvalidArgument', 'fake Excel: a chart range on another sheet is not supported.');
  return areaAddress(t.area);
}

export class FakeChartCollection extends FakeClientObject<null> {
  constructor(
    context: FakeContext,
    private readonly sheet: () => GridSheet,
  ) {
    super(context, 'ChartCollection', { derived: () => null });
  }

  get items(): FakeChart[] {
    return this.get('items');
  }

  protected readLive(prop: string): unknown {
    throw new FakeOfficeError('InvalidArgument', `fake Excel: ChartCollection.${prop} is not supported (load items/name).`);
  }

  override loadNow(paths: string[]): void {
    const sheet = this.sheet();
    const items = (this.context.model.charts.get(sheet) ?? []).map((record) => {
      const chart = new FakeChart(this.context);
      chart.settle(sheet, record);
      for (const p of paths.map((x) => (x.startsWith('items/') ? x.slice(6) : x))) {
        if (p !== 'name') throw new FakeOfficeError('InvalidArgument', `fake Excel: Chart.${p} is not supported.`);
        this.context.deliver(() => (chart.loadedName = record.name));
        this.context.addResponse(record.name);
      }
      return chart;
    });
    this.setLoaded('items', items);
  }

  /** By name (ExcelApi 1.1); ItemNotFound when the sheet has no such chart. */
  getItem(name: string): FakeChart {
    const chart = new FakeChart(this.context);
    this.context.enqueue(() => {
      const sheet = this.sheet();
      const record = (this.context.model.charts.get(sheet) ?? []).find((c) => c.name === name);
      if (!record) throw new FakeOfficeError('ItemNotFound', `The requested resource doesn't exist (chart "${name}").`);
      chart.settle(sheet, record);
    });
    return chart;
  }

  add(type: string, sourceData: FakeRange, seriesBy = 'Auto'): FakeChart {
    const chart = new FakeChart(this.context);
    this.context.enqueue(
      () => {
        if (!CHART_TYPES.has(type) || !SERIES_BY.has(seriesBy)) throw new FakeOfficeError('InvalidArgument', `fake Excel: chart type ${type} / seriesBy ${seriesBy} is not supported.`);
        const sheet = this.sheet();
        const source = rangeOn(sheet, sourceData);
        const taken = new Set([...this.context.model.charts.values()].flat().map((c) => c.name));
        let n = 1;
        while (taken.has(`Graphique ${n}`)) n++;
        const record: FakeChartRecord = { name: `Graphique ${n}`, type, seriesBy, source, series: [{ values: source }] };
        this.context.model.addChart(sheet, record);
        chart.settle(sheet, record);
      },
      128,
      true,
    );
    return chart;
  }
}

export class FakeChart {
  private record: FakeChartRecord | null = null;
  private sheet: GridSheet | null = null;
  /** Chart.name once loaded (through the collection's items/name). */
  loadedName: string | null = null;
  readonly title: { text: string };
  readonly series: { getItemAt(index: number): FakeChartSeries; add(name?: string): FakeChartSeries };

  constructor(private readonly context: FakeContext) {
    const queue = (run: (r: FakeChartRecord) => void) => this.context.enqueue(() => run(this.target()), 64, true);
    this.title = {
      get text(): string {
        throw new FakeOfficeError('InvalidArgument', 'fake Excel: ChartTitle.text cannot be read.');
      },
      set text(v: string) {
        queue((r) => (r.title = v));
      },
    };
    this.series = {
      getItemAt: (index) =>
        new FakeChartSeries(context, this, () => {
          const s = this.target().series[index];
          if (!s) throw new FakeOfficeError('ItemNotFound', `The requested resource doesn't exist (series ${index}).`);
          return s;
        }),
      add: (name) => {
        const series = new FakeChartSeries(context, this, null);
        queue((r) => {
          const s = { ...(name !== undefined ? { name } : {}), values: '' };
          r.series.push(s);
          series.resolve(() => s);
        });
        return series;
      },
    };
  }

  settle(sheet: GridSheet, record: FakeChartRecord): void {
    this.sheet = sheet;
    this.record = record;
  }

  target(): FakeChartRecord {
    if (!this.record) throw new FakeOfficeError('InvalidReference', 'This reference is not valid for the current operation (Chart).');
    return this.record;
  }

  chartSheet(): GridSheet {
    this.target();
    return this.sheet!;
  }

  get name(): string {
    if (this.loadedName === null) throw propertyNotLoaded('name', 'Chart.name');
    return this.loadedName;
  }
  set name(v: string) {
    this.context.enqueue(() => (this.target().name = v), 64, true);
  }

  delete(): void {
    this.context.enqueue(() => this.context.model.deleteChart(this.chartSheet(), this.target()), 64, true);
  }

  setPosition(startCell: string, endCell?: string): void {
    this.context.enqueue(() => (this.target().position = { start: startCell, ...(endCell ? { end: endCell } : {}) }), 64, true);
  }
}

export class FakeChartSeries {
  constructor(
    private readonly context: FakeContext,
    private readonly chart: FakeChart,
    private find: (() => FakeChartRecord['series'][number]) | null,
  ) {}

  resolve(find: () => FakeChartRecord['series'][number]): void {
    this.find = find;
  }

  private queue(run: (s: FakeChartRecord['series'][number]) => void): void {
    this.context.enqueue(
      () => {
        if (!this.find) throw new FakeOfficeError('InvalidReference', 'This reference is not valid for the current operation (ChartSeries).');
        run(this.find());
      },
      64,
      true,
    );
  }

  set name(v: string) {
    this.queue((s) => (s.name = v));
  }

  setValues(range: FakeRange): void {
    this.queue((s) => (s.values = rangeOn(this.chart.chartSheet(), range)));
  }

  setXAxisValues(range: FakeRange): void {
    this.queue((s) => (s.categories = rangeOn(this.chart.chartSheet(), range)));
  }
}
