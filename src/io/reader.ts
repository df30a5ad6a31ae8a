import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { noEvents, SynthError, type EventSink, type RecordBatch, type Seed, type Table } from '../core/index.js';
import { csvRawBatches } from './csv-reader.js';
import { READ_FORMATS, readFormatFromPath, type ReadFormat } from './format.js';
import type { CellMode } from './infer.js';
import { jsonlRawBatches, jsonRawBatches, yamlRawBatches } from './json-reader.js';
import { openParquet } from './parquet-reader.js';
import type { RawBatch, RawSource } from './raw-source.js';
import { reservoirSource } from './reservoir.js';
import { decodeText, type DecodeState, type EncodingOption } from './text-decode.js';
import { collectTable, typeBatches } from './typing.js';
import { xlsxRawBatches } from './xlsx-reader.js';

/** Options of {@link readBatches} and {@link readTable}. */
export interface ReadOptions {
  /** The format; by default told from the file extension. */
  readonly format?: ReadFormat;
  /** CSV delimiter; by default sniffed from the first lines (comma, semicolon, tab or pipe). */
  readonly delimiter?: string;
  /** Text encoding (default `auto`: UTF-8, falling back to Latin-1 when the bytes are not UTF-8). */
  readonly encoding?: EncodingOption;
  /** XLSX sheet name (default: the first sheet). */
  readonly sheet?: string;
  /** Stop after this many data rows. */
  readonly maxRows?: number;
  /** Infer column kinds (default true); false reads every CSV value as a string. */
  readonly typeInference?: boolean;
  /** Rows per batch (default 16,384). `readBatches` infers kinds from the first batch. */
  readonly batchRows?: number;
  /** JSON arrays and YAML are parsed whole; larger files are refused (default 256 MiB). */
  readonly maxWholeBytes?: number;
  /** Receives warnings (a column widened part way through a stream). */
  readonly onEvent?: EventSink;
}

const DEFAULT_BATCH_ROWS = 16_384;
const DEFAULT_MAX_WHOLE_BYTES = 256 * 1024 * 1024;

type ByteSource = AsyncIterable<Uint8Array | string>;

interface Input {
  readonly name: string;
  readonly path?: string;
  readonly size?: number;
  bytes(): ByteSource;
}

function textOf(input: Input, options: ReadOptions, state: DecodeState): AsyncIterable<string> {
  return decodeText(input.bytes(), options.encoding ?? 'auto', input.name, state);
}

async function wholeText(input: Input, options: ReadOptions, state: DecodeState, format: string): Promise<string> {
  const limit = options.maxWholeBytes ?? DEFAULT_MAX_WHOLE_BYTES;
  const tooLarge = (): SynthError =>
    new SynthError('IO_TOO_LARGE', `"${input.name}" is larger than ${Math.round(limit / 1048576)} MiB; ${format} files are read whole into memory.`, {
      path: input.name,
      hint: 'Convert it to JSON Lines (.jsonl, one object per line) or CSV, which are streamed.',
    });
  if (input.size !== undefined && input.size > limit) throw tooLarge();
  let text = '';
  for await (const chunk of textOf(input, options, state)) {
    text += chunk;
    if (state.bytes > limit) throw tooLarge();
  }
  return text;
}

// One opener per format: a lookup table rather than a switch.
type Opener = (input: Input, options: ReadOptions, batchRows: number) => Promise<RawSource>;

function textSource(input: Input, options: ReadOptions, mode: CellMode, make: (state: DecodeState) => AsyncIterable<RawBatch>): RawSource {
  const state: DecodeState = { encoding: options.encoding === 'latin1' ? 'latin1' : 'utf8', bytes: 0 };
  return { mode, meta: () => ({ source: input.name, encoding: state.encoding }), batches: make(state) };
}

const OPENERS: Readonly<Record<ReadFormat, Opener>> = {
  csv: async (input, options, batchRows) =>
    textSource(input, options, 'text', (state) => csvRawBatches(textOf(input, options, state), { name: input.name, batchRows, ...(options.delimiter === undefined ? {} : { delimiter: options.delimiter }) })),
  jsonl: async (input, options, batchRows) => textSource(input, options, 'typed', (state) => jsonlRawBatches(textOf(input, options, state), { name: input.name, batchRows })),
  json: async (input, options, batchRows) =>
    textSource(input, options, 'typed', (state) => (async function* () {
      yield* jsonRawBatches(await wholeText(input, options, state, 'JSON'), { name: input.name, batchRows });
    })()),
  yaml: async (input, options, batchRows) =>
    textSource(input, options, 'typed', (state) => (async function* () {
      yield* yamlRawBatches(await wholeText(input, options, state, 'YAML'), { name: input.name, batchRows });
    })()),
  xlsx: async (input, options, batchRows) => {
    if (input.path === undefined) throw new SynthError('INVALID_ARGUMENT', 'XLSX is read from a file path, not a stream.');
    return { mode: 'typed', meta: () => ({ source: input.name }), batches: xlsxRawBatches(input.path, { name: input.name, batchRows, ...(options.sheet === undefined ? {} : { sheet: options.sheet }) }) };
  },
  parquet: async (input, _options, batchRows) => {
    if (input.path === undefined) throw new SynthError('INVALID_ARGUMENT', 'Parquet is read from a file path, not a stream.');
    const pq = await openParquet(input.path, { name: input.name, batchRows });
    return pq.fields === undefined
      ? { mode: 'typed', meta: () => ({ source: input.name }), batches: pq.batches }
      : { mode: 'typed', fields: pq.fields.map((f) => ({ ...f, meta: { ...(f.meta ?? {}), source: input.name } })), meta: () => ({ source: input.name }), batches: pq.batches };
  },
};

async function fileInput(path: string): Promise<Input> {
  const name = basename(path);
  const st = await stat(path).catch((e: NodeJS.ErrnoException) => {
    throw new SynthError('IO_NOT_FOUND', `"${path}" ${e.code === 'ENOENT' ? 'does not exist' : `cannot be read (${e.code ?? e.message})`}.`, { path, cause: e, hint: 'Check the path.' });
  });
  if (st.isDirectory()) throw new SynthError('IO_NOT_FOUND', `"${path}" is a folder, not a file.`, { path });
  return { name, path, size: st.size, bytes: () => createReadStream(path, { highWaterMark: 1 << 16 }) };
}

function checkOptions(options: ReadOptions): number {
  const batchRows = options.batchRows ?? DEFAULT_BATCH_ROWS;
  if (!Number.isInteger(batchRows) || batchRows < 1 || batchRows > 65_536) throw new SynthError('INVALID_ARGUMENT', `batchRows must be a whole number from 1 to 65536, got ${batchRows}.`);
  if (options.maxRows !== undefined && (!Number.isInteger(options.maxRows) || options.maxRows < 1)) throw new SynthError('INVALID_ARGUMENT', `maxRows must be a positive whole number, got ${options.maxRows}.`);
  if (options.format !== undefined && !(READ_FORMATS as readonly string[]).includes(options.format)) {
    throw new SynthError('IO_UNKNOWN_FORMAT', `Unknown input format "${options.format}"; supported: ${READ_FORMATS.join(', ')}.`, { expected: READ_FORMATS, received: options.format });
  }
  return batchRows;
}

async function* limitRows(batches: AsyncIterable<RawBatch>, maxRows: number | undefined): AsyncGenerator<RawBatch> {
  if (maxRows === undefined) {
    yield* batches;
    return;
  }
  let left = maxRows;
  for await (const b of batches) {
    if (b.length <= left) {
      left -= b.length;
      yield b;
    } else {
      yield { names: b.names, columns: b.columns.map((c) => c.slice(0, left)), length: left };
      left = 0;
    }
    // Returning ends the for-await, which closes the source (and its file) early.
    if (left === 0) return;
  }
}

async function openSource(input: Input, format: ReadFormat, options: ReadOptions): Promise<{ src: RawSource; mode: CellMode }> {
  const batchRows = checkOptions(options);
  const src = await OPENERS[format](input, options, batchRows);
  const limited: RawSource = { ...src, batches: limitRows(src.batches, options.maxRows), meta: src.meta };
  return { src: limited, mode: options.typeInference === false ? 'raw' : src.mode };
}

/**
 * Streams a table file as RecordBatches: CSV, JSONL, XLSX and Parquet are read incrementally (a 2 GB CSV is never
 * held in memory); JSON arrays and YAML are parsed whole up to `maxWholeBytes`. Column kinds come from the first batch.
 * @example for await (const batch of readBatches('people.csv')) console.log(batch.length)
 */
export async function* readBatches(path: string, options: ReadOptions = {}): AsyncGenerator<RecordBatch> {
  const format = options.format ?? readFormatFromPath(path);
  const { src, mode } = await openSource(await fileInput(path), format, options);
  yield* typeBatches(src, mode, options.onEvent ?? noEvents);
}

/**
 * Streams RecordBatches from bytes or text that are not a file (stdin, an upload, a test source). XLSX and
 * Parquet need a file path.
 */
export async function* readBatchesFromStream(source: AsyncIterable<Uint8Array | string>, options: ReadOptions & { readonly format: ReadFormat; readonly name?: string }): AsyncGenerator<RecordBatch> {
  const input: Input = { name: options.name ?? 'input', bytes: () => source };
  const { src, mode } = await openSource(input, options.format, options);
  yield* typeBatches(src, mode, options.onEvent ?? noEvents);
}

/**
 * Reads a whole table into memory, inferring each column's kind from all of its values (so a late odd value
 * makes the whole column text, never a mix). For sample tables that synthesizers learn from.
 * @example const table = await readTable('test/fixtures/datasets/penguins.csv')
 */
export async function readTable(path: string, options: ReadOptions = {}): Promise<Table> {
  const format = options.format ?? readFormatFromPath(path);
  const { src, mode } = await openSource(await fileInput(path), format, options);
  return collectTable(src, mode);
}

/**
 * Reads at most `maxRows` rows of a table file as a uniform sample drawn while streaming (seeded, in file order),
 * for learning from files too big to hold: kinds are inferred from the sample. `rowsSeen` counts the whole file.
 * @example const { table, rowsSeen } = await readTableSample('big.csv', { maxRows: 200_000, seed: 1 })
 */
export async function readTableSample(path: string, options: ReadOptions & { readonly maxRows: number; readonly seed: Seed }): Promise<{ table: Table; rowsSeen: number }> {
  const { maxRows, seed, ...rest } = options;
  const format = rest.format ?? readFormatFromPath(path);
  const { src, mode } = await openSource(await fileInput(path), format, rest);
  const count = { rowsSeen: 0 };
  const table = await collectTable(reservoirSource(src, maxRows, seed, count), mode);
  return { table, rowsSeen: count.rowsSeen };
}
