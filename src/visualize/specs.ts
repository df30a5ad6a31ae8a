import { chartConfig, VERDICT_COLORS } from './theme.js';
import type { VegaLiteSpec } from './types.js';

/** A named series (real, synthetic, or one table) and its colour. */
export interface SeriesStyle {
  readonly label: string;
  readonly color: string;
}

/** One bar of a histogram: [start, end) holding `share` of the series' non-missing rows. */
export interface HistogramBar {
  readonly source: string;
  readonly start: number;
  readonly end: number;
  readonly share: number;
  readonly count: number;
}

/** One bar of a value-count chart. */
export interface CategoryBar {
  readonly source: string;
  readonly category: string;
  readonly share: number;
  readonly count: number;
}

/** One point of a scatter plot. */
export interface ScatterPoint {
  readonly source: string;
  readonly x: number;
  readonly y: number;
}

/** A correlation matrix of some columns (null where a coefficient cannot be computed). */
export interface CorrelationPanel {
  readonly title: string;
  readonly columns: readonly string[];
  readonly values: readonly (readonly (number | null)[])[];
  /** `correlation` for -1..1 coefficients, `difference` for synthetic minus real. */
  readonly scale: 'correlation' | 'difference';
}

/** One bar of the quality-scores chart. */
export interface ScoreBar {
  readonly column: string;
  readonly score: number;
  readonly verdict: 'pass' | 'warn' | 'fail';
  readonly metric: string;
}

const WIDTH = 380;

/** A nominal axis in the order of the rows' `rank` (see {@link withRank}). */
const BY_RANK = { field: 'rank', op: 'min', order: 'ascending' } as const;

/** Rows with their place in `order` as `rank`, for sorting a nominal axis by data rather than by a list in the spec. */
function withRank<T extends object>(rows: readonly T[], key: (row: T) => string, order: readonly string[]): (T & { rank: number })[] {
  const place = new Map(order.map((k, i) => [k, i]));
  return rows.map((r) => ({ ...r, rank: place.get(key(r)) ?? order.length }));
}

function colorEncoding(series: readonly SeriesStyle[]): Record<string, unknown> {
  return {
    field: 'source',
    type: 'nominal',
    scale: { domain: series.map((s) => s.label), range: series.map((s) => s.color) },
    legend: series.length > 1 ? { title: null } : null,
  };
}

function top(title: string, subtitle: string | undefined): Record<string, unknown> {
  return {
    title: subtitle === undefined ? { text: title } : { text: title, subtitle },
    config: chartConfig(),
  };
}

/** Overlaid histograms of one numeric or datetime column, as shares of rows so tables of different sizes compare. */
export function histogramSpec(opts: {
  column: string;
  temporal: boolean;
  bars: readonly HistogramBar[];
  series: readonly SeriesStyle[];
  subtitle?: string;
}): VegaLiteSpec {
  const xType = opts.temporal ? 'temporal' : 'quantitative';
  return {
    ...top(opts.column, opts.subtitle),
    width: WIDTH,
    height: 200,
    data: { values: opts.bars },
    mark: { type: 'bar', orient: 'vertical', opacity: opts.series.length > 1 ? 0.55 : 0.85, binSpacing: 1 },
    encoding: {
      x: opts.temporal
        ? { field: 'start', type: xType, title: opts.column, scale: { type: 'utc' }, axis: { format: '%Y-%m-%d', formatType: 'utc', tickCount: 6 } }
        : { field: 'start', type: xType, bin: 'binned', title: opts.column, axis: { tickCount: 8 } },
      x2: { field: 'end' },
      y: { field: 'share', type: 'quantitative', stack: null, title: 'share of rows', scale: { zero: true }, axis: { format: '.1~%' } },
      color: colorEncoding(opts.series),
      tooltip: [
        { field: 'source', type: 'nominal' },
        { field: 'start', type: xType },
        { field: 'end', type: xType },
        { field: 'count', type: 'quantitative' },
        { field: 'share', type: 'quantitative', format: '.1%' },
      ],
    },
  };
}

/** Side-by-side bars of each value's share in one categorical or boolean column. */
export function valueCountsSpec(opts: {
  column: string;
  bars: readonly CategoryBar[];
  categories: readonly string[];
  series: readonly SeriesStyle[];
  subtitle?: string;
}): VegaLiteSpec {
  const perCategory = opts.series.length > 1 ? 20 : 14;
  return {
    ...top(opts.column, opts.subtitle),
    width: WIDTH,
    height: Math.max(60, opts.categories.length * perCategory),
    // The category order travels with the data (`rank`), not as a sort list in the spec, so every value-count chart
    // with as many categories shares one compiled template.
    data: { values: withRank(opts.bars, (b) => b.category, opts.categories) },
    mark: { type: 'bar', cornerRadiusEnd: 2 },
    encoding: {
      y: { field: 'category', type: 'nominal', sort: BY_RANK, title: null, axis: { labelLimit: 180 } },
      ...(opts.series.length > 1 ? { yOffset: { field: 'source', type: 'nominal', sort: opts.series.map((s) => s.label) } } : {}),
      // Not stacked: each series has its own bar (yOffset). A stacked bar with rounded ends is drawn by vega-lite as a
      // clipped group per bar, which made a 20-category chart three times slower to draw and twice the SVG bytes.
      x: { field: 'share', type: 'quantitative', stack: null, title: 'share of rows', axis: { format: '.1~%' } },
      color: colorEncoding(opts.series),
      tooltip: [
        { field: 'source', type: 'nominal' },
        { field: 'category', type: 'nominal' },
        { field: 'count', type: 'quantitative' },
        { field: 'share', type: 'quantitative', format: '.1%' },
      ],
    },
  };
}

/** A scatter plot of two numeric columns from sampled rows of each series. */
export function scatterSpec(opts: {
  x: string;
  y: string;
  points: readonly ScatterPoint[];
  series: readonly SeriesStyle[];
  subtitle?: string;
}): VegaLiteSpec {
  return {
    ...top(`${opts.y} vs ${opts.x}`, opts.subtitle),
    width: 340,
    height: 260,
    data: { values: opts.points },
    mark: { type: 'circle', size: 16, opacity: 0.55 },
    encoding: {
      x: { field: 'x', type: 'quantitative', title: opts.x, scale: { zero: false, nice: true } },
      y: { field: 'y', type: 'quantitative', title: opts.y, scale: { zero: false, nice: true } },
      color: colorEncoding(opts.series),
    },
  };
}

function heatmapPanel(panel: CorrelationPanel, cell: number, showText: boolean, legend: boolean, yLabels: boolean): Record<string, unknown> {
  const values: { a: string; b: string; r: number | null; label: string }[] = [];
  panel.columns.forEach((a, i) =>
    panel.columns.forEach((b, j) => {
      const r = panel.values[i]![j] ?? null;
      values.push({ a, b, r, label: r === null ? '–' : r.toFixed(2) });
    }),
  );
  const size = Math.max(120, panel.columns.length * cell);
  const difference = panel.scale === 'difference';
  const layers: Record<string, unknown>[] = [
    {
      mark: { type: 'rect', stroke: 'white', strokeWidth: 1 },
      encoding: {
        color: {
          field: 'r',
          type: 'quantitative',
          title: difference ? 'difference' : 'correlation',
          scale: { domain: [-1, 1], scheme: difference ? 'purpleorange' : 'blueorange', clamp: true },
          legend: legend ? { orient: 'right', direction: 'vertical', gradientLength: Math.min(size, 140), titleFontSize: 10 } : null,
        },
        tooltip: [
          { field: 'a', type: 'nominal' },
          { field: 'b', type: 'nominal' },
          { field: 'r', type: 'quantitative', format: '.3f' },
        ],
      },
    },
  ];
  if (showText) {
    layers.push({
      mark: { type: 'text', fontSize: 10 },
      encoding: {
        text: { field: 'label', type: 'nominal' },
        color: { condition: { test: 'datum.r !== null && abs(datum.r) > 0.6', value: 'white' }, value: '#1f2937' },
      },
    });
  }
  return {
    title: panel.title,
    width: size,
    height: size,
    data: { values },
    encoding: {
      x: { field: 'a', type: 'nominal', sort: [...panel.columns], title: null, axis: { labelAngle: -40, labelLimit: 220 } },
      // The rows are the same in every panel, so only the first names them.
      y: { field: 'b', type: 'nominal', sort: [...panel.columns], title: null, axis: yLabels ? { labelLimit: 150 } : { labels: false, ticks: false } },
    },
    layer: layers,
  };
}

/** Correlation heatmaps side by side (real, synthetic, their difference), each with its own colour legend. */
export function heatmapSpec(opts: { panels: readonly CorrelationPanel[]; subtitle?: string }): VegaLiteSpec {
  const n = opts.panels[0]?.columns.length ?? 0;
  const cell = n <= 6 ? 40 : n <= 12 ? 30 : 16;
  const showText = n <= 12;
  return {
    ...top('Correlations between numeric columns', opts.subtitle),
    // One legend per colour scale: on the last panel that uses it.
    hconcat: opts.panels.map((p, i) => heatmapPanel(p, cell, showText, !opts.panels.slice(i + 1).some((q) => q.scale === p.scale), i === 0)),
    resolve: { scale: { color: 'independent' } },
    spacing: 24,
  };
}

/** Quality score per column as horizontal bars coloured by verdict, worst first. */
export function scoresSpec(opts: { bars: readonly ScoreBar[]; subtitle?: string }): VegaLiteSpec {
  const order = [...opts.bars].sort((a, b) => a.score - b.score || a.column.localeCompare(b.column)).map((b) => b.column);
  const values = opts.bars.map((b) => ({ ...b, label: b.score.toFixed(2) }));
  return {
    ...top('Quality score per column', opts.subtitle),
    width: WIDTH,
    height: Math.max(60, order.length * 20),
    data: { values: withRank(values, (b) => b.column, order) },
    encoding: {
      y: { field: 'column', type: 'nominal', sort: BY_RANK, title: null, axis: { labelLimit: 200 } },
      // One bar per column: not stacked, so the rounded ends are plain paths (see valueCountsSpec).
      x: { field: 'score', type: 'quantitative', stack: null, title: 'score (1 = identical)', scale: { domain: [0, 1] } },
    },
    layer: [
      {
        mark: { type: 'bar', cornerRadiusEnd: 2 },
        encoding: {
          color: {
            field: 'verdict',
            type: 'nominal',
            title: null,
            scale: { domain: ['pass', 'warn', 'fail'], range: [VERDICT_COLORS.pass, VERDICT_COLORS.warn, VERDICT_COLORS.fail] },
          },
          tooltip: [
            { field: 'column', type: 'nominal' },
            { field: 'metric', type: 'nominal' },
            { field: 'score', type: 'quantitative', format: '.3f' },
            { field: 'verdict', type: 'nominal' },
          ],
        },
      },
      { mark: { type: 'text', align: 'left', dx: 4, fontSize: 10, color: '#374151' }, encoding: { text: { field: 'label', type: 'nominal' } } },
    ],
  };
}
