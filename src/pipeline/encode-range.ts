import { runRange, type Plan } from '../generate/index.js';
import { ByteAppender, type TextEncoding } from '../io/index.js';

/**
 * The encoded bytes of rows [from, to) of a plan, in one fresh buffer that can be transferred to another thread.
 * `scratch` is where the batches are appended first: a thread that encodes range after range passes the same one.
 */
export function encodeRange(plan: Plan, encoder: TextEncoding, from: number, to: number, scratch = new ByteAppender()): Buffer<ArrayBuffer> {
  let at = from;
  for (const batch of runRange(plan, from, to)) {
    encoder.encodeInto(batch.columns, batch.length, at, scratch);
    at += batch.length;
  }
  return scratch.take();
}
