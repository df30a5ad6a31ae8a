/**
 * generate: compiles a JSON Schema of our dialect into column generators once, then streams realistic records as
 * columnar RecordBatches, deterministic by (seed, column, block) whatever the batch size or number of workers.
 * @module
 */
export { generate, generateSync, generateRows, runAsync, runRange, runSync } from './generate.js';
export { compilePlan } from './plan.js';
export type { Plan } from './plan.js';
export { DEFAULT_BATCH_SIZE } from './options.js';
export type { GenerateOptions } from './options.js';
export { startModuleWorker } from './start-worker.js';
