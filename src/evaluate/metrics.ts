import { SynthError, nearMatches } from '../core/index.js';
import type { ColumnPairMetric, Metric, SingleColumnMetric } from './metric-types.js';
import { ksComplement } from './single-column/ks-complement.js';
import { tvComplement } from './single-column/tv-complement.js';
import { wassersteinDistance } from './single-column/wasserstein.js';
import { jensenShannon } from './single-column/jensen-shannon.js';
import { categoryCoverage, newCategories, nullRateDelta, rangeCoverage, uniqueness } from './single-column/coverage.js';
import { correlationSimilarity } from './column-pairs/correlation-similarity.js';
import { contingencySimilarity } from './column-pairs/contingency-similarity.js';

/** The column-shape metrics (SDMetrics' Column Shapes property): one applies to each scored column. */
export const SHAPE_METRICS: readonly SingleColumnMetric[] = [ksComplement, tvComplement];

/** The column-pair-trend metrics (SDMetrics' Column Pair Trends property): one applies to each pair. */
export const PAIR_METRICS: readonly ColumnPairMetric[] = [correlationSimilarity, contingencySimilarity];

/** Further per-column comparisons (the Column Details property). */
export const DETAIL_METRICS: readonly SingleColumnMetric[] = [wassersteinDistance, jensenShannon, nullRateDelta, rangeCoverage, categoryCoverage, newCategories, uniqueness];

/** Every column and column-pair metric by id: the lookup table. */
export const METRICS: Readonly<Record<string, Metric>> = Object.fromEntries(
  [...SHAPE_METRICS, ...PAIR_METRICS, ...DETAIL_METRICS].map((m) => [m.id, m]),
);

/** The metric with id `id`, or UNKNOWN_NAME listing the valid ones. */
export function getMetric(id: string): Metric {
  const m = METRICS[id];
  if (m === undefined) {
    const near = nearMatches(id, Object.keys(METRICS));
    throw new SynthError('UNKNOWN_NAME', `unknown metric "${id}"${near.length > 0 ? `; did you mean ${near.join(', ')}?` : ''}`, { expected: Object.keys(METRICS) });
  }
  return m;
}
