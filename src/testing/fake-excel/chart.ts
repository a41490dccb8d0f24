/** Excel.ChartCollection / Chart, as far as a bar chart of the index per unit needs them. */
import { rectCols, rectRows } from './address';
import { type Binding, FakeClientObject, type FakeRequestContext, unknownProperty } from './client-object';
import { FakeOfficeError } from './errors';
import type { ChartModel, SheetModel } from './model';
import type { FakeRange } from './range';

/** The chart types a test may meet; anything else is refused, as Excel refuses unknown enums. */
const CHART_TYPES = new Set([
  'BarClustered',
  'BarStacked',
  'BarStacked100',
  'ColumnClustered',
  'ColumnStacked',
  'ColumnStacked100',
  'Line',
  'LineMarkers',
  'Pie',
  'Doughnut',
  'Area',
  'XYScatter',
]);

let chartSeq = 1;

interface ChartTarget {
  sheet: SheetModel;
  chart: ChartModel;
}

export class FakeChartCollection extends FakeClientObject<SheetModel> {
  protected readonly _scalarProps = ['count'] as const;
  private _items?: FakeChart[];

  constructor(context: FakeRequestContext, binding: Binding<SheetModel>) {
    super(context, 'ChartCollection', binding);
  }
  protected _snapshot(sheet: SheetModel, p: string): unknown {
    if (p === 'count') return sheet.charts.length;
    throw unknownProperty('ChartCollection', p);
  }
  get count(): number {
    return this._read('count');
  }
  get items(): FakeChart[] {
    return this._read('items');
  }

  override load(option?: string | string[]): this {
    const props = (typeof option === 'string' ? option.split(',') : (option ?? []))
      .map((p) => p.trim().replace(/^items\//, ''))
      .filter(Boolean);
    this._queueLoad((sheet) => {
      this._items = sheet.charts.map((chart) => new FakeChart(this.context, { target: { sheet, chart } }));
      for (const item of this._items) item._loadNow(props.length ? props : undefined);
      this._setLoaded('items', this._items);
    });
    return this;
  }

  add(type: string, sourceData: FakeRange, seriesBy: 'Auto' | 'Columns' | 'Rows' = 'Auto'): FakeChart {
    return new FakeChart(this.context, {
      resolve: () => {
        const sheet = this._parentTarget();
        if (!sheet) return null;
        if (!CHART_TYPES.has(type))
          throw new FakeOfficeError('InvalidArgument', `Unknown chart type '${type}'.`);
        const src = sourceData._bound();
        const byRows =
          seriesBy === 'Rows' || (seriesBy === 'Auto' && rectCols(src.rect) > rectRows(src.rect));
        const series: ChartModel['series'] = [];
        const n = byRows ? rectRows(src.rect) : rectCols(src.rect);
        for (let i = 0; i < n; i++) {
          const rect = byRows
            ? { ...src.rect, row: src.rect.row + i, rowEnd: src.rect.row + i }
            : { ...src.rect, col: src.rect.col + i, colEnd: src.rect.col + i };
          series.push({ name: `Series${i + 1}`, values: src.sheet.address(rect), xAxisValues: null });
        }
        const chart: ChartModel = {
          id: `{CHART-${chartSeq}}`,
          name: `Chart ${chartSeq++}`,
          type,
          source: src.sheet.address(src.rect),
          seriesBy: byRows ? 'Rows' : 'Columns',
          title: '',
          series,
          legendVisible: true,
          position: null,
        };
        sheet.charts.push(chart);
        return { sheet, chart };
      },
      action: true,
    });
  }

  getItem(name: string): FakeChart {
    return new FakeChart(this.context, {
      resolve: () => {
        const sheet = this._parentTarget();
        if (!sheet) return null;
        const chart = sheet.charts.find((c) => c.name === name);
        if (!chart)
          throw new FakeOfficeError(
            'ItemNotFound',
            `The requested resource doesn't exist (chart '${name}').`,
          );
        return { sheet, chart };
      },
    });
  }

  getItemOrNullObject(name: string): FakeChart {
    return new FakeChart(this.context, {
      resolve: () => {
        const sheet = this._parentTarget();
        const chart = sheet?.charts.find((c) => c.name === name);
        return sheet && chart ? { sheet, chart } : null;
      },
    });
  }
}

export class FakeChart extends FakeClientObject<ChartTarget> {
  protected readonly _scalarProps = ['name', 'id', 'chartType'] as const;
  private _title?: FakeChartTitle;
  private _legend?: FakeChartLegend;
  private _series?: FakeChartSeriesCollection;

  constructor(context: FakeRequestContext, binding: Binding<ChartTarget>) {
    super(context, 'Chart', binding);
  }
  protected _snapshot(t: ChartTarget, p: string): unknown {
    if (p === 'name') return t.chart.name;
    if (p === 'id') return t.chart.id;
    if (p === 'chartType') return t.chart.type;
    throw unknownProperty('Chart', p);
  }
  get name(): string {
    return this._read('name');
  }
  set name(n: string) {
    this._queue((t) => {
      if (t.sheet.charts.some((c) => c !== t.chart && c.name === n)) {
        throw new FakeOfficeError('ItemAlreadyExists', `A chart named '${n}' already exists.`);
      }
      t.chart.name = n;
    });
  }
  get chartType(): string {
    return this._read('chartType');
  }
  get title(): FakeChartTitle {
    this._title ??= new FakeChartTitle(this.context, { resolve: () => this._parentTarget() });
    return this._title;
  }
  get legend(): FakeChartLegend {
    this._legend ??= new FakeChartLegend(this.context, { resolve: () => this._parentTarget() });
    return this._legend;
  }
  get series(): FakeChartSeriesCollection {
    this._series ??= new FakeChartSeriesCollection(this.context, { resolve: () => this._parentTarget() });
    return this._series;
  }
  setPosition(startCell: FakeRange | string, endCell?: FakeRange | string): void {
    this._queue((t) => {
      const name = (c: FakeRange | string) => (typeof c === 'string' ? c : c._describe());
      t.chart.position = { start: name(startCell), end: endCell === undefined ? null : name(endCell) };
    });
  }
  delete(): void {
    this._queue((t) => {
      t.sheet.charts.splice(t.sheet.charts.indexOf(t.chart), 1);
    });
  }
}

export class FakeChartTitle extends FakeClientObject<ChartTarget> {
  protected readonly _scalarProps = ['text'] as const;
  constructor(context: FakeRequestContext, binding: Binding<ChartTarget>) {
    super(context, 'ChartTitle', binding);
  }
  protected _snapshot(t: ChartTarget, p: string): unknown {
    if (p === 'text') return t.chart.title;
    throw unknownProperty('ChartTitle', p);
  }
  get text(): string {
    return this._read('text');
  }
  set text(s: string) {
    this._queue((t) => {
      t.chart.title = s;
    });
  }
}

export class FakeChartLegend extends FakeClientObject<ChartTarget> {
  protected readonly _scalarProps = ['visible'] as const;
  constructor(context: FakeRequestContext, binding: Binding<ChartTarget>) {
    super(context, 'ChartLegend', binding);
  }
  protected _snapshot(t: ChartTarget, p: string): unknown {
    if (p === 'visible') return t.chart.legendVisible;
    throw unknownProperty('ChartLegend', p);
  }
  get visible(): boolean {
    return this._read('visible');
  }
  set visible(v: boolean) {
    this._queue((t) => {
      t.chart.legendVisible = v;
    });
  }
}

interface SeriesTarget extends ChartTarget {
  index: number;
}

export class FakeChartSeriesCollection extends FakeClientObject<ChartTarget> {
  protected readonly _scalarProps = ['count'] as const;
  constructor(context: FakeRequestContext, binding: Binding<ChartTarget>) {
    super(context, 'ChartSeriesCollection', binding);
  }
  protected _snapshot(t: ChartTarget, p: string): unknown {
    if (p === 'count') return t.chart.series.length;
    throw unknownProperty('ChartSeriesCollection', p);
  }
  get count(): number {
    return this._read('count');
  }
  getItemAt(index: number): FakeChartSeries {
    return new FakeChartSeries(this.context, {
      resolve: () => {
        const t = this._parentTarget();
        if (!t) return null;
        if (!t.chart.series[index])
          throw new FakeOfficeError('ItemNotFound', `The chart has no series at index ${index}.`);
        return { ...t, index };
      },
    });
  }
}

export class FakeChartSeries extends FakeClientObject<SeriesTarget> {
  protected readonly _scalarProps = ['name'] as const;
  constructor(context: FakeRequestContext, binding: Binding<SeriesTarget>) {
    super(context, 'ChartSeries', binding);
  }
  protected _snapshot(t: SeriesTarget, p: string): unknown {
    if (p === 'name') return t.chart.series[t.index]!.name;
    throw unknownProperty('ChartSeries', p);
  }
  get name(): string {
    return this._read('name');
  }
  set name(n: string) {
    this._queue((t) => {
      t.chart.series[t.index]!.name = n;
    });
  }
  setValues(source: FakeRange): void {
    this._queue((t) => {
      const s = source._bound();
      t.chart.series[t.index]!.values = s.sheet.address(s.rect);
    });
  }
  setXAxisValues(source: FakeRange): void {
    this._queue((t) => {
      const s = source._bound();
      t.chart.series[t.index]!.xAxisValues = s.sheet.address(s.rect);
    });
  }
}
