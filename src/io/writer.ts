import { SynthError, type Cell, type Field, type RecordBatch } from '../core/index.js';
import { openSink, type ByteSink, type WriteTarget } from './byte-sink.js';
import { csvEncoder, type CsvWriteOptions } from './csv-writer.js';
import { isTableFormat, TABLE_FORMATS, type TableFormat } from './format.js';
import { jsonArrayEncoder, jsonlEncoder } from './json-writer.js';
import { parquetFormatWriter, type ParquetWriteOptions } from './parquet-writer.js';
import type { TextEncoding } from './text-encoding.js';
import { textFormatWriter, type FormatWriter } from './text-writer.js';
import { yamlEncoder } from './yaml-writer.js';

/** Options of {@link openWriter}; each format reads the ones it knows. */
export interface WriteOptions extends CsvWriteOptions, ParquetWriteOptions {}

/** What a finished write produced. */
export interface WriteResult {
  readonly rows: number;
  readonly bytes: number;
  /** The absolute path written, for a file target. */
  readonly path?: string;
}

/** A streaming table writer. Await each `write`; finish with `close` (or `abort` to leave nothing behind). */
export interface TableWriter {
  readonly format: TableFormat;
  readonly fields: readonly Field[];
  /** Appends a batch; resolves when the destination can take more (backpressure). */
  write(batch: RecordBatch): Promise<void>;
  /** Completes the output; for a file target the file appears only now, whole. */
  close(): Promise<WriteResult>;
  /** Stops and removes any partial output. Safe to call more than once, and after a failure. */
  abort(): Promise<void>;
}

type FormatFactory = (sink: ByteSink, fields: readonly Field[], options: WriteOptions) => FormatWriter;

/** The text formats' encoders: the one table that says which formats are text, and how each is encoded. */
const TEXT_ENCODERS: Partial<Readonly<Record<TableFormat, (fields: readonly Field[], options: CsvWriteOptions) => TextEncoding>>> = {
  csv: (fields, o) => csvEncoder(fields, o),
  json: (fields) => jsonArrayEncoder(fields),
  jsonl: (fields) => jsonlEncoder(fields),
  yaml: (fields) => yamlEncoder(fields),
};

const writerOf =
  (format: TableFormat): FormatFactory =>
  (sink, fields, o) =>
    textFormatWriter(sink, batchEncoder(format, fields, o)!);

const FORMAT_WRITERS: Readonly<Record<TableFormat, FormatFactory>> = {
  csv: writerOf('csv'),
  json: writerOf('json'),
  jsonl: writerOf('jsonl'),
  yaml: writerOf('yaml'),
  parquet: (sink, fields, o) => parquetFormatWriter(sink, fields, o),
};

/** Whether {@link batchEncoder} has an encoder for `format` (every text format). */
export function encodesInBatches(format: TableFormat): boolean {
  return TEXT_ENCODERS[format] !== undefined;
}

/**
 * The encoder a text writer of `format` uses (CSV, JSON, JSONL, YAML): a batch's bytes depend only on its rows and
 * on where it starts, so batches can be encoded apart (in worker threads) and their bytes joined between `head()`
 * and `tail(rows)`. Undefined for Parquet, whose row groups are written whole.
 * @example const enc = batchEncoder('csv', fields); sink.write(Buffer.from(enc.head())); sink.write(enc.encode(cols, n, 0))
 */
export function batchEncoder(format: TableFormat, fields: readonly Field[], options: CsvWriteOptions = {}): TextEncoding | undefined {
  return TEXT_ENCODERS[format]?.(fields, options);
}

/**
 * Opens a streaming writer. A file target is written to a temp file in the same folder and renamed on close,
 * so no partial file is ever left; an unwritable target fails here, before any work, with IO_UNWRITABLE.
 * @example const w = await openWriter({ path: 'out.csv' }, 'csv', fields); await w.write(batch); await w.close();
 */
export async function openWriter(target: WriteTarget, format: TableFormat, fields: readonly Field[], options: WriteOptions = {}): Promise<TableWriter> {
  if (!isTableFormat(format)) {
    throw new SynthError('IO_UNKNOWN_FORMAT', `Unknown output format "${String(format)}"; supported: ${TABLE_FORMATS.join(', ')}.`, { received: format, expected: TABLE_FORMATS });
  }
  checkFields(fields);
  const sink = await openSink(target);
  let inner: FormatWriter;
  try {
    inner = FORMAT_WRITERS[format](sink, fields, options);
  } catch (e) {
    await sink.abort();
    throw e instanceof RangeError ? new SynthError('INVALID_ARGUMENT', e.message, { cause: e }) : e;
  }
  return new StreamingWriter(format, fields, sink, inner);
}

function checkFields(fields: readonly Field[]): void {
  const seen = new Set<string>();
  for (const f of fields) {
    if (seen.has(f.name)) throw new SynthError('IO_DUPLICATE_COLUMN', `Two columns are named "${f.name}".`, { path: f.name, hint: 'Rename one of them.' });
    seen.add(f.name);
  }
}

class StreamingWriter implements TableWriter {
  private rows = 0;
  private state: 'open' | 'closed' | 'failed' = 'open';
  private chain: Promise<void> = Promise.resolve();
  private lastFields: readonly Field[] | undefined;
  private lastOrder: readonly number[] | undefined;

  constructor(
    readonly format: TableFormat,
    readonly fields: readonly Field[],
    private readonly sink: ByteSink,
    private readonly inner: FormatWriter,
  ) {}

  write(batch: RecordBatch): Promise<void> {
    // Calls are chained so a caller that forgets to await still gets its batches in order.
    const next = this.chain.then(() => this.writeNow(batch));
    this.chain = next.catch(() => undefined);
    return next;
  }

  private async writeNow(batch: RecordBatch): Promise<void> {
    this.checkOpen();
    if (batch.length === 0) return;
    try {
      await this.inner.write(this.align(batch), batch.length);
      this.rows += batch.length;
    } catch (e) {
      await this.fail();
      throw e;
    }
  }

  async close(): Promise<WriteResult> {
    await this.chain;
    this.checkOpen();
    try {
      await this.inner.finish();
      const { bytes, path } = await this.sink.close();
      this.state = 'closed';
      return path === undefined ? { rows: this.rows, bytes } : { rows: this.rows, bytes, path };
    } catch (e) {
      await this.fail();
      throw e;
    }
  }

  async abort(): Promise<void> {
    await this.chain;
    if (this.state === 'closed') return;
    await this.fail();
  }

  private async fail(): Promise<void> {
    if (this.state === 'failed') return;
    this.state = 'failed';
    await this.sink.abort();
  }

  private checkOpen(): void {
    if (this.state === 'closed') throw new SynthError('INTERNAL', 'The writer is already closed.');
    if (this.state === 'failed') throw new SynthError('IO_WRITE_FAILED', 'The writer was aborted after an error; no output was left behind.');
  }

  // Batches usually share the writer's field list; otherwise columns are matched by name once per new field list.
  private align(batch: RecordBatch): readonly (readonly Cell[])[] {
    if (batch.fields === this.fields) return batch.columns;
    if (batch.fields !== this.lastFields) {
      this.lastFields = batch.fields;
      const index = new Map(batch.fields.map((f, i) => [f.name, i]));
      const same = batch.fields.length === this.fields.length && this.fields.every((f, i) => batch.fields[i]!.name === f.name);
      this.lastOrder = same ? undefined : this.fields.map((f) => index.get(f.name) ?? -1);
    }
    const order = this.lastOrder;
    if (order === undefined) return batch.columns;
    const absent: Cell[] = new Array<Cell>(batch.length).fill(undefined);
    return order.map((i) => (i < 0 ? absent : batch.columns[i]!));
  }
}

/**
 * Writes a whole stream of batches and closes; on any error the output is aborted (no partial file) and the
 * error rethrown. The fields are taken from `options.fields`, or else from the first batch.
 */
export async function writeBatches(
  batches: AsyncIterable<RecordBatch> | Iterable<RecordBatch>,
  target: WriteTarget,
  format: TableFormat,
  options: WriteOptions & { readonly fields?: readonly Field[] } = {},
): Promise<WriteResult> {
  let writer: TableWriter | undefined;
  if (options.fields !== undefined) writer = await openWriter(target, format, options.fields, options);
  try {
    for await (const batch of batches) {
      writer ??= await openWriter(target, format, batch.fields, options);
      await writer.write(batch);
    }
    writer ??= await openWriter(target, format, [], options);
    return await writer.close();
  } catch (e) {
    await writer?.abort();
    throw e;
  }
}
