import { asyncBufferFromFile, parquetMetadataAsync, parquetRead, parquetSchema } from 'hyparquet';
import { SynthError, type Cell, type Field } from '../core/index.js';
import { PARQUET_FIELDS_KEY } from './parquet-writer.js';
import type { RawBatch, RawReadOptions } from './raw-source.js';

/** A Parquet file opened for reading: its columns, the fields synthdata recorded (if any), and its row groups. */
export interface ParquetSource {
  readonly names: readonly string[];
  readonly fields: readonly Field[] | undefined;
  readonly batches: AsyncIterable<RawBatch>;
}

function isoOf(d: Date, dateOnly: boolean): string | null {
  if (Number.isNaN(d.getTime())) return null;
  const iso = d.toISOString();
  return dateOnly ? iso.slice(0, 10) : iso;
}

function plainCell(v: unknown, dateOnly: boolean): Cell {
  if (v instanceof Date) return isoOf(v, dateOnly);
  if (v instanceof Uint8Array) return Buffer.from(v).toString('base64');
  return v as Cell;
}

/** Opens a Parquet file and reads it one row group at a time (sliced into batches), so memory holds one group. */
export async function openParquet(path: string, options: RawReadOptions): Promise<ParquetSource> {
  const { name, batchRows } = options;
  let file: Awaited<ReturnType<typeof asyncBufferFromFile>>;
  let metadata: Awaited<ReturnType<typeof parquetMetadataAsync>>;
  try {
    file = await asyncBufferFromFile(path);
    metadata = await parquetMetadataAsync(file);
  } catch (e) {
    throw new SynthError('IO_PARSE', `"${name}" is not a readable Parquet file: ${(e as Error).message}`, { path: name, cause: e });
  }
  const schema = parquetSchema(metadata);
  const names = schema.children.map((c) => c.element.name);
  const dateOnly = schema.children.map((c) => c.element.converted_type === 'DATE' || c.element.logical_type?.type === 'DATE');
  const recorded = metadata.key_value_metadata?.find((kv) => kv.key === PARQUET_FIELDS_KEY)?.value;
  let fields: Field[] | undefined;
  if (recorded !== undefined) {
    try {
      const parsed = JSON.parse(recorded) as Field[];
      if (Array.isArray(parsed) && parsed.length === names.length && parsed.every((f, i) => f.name === names[i])) fields = parsed;
    } catch {
      fields = undefined;
    }
  }
  async function* batches(): AsyncGenerator<RawBatch> {
    let start = 0;
    for (const group of metadata.row_groups) {
      const end = start + Number(group.num_rows);
      let rows: unknown[][] = [];
      try {
        await parquetRead({ file, metadata, rowStart: start, rowEnd: end, onComplete: (r: unknown[][]) => (rows = r) });
      } catch (e) {
        throw new SynthError('IO_PARSE', `"${name}": a row group could not be read: ${(e as Error).message}`, { path: name, cause: e });
      }
      for (let s = 0; s < rows.length; s += batchRows) {
        const n = Math.min(batchRows, rows.length - s);
        const columns = names.map((_, c) => {
          const col = new Array<Cell>(n);
          const d = dateOnly[c]!;
          for (let i = 0; i < n; i++) col[i] = plainCell(rows[s + i]![c], d);
          return col;
        });
        yield { names, columns, length: n };
      }
      start = end;
    }
  }
  return { names, fields, batches: batches() };
}
