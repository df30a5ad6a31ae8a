import type { DetailRow, PropertyScore, Thresholds } from './report-types.js';
import type { PreparedColumn } from './prepare.js';
import type { Metric, MetricOutcome } from './metric-types.js';
import { SCORED_SDTYPES } from './column-types.js';
import { DETAIL_METRICS, PAIR_METRICS, SHAPE_METRICS } from './metrics.js';
import { formatNumber, judgeScore } from './thresholds.js';
import { meanOf, propertyFromScore } from './property.js';

/** Settings of the quality comparison that change which pairs count (SDMetrics >= 0.27 defaults). */
export interface QualitySettings {
  /** A numeric pair counts only when |real Pearson r| is above this (0 counts every pair). */
  readonly correlationThreshold: number;
  /** Any other pair counts only when the real Cramér's V is above this (0 counts every pair). */
  readonly associationThreshold: number;
}

/** The quality part of a report: three properties, their detail rows and the overall score. */
export interface QualityResult {
  readonly score: number | null;
  readonly properties: PropertyScore[];
  readonly shapes: DetailRow[];
  readonly pairs: DetailRow[];
  readonly details: DetailRow[];
  readonly notes: string[];
}

/** A detail row from a metric outcome: the verdict under its threshold, or a row saying why there is no score. */
export function detailRow(metric: Metric, columns: readonly string[], outcome: MetricOutcome, thresholds: Thresholds, extra?: Record<string, unknown>): DetailRow {
  const mergedExtra = { ...(outcome.extra ?? {}), ...(extra ?? {}) };
  const hasExtra = Object.keys(mergedExtra).length > 0;
  const label = `${metric.name}${columns.length > 0 ? ` of ${columns.map((c) => `"${c}"`).join(' and ')}` : ''}`;
  if (outcome.score === null || !Number.isFinite(outcome.score)) {
    const error = outcome.error ?? 'the score is undefined';
    return { columns, metric: metric.id, score: null, verdict: 'warn', reason: `${label} could not be computed: ${error}`, error, ...(hasExtra ? { extra: mergedExtra } : {}) };
  }
  const t = thresholds[metric.id];
  const judged = t === undefined ? { verdict: 'pass' as const, reason: `${label} is ${formatNumber(outcome.score)} (no threshold)` } : judgeScore(outcome.score, t, label);
  return { columns, metric: metric.id, score: outcome.score, verdict: judged.verdict, reason: judged.reason, ...(hasExtra ? { extra: mergedExtra } : {}) };
}

function safeCompute(run: () => MetricOutcome): MetricOutcome {
  try {
    return run();
  } catch (e) {
    return { score: null, error: e instanceof Error ? e.message : String(e) };
  }
}

/**
 * Column Shapes, Column Pair Trends (only pairs with a real trend count, as in SDMetrics >= 0.27) and their mean,
 * plus the Column Details metrics, over the prepared common columns.
 */
export function computeQuality(columns: readonly PreparedColumn[], thresholds: Thresholds, settings: QualitySettings): QualityResult {
  const scored = columns.filter((c) => SCORED_SDTYPES.includes(c.info.sdtype));
  const notes: string[] = [];
  const skipped = columns.filter((c) => !SCORED_SDTYPES.includes(c.info.sdtype));
  if (skipped.length > 0) {
    notes.push(`Not scored for shapes and trends (sdtype id, text or unknown): ${skipped.map((c) => `"${c.name}" (${c.info.sdtype})`).join(', ')}.`);
  }

  const shapes: DetailRow[] = [];
  for (const column of scored) {
    const metric = SHAPE_METRICS.find((m) => m.appliesTo(column.info.sdtype))!;
    shapes.push(detailRow(metric, [column.name], safeCompute(() => metric.compute({ column })), thresholds, { sdtype: column.info.sdtype }));
  }

  const pairs: DetailRow[] = [];
  for (let i = 0; i < scored.length; i++) {
    for (let j = i + 1; j < scored.length; j++) {
      const a = scored[i]!;
      const b = scored[j]!;
      const metric = PAIR_METRICS.find((m) => m.appliesTo(a.info.sdtype, b.info.sdtype))!;
      const outcome = safeCompute(() => metric.compute({ a, b }));
      const counted = pairCounts(metric.id, outcome, settings);
      const row = detailRow(metric, [a.name, b.name], outcome, thresholds, { counted });
      pairs.push(counted || row.score === null ? row : { ...row, reason: `${row.reason}; not counted in the property: ${noTrendReason(metric.id, outcome, settings)}` });
    }
  }

  const details: DetailRow[] = [];
  for (const column of columns) {
    for (const metric of DETAIL_METRICS) {
      if (!metric.appliesTo(column.info.sdtype)) continue;
      details.push(detailRow(metric, [column.name], safeCompute(() => metric.compute({ column })), thresholds));
    }
  }

  const shapesScore = meanOf(shapes.map((r) => r.score));
  const countedPairs = pairs.filter((r) => r.extra?.counted === true);
  const pairsScore = meanOf(countedPairs.map((r) => r.score));
  const countedN = countedPairs.filter((r) => r.score !== null).length;
  if (pairs.length > 0) {
    notes.push(`Column pair trends count ${countedN} of ${pairs.length} pairs: those with a trend in the real data (|Pearson r| > ${settings.correlationThreshold} for numeric pairs, Cramér's V > ${settings.associationThreshold} otherwise).`);
  }
  const detailGoodness = meanOf(details.map((r) => goodness(r)));
  const overall = meanOf([shapesScore, pairsScore]);
  const properties: PropertyScore[] = [
    propertyFromScore('column_shapes', shapesScore, thresholds, `mean of ${shapes.filter((r) => r.score !== null).length} column scores`),
    propertyFromScore('column_pair_trends', pairsScore, thresholds, countedN === 0 ? 'no column pair has a trend in the real data' : `mean of ${countedN} counted pair scores`),
    propertyFromScore('column_details', detailGoodness, thresholds, 'mean of the per-column detail metrics, each as a 0-1 goodness'),
  ];
  return { score: overall, properties, shapes, pairs, details, notes };
}

function pairCounts(id: string, outcome: MetricOutcome, s: QualitySettings): boolean {
  if (outcome.score === null) return false;
  if (id === 'correlation_similarity') {
    const r = outcome.extra?.realCorrelation;
    return s.correlationThreshold <= 0 || (typeof r === 'number' && Math.abs(r) > s.correlationThreshold);
  }
  const v = outcome.extra?.realAssociation;
  return s.associationThreshold <= 0 || (typeof v === 'number' && v > s.associationThreshold);
}

function noTrendReason(id: string, outcome: MetricOutcome, s: QualitySettings): string {
  if (id === 'correlation_similarity') {
    const r = outcome.extra?.realCorrelation;
    return `the real correlation ${typeof r === 'number' ? formatNumber(r) : 'is undefined and'} is not above ${s.correlationThreshold} in size`;
  }
  const v = outcome.extra?.realAssociation;
  return `the real association (Cramér's V ${typeof v === 'number' ? formatNumber(v) : 'undefined'}) is not above ${s.associationThreshold}`;
}

/** A detail row's score as a 0-1 goodness (1 best), whatever the metric's direction. */
function goodness(row: DetailRow): number | null {
  if (row.score === null) return null;
  const maximize = row.metric === 'range_coverage' || row.metric === 'category_coverage' || row.metric === 'uniqueness';
  return maximize ? row.score : Math.max(0, 1 - row.score);
}
