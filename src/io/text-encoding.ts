import type { Cell } from '../core/index.js';

/** A text format's encoder: the text before the rows, each batch's rows as UTF-8 bytes, the text after them. */
export interface TextEncoding {
  head(): string;
  /** The UTF-8 bytes of `n` rows given as columns in the writer's field order. */
  encode(columns: readonly (readonly Cell[])[], n: number): Buffer;
  /** The text after the last row, told how many rows were written. */
  tail(rows: number): string;
}

/**
 * Characters of text an encoder gathers before turning it into bytes. A string grown by `+=` is a rope; ropes of a
 * few hundred rows flatten fast, ropes of a whole 64k-row batch several times slower, so encoders cut here.
 */
export const CHUNK_CHARS = 1 << 15;

/** Joins the byte chunks of one batch and the text left over. */
export function joinChunks(parts: Buffer[], rest: string): Buffer {
  if (rest.length > 0) parts.push(Buffer.from(rest, 'utf8'));
  return parts.length === 1 ? parts[0]! : Buffer.concat(parts);
}
