import { availableParallelism } from 'node:os';
import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import {
  SynthError, fingerprint, normalizeSeed, seedFromClock, systemClock,
  type Clock, type EventSink, type Seed,
} from '../../core/index.js';
import { parseSchemaText } from '../../schema/index.js';
import { compilePlan, runAsync } from '../../generate/index.js';
import { batchEncoder, encodesInBatches, formatFromPath, openSink, openWriter, type TableFormat, type WriteResult, type WriteTarget } from '../../io/index.js';
import type { Plan } from '../../generate/index.js';
import { canEncodeInWorkers, encodedInWorkers, isWorkerOutOfMemory } from '../encode-in-workers.js';

/** Input of {@link generateToFile}. Exactly one of `schema` and `schemaPath`. */
export interface GenerateToFileInput {
  schema?: object;
  schemaPath?: string;
  rows: number;
  seed?: Seed;
  format?: TableFormat;
  /** A file path, or `-` for standard output. Default: `<dataDir>/output/<schema title>.<format>`. */
  out?: string;
  locale?: string;
  /** Worker threads (default: all cores from 1,000,000 rows on, for the text formats; one for Parquet). */
  workers?: number;
  /**
   * Old-generation heap of each worker thread, in MB (default 64): keeps a 10M-row run's memory flat. When a file is
   * the target, a worker that runs out of it makes the run start over in one thread; on standard output (which
   * cannot be taken back) the threads are not capped.
   */
  workerHeapMb?: number;
  batchSize?: number;
  referenceDate?: string;
  maxRows?: number;
  dataDir?: string;
  clock?: Clock;
  onEvent?: EventSink;
  /** Where `-` writes; standard output by default. */
  stdout?: NodeJS.WritableStream;
}

/** What {@link generateToFile} did: where the data went and everything needed to reproduce it. */
export interface GenerateToFileOutput {
  path: string | null;
  format: TableFormat;
  rows: number;
  bytes: number;
  seed: string;
  referenceDate: string;
  schemaFingerprint: string;
  workers: number;
  durationMs: number;
  fields: { name: string; kind: string }[];
}

/** The largest row count accepted unless configured otherwise (`SYNTHDATA_MAX_ROWS`). */
export const DEFAULT_MAX_ROWS = 100_000_000;

/**
 * Rows from which the worker pool is used by default. A worker takes about 0.3 s to start (modules, schema, first
 * rows), so on two cores a 200,000-row CSV took 1.05-1.10 s with the pool against 0.87-0.90 s without, 500,000 rows
 * were even, and from 1M rows on the pool is ahead (1.1-1.5x).
 */
const WORKER_THRESHOLD = 1_000_000;

const FORMATS: readonly TableFormat[] = ['csv', 'json', 'jsonl', 'parquet', 'yaml'];

/** JSON Schema of {@link GenerateToFileInput} (the CLI, REST and MCP validate against it). */
export const generateToFileInputSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  title: 'generate input',
  type: 'object',
  additionalProperties: false,
  properties: {
    schema: { type: 'object', description: 'A JSON Schema of one record in the synthdata dialect.' },
    schemaPath: { type: 'string', description: 'Path of a schema file, instead of `schema`.' },
    rows: { type: 'integer', minimum: 1, description: 'How many rows to generate.' },
    seed: { type: ['integer', 'string'], description: 'The seed; the same seed gives byte-identical output.' },
    format: { enum: FORMATS },
    out: { type: 'string', description: 'Output path, or "-" for standard output.' },
    locale: { type: 'string' },
    workers: { type: 'integer', minimum: 1, maximum: 64 },
    workerHeapMb: { type: 'integer', minimum: 1, description: 'Old-generation heap of each worker thread in MB (default 64).' },
    batchSize: { type: 'integer', minimum: 1, maximum: 65536 },
    referenceDate: { type: 'string', format: 'date', description: 'The day "now" means for dates; default today (UTC).' },
  },
  required: ['rows'],
  oneOf: [{ required: ['schema'] }, { required: ['schemaPath'] }],
} as const;

/** JSON Schema of {@link GenerateToFileOutput}. */
export const generateToFileOutputSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  title: 'generate output',
  type: 'object',
  properties: {
    path: { type: ['string', 'null'] },
    format: { enum: FORMATS },
    rows: { type: 'integer' },
    bytes: { type: 'integer' },
    seed: { type: 'string' },
    referenceDate: { type: 'string', format: 'date' },
    schemaFingerprint: { type: 'string' },
    workers: { type: 'integer' },
    durationMs: { type: 'number' },
    fields: { type: 'array', items: { type: 'object', properties: { name: { type: 'string' }, kind: { type: 'string' } } } },
  },
  required: ['path', 'format', 'rows', 'bytes', 'seed', 'referenceDate', 'schemaFingerprint', 'workers', 'durationMs', 'fields'],
} as const;

/** Reads and parses a schema file; a missing file is IO_NOT_FOUND, bad JSON SCHEMA_NOT_JSON with line and column. */
export async function loadSchemaFile(path: string): Promise<object> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    throw new SynthError('IO_NOT_FOUND', `cannot read schema file "${path}": ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, { path, cause: e });
  }
  const schema = parseSchemaText(text, path);
  if (schema === null || typeof schema !== 'object' || Array.isArray(schema)) {
    throw new SynthError('SCHEMA_NOT_OBJECT', `"${path}" holds JSON, but not a schema object`, { path, hint: 'A schema is a JSON object such as {"type": "object", "properties": {...}}.' });
  }
  return schema;
}

/**
 * Generates `rows` records from a schema and streams them to a file (atomically: no partial file on error) or
 * standard output.
 * @example await generateToFile({ schemaPath: 'customers.schema.json', rows: 1000, seed: 42, out: 'customers.csv' })
 */
export async function generateToFile(input: GenerateToFileInput): Promise<GenerateToFileOutput> {
  const clock = input.clock ?? systemClock;
  const started = clock.now();
  const maxRows = input.maxRows ?? DEFAULT_MAX_ROWS;
  if (!Number.isSafeInteger(input.rows) || input.rows < 1 || input.rows > maxRows) {
    throw new SynthError('GENERATE_ROWS_INVALID', `rows must be a whole number from 1 to ${maxRows.toLocaleString('en-US')}, got ${input.rows}`, {
      path: 'rows', expected: `1..${maxRows}`, received: input.rows,
      hint: input.rows > maxRows ? 'Raise the limit with SYNTHDATA_MAX_ROWS if you really need more.' : undefined,
    });
  }
  const schema = input.schema ?? (input.schemaPath !== undefined ? await loadSchemaFile(input.schemaPath) : undefined);
  if (schema === undefined) throw new SynthError('INVALID_ARGUMENT', 'give a schema or a schema file', { path: 'schema' });

  const seed = input.seed ?? seedFromClock(clock.now());
  const referenceDate = input.referenceDate ?? new Date(clock.now()).toISOString().slice(0, 10);
  const format = input.format ?? (input.out && input.out !== '-' ? formatFromPath(input.out) : 'csv');
  // Parquet row groups are encoded whole in this thread, the slower half of the work: generating in threads beside
  // it measured no faster and 130 MB heavier, so Parquet runs in threads only when asked to.
  const workers = input.workers ?? (input.rows >= WORKER_THRESHOLD && encodesInBatches(format) ? Math.max(1, availableParallelism()) : 1);
  const options = { rows: input.rows, seed, locale: input.locale, batchSize: input.batchSize, referenceDate, clock, workers, onEvent: input.onEvent };

  // Compile first: a bad schema fails before any output file is opened.
  const plan = compilePlan(schema, options);
  const out = input.out ?? join(input.dataDir ?? '.synthdata', 'output', `${slug(titleOf(schema, input.schemaPath))}.${format}`);
  // The default location is ours to create; a folder the user named must already exist.
  const target = out === '-' ? { stream: input.stdout ?? process.stdout } : { path: out, createFolder: input.out === undefined };
  let written: WriteResult | undefined;
  if (canEncodeInWorkers(plan, format, workers)) {
    // Only a file can be started over, so only then are the threads capped.
    const heapMb = 'path' in target ? (input.workerHeapMb ?? DEFAULT_WORKER_HEAP_MB) : undefined;
    try {
      written = await writeEncodedInWorkers(plan, format, workers, target, heapMb);
    } catch (e) {
      // The file was never renamed into place: start over in this thread, which has no cap, for the same bytes.
      if (heapMb === undefined || !isWorkerOutOfMemory(e)) throw e;
      input.onEvent?.({ type: 'warning', step: 'generate', message: `a worker thread ran out of its ${heapMb} MB heap (very large rows?); generating in one thread instead` });
    }
  }
  written ??= await writeInProcess(plan, format, target);
  return {
    path: out === '-' ? null : (written.path ?? out),
    format,
    rows: written.rows,
    bytes: written.bytes,
    seed: normalizeSeed(seed),
    referenceDate,
    schemaFingerprint: fingerprint(schema),
    workers,
    durationMs: clock.now() - started,
    fields: plan.fields.map((f) => ({ name: f.name, kind: f.kind })),
  };
}

/** The worker threads' heap cap when none is given, in MB (see {@link GenerateToFileInput.workerHeapMb}). */
export const DEFAULT_WORKER_HEAP_MB = 64;

/** Writes a run generated in this thread (and, for formats that need whole batches, its plan's own worker pool). */
async function writeInProcess(plan: Plan, format: TableFormat, target: WriteTarget): Promise<WriteResult> {
  const writer = await openWriter(target, format, plan.fields);
  try {
    for await (const batch of runAsync(plan)) await writer.write(batch);
    return await writer.close();
  } catch (e) {
    await writer.abort();
    throw e;
  }
}

/**
 * Writes a text-format run (CSV, JSON, JSONL, YAML) whose rows are generated and encoded in worker threads: the
 * head once, then each worker's bytes in row order, through the same atomic sink as the writer (no partial file on
 * error).
 */
async function writeEncodedInWorkers(plan: Plan, format: TableFormat, workers: number, target: WriteTarget, heapMb: number | undefined): Promise<WriteResult> {
  const encoder = batchEncoder(format, plan.fields)!;
  const sink = await openSink(target);
  const total = plan.options.rows;
  const onEvent = plan.options.onEvent;
  try {
    const head = encoder.head();
    if (head !== '') await sink.write(Buffer.from(head, 'utf8'));
    let done = 0;
    for await (const part of encodedInWorkers(plan, format, workers, heapMb)) {
      if (part.bytes.length > 0) await sink.write(part.bytes);
      done += part.rows;
      onEvent?.({ type: 'progress', step: 'generate', done, total, unit: 'rows' });
    }
    const tail = encoder.tail(done);
    if (tail !== '') await sink.write(Buffer.from(tail, 'utf8'));
    const { bytes, path } = await sink.close();
    return path === undefined ? { rows: done, bytes } : { rows: done, bytes, path };
  } catch (e) {
    await sink.abort();
    throw e;
  }
}

function titleOf(schema: object, path: string | undefined): string {
  const title = (schema as { title?: unknown }).title;
  if (typeof title === 'string' && title.trim() !== '') return title;
  if (path) return basename(path).replace(/(\.schema)?\.json$/i, '');
  return 'dataset';
}

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'dataset';
}
