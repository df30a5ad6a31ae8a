/**
 * The evaluation report as data: a versioned JSON document with properties (one score and verdict each) and
 * detail rows (one per column, column pair or table-level metric). Charts and the HTML report are drawn from it.
 */

/** pass: good enough; warn: look at it; fail: not good enough (or, for privacy, a disclosure risk). */
export type Verdict = 'pass' | 'warn' | 'fail';

/** Every verdict, best first. */
export const VERDICTS: readonly Verdict[] = ['pass', 'warn', 'fail'];

/** What a metric is about: one column, a pair of columns, or the whole table. */
export type Granularity = 'single-column' | 'column-pair' | 'table';

/** Whether higher or lower values are better. */
export type Goal = 'maximize' | 'minimize';

/** The property names a report may carry, in display order. */
export const PROPERTY_NAMES = [
  'column_shapes',
  'column_pair_trends',
  'column_details',
  'validity',
  'privacy',
  'utility',
  'pii',
] as const;

/** One of {@link PROPERTY_NAMES}. */
export type PropertyName = (typeof PROPERTY_NAMES)[number];

/** One row of a property's details: a metric computed on some columns (or the table when `columns` is empty). */
export interface DetailRow {
  /** The column(s) the metric is about; empty for table-level metrics. */
  readonly columns: readonly string[];
  /** The metric id (e.g. `ks_complement`, `tv_complement`, `correlation_similarity`, `dcr`). */
  readonly metric: string;
  /** The score; null when it could not be computed (then `error` or `reason` says why). */
  readonly score: number | null;
  readonly verdict: Verdict;
  /** Why it passed, warned or failed, in one sentence a person understands. */
  readonly reason: string;
  /** Set when the metric could not be computed. */
  readonly error?: string;
  /** Metric-specific numbers (real and synthetic correlation, counts, the sdtype, whether a pair counted...). */
  readonly extra?: Readonly<Record<string, unknown>>;
}

/** One property: a mean (or other summary) of its detail rows, with a verdict and why. */
export interface PropertyScore {
  readonly name: PropertyName;
  /** The property score in [0, 1] (higher is better); null when nothing could be scored. */
  readonly score: number | null;
  readonly verdict: Verdict;
  readonly reason: string;
}

/** The thresholds a run used: per metric, the score at or above (maximize) / at or below (minimize) which it passes or warns. */
export interface MetricThreshold {
  readonly goal: Goal;
  readonly pass: number;
  readonly warn: number;
}

/** Thresholds by metric or property name. */
export type Thresholds = Readonly<Record<string, MetricThreshold>>;

/** How a column was treated (SDV's sdtype names), and where that came from. */
export interface ColumnTypeInfo {
  readonly sdtype: 'numerical' | 'datetime' | 'categorical' | 'boolean' | 'id' | 'text' | 'unknown';
  readonly source: 'metadata' | 'inferred';
  readonly datetimeFormat?: string;
}

/** What the report compared: row counts, the columns common to both tables and the mismatch. */
export interface ReportTables {
  readonly realRows: number | null;
  readonly syntheticRows: number;
  readonly commonColumns: readonly string[];
  /** Columns only in the real table (not evaluated). */
  readonly onlyInReal: readonly string[];
  /** Columns only in the synthetic table (not evaluated). */
  readonly onlyInSynthetic: readonly string[];
  /** Rows actually used where a metric sampled (privacy distances, utility models). */
  readonly sampledRows?: Readonly<Record<string, number>>;
}

/**
 * The evaluation report. `format`/`version` identify the document; `verdict` is the worst property verdict.
 * @example { format: 'synthdata.report', version: 1, verdict: 'pass', score: 0.91, properties: [...], details: {...} }
 */
export interface Report {
  readonly format: 'synthdata.report';
  readonly version: 1;
  readonly verdict: Verdict;
  /** The overall quality score: the mean of column shapes and column pair trends (as SDMetrics defines it). */
  readonly score: number | null;
  readonly properties: readonly PropertyScore[];
  readonly details: Readonly<Partial<Record<PropertyName, readonly DetailRow[]>>>;
  readonly thresholds: Thresholds;
  readonly seed: string;
  readonly tables: ReportTables;
  readonly columnTypes: Readonly<Record<string, ColumnTypeInfo>>;
  /** Which metric families were asked for. */
  readonly metrics: readonly string[];
  /** Things worth knowing that are not failures (mismatched columns, sampling, skipped metrics). */
  readonly notes: readonly string[];
}
