/**
 * evaluate: compares a synthetic table with its real counterpart (quality, privacy, utility) or checks it alone
 * (validity), and returns a versioned report with properties, detail rows and pass/warn/fail verdicts.
 * @module
 */
export { VERDICTS, PROPERTY_NAMES } from './report-types.js';
export type {
  Verdict,
  Granularity,
  Goal,
  PropertyName,
  DetailRow,
  PropertyScore,
  MetricThreshold,
  Thresholds,
  ColumnTypeInfo,
  ReportTables,
  Report,
} from './report-types.js';
export { evaluate, parseMetricFamilies, METRIC_FAMILIES } from './evaluate.js';
export type { EvaluateOptions, MetricFamily } from './evaluate.js';
export { DEFAULT_THRESHOLDS, resolveThresholds, judgeScore, worstVerdict } from './thresholds.js';
export type { ThresholdOverrides } from './thresholds.js';
export { METRICS, SHAPE_METRICS, PAIR_METRICS, DETAIL_METRICS, getMetric } from './metrics.js';
export type { Metric, MetricOutcome, SingleColumnMetric, ColumnPairMetric, TableMetric, SingleColumnInput, ColumnPairInput, TableInput } from './metric-types.js';
export { parseMetadata, detectColumnTypes, SCORED_SDTYPES } from './column-types.js';
export type { Metadata, SdType } from './column-types.js';
export { prepareColumn, CategoryDictionary } from './prepare.js';
export type { PreparedColumn, PreparedValues, ContinuousValues, DiscreteValues } from './prepare.js';
export { textSimilarity, tableTextSimilarity, isTextColumn } from './table/text-similarity.js';
export type { TextSimilarity } from './table/text-similarity.js';
