import type { Field } from './kind.js';

/** The largest number of rows one {@link RecordBatch} may hold. */
export const MAX_BATCH_ROWS = 65_536;

/**
 * A cell value. `undefined` means the property is absent from the record (an optional property that was
 * not generated), `null` means it is present and null; writers keep the difference where the format can.
 */
export type Cell = string | number | boolean | null | undefined | bigint | object;

/**
 * A columnar slice of a table: one array per field, all of the same length. Data in motion is a stream
 * of these; rows become objects only at the edges.
 */
export interface RecordBatch {
  readonly fields: readonly Field[];
  readonly columns: readonly (readonly Cell[])[];
  readonly length: number;
}

/** Builds a batch, checking that every column has `length` cells. */
export function recordBatch(fields: readonly Field[], columns: readonly (readonly Cell[])[]): RecordBatch {
  if (fields.length !== columns.length) {
    throw new RangeError(`recordBatch: ${fields.length} fields but ${columns.length} columns`);
  }
  const length = columns.length === 0 ? 0 : columns[0]!.length;
  for (let c = 1; c < columns.length; c++) {
    if (columns[c]!.length !== length) {
      throw new RangeError(`recordBatch: column "${fields[c]!.name}" has ${columns[c]!.length} cells, expected ${length}`);
    }
  }
  if (length > MAX_BATCH_ROWS) throw new RangeError(`recordBatch: ${length} rows exceeds ${MAX_BATCH_ROWS}`);
  return { fields, columns, length };
}

/** Row `i` of a batch as a plain object; absent (`undefined`) cells are left out. */
export function rowObject(batch: RecordBatch, i: number): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (let c = 0; c < batch.fields.length; c++) {
    const v = batch.columns[c]![i];
    if (v !== undefined) row[batch.fields[c]!.name] = v;
  }
  return row;
}

/** Every row of a batch as plain objects (for edges and tests, not hot loops). */
export function batchRows(batch: RecordBatch): Record<string, unknown>[] {
  const rows = new Array<Record<string, unknown>>(batch.length);
  for (let i = 0; i < batch.length; i++) rows[i] = rowObject(batch, i);
  return rows;
}

/** Builds a batch from row objects, with the given fields in order. */
export function batchFromRows(fields: readonly Field[], rows: readonly Record<string, unknown>[]): RecordBatch {
  const columns = fields.map((f) => rows.map((r) => r[f.name] as Cell));
  return recordBatch(fields, columns);
}

/** Rows `start` (inclusive) to `end` (exclusive) of a batch, sharing no arrays with it. */
export function sliceBatch(batch: RecordBatch, start: number, end: number): RecordBatch {
  return recordBatch(batch.fields, batch.columns.map((col) => col.slice(start, end)));
}

/** Collects an async iterable of batches into one array of row objects (for tests and small tables). */
export async function collectRows(batches: AsyncIterable<RecordBatch> | Iterable<RecordBatch>): Promise<Record<string, unknown>[]> {
  const out: Record<string, unknown>[] = [];
  for await (const b of batches) for (let i = 0; i < b.length; i++) out.push(rowObject(b, i));
  return out;
}
