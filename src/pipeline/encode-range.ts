import { runRange, type Plan } from '../generate/index.js';
import type { TextEncoding } from '../io/index.js';

/**
 * The encoded bytes of rows [from, to) of a plan, in one fresh buffer that can be transferred to another thread
 * (an encoder's own output may be a slice of Node's shared buffer pool).
 */
export function encodeRange(plan: Plan, encoder: TextEncoding, from: number, to: number): Uint8Array<ArrayBuffer> {
  const parts: Buffer[] = [];
  let size = 0;
  for (const batch of runRange(plan, from, to)) {
    const bytes = encoder.encode(batch.columns, batch.length);
    parts.push(bytes);
    size += bytes.length;
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
