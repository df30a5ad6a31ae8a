import {
  MAX_BATCH_ROWS, SynthError, recordBatch, systemClock,
  type Clock, type EventSink, type RecordBatch, type Seed, type Table,
} from '../../core/index.js';
import { formatFromPath, writeBatches, type TableFormat } from '../../io/index.js';
import { sampleModel } from '../../learn/index.js';
import { readModelFile } from './fit.js';

/** Input of {@link sampleFile}. */
export interface SampleFileInput {
  modelPath: string;
  rows: number;
  /** Fixed values, e.g. `{ status: 'churned' }`. */
  where?: Record<string, string | number | boolean>;
  seed?: Seed;
  /** Output path, or `-` for standard output; the format is told from the extension unless given. */
  out: string;
  format?: TableFormat;
  clock?: Clock;
  onEvent?: EventSink;
  stdout?: NodeJS.WritableStream;
}

/** What {@link sampleFile} did. */
export interface SampleFileOutput {
  path: string | null;
  format: TableFormat;
  rows: number;
  bytes: number;
  seed: string;
  synthesizer: string;
  durationMs: number;
}

/** JSON Schema of {@link SampleFileInput}. */
export const sampleFileInputSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  title: 'sample input',
  type: 'object',
  additionalProperties: false,
  required: ['modelPath', 'rows', 'out'],
  properties: {
    modelPath: { type: 'string', description: 'A model written by fit.' },
    rows: { type: 'integer', minimum: 1 },
    where: { type: 'object', additionalProperties: { type: ['string', 'number', 'boolean'] }, description: 'Fixed values for some columns.' },
    seed: { type: ['integer', 'string'] },
    out: { type: 'string', description: 'Output path, or "-" for standard output.' },
    format: { enum: ['csv', 'json', 'jsonl', 'parquet', 'yaml'] },
  },
} as const;

/** JSON Schema of {@link SampleFileOutput}. */
export const sampleFileOutputSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  title: 'sample output',
  type: 'object',
  required: ['path', 'format', 'rows', 'bytes', 'seed', 'synthesizer', 'durationMs'],
  properties: {
    path: { type: ['string', 'null'] },
    format: { type: 'string' },
    rows: { type: 'integer' },
    bytes: { type: 'integer' },
    seed: { type: 'string' },
    synthesizer: { type: 'string' },
    durationMs: { type: 'number' },
  },
} as const;

/** A table as a sequence of batches of at most 65,536 rows. */
export function* tableBatches(table: Table): Generator<RecordBatch> {
  for (let start = 0; start < table.length; start += MAX_BATCH_ROWS) {
    const end = Math.min(table.length, start + MAX_BATCH_ROWS);
    yield recordBatch(table.fields, table.columns.map((c) => c.slice(start, end)));
  }
}

/** Writes a table to a path (atomically) or standard output, in the format of the extension unless given. */
export async function writeTable(table: Table, out: string, format?: TableFormat, stdout?: NodeJS.WritableStream): Promise<{ format: TableFormat; bytes: number; path: string | null }> {
  const fmt = format ?? (out === '-' ? 'csv' : formatFromPath(out));
  const target = out === '-' ? { stream: stdout ?? process.stdout } : { path: out };
  const result = await writeBatches(tableBatches(table), target, fmt, { fields: table.fields });
  return { format: fmt, bytes: result.bytes, path: out === '-' ? null : out };
}

/**
 * Samples rows from a model file and writes them.
 * @example await sampleFile({ modelPath: 'model.json', rows: 1000, where: { status: 'churned' }, out: 'churned.csv' })
 */
export async function sampleFile(input: SampleFileInput): Promise<SampleFileOutput> {
  const clock = input.clock ?? systemClock;
  const started = clock.now();
  if (!Number.isSafeInteger(input.rows) || input.rows < 1) {
    throw new SynthError('INVALID_ARGUMENT', `rows must be a positive whole number, got ${input.rows}`, { path: 'rows' });
  }
  const model = await readModelFile(input.modelPath);
  const seed = String(input.seed ?? model.seed);
  const written = await writeModelSample(model, { rows: input.rows, seed, out: input.out, clock, ...pick(input, ['where', 'format', 'stdout', 'onEvent']) });
  return { ...written, rows: input.rows, seed, synthesizer: model.synthesizer, durationMs: clock.now() - started };
}

function pick<T extends object, K extends keyof T>(from: T, keys: readonly K[]): Partial<Pick<T, K>> {
  const out: Partial<Pick<T, K>> = {};
  for (const k of keys) if (from[k] !== undefined) out[k] = from[k];
  return out;
}

/**
 * Samples `rows` rows of a model into a file (or standard output). Up to {@link SAMPLE_BLOCK_ROWS} rows are one
 * draw from `seed`; larger samples stream block by block, each block from its own seed, so memory stays bounded
 * whatever the row count. `fit`-then-`sample` and `synthesise` share it, so they write the same rows.
 */
export async function writeModelSample(
  model: unknown,
  input: { rows: number; seed: string; out: string; where?: Record<string, string | number | boolean>; format?: TableFormat; stdout?: NodeJS.WritableStream; clock: Clock; onEvent?: EventSink },
): Promise<{ format: TableFormat; bytes: number; path: string | null }> {
  const draw = (rows: number, blockSeed: string): Table => sampleModel(model, rows, {
    seed: blockSeed,
    ...(input.where ? { conditions: input.where } : {}),
    clock: input.clock,
  });
  if (input.rows <= SAMPLE_BLOCK_ROWS) return writeTable(draw(input.rows, input.seed), input.out, input.format, input.stdout);
  const format = input.format ?? (input.out === '-' ? 'csv' : formatFromPath(input.out));
  const target = input.out === '-' ? { stream: input.stdout ?? process.stdout } : { path: input.out };
  const onEvent = input.onEvent;
  async function* blocks(): AsyncGenerator<RecordBatch> {
    for (let done = 0, block = 0; done < input.rows; block++) {
      const n = Math.min(SAMPLE_BLOCK_ROWS, input.rows - done);
      yield* tableBatches(draw(n, `${input.seed}/block:${block}`));
      done += n;
      onEvent?.({ type: 'progress', step: 'sample', done, total: input.rows, unit: 'rows' });
    }
  }
  const result = await writeBatches(blocks(), target, format);
  return { path: input.out === '-' ? null : input.out, format, bytes: result.bytes };
}

/** Rows sampled in one piece; larger samples are drawn and written in blocks of this size. */
export const SAMPLE_BLOCK_ROWS = 262_144;
