import type { Rng } from '../core/index.js';

/**
 * A keyed bijection of [0, size): row i maps to a distinct index, computed from i alone, so unique values need no
 * memory and any worker can compute any row. A balanced Feistel network over the next power of four at or above
 * `size`, with cycle-walking back into range. Sizes up to 2^52.
 */
export function permutation(size: number, rng: Rng): (i: number) => number {
  if (size <= 1) return () => 0;
  let bits = 2;
  while (2 ** bits < size) bits += 2;
  const half = bits / 2;
  const halfSize = 2 ** half;
  const keys = [rng.uint32(), rng.uint32(), rng.uint32(), rng.uint32()];
  const round = (x: number, k: number): number => {
    // A 32-bit mix of (x, key), reduced to the half width; x may exceed 2^32, so fold its high part in.
    let h = (Math.imul((x >>> 0) ^ k, 0x9e3779b1) ^ Math.floor(x / 4294967296)) >>> 0;
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
    h = (h ^ (h >>> 16)) >>> 0;
    return halfSize >= 4294967296 ? h : h % halfSize;
  };
  const once = (x: number): number => {
    let l = Math.floor(x / halfSize);
    let r = x % halfSize;
    for (let i = 0; i < 4; i++) {
      const nl = r;
      const nr = (l + round(r, keys[i]!)) % halfSize;
      l = nl;
      r = nr;
    }
    return l * halfSize + r;
  };
  return (i) => {
    let x = once(i);
    while (x >= size) x = once(x);
    return x;
  };
}
