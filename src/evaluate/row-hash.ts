import type { PreparedColumn, PreparedValues } from './prepare.js';

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);

function mix(h: number, k: number): number {
  h = Math.imul(h ^ k, 0x9e3779b1);
  return (h << 13) | (h >>> 19);
}

/**
 * A 53-bit hash of each row over the prepared columns (numbers by their bits, or rounded to `significant` digits;
 * categories by code; null as its own value). Rows compare by hash without building a string per row, which keeps
 * duplicate and exact-match checks of a million rows fast and small.
 */
export function rowHashes(columns: readonly PreparedColumn[], side: (c: PreparedColumn) => PreparedValues, length: number, significant?: number): Float64Array {
  const h1 = new Int32Array(length).fill(0x2545f491);
  const h2 = new Int32Array(length).fill(0x6c8e9cf5);
  for (const c of columns) {
    const p = side(c);
    if (p.kind === 'cont') {
      for (let i = 0; i < length; i++) {
        let v = p.values[i]!;
        if (Number.isNaN(v)) {
          h1[i] = mix(h1[i]!, 0x7ff80001);
          h2[i] = mix(h2[i]!, 0x13579bdf);
          continue;
        }
        if (significant !== undefined && v !== 0 && Number.isFinite(v)) v = roundSignificant(v, significant);
        f64[0] = v === 0 ? 0 : v;
        h1[i] = mix(mix(h1[i]!, u32[0]!), u32[1]!);
        h2[i] = mix(mix(h2[i]!, u32[1]! ^ 0x5bd1e995), u32[0]!);
      }
    } else {
      for (let i = 0; i < length; i++) {
        const k = p.codes[i]!;
        h1[i] = mix(h1[i]!, k);
        h2[i] = mix(h2[i]!, k ^ 0x27d4eb2f);
      }
    }
  }
  const out = new Float64Array(length);
  for (let i = 0; i < length; i++) out[i] = (h1[i]! >>> 0) * 2097152 + (h2[i]! >>> 11);
  return out;
}

const POW10 = Array.from({ length: 700 }, (_, i) => 10 ** (i - 350));

/** `v` rounded to `digits` significant digits (as `%.12g` does, up to the last bit). */
export function roundSignificant(v: number, digits: number): number {
  const e = Math.floor(Math.log10(Math.abs(v)));
  const k = digits - 1 - e;
  if (k < -300 || k > 300) return v;
  const f = POW10[k + 350]!;
  return k >= 0 ? Math.round(v * f) / f : Math.round(v / POW10[-k + 350]!) * POW10[-k + 350]!;
}

/** The number of entries equal to an earlier one. */
export function countRepeats(hashes: Float64Array): number {
  const sorted = Float64Array.from(hashes).sort();
  let repeats = 0;
  for (let i = 1; i < sorted.length; i++) if (sorted[i] === sorted[i - 1]) repeats++;
  return repeats;
}
