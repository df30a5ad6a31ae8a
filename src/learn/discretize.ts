/**
 * Binning of numeric columns for the tree and network synthesizers: quantile bins (or equal-width ones, which leak
 * nothing but the range, under differential privacy), one bin per value for columns with few values, a bin for
 * null, and a few quantile points per bin to draw values back out of a bin.
 */
import type { Rng } from '../core/index.js';
import type { EncodedColumn } from './columns.js';

/** How a numeric column is binned: ascending edges, or exact values when there are few; the null bin is last. */
export interface NumericBins {
  /** Bin i holds [edges[i], edges[i+1]) (the last bin includes its upper edge). Empty when `values` is set. */
  readonly edges: readonly number[];
  /** One bin per value, when the column has few distinct values. */
  readonly values?: readonly number[];
  /** Quantile points of the values in each non-null bin (sorted), to draw values back; empty under DP. */
  readonly points: readonly (readonly number[])[];
  readonly hasNull: boolean;
}

/** The number of non-null bins. */
export function binCount(b: NumericBins): number {
  return b.values ? b.values.length : b.edges.length - 1;
}

/** The total number of codes, the null bin included. */
export function codeCount(b: NumericBins): number {
  return binCount(b) + (b.hasNull ? 1 : 0);
}

/** Bins a numeric column: `maxBins` quantile bins, or one per value when there are at most `maxBins` values. */
export function fitBins(values: Float64Array, maxBins: number, options: { equalWidth?: { min: number; max: number }; points?: number } = {}): NumericBins {
  const present: number[] = [];
  let hasNull = false;
  for (const v of values) {
    if (Number.isNaN(v)) hasNull = true;
    else present.push(v);
  }
  present.sort((a, b) => a - b);
  if (options.equalWidth) {
    const { min, max } = options.equalWidth;
    const edges: number[] = [];
    // Non-negative columns spanning orders of magnitude get bins equal in log(1 + x): money and counts are skewed,
    // and the choice uses only the range, which the model keeps anyway.
    const logScale = min >= 0 && max > 100;
    for (let i = 0; i <= maxBins; i++) {
      edges.push(logScale ? Math.expm1(Math.log1p(min) + ((Math.log1p(max) - Math.log1p(min)) * i) / maxBins) : min + ((max - min) * i) / maxBins);
    }
    edges[0] = min;
    edges[maxBins] = max;
    if (max === min) edges.splice(1, edges.length - 2);
    return { edges, points: [], hasNull };
  }
  const distinct: number[] = [];
  for (const v of present) if (distinct.length === 0 || distinct[distinct.length - 1] !== v) distinct.push(v);
  if (distinct.length <= maxBins) return { edges: [], values: distinct, points: [], hasNull };
  const edges: number[] = [present[0]!];
  for (let i = 1; i < maxBins; i++) {
    const q = present[Math.floor((i * present.length) / maxBins)]!;
    if (q > edges[edges.length - 1]!) edges.push(q);
  }
  const top = present[present.length - 1]!;
  if (top > edges[edges.length - 1]!) edges.push(top);
  else edges.push(top + 1e-9);
  const nPoints = options.points ?? 24;
  const points: number[][] = [];
  let start = 0;
  for (let b = 0; b < edges.length - 1; b++) {
    let end = start;
    const last = b === edges.length - 2;
    while (end < present.length && (last || present[end]! < edges[b + 1]!)) end++;
    const slice = present.slice(start, end);
    const pts: number[] = [];
    if (slice.length > 0) for (let k = 0; k <= nPoints; k++) pts.push(slice[Math.round((k * (slice.length - 1)) / nPoints)]!);
    points.push(dedupeRuns(pts));
    start = end;
  }
  return { edges, points, hasNull };
}

// Keeps ties (they carry mass) but drops a point list that is one value repeated down to that value.
function dedupeRuns(pts: number[]): number[] {
  return pts.length > 0 && pts[0] === pts[pts.length - 1] ? [pts[0]!] : pts;
}

/** The code of value `v` (the null bin for NaN). */
export function binOf(b: NumericBins, v: number): number {
  if (Number.isNaN(v)) return binCount(b);
  const arr = b.values ?? b.edges;
  let lo = 0;
  let hi = arr.length - 1;
  if (b.values) {
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (arr[mid]! < v) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0 && Math.abs(arr[lo - 1]! - v) < Math.abs(arr[lo]! - v)) lo--;
    return lo;
  }
  if (v <= arr[0]!) return 0;
  const nb = arr.length - 1;
  if (v >= arr[nb]!) return nb - 1;
  lo = 0;
  hi = nb - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (arr[mid]! <= v) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Draws a value from bin `code`: its exact value, a point between its quantile points, or uniform in its range. */
export function valueOf(b: NumericBins, code: number, rng: Rng): number {
  if (code >= binCount(b)) return NaN;
  if (b.values) return b.values[code]!;
  const pts = b.points[code];
  if (pts && pts.length > 0) {
    if (pts.length === 1) return pts[0]!;
    const x = rng.next() * (pts.length - 1);
    const i = Math.floor(x);
    const lo = pts[i]!;
    const hi = pts[Math.min(i + 1, pts.length - 1)]!;
    return lo + (hi - lo) * (x - i);
  }
  return b.edges[code]! + rng.next() * (b.edges[code + 1]! - b.edges[code]!);
}

/** Codes of every structured column: category codes as they are, numeric columns binned by `bins[c]`. */
export function codesOf(columns: readonly EncodedColumn[], bins: readonly (NumericBins | undefined)[]): { codes: Int32Array[]; cards: number[] } {
  const codes: Int32Array[] = [];
  const cards: number[] = [];
  columns.forEach((col, c) => {
    if ('codes' in col) {
      codes.push(col.codes);
      cards.push(col.spec.levels.length);
    } else {
      const b = bins[c]!;
      const out = new Int32Array(col.values.length);
      for (let i = 0; i < out.length; i++) out[i] = binOf(b, col.values[i]!);
      codes.push(out);
      cards.push(codeCount(b));
    }
  });
  return { codes, cards };
}
