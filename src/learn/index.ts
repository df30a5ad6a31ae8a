/**
 * learn: profiling and synthesizers. Fit a model to a sample table, keep it as versioned JSON, sample from it.
 * @module
 */
export { profileTable, profileColumn, COLUMN_KINDS } from './profile.js';
export type { ColumnKind, ColumnProfile, TableProfile, Scalar } from './profile.js';
export { profileToSchema } from './profile-schema.js';
export { fitModel, sampleModel } from './runner.js';
export type { FitOptions, SampleOptions } from './runner.js';
export { parseModel, MODEL_VERSION } from './model.js';
export type { ModelDocument } from './model.js';
export { getSynthesizer, synthesizerNames, DEFAULT_SYNTHESIZER } from './registry.js';
export type { Synthesizer, FitContext, SampleContext, EncodedConditions } from './synthesizer.js';
export type { ColumnSpec, EncodedTable, EncodedColumn, NumericSpec, CategoricalSpec } from './columns.js';
export { detectDatetime, formatDatetime, parseDatetime } from './datetime-format.js';
export type { DatetimeFormat } from './datetime-format.js';
