/**
 * synthdata: synthetic data from JSON Schema, descriptions, templates or real samples.
 * The root entry exports the library API most people need; each folder has its own subpath export too.
 * @example
 * import { generate } from 'synthdata';
 * for await (const batch of generate(schema, { rows: 1000, seed: 42 })) console.log(batch.length);
 * @module
 */
export { generate, generateSync, generateRows, compilePlan } from './generate/index.js';
export type { GenerateOptions } from './generate/index.js';
export { generateToFile } from './pipeline/index.js';
export type { GenerateToFileInput, GenerateToFileOutput } from './pipeline/index.js';
export { SynthError, isSynthError, Rng, fingerprint, canonicalJson, batchRows, collectRows } from './core/index.js';
export type { RecordBatch, Field, Kind, Seed, Table, Issue, ErrorCode } from './core/index.js';
