import type { Rng } from '../core/index.js';

/** Up to `max` distinct row indices of `n`, drawn without replacement and sorted; all of them when n <= max. */
export function sampleIndices(n: number, max: number, rng: Rng): Int32Array {
  if (n <= max) return Int32Array.from({ length: n }, (_, i) => i);
  // Floyd's algorithm: max draws, no n-sized array.
  const chosen = new Set<number>();
  for (let j = n - max; j < n; j++) {
    const t = rng.int(0, j);
    chosen.add(chosen.has(t) ? j : t);
  }
  return Int32Array.from([...chosen].sort((a, b) => a - b));
}

/** Splits 0..n-1 into a shuffled training part and a holdout part of `holdoutShare` of the rows. */
export function splitIndices(n: number, holdoutShare: number, rng: Rng): { train: Int32Array; holdout: Int32Array } {
  const order = Array.from({ length: n }, (_, i) => i);
  rng.shuffle(order);
  const h = Math.max(1, Math.min(n - 1, Math.round(n * holdoutShare)));
  return { holdout: Int32Array.from(order.slice(0, h)).sort(), train: Int32Array.from(order.slice(h)).sort() };
}
