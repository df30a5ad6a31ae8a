/**
 * Distances between records of mixed type, as the reference judge defines them: numeric features scaled to [0, 1]
 * by the real range (a null against a value adds 1, null against null 0), and categorical features where a
 * mismatch adds 2 (one-hot: two positions differ), null being a category of its own.
 */

/** Records as columns: scaled numeric features (NaN for null) and categorical codes (null has its own code). */
export interface MixedRecords {
  readonly numeric: readonly Float64Array[];
  readonly categorical: readonly Int32Array[];
  readonly length: number;
}

/** Nearest and second-nearest distances of each query record to the reference records. */
export interface NearestResult {
  readonly nearest: Float64Array;
  readonly second: Float64Array;
  /** The index in the reference of the nearest record. */
  readonly index: Int32Array;
}

/**
 * For each query record, the Euclidean distance to its nearest and second-nearest reference record. With
 * `excludeSelf` the query and reference are the same set and a record is not its own neighbour.
 */
export function nearestDistances(query: MixedRecords, reference: MixedRecords, options: { excludeSelf?: boolean } = {}): NearestResult {
  const nq = query.length;
  const nr = reference.length;
  const dn = query.numeric.length;
  const dc = query.categorical.length;
  const nearest = new Float64Array(nq);
  const second = new Float64Array(nq);
  const index = new Int32Array(nq);
  // Numeric features row by row, so one record's features sit together and a search can stop early on it.
  const refNum = new Float64Array(nr * dn);
  for (let j = 0; j < dn; j++) for (let r = 0, col = reference.numeric[j]!; r < nr; r++) refNum[r * dn + j] = col[r]!;
  // Categorical distance starts at "every feature differs" and is taken back for the reference records that share
  // the query's code: the work is the number of matches, not records x features.
  const byCode = reference.categorical.map(codeIndex);
  const catD = new Float64Array(nr);
  const qNum = new Float64Array(dn);
  const skipSelf = options.excludeSelf === true;
  for (let q = 0; q < nq; q++) {
    for (let j = 0; j < dn; j++) qNum[j] = query.numeric[j]![q]!;
    catD.fill(2 * dc);
    for (let j = 0; j < dc; j++) {
      const { min, start, rows } = byCode[j]!;
      const c = query.categorical[j]![q]! - min;
      if (c < 0 || c >= start.length - 1) continue;
      for (let k = start[c]!, end = start[c + 1]!; k < end; k++) catD[rows[k]!]! -= 2;
    }
    let b1 = Number.POSITIVE_INFINITY;
    let b2 = Number.POSITIVE_INFINITY;
    let bi = -1;
    // A record is left as soon as its partial squared distance reaches the second-best so far: every feature adds
    // a non-negative amount, so it can no longer be one of the two nearest.
    records: for (let r = 0; r < nr; r++) {
      if (skipSelf && r === q) continue;
      let s = catD[r]!;
      if (s >= b2) continue;
      for (let j = 0, o = r * dn; j < dn; j++) {
        const a = qNum[j]!;
        const b = refNum[o + j]!;
        const d = a - b;
        // NaN is null: null against a value adds 1, null against null nothing.
        s += d === d ? d * d : Number.isNaN(a) === Number.isNaN(b) ? 0 : 1;
        if (s >= b2) continue records;
      }
      if (s < b1) {
        b2 = b1;
        b1 = s;
        bi = r;
      } else if (s < b2) b2 = s;
    }
    nearest[q] = Math.sqrt(b1);
    second[q] = Math.sqrt(b2);
    index[q] = bi;
  }
  return { nearest, second, index };
}

/** Reference record indices grouped by categorical code (a counting sort): rows[start[c - min] .. start[c - min + 1]). */
function codeIndex(codes: Int32Array): { min: number; start: Int32Array; rows: Int32Array } {
  let min = 0;
  let max = -1;
  for (let r = 0; r < codes.length; r++) {
    const c = codes[r]!;
    if (r === 0 || c < min) min = c;
    if (r === 0 || c > max) max = c;
  }
  const start = new Int32Array(max - min + 2);
  for (let r = 0; r < codes.length; r++) start[codes[r]! - min + 1]!++;
  for (let c = 1; c < start.length; c++) start[c]! += start[c - 1]!;
  const fill = start.slice(0, -1);
  const rows = new Int32Array(codes.length);
  for (let r = 0; r < codes.length; r++) rows[fill[codes[r]! - min]!++] = r;
  return { min, start, rows };
}

/** The `p`-quantile (0..1) of some numbers, linearly interpolated as numpy does by default; non-finite values are left out. */
export function quantile(values: ArrayLike<number>, p: number): number {
  let n = 0;
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i]!)) n++;
  const sorted = new Float64Array(n);
  let j = 0;
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i]!)) sorted[j++] = values[i]!;
  sorted.sort();
  return quantileSorted(sorted, p);
}

/** The `p`-quantile of numbers already sorted ascending (NaN when empty). */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const pos = (sorted.length - 1) * p;
  const lo = Math.floor(pos);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}
