import type { Cell, Field } from '../core/index.js';
import type { CellMode } from './infer.js';

/** A slice of rows as a reader found them, before kinds are decided: columns follow `names`. */
export interface RawBatch {
  readonly names: readonly string[];
  readonly columns: readonly Cell[][];
  readonly length: number;
}

/** What a format reader hands to the typing stage. */
export interface RawSource {
  readonly mode: CellMode;
  /** Fields known from the file itself (a Parquet file written by synthdata): no inference needed. */
  readonly fields?: readonly Field[];
  /** The meta every field carries (`source`, and `encoding` for text formats: read after the first batch). */
  meta(): Record<string, unknown>;
  readonly batches: AsyncIterable<RawBatch>;
}

/** Options every format reader gets. */
export interface RawReadOptions {
  /** The file name shown in messages and positions. */
  readonly name: string;
  readonly batchRows: number;
}
