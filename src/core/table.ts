import type { Field } from './kind.js';
import type { Cell, RecordBatch } from './record-batch.js';

/**
 * A whole table in memory, columnar. For sample tables that synthesizers learn from and evaluation compares;
 * generated data stays a stream of RecordBatches instead.
 */
export interface Table {
  readonly fields: readonly Field[];
  readonly columns: readonly (readonly Cell[])[];
  readonly length: number;
}

/** Concatenates a stream of batches with the same fields into one {@link Table}. */
export async function tableFromBatches(batches: AsyncIterable<RecordBatch> | Iterable<RecordBatch>): Promise<Table> {
  let fields: readonly Field[] | undefined;
  let columns: Cell[][] = [];
  let length = 0;
  for await (const b of batches) {
    if (fields === undefined) {
      fields = b.fields;
      columns = b.fields.map(() => []);
    }
    for (let c = 0; c < b.columns.length; c++) {
      const src = b.columns[c]!;
      const dst = columns[c]!;
      for (let i = 0; i < src.length; i++) dst.push(src[i]);
    }
    length += b.length;
  }
  return { fields: fields ?? [], columns, length };
}

/** The column of `table` named `name`, or undefined. */
export function tableColumn(table: Table, name: string): readonly Cell[] | undefined {
  const i = table.fields.findIndex((f) => f.name === name);
  return i < 0 ? undefined : table.columns[i];
}
