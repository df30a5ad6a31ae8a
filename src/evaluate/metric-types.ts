import type { Rng, Table } from '../core/index.js';
import type { Goal, Granularity } from './report-types.js';
import type { SdType } from './column-types.js';
import type { PreparedColumn } from './prepare.js';

/** What a metric computed: a score (null when it could not), why not, and numbers worth showing. */
export interface MetricOutcome {
  readonly score: number | null;
  /** Why the score is null (a person reads it in the report). */
  readonly error?: string;
  readonly extra?: Readonly<Record<string, unknown>>;
}

/** The input of a single-column metric: one column of both tables, prepared. */
export interface SingleColumnInput {
  readonly column: PreparedColumn;
}

/** The input of a column-pair metric: two columns of both tables, prepared. */
export interface ColumnPairInput {
  readonly a: PreparedColumn;
  readonly b: PreparedColumn;
}

/** The input of a table-level metric. */
export interface TableInput {
  readonly real: Table | undefined;
  readonly synthetic: Table;
  readonly columns: readonly PreparedColumn[];
  readonly rng: Rng;
}

interface MetricBase {
  /** The stable id used in reports, thresholds and `--metrics`. */
  readonly id: string;
  /** A short human name. */
  readonly name: string;
  readonly goal: Goal;
  /** The smallest and largest value the score can take. */
  readonly range: readonly [number, number];
  /** Whether it needs a real table to compare with. */
  readonly needsReal: boolean;
  /** One sentence: what the score means. */
  readonly description: string;
}

/** A metric on one column (`appliesTo` says for which sdtypes). */
export interface SingleColumnMetric extends MetricBase {
  readonly granularity: 'single-column';
  appliesTo(sdtype: SdType): boolean;
  compute(input: SingleColumnInput): MetricOutcome;
}

/** A metric on a pair of columns. */
export interface ColumnPairMetric extends MetricBase {
  readonly granularity: 'column-pair';
  appliesTo(a: SdType, b: SdType): boolean;
  compute(input: ColumnPairInput): MetricOutcome;
}

/** A metric on the whole table. */
export interface TableMetric extends MetricBase {
  readonly granularity: 'table';
  compute(input: TableInput): MetricOutcome;
}

/** Any metric plugin. */
export type Metric = SingleColumnMetric | ColumnPairMetric | TableMetric;

/** The granularity of a metric. */
export type MetricGranularity = Granularity;
