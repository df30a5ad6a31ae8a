/** The chart families synthdata draws; each name is also accepted by `--charts`. */
export const CHART_KINDS = ['histogram', 'scatter', 'heatmap', 'scores'] as const;

/** One of {@link CHART_KINDS}. */
export type ChartKind = (typeof CHART_KINDS)[number];

/** A vega-lite specification as plain JSON (compiled with `vega-lite`'s `compile`). */
export type VegaLiteSpec = Record<string, unknown>;

/** One chart: a stable file-safe name, what it shows, and its vega-lite spec with the aggregated data inline. */
export interface Chart {
  /** File-safe and unique within one set of charts, e.g. `histogram-body-mass-g`. */
  readonly name: string;
  readonly kind: ChartKind;
  readonly title: string;
  /** The table columns the chart is about. */
  readonly columns: readonly string[];
  readonly spec: VegaLiteSpec;
}

/** A column or chart that was left out, and why (shown in reports instead of silently dropping it). */
export interface SkippedChart {
  readonly kind: ChartKind;
  readonly columns: readonly string[];
  readonly reason: string;
}

/** A verdict as reports give it. */
export type Verdict = 'pass' | 'warn' | 'fail';
