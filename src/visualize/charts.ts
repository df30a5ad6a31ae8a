import { Rng, SynthError, type Field, type Seed, type Table } from '../core/index.js';
import type { Report } from '../evaluate/index.js';
import {
  BinCounter,
  ValueCounter,
  columnRole,
  inferTextRole,
  niceBins,
  pearsonNumbers,
  sampleIndices,
  type ColumnRole,
} from './column-stats.js';
import { histogramSpec, heatmapSpec, scatterSpec, scoresSpec, valueCountsSpec } from './specs.js';
import type { CategoryBar, CorrelationPanel, HistogramBar, ScatterPoint, ScoreBar, SeriesStyle } from './specs.js';
import { SERIES_COLORS } from './theme.js';
import { numbersOf, rangeOf, usableCount, type Column } from './chart-column.js';
import { CHART_KINDS, type Chart, type ChartKind, type SkippedChart } from './types.js';

/** What charts are drawn from: the table to picture, optionally the real table it imitates and its evaluation report. */
export interface ChartInput {
  /** The table pictured (the synthetic one when `real` is given). */
  readonly synthetic: Table;
  /** The real table; when given, every chart overlays the two. */
  readonly real?: Table;
  /** An evaluation report; needed for the `scores` chart, and it decides how columns are treated. */
  readonly report?: Report;
}

/** Options of {@link buildCharts}; every limit keeps the specs small whatever the row count. */
export interface ChartOptions {
  /** Chart kinds to draw (default: all of {@link CHART_KINDS}); an unknown name is an UNKNOWN_NAME error. */
  readonly charts?: readonly string[];
  /** Only these columns (default: every column, common to both tables when there are two). */
  readonly columns?: readonly string[];
  /** Seed of the scatter-plot samples (default 0). Same seed, same charts. */
  readonly seed?: Seed;
  /** About this many histogram bins (default 30). */
  readonly bins?: number;
  /** Most categories shown per column; the rest are summed as "(other)" (default 20). */
  readonly maxCategories?: number;
  /** Points sampled per table for a scatter plot (default 800). */
  readonly scatterPoints?: number;
  /** Most column pairs drawn as scatter plots, strongest real correlation first (default 4). */
  readonly maxScatterPairs?: number;
  /** Most columns in a correlation heatmap (default 20). */
  readonly maxHeatmapColumns?: number;
  /** Legend names of the two series (default `real` and `synthetic`; `data` for a lone table). */
  readonly labels?: { readonly real?: string; readonly synthetic?: string };
}

/** The charts drawn and the ones left out with the reason. */
export interface ChartSet {
  readonly charts: Chart[];
  readonly skipped: SkippedChart[];
}

interface Context {
  readonly input: ChartInput;
  readonly columns: readonly Column[];
  readonly series: readonly SeriesStyle[];
  readonly tables: readonly Table[];
  readonly options: Required<Omit<ChartOptions, 'charts' | 'columns' | 'labels' | 'seed'>>;
  readonly rng: Rng;
  readonly charts: Chart[];
  readonly skipped: SkippedChart[];
  readonly names: Set<string>;
}

const SDTYPE_ROLE: Readonly<Record<string, ColumnRole | undefined>> = {
  numerical: 'numeric',
  datetime: 'datetime',
  categorical: 'categorical',
  boolean: 'categorical',
};

/** A file-safe slug of a chart name, unique within the set. */
function chartName(ctx: Context, kind: string, parts: readonly string[]): string {
  const slug = [kind, ...parts]
    .join('-')
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
  let name = slug;
  for (let i = 2; ctx.names.has(name); i++) name = `${slug}-${i}`;
  ctx.names.add(name);
  return name;
}

function fmtCount(n: number): string {
  return n.toLocaleString('en-US');
}

function subtitleFor(ctx: Context, missing: readonly number[], totals: readonly number[]): string {
  return ctx.series
    .map((s, i) => {
      const miss = missing[i] ?? 0;
      return `${s.label}: ${fmtCount(totals[i] ?? 0)} values${miss > 0 ? `, ${fmtCount(miss)} missing` : ''}`;
    })
    .join(' · ');
}

function histogram(ctx: Context, col: Column): void {
  const ranges = col.cells.map((_, s) => rangeOf(numbersOf(col, s)));
  const range = { min: Math.min(...ranges.map((r) => r.min)), max: Math.max(...ranges.map((r) => r.max)), count: ranges.reduce((n, r) => n + r.count, 0) };
  if (range.count === 0) {
    ctx.skipped.push({ kind: 'histogram', columns: [col.name], reason: `column "${col.name}" has no usable values` });
    return;
  }
  const grid = niceBins(range.min, range.max, ctx.options.bins, col.integer && col.role === 'numeric');
  const bars: HistogramBar[] = [];
  const missing: number[] = [];
  const totals: number[] = [];
  col.cells.forEach((_, s) => {
    const counter = new BinCounter(grid).addNumbers(numbersOf(col, s));
    missing.push(counter.missing);
    totals.push(counter.total);
    const label = ctx.series[s]!.label;
    counter.counts.forEach((count, b) => {
      if (count === 0) return;
      const start = grid.start + b * grid.step;
      bars.push({ source: label, start, end: start + grid.step, count, share: count / Math.max(1, counter.total) });
    });
  });
  const spec = histogramSpec({ column: col.name, temporal: col.role === 'datetime', bars, series: ctx.series, subtitle: subtitleFor(ctx, missing, totals) });
  ctx.charts.push({ name: chartName(ctx, 'histogram', [col.name]), kind: 'histogram', title: `Distribution of ${col.name}`, columns: [col.name], spec });
}

const OTHER = '(other)';
const MISSING = '(missing)';

function valueCounts(ctx: Context, col: Column): void {
  const counters = col.cells.map((cells) => new ValueCounter().add(cells));
  // Rank by the first series (the real table when there is one) so the picture reads "how well is real matched".
  const combined = new Map<string, number>();
  counters.forEach((c, s) => {
    for (const [k, n] of c.counts) combined.set(k, (combined.get(k) ?? 0) + (s === 0 ? 1e9 : 1) * (n / Math.max(1, c.total)));
  });
  const first = counters[0]!;
  if (first.counts.size > ctx.options.maxCategories && first.counts.size > 0.5 * first.total) {
    ctx.skipped.push({ kind: 'histogram', columns: [col.name], reason: `column "${col.name}" has ${fmtCount(first.counts.size)} distinct values in ${fmtCount(first.total)} rows: an identifier or free text, not charted` });
    return;
  }
  const ranked = [...combined.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([k]) => k);
  const shown = ranked.slice(0, ctx.options.maxCategories);
  const shownSet = new Set(shown);
  const anyOther = ranked.length > shown.length;
  const anyMissing = counters.some((c) => c.missing > 0);
  const categories = [...shown, ...(anyOther ? [OTHER] : []), ...(anyMissing ? [MISSING] : [])];
  if (categories.length === 0) {
    ctx.skipped.push({ kind: 'histogram', columns: [col.name], reason: `column "${col.name}" has no values` });
    return;
  }
  const bars: CategoryBar[] = [];
  counters.forEach((c, s) => {
    const label = ctx.series[s]!.label;
    const all = c.total + c.missing;
    let other = 0;
    for (const [k, n] of c.counts) if (!shownSet.has(k)) other += n;
    for (const k of shown) {
      const n = c.counts.get(k) ?? 0;
      bars.push({ source: label, category: k, count: n, share: n / Math.max(1, all) });
    }
    if (anyOther) bars.push({ source: label, category: OTHER, count: other, share: other / Math.max(1, all) });
    if (anyMissing) bars.push({ source: label, category: MISSING, count: c.missing, share: c.missing / Math.max(1, all) });
  });
  const distinct = ranked.length;
  const subtitle = `${fmtCount(distinct)} distinct value${distinct === 1 ? '' : 's'}${anyOther ? `, top ${shown.length} shown` : ''} · ${ctx.series.map((s, i) => `${s.label}: ${fmtCount(counters[i]!.total + counters[i]!.missing)} rows`).join(' · ')}`;
  const spec = valueCountsSpec({ column: col.name, bars, categories, series: ctx.series, subtitle });
  ctx.charts.push({ name: chartName(ctx, 'histogram', [col.name]), kind: 'histogram', title: `Values of ${col.name}`, columns: [col.name], spec });
}

function numericColumns(ctx: Context): Column[] {
  // A column with fewer than two numbers in some table has no correlation or spread to show.
  return ctx.columns.filter((c) => c.role === 'numeric' && c.cells.every((_, s) => usableCount(numbersOf(c, s)) >= 2));
}

function correlationMatrix(cols: readonly Column[], s: number): (number | null)[][] {
  const m = cols.map(() => cols.map(() => null as number | null));
  for (let i = 0; i < cols.length; i++) {
    m[i]![i] = 1;
    for (let j = i + 1; j < cols.length; j++) {
      const r = pearsonNumbers(numbersOf(cols[i]!, s), numbersOf(cols[j]!, s)) ?? null;
      m[i]![j] = r;
      m[j]![i] = r;
    }
  }
  return m;
}

function heatmap(ctx: Context): void {
  const cols = numericColumns(ctx).slice(0, ctx.options.maxHeatmapColumns);
  if (cols.length < 2) {
    ctx.skipped.push({ kind: 'heatmap', columns: cols.map((c) => c.name), reason: 'a correlation heatmap needs at least two numeric columns' });
    return;
  }
  const names = cols.map((c) => c.name);
  const matrices = ctx.series.map((_, s) => correlationMatrix(cols, s));
  const panels: CorrelationPanel[] = ctx.series.map((s, i) => ({ title: s.label, columns: names, values: matrices[i]!, scale: 'correlation' }));
  if (matrices.length === 2) {
    const [real, synth] = matrices as [(number | null)[][], (number | null)[][]];
    const diff = real.map((row, i) => row.map((r, j) => (r === null || synth[i]![j] === null ? null : synth[i]![j]! - r)));
    panels.push({ title: `${ctx.series[1]!.label} − ${ctx.series[0]!.label}`, columns: names, values: diff, scale: 'difference' });
  }
  const dropped = numericColumns(ctx).length - cols.length;
  const subtitle = `Pearson coefficients over rows where both values are present${dropped > 0 ? `; first ${cols.length} numeric columns` : ''}`;
  ctx.charts.push({ name: chartName(ctx, 'heatmap', ['correlation']), kind: 'heatmap', title: 'Correlation heatmaps', columns: names, spec: heatmapSpec({ panels, subtitle }) });
}

function scatter(ctx: Context): void {
  const cols = numericColumns(ctx);
  if (cols.length < 2) {
    ctx.skipped.push({ kind: 'scatter', columns: cols.map((c) => c.name), reason: 'a scatter plot needs at least two numeric columns' });
    return;
  }
  const pairs: { a: Column; b: Column; strength: number }[] = [];
  for (let i = 0; i < cols.length; i++) {
    for (let j = i + 1; j < cols.length; j++) {
      const r = pearsonNumbers(numbersOf(cols[i]!, 0), numbersOf(cols[j]!, 0));
      pairs.push({ a: cols[i]!, b: cols[j]!, strength: r === undefined ? -1 : Math.abs(r) });
    }
  }
  // The strongest relations first: they show best whether the synthetic data kept them.
  pairs.sort((p, q) => q.strength - p.strength);
  const chosen = pairs.slice(0, ctx.options.maxScatterPairs);
  if (pairs.length > chosen.length) {
    ctx.skipped.push({ kind: 'scatter', columns: [], reason: `${pairs.length - chosen.length} weaker column pairs not drawn (limit ${ctx.options.maxScatterPairs})` });
  }
  const samples = ctx.tables.map((t, s) => sampleIndices(t.length, ctx.options.scatterPoints, ctx.rng.fork(`scatter/${s}`)));
  for (const { a, b } of chosen) {
    const points: ScatterPoint[] = [];
    const shown: number[] = [];
    samples.forEach((idx, s) => {
      const label = ctx.series[s]!.label;
      let n = 0;
      for (const i of idx) {
        const x = numbersOf(a, s)[i]!;
        const y = numbersOf(b, s)[i]!;
        if (x !== x || y !== y) continue;
        points.push({ source: label, x, y });
        n++;
      }
      shown.push(n);
    });
    const subtitle = ctx.series.map((s, i) => `${s.label}: ${fmtCount(shown[i]!)} of ${fmtCount(ctx.tables[i]!.length)} rows`).join(' · ');
    ctx.charts.push({
      name: chartName(ctx, 'scatter', [b.name, a.name]),
      kind: 'scatter',
      title: `${b.name} against ${a.name}`,
      columns: [a.name, b.name],
      spec: scatterSpec({ x: a.name, y: b.name, points, series: ctx.series, subtitle }),
    });
  }
}

/** Per-column quality bars from a report's column-shape rows (the metric SDMetrics calls Column Shapes). */
export function scoreBars(report: Report): ScoreBar[] {
  const rows = report.details.column_shapes ?? [];
  const bars: ScoreBar[] = [];
  for (const row of rows) {
    if (row.columns.length !== 1 || row.score === null || !Number.isFinite(row.score)) continue;
    bars.push({ column: row.columns[0]!, score: row.score, verdict: row.verdict, metric: row.metric });
  }
  return bars;
}

function scores(ctx: Context): void {
  const report = ctx.input.report;
  if (report === undefined) {
    ctx.skipped.push({ kind: 'scores', columns: [], reason: 'the scores chart needs an evaluation report (give a real table to compare with)' });
    return;
  }
  const wanted = new Set(ctx.columns.map((c) => c.name));
  const bars = scoreBars(report).filter((b) => wanted.has(b.column) || ctx.columns.length === 0);
  if (bars.length === 0) {
    ctx.skipped.push({ kind: 'scores', columns: [], reason: 'the report has no per-column scores' });
    return;
  }
  const failing = bars.filter((b) => b.verdict === 'fail').length;
  const warning = bars.filter((b) => b.verdict === 'warn').length;
  const subtitle = `Column shapes (KS or TV complement) of ${bars.length} columns · ${failing} fail · ${warning} warn · ${bars.length - failing - warning} pass`;
  ctx.charts.push({ name: chartName(ctx, 'scores', ['columns']), kind: 'scores', title: 'Quality score per column', columns: bars.map((b) => b.column), spec: scoresSpec({ bars, subtitle }) });
}

const BUILDERS: Readonly<Record<ChartKind, (ctx: Context) => void>> = {
  histogram: (ctx) => {
    for (const col of ctx.columns) (col.role === 'categorical' ? valueCounts : histogram)(ctx, col);
  },
  scatter,
  heatmap,
  scores,
};

/** Checks chart names against {@link CHART_KINDS}; an unknown one is an UNKNOWN_NAME error listing the valid names. */
export function parseChartKinds(names: readonly string[] | undefined): ChartKind[] {
  if (names === undefined) return [...CHART_KINDS];
  const out: ChartKind[] = [];
  for (const raw of names) {
    const name = raw.trim().toLowerCase();
    if (name === '') continue;
    if (!(CHART_KINDS as readonly string[]).includes(name)) {
      throw new SynthError('UNKNOWN_NAME', `unknown chart "${raw}"; the charts are: ${CHART_KINDS.join(', ')}`, {
        path: '--charts',
        expected: CHART_KINDS,
        received: raw,
      });
    }
    if (!out.includes(name as ChartKind)) out.push(name as ChartKind);
  }
  return out;
}

function resolveColumns(input: ChartInput, only: readonly string[] | undefined, skipped: SkippedChart[]): Column[] {
  const { synthetic, real, report } = input;
  const tables = real === undefined ? [synthetic] : [real, synthetic];
  const base = tables[0]!;
  const names = base.fields.map((f) => f.name).filter((n) => tables.every((t) => t.fields.some((f) => f.name === n)));
  if (only !== undefined) {
    const missing = only.filter((n) => !names.includes(n));
    if (missing.length > 0) {
      throw new SynthError('INVALID_ARGUMENT', `column${missing.length > 1 ? 's' : ''} ${missing.map((m) => `"${m}"`).join(', ')} not found${real ? ' in both tables' : ''}`, {
        path: '--columns',
        expected: names,
        received: missing,
      });
    }
  }
  const out: Column[] = [];
  for (const name of only ?? names) {
    const fields = tables.map((t) => t.fields.find((f) => f.name === name)!);
    const sdtype = report?.columnTypes[name]?.sdtype;
    const cells = tables.map((t) => t.columns[t.fields.findIndex((f) => f.name === name)]!);
    let role = sdtype !== undefined && sdtype in SDTYPE_ROLE ? SDTYPE_ROLE[sdtype] : sdtype === undefined ? columnRole(fields[0]!) : undefined;
    let integer = fields.every((f: Field) => f.kind === 'integer');
    // Untyped text (a CSV read as strings) is typed from its values, the first table's decides.
    if (fields[0]!.kind === 'string' && (sdtype === undefined || role === 'numeric' || role === 'datetime')) {
      const inferred = inferTextRole(cells[0]!);
      if (sdtype === undefined) role = inferred.role;
      integer = inferred.integer;
    }
    if (role === undefined) {
      skipped.push({ kind: 'histogram', columns: [name], reason: `column "${name}" is ${sdtype ?? fields[0]!.kind}, which is not charted` });
      continue;
    }
    out.push({ name, role, integer, cells, numbers: cells.map(() => undefined) });
  }
  return out;
}

/**
 * Builds vega-lite chart specs from tables (and a report): aggregates are computed here, so each spec carries only
 * bins, counts, coefficients or a bounded seeded sample, whatever the row count.
 * @example const { charts } = buildCharts({ real, synthetic }, { charts: ['histogram', 'heatmap'], seed: 1 });
 */
export function buildCharts(input: ChartInput, options: ChartOptions = {}): ChartSet {
  const kinds = parseChartKinds(options.charts);
  const skipped: SkippedChart[] = [];
  const columns = resolveColumns(input, options.columns, skipped);
  const single = input.real === undefined;
  const series: SeriesStyle[] = single
    ? [{ label: options.labels?.synthetic ?? 'data', color: SERIES_COLORS.single }]
    : [
        { label: options.labels?.real ?? 'real', color: SERIES_COLORS.real },
        { label: options.labels?.synthetic ?? 'synthetic', color: SERIES_COLORS.synthetic },
      ];
  const ctx: Context = {
    input,
    columns,
    series,
    tables: single ? [input.synthetic] : [input.real!, input.synthetic],
    options: {
      bins: options.bins ?? 30,
      maxCategories: options.maxCategories ?? 20,
      scatterPoints: options.scatterPoints ?? 800,
      maxScatterPairs: options.maxScatterPairs ?? 4,
      maxHeatmapColumns: options.maxHeatmapColumns ?? 20,
    },
    rng: new Rng(options.seed ?? 0).fork('visualize'),
    charts: [],
    skipped,
    names: new Set(),
  };
  // Scores lead: in a report the verdict per column is read before the pictures that explain it.
  const order: ChartKind[] = ['scores', 'histogram', 'heatmap', 'scatter'];
  for (const kind of order) if (kinds.includes(kind)) BUILDERS[kind](ctx);
  return { charts: ctx.charts, skipped: ctx.skipped };
}
