import type { Cell } from '../core/index.js';

/**
 * A text format's encoder: the text before the rows, each batch's rows as UTF-8 bytes, the text after them. An
 * encoder keeps no state between batches: a batch's bytes depend only on its rows and on where it starts
 * (`firstRow`, the index of its first row in the whole output), so batches can be encoded apart, in any order.
 */
export interface TextEncoding {
  head(): string;
  /** Appends the UTF-8 bytes of `n` rows, given as columns in the writer's field order, to `out`. */
  encodeInto(columns: readonly (readonly Cell[])[], n: number, firstRow: number, out: ByteAppender): void;
  /** The UTF-8 bytes of `n` rows in a buffer of their own. */
  encode(columns: readonly (readonly Cell[])[], n: number, firstRow: number): Buffer;
  /** The text after the last row, told how many rows were written. */
  tail(rows: number): string;
}

/**
 * Characters of text an encoder gathers before turning it into bytes. A string grown by `+=` is a rope; ropes of a
 * few hundred rows flatten fast, ropes of a whole 64k-row batch several times slower, so encoders cut here.
 */
export const CHUNK_CHARS = 1 << 15;

/**
 * A growable byte buffer that encoders append text to as UTF-8, reused batch after batch. One per thread: each
 * chunk is written straight into it instead of into a buffer of its own that is then joined and copied again.
 * Buffers live outside V8's heap, but V8 counts them and runs a full collection for every 64 MB allocated, so a
 * thread encoding a few hundred MB made a full collection every couple of seconds with three allocations per byte.
 */
export class ByteAppender {
  private bytes: Buffer;
  length = 0;

  constructor(capacity = 1 << 17) {
    this.bytes = Buffer.allocUnsafeSlow(capacity);
  }

  /** Appends `text` as UTF-8 (a lone surrogate becomes U+FFFD, as everywhere in Node). */
  append(text: string): void {
    // Three bytes per UTF-16 code unit at most.
    const need = this.length + text.length * 3;
    if (need > this.bytes.length) {
      const grown = Buffer.allocUnsafeSlow(Math.max(need, this.bytes.length * 2));
      this.bytes.copy(grown, 0, 0, this.length);
      this.bytes = grown;
    }
    this.length += this.bytes.write(text, this.length, 'utf8');
  }

  /**
   * The bytes appended since the last take, in a buffer over an ArrayBuffer of its own (so it can be transferred
   * to another thread); the appender starts empty again.
   */
  take(): Buffer<ArrayBuffer> {
    const out = Buffer.from(new ArrayBuffer(this.length));
    this.bytes.copy(out, 0, 0, this.length);
    this.length = 0;
    return out;
  }
}

/** An encoder from its parts: `encode` is `encodeInto` an appender of the encoder's own, taken at once. */
export function textEncoding(parts: Omit<TextEncoding, 'encode'>): TextEncoding {
  // Made on the first `encode`: a worker pool only ever calls `encodeInto` with its own appender.
  let own: ByteAppender | undefined;
  return {
    head: () => parts.head(),
    encodeInto: (columns, n, firstRow, out) => parts.encodeInto(columns, n, firstRow, out),
    encode(columns, n, firstRow) {
      own ??= new ByteAppender();
      parts.encodeInto(columns, n, firstRow, own);
      return own.take();
    },
    tail: (rows) => parts.tail(rows),
  };
}
