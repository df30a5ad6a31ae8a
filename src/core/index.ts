/**
 * core: the types and primitives every other folder builds on. Imports nothing of ours.
 * @module
 */
export { KINDS, field } from './kind.js';
export type { Kind, Field } from './kind.js';
export { MAX_BATCH_ROWS, recordBatch, rowObject, batchRows, batchFromRows, sliceBatch, collectRows } from './record-batch.js';
export type { Cell, RecordBatch } from './record-batch.js';
export { ERROR_CODES, renderErrorsMarkdown } from './error-codes.js';
export type { ErrorCode, ErrorCodeInfo } from './error-codes.js';
export { SynthError, isSynthError, toSynthError, throwIfIssues, nearMatches } from './errors.js';
export type { Issue, SynthErrorDetails } from './errors.js';
export { Rng, BLOCK_ROWS, normalizeSeed, hash128, seedFromClock } from './rng.js';
export type { Seed } from './rng.js';
export { systemClock, fixedClock } from './clock.js';
export type { Clock } from './clock.js';
export { canonicalJson, sha256, fingerprint } from './canonical-json.js';
export { noEvents } from './events.js';
export type { ProgressEvent, StepEvent, WarningEvent, SynthEvent, EventSink, VersionedDocument } from './events.js';
export { tableFromBatches, tableColumn } from './table.js';
export type { Table } from './table.js';
