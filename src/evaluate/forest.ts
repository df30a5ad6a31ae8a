import type { Rng } from '../core/index.js';

/** Options of {@link HistogramForest}. */
export interface ForestOptions {
  readonly task: 'classification' | 'regression';
  readonly trees?: number;
  readonly maxDepth?: number;
  readonly minLeaf?: number;
  /** Share of features tried at each split (default sqrt(d)/d for classification, 1/3 for regression). */
  readonly featureShare?: number;
  /** Quantile bins per feature (default 32). */
  readonly bins?: number;
}

type Node = { leaf: true; value: number } | { leaf: false; feature: number; threshold: number; left: Node; right: Node };

/**
 * A random forest on quantile-binned features (as LightGBM and scikit-learn's HistGradientBoosting bin them): each
 * split scans per-bin class counts or sums instead of sorting rows, so training is linear in the rows.
 */
export class HistogramForest {
  private readonly trees: Node[] = [];
  private edges: Float64Array[] = [];
  private classes = 0;

  constructor(private readonly options: ForestOptions, private readonly rng: Rng) {}

  /** Fits the forest on rows `x` (numbers; NaN not allowed) and targets `y` (class indices 0..k-1 or values). */
  fit(x: readonly (readonly number[])[], y: readonly number[]): this {
    const n = x.length;
    const d = n === 0 ? 0 : x[0]!.length;
    const nBins = this.options.bins ?? 32;
    this.edges = [];
    const binned: Uint8Array[] = [];
    for (let f = 0; f < d; f++) {
      const values = Float64Array.from(x, (r) => r[f]!).sort();
      const edges: number[] = [];
      for (let b = 1; b < nBins; b++) {
        const v = values[Math.floor((b * n) / nBins)]!;
        if (edges.length === 0 || v > edges[edges.length - 1]!) edges.push(v);
      }
      const e = Float64Array.from(edges);
      this.edges.push(e);
      binned.push(Uint8Array.from(x, (r) => binOf(e, r[f]!)));
    }
    const classification = this.options.task === 'classification';
    this.classes = classification ? Math.max(0, ...y) + 1 : 0;
    const share = this.options.featureShare ?? (classification ? Math.sqrt(d) / Math.max(1, d) : 1 / 3);
    const tryFeatures = Math.max(1, Math.round(d * share));
    const treeCount = this.options.trees ?? 50;
    for (let t = 0; t < treeCount; t++) {
      const rng = this.rng.fork(`tree:${t}`);
      const sample = Int32Array.from({ length: n }, () => rng.int(0, n - 1));
      this.trees.push(this.grow(binned, y, sample, 0, rng, tryFeatures, d));
    }
    return this;
  }

  private leafValue(y: readonly number[], rows: Int32Array): number {
    if (this.options.task === 'regression') {
      let s = 0;
      for (const r of rows) s += y[r]!;
      return rows.length === 0 ? 0 : s / rows.length;
    }
    const counts = new Float64Array(this.classes);
    for (const r of rows) counts[y[r]!]!++;
    let best = 0;
    for (let c = 1; c < counts.length; c++) if (counts[c]! > counts[best]!) best = c;
    return best;
  }

  private grow(binned: Uint8Array[], y: readonly number[], rows: Int32Array, depth: number, rng: Rng, tryFeatures: number, d: number): Node {
    const minLeaf = this.options.minLeaf ?? 3;
    if (depth >= (this.options.maxDepth ?? 12) || rows.length < 2 * minLeaf || isPure(y, rows)) return { leaf: true, value: this.leafValue(y, rows) };
    const features = rng.shuffle(Array.from({ length: d }, (_, i) => i)).slice(0, tryFeatures);
    let bestGain = 0;
    let bestFeature = -1;
    let bestBin = -1;
    const classification = this.options.task === 'classification';
    for (const f of features) {
      const nb = this.edges[f]!.length + 1;
      const col = binned[f]!;
      if (classification) {
        const k = this.classes;
        const counts = new Float64Array(nb * k);
        const totals = new Float64Array(k);
        for (const r of rows) {
          counts[col[r]! * k + y[r]!]!++;
          totals[y[r]!]!++;
        }
        const left = new Float64Array(k);
        let nl = 0;
        const parent = gini(totals, rows.length);
        for (let b = 0; b < nb - 1; b++) {
          for (let c = 0; c < k; c++) {
            left[c]! += counts[b * k + c]!;
            nl += counts[b * k + c]!;
          }
          const nr = rows.length - nl;
          if (nl < minLeaf || nr < minLeaf) continue;
          let gl = 0;
          let gr = 0;
          for (let c = 0; c < k; c++) {
            const l = left[c]!;
            const rr = totals[c]! - l;
            gl += l * l;
            gr += rr * rr;
          }
          const gain = parent - (nl - gl / nl) - (nr - gr / nr);
          if (gain > bestGain) {
            bestGain = gain;
            bestFeature = f;
            bestBin = b;
          }
        }
      } else {
        const sum = new Float64Array(nb);
        const cnt = new Float64Array(nb);
        let total = 0;
        for (const r of rows) {
          sum[col[r]!]! += y[r]!;
          cnt[col[r]!]!++;
          total += y[r]!;
        }
        let sl = 0;
        let nl = 0;
        const base = (total * total) / rows.length;
        for (let b = 0; b < nb - 1; b++) {
          sl += sum[b]!;
          nl += cnt[b]!;
          const nr = rows.length - nl;
          if (nl < minLeaf || nr < minLeaf) continue;
          const gain = (sl * sl) / nl + ((total - sl) * (total - sl)) / nr - base;
          if (gain > bestGain) {
            bestGain = gain;
            bestFeature = f;
            bestBin = b;
          }
        }
      }
    }
    if (bestFeature < 0) return { leaf: true, value: this.leafValue(y, rows) };
    const col = binned[bestFeature]!;
    const leftRows = rows.filter((r) => col[r]! <= bestBin);
    const rightRows = rows.filter((r) => col[r]! > bestBin);
    return {
      leaf: false,
      feature: bestFeature,
      threshold: bestBin,
      left: this.grow(binned, y, leftRows, depth + 1, rng, tryFeatures, d),
      right: this.grow(binned, y, rightRows, depth + 1, rng, tryFeatures, d),
    };
  }

  /** Predicts rows: the majority class over the trees, or the mean value. */
  predict(x: readonly (readonly number[])[]): number[] {
    return x.map((row) => {
      const bins = row.map((v, f) => binOf(this.edges[f]!, v));
      if (this.options.task === 'regression') {
        let s = 0;
        for (const t of this.trees) s += walk(t, bins);
        return s / this.trees.length;
      }
      const votes = new Float64Array(this.classes);
      for (const t of this.trees) votes[walk(t, bins)]!++;
      let best = 0;
      for (let c = 1; c < votes.length; c++) if (votes[c]! > votes[best]!) best = c;
      return best;
    });
  }
}

function walk(node: Node, bins: readonly number[]): number {
  let n = node;
  while (!n.leaf) n = bins[n.feature]! <= n.threshold ? n.left : n.right;
  return n.value;
}

function binOf(edges: Float64Array, v: number): number {
  let lo = 0;
  let hi = edges.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (edges[mid]! <= v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function gini(counts: Float64Array, n: number): number {
  let s = 0;
  for (const c of counts) s += c * c;
  return n - s / n;
}

function isPure(y: readonly number[], rows: Int32Array): boolean {
  for (let i = 1; i < rows.length; i++) if (y[rows[i]!] !== y[rows[0]!]) return false;
  return true;
}
