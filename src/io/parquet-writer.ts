import { ByteWriter, ParquetWriter, type SchemaElement } from 'hyparquet-writer';
import { SynthError, type Cell, type Field, type Kind } from '../core/index.js';
import type { ByteSink } from './byte-sink.js';
import type { FormatWriter } from './text-writer.js';

/** Options of the Parquet writer. */
export interface ParquetWriteOptions {
  /** Rows per row group (default 65,536): rows are held in memory until a group is full. */
  readonly rowGroupRows?: number;
  /** Compression (default SNAPPY). */
  readonly compression?: 'SNAPPY' | 'UNCOMPRESSED';
}

/** The key under which a Parquet file written here records its synthdata fields (kinds and meta). */
export const PARQUET_FIELDS_KEY = 'synthdata.fields';

// One entry per kind: the physical/logical Parquet type and how a cell becomes a Parquet value.
const PARQUET_TYPES: Readonly<Record<Kind, Omit<SchemaElement, 'name'>>> = {
  integer: { type: 'INT64', repetition_type: 'OPTIONAL' },
  number: { type: 'DOUBLE', repetition_type: 'OPTIONAL' },
  boolean: { type: 'BOOLEAN', repetition_type: 'OPTIONAL' },
  // Dates and times stay text: a streamed writer cannot know that every later value parses, and the
  // synthdata.fields metadata restores their kind (and format) when synthdata reads the file back.
  string: { type: 'BYTE_ARRAY', converted_type: 'UTF8', logical_type: { type: 'STRING' }, repetition_type: 'OPTIONAL' },
  date: { type: 'BYTE_ARRAY', converted_type: 'UTF8', logical_type: { type: 'STRING' }, repetition_type: 'OPTIONAL' },
  datetime: { type: 'BYTE_ARRAY', converted_type: 'UTF8', logical_type: { type: 'STRING' }, repetition_type: 'OPTIONAL' },
  time: { type: 'BYTE_ARRAY', converted_type: 'UTF8', logical_type: { type: 'STRING' }, repetition_type: 'OPTIONAL' },
  json: { type: 'BYTE_ARRAY', converted_type: 'JSON', logical_type: { type: 'JSON' }, repetition_type: 'OPTIONAL' },
};

type Convert = (v: Cell, field: Field) => unknown;

const INT_TEXT = /^-?\d+$/;

function badCell(v: Cell, field: Field, want: string): SynthError {
  return new SynthError('INVALID_ARGUMENT', `Column "${field.name}" (${field.kind}) holds ${JSON.stringify(typeof v === 'bigint' ? v.toString() : v)}, which is not ${want}; Parquet needs one type per column.`, {
    path: field.name,
    expected: want,
    received: typeof v,
  });
}

const toInt64: Convert = (v, f) => {
  if (v === null || v === undefined) return null;
  if (typeof v === 'bigint') return v;
  if (typeof v === 'number' && Number.isInteger(v)) return BigInt(v);
  if (typeof v === 'string' && INT_TEXT.test(v)) return BigInt(v);
  throw badCell(v, f, 'an integer');
};

const asDouble: Convert = (v, f) => {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  throw badCell(v, f, 'a number');
};

const toBoolean: Convert = (v, f) => {
  if (v === null || v === undefined) return null;
  if (typeof v === 'boolean') return v;
  throw badCell(v, f, 'a boolean');
};

const toText: Convert = (v) => {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v;
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
};

const toJsonValue: Convert = (v) => (v === undefined ? null : v);

const CONVERTERS: Readonly<Record<Kind, Convert>> = {
  integer: toInt64,
  number: asDouble,
  boolean: toBoolean,
  string: toText,
  date: toText,
  datetime: toText,
  time: toText,
  json: toJsonValue,
};

/** A hyparquet ByteWriter that hands each finished row group to the sink, so memory holds one group at most. */
class SinkByteWriter extends ByteWriter {
  constructor(private readonly sink: ByteSink) {
    super(1 << 20);
  }

  flush(): Promise<void> {
    if (this.index === 0) return Promise.resolve();
    const chunk = new Uint8Array(this.index);
    chunk.set(new Uint8Array(this.buffer, 0, this.index));
    this.index = 0;
    return this.sink.write(chunk);
  }

  override finish(): Promise<void> {
    return this.flush();
  }
}

/** Streams batches into a Parquet file, one row group per `rowGroupRows` rows. */
export function parquetFormatWriter(sink: ByteSink, fields: readonly Field[], options: ParquetWriteOptions = {}): FormatWriter {
  const groupRows = options.rowGroupRows ?? 65_536;
  if (!Number.isInteger(groupRows) || groupRows < 1) throw new RangeError(`rowGroupRows must be a positive integer, got ${groupRows}`);
  const schema: SchemaElement[] = [{ name: 'root', num_children: fields.length }];
  for (const f of fields) schema.push({ name: f.name, ...(PARQUET_TYPES[f.kind] ?? PARQUET_TYPES.string) });
  const writer = new SinkByteWriter(sink);
  const pw = new ParquetWriter({
    writer,
    schema,
    codec: options.compression ?? 'SNAPPY',
    kvMetadata: [{ key: PARQUET_FIELDS_KEY, value: JSON.stringify(fields) }],
    createdBy: 'synthdata',
  });
  const convert = fields.map((f) => CONVERTERS[f.kind] ?? toText);
  let pending: unknown[][] = fields.map(() => []);
  let pendingRows = 0;

  const flushGroup = async (): Promise<void> => {
    if (pendingRows === 0) return;
    const columnData = fields.map((f, c) => ({ name: f.name, data: pending[c]! }));
    pending = fields.map(() => []);
    const rows = pendingRows;
    pendingRows = 0;
    await pw.write({ columnData, rowGroupSize: rows });
    await writer.flush();
  };

  return {
    async write(columns, n) {
      let start = 0;
      while (start < n) {
        const take = Math.min(n - start, groupRows - pendingRows);
        for (let c = 0; c < fields.length; c++) {
          const src = columns[c]!;
          const dst = pending[c]!;
          const conv = convert[c]!;
          const f = fields[c]!;
          for (let i = start; i < start + take; i++) dst.push(conv(src[i], f));
        }
        pendingRows += take;
        start += take;
        if (pendingRows >= groupRows) await flushGroup();
      }
    },
    async finish() {
      await flushGroup();
      await pw.finish();
    },
  };
}
