import type { ColumnPairMetric } from '../metric-types.js';
import type { PreparedValues } from '../prepare.js';

const BIN_COUNT = 10;
const binCache = new WeakMap<Float64Array, Int32Array>();

/**
 * numpy's histogram_bin_edges(values, 10) then digitize: bin 1..10 inside the range, 11 for the maximum and for
 * nulls (they share the top bin, as SDMetrics' report does). Each table is cut by its own range.
 */
export function equalWidthBins(values: Float64Array): Int32Array {
  const cached = binCache.get(values);
  if (cached !== undefined) return cached;
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (Number.isNaN(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  const out = new Int32Array(values.length);
  if (lo > hi) {
    out.fill(BIN_COUNT + 1);
  } else {
    if (lo === hi) {
      lo -= 0.5;
      hi += 0.5;
    }
    // np.linspace: edge i is i * step + start, and the last edge is exactly the stop.
    const step = (hi - lo) / BIN_COUNT;
    const edges = new Float64Array(BIN_COUNT + 1);
    for (let e = 0; e < BIN_COUNT; e++) edges[e] = e * step + lo;
    edges[BIN_COUNT] = hi;
    for (let i = 0; i < values.length; i++) {
      const v = values[i]!;
      if (Number.isNaN(v)) {
        out[i] = BIN_COUNT + 1;
        continue;
      }
      let k = 0;
      while (k <= BIN_COUNT && edges[k]! <= v) k++;
      out[i] = k;
    }
  }
  binCache.set(values, out);
  return out;
}

const codeCache = new WeakMap<Int32Array, Int32Array>();

/** Codes 0..size-1 for a prepared column in a pair: categories (null last) or equal-width bins. */
function pairCodes(p: PreparedValues): { codes: Int32Array; size: number } {
  if (p.kind === 'cont') return { codes: equalWidthBins(p.values), size: BIN_COUNT + 2 };
  const nullCode = p.dictionary.size;
  let codes = codeCache.get(p.codes);
  if (codes === undefined || codes.length !== p.codes.length) {
    codes = new Int32Array(p.codes.length);
    for (let i = 0; i < codes.length; i++) {
      const c = p.codes[i]!;
      codes[i] = c < 0 ? nullCode : c;
    }
    codeCache.set(p.codes, codes);
  }
  return { codes, size: nullCode + 1 };
}

const DENSE_LIMIT = 1 << 22;
// One counting table reused by every pair: allocating (and scanning) xSize * ySize cells per pair cost more than
// counting the rows once the columns have hundreds of categories. Only the touched cells are read back and cleared.
let scratch = new Int32Array(0);

/** A joint frequency table: the occupied cells (x * ySize + y), ascending, and their counts. */
export interface JointCounts {
  readonly keys: Float64Array;
  readonly counts: Float64Array;
}

function jointCounts(x: Int32Array, xSize: number, y: Int32Array, ySize: number): JointCounts {
  if (xSize * ySize <= DENSE_LIMIT) {
    if (scratch.length < xSize * ySize) scratch = new Int32Array(xSize * ySize);
    const touched: number[] = [];
    for (let i = 0; i < x.length; i++) {
      const k = x[i]! * ySize + y[i]!;
      if (scratch[k]!++ === 0) touched.push(k);
    }
    // Ascending keys, as a dense scan would give them: the sums below add up in the same order every time.
    const keys = Float64Array.from(touched).sort();
    const counts = new Float64Array(keys.length);
    for (let j = 0; j < keys.length; j++) {
      counts[j] = scratch[keys[j]!]!;
      scratch[keys[j]!] = 0;
    }
    return { keys, counts };
  }
  // Too many cells for a table: sort the rows' cells and count the runs.
  const all = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) all[i] = x[i]! * ySize + y[i]!;
  all.sort();
  let distinct = 0;
  for (let i = 0; i < all.length; i++) if (i === 0 || all[i] !== all[i - 1]) distinct++;
  const keys = new Float64Array(distinct);
  const counts = new Float64Array(distinct);
  for (let i = 0, j = -1; i < all.length; i++) {
    if (i === 0 || all[i] !== all[i - 1]) keys[++j] = all[i]!;
    counts[j]!++;
  }
  return { keys, counts };
}

/** Cramér's V (no continuity correction) of a joint sample; NaN when either side has a single observed value. */
export function cramersV(joint: JointCounts, ySize: number, n: number): number {
  const { keys, counts } = joint;
  const maxKey = keys.length === 0 ? 0 : keys[keys.length - 1]!;
  // Marginals in typed arrays: a Map per marginal cost more than the whole similarity for wide categorical pairs.
  const rows = new Float64Array(Math.floor(maxKey / ySize) + 1);
  const cols = new Float64Array(ySize);
  for (let j = 0; j < keys.length; j++) {
    const x = Math.floor(keys[j]! / ySize);
    rows[x]! += counts[j]!;
    cols[keys[j]! - x * ySize]! += counts[j]!;
  }
  let nRows = 0;
  let nCols = 0;
  for (const r of rows) if (r > 0) nRows++;
  for (const c of cols) if (c > 0) nCols++;
  if (n === 0 || nRows < 2 || nCols < 2) return Number.NaN;
  // sum (O - E)^2 / E over every cell equals n * (sum O^2 / (row * col) - 1) over the observed cells only.
  let s = 0;
  for (let j = 0; j < keys.length; j++) {
    const x = Math.floor(keys[j]! / ySize);
    const c = counts[j]!;
    s += (c * c) / (rows[x]! * cols[keys[j]! - x * ySize]!);
  }
  const chi2 = Math.max(0, n * (s - 1));
  return Math.sqrt(chi2 / (n * (Math.min(nRows, nCols) - 1)));
}

/** Total variation between two joint tables: the real cells first, then the cells only the synthetic one has. */
function summedDifference(p: JointCounts, nr: number, q: JointCounts, ns: number): number {
  let diff = 0;
  let k = 0;
  for (let j = 0; j < p.keys.length; j++) {
    while (k < q.keys.length && q.keys[k]! < p.keys[j]!) k++;
    const qc = k < q.keys.length && q.keys[k] === p.keys[j] ? q.counts[k]! : 0;
    diff += Math.abs(p.counts[j]! / nr - qc / ns);
  }
  let j = 0;
  for (let i = 0; i < q.keys.length; i++) {
    while (j < p.keys.length && p.keys[j]! < q.keys[i]!) j++;
    if (j < p.keys.length && p.keys[j] === q.keys[i]) continue;
    diff += q.counts[i]! / ns;
  }
  return diff;
}

/**
 * Contingency similarity (SDMetrics ContingencySimilarity): 1 - total variation distance of the joint frequency
 * tables, null counted as a category and continuous columns cut into 10 bins; categorical and mixed pairs.
 */
export const contingencySimilarity: ColumnPairMetric = {
  id: 'contingency_similarity',
  name: 'Contingency similarity',
  granularity: 'column-pair',
  goal: 'maximize',
  range: [0, 1],
  needsReal: true,
  description: '1 minus half the summed difference of the joint frequencies of the two columns (numbers in 10 bins).',
  appliesTo: (a, b) => !((a === 'numerical' || a === 'datetime') && (b === 'numerical' || b === 'datetime')),
  compute({ a, b }) {
    if (a.real === undefined || b.real === undefined) return { score: null, error: 'no real columns' };
    const r1 = pairCodes(a.real);
    const r2 = pairCodes(b.real);
    const s1 = pairCodes(a.synthetic);
    const s2 = pairCodes(b.synthetic);
    const ySize = Math.max(r2.size, s2.size);
    const nr = r1.codes.length;
    const ns = s1.codes.length;
    if (nr === 0 || ns === 0) return { score: null, error: `the ${nr === 0 ? 'real' : 'synthetic'} table has no rows` };
    const xSize = Math.max(r1.size, s1.size);
    const p = jointCounts(r1.codes, xSize, r2.codes, ySize);
    const q = jointCounts(s1.codes, xSize, s2.codes, ySize);
    const diff = summedDifference(p, nr, q, ns);
    const v = cramersV(p, ySize, nr);
    return { score: 1 - 0.5 * diff, extra: { realAssociation: Number.isFinite(v) ? v : null } };
  },
};
