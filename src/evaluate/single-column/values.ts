import type { PreparedValues } from '../prepare.js';

const sortedCache = new WeakMap<Float64Array, Float64Array>();

/** The non-NaN values of a column, sorted ascending (cached per array, as several metrics need them). */
export function sortedFinite(values: Float64Array): Float64Array {
  const cached = sortedCache.get(values);
  if (cached !== undefined) return cached;
  let n = 0;
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i]!)) n++;
  const out = new Float64Array(n);
  let j = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!Number.isNaN(v)) out[j++] = v;
  }
  out.sort();
  sortedCache.set(values, out);
  return out;
}

/** The share of null cells (NaN or code -1). */
export function nullRate(p: PreparedValues): number {
  const n = p.kind === 'cont' ? p.values.length : p.codes.length;
  if (n === 0) return 0;
  let nulls = 0;
  if (p.kind === 'cont') {
    for (let i = 0; i < n; i++) if (Number.isNaN(p.values[i]!)) nulls++;
  } else {
    for (let i = 0; i < n; i++) if (p.codes[i]! < 0) nulls++;
  }
  return nulls / n;
}

/** Counts per category code (nulls left out), and the number of non-null cells. */
export function categoryCounts(codes: Int32Array, size: number): { counts: Float64Array; total: number } {
  const counts = new Float64Array(size);
  let total = 0;
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i]!;
    if (c >= 0) {
      counts[c]!++;
      total++;
    }
  }
  return { counts, total };
}

/** numpy's rint: round half to even. */
export function rint(y: number): number {
  const r = Math.round(y);
  return r - y === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/** numpy's np.round(x, decimals) for positive decimals. */
export function roundDecimals(x: number, decimals: number): number {
  const f = 10 ** decimals;
  return rint(x * f) / f;
}

/** Distinct values of a prepared column (nulls left out) and the non-null count. */
export function distinctCount(p: PreparedValues): { distinct: number; nonNull: number } {
  if (p.kind === 'cont') {
    const s = sortedFinite(p.values);
    let d = 0;
    for (let i = 0; i < s.length; i++) if (i === 0 || s[i] !== s[i - 1]) d++;
    return { distinct: d, nonNull: s.length };
  }
  const seen = new Uint8Array(p.dictionary.size);
  let d = 0;
  let nonNull = 0;
  for (let i = 0; i < p.codes.length; i++) {
    const c = p.codes[i]!;
    if (c < 0) continue;
    nonNull++;
    if (seen[c] === 0) {
      seen[c] = 1;
      d++;
    }
  }
  return { distinct: d, nonNull };
}
