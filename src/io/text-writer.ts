import type { Cell } from '../core/index.js';
import type { ByteSink } from './byte-sink.js';
import type { TextEncoding } from './text-encoding.js';

/** A format's writer over a sink: takes columns in the writer's field order. */
export interface FormatWriter {
  write(columns: readonly (readonly Cell[])[], n: number): Promise<void>;
  finish(): Promise<void>;
}

/** Writes a text encoding to a sink, one large UTF-8 buffer per batch. */
export function textFormatWriter(sink: ByteSink, encoding: TextEncoding): FormatWriter {
  let rows = 0;
  let started = false;
  const put = async (bytes: Uint8Array): Promise<void> => {
    if (bytes.length > 0) await sink.write(bytes);
  };
  const putText = (text: string): Promise<void> => put(Buffer.from(text, 'utf8'));
  return {
    async write(columns, n) {
      const body = encoding.encode(columns, n, rows);
      if (!started) {
        started = true;
        await put(Buffer.concat([Buffer.from(encoding.head(), 'utf8'), body]));
      } else {
        await put(body);
      }
      rows += n;
    },
    async finish() {
      if (!started) {
        started = true;
        await putText(encoding.head());
      }
      await putText(encoding.tail(rows));
    },
  };
}
