/**
 * `bayes-net` (PrivBayes-style): a greedy Bayesian network of degree k over discretized columns, each column
 * conditioned on up to k earlier ones, sampled back to values. With an epsilon it is differentially private: the
 * network is chosen by the exponential mechanism on mutual information and the conditional counts get Laplace noise.
 */
import type { Rng } from '../core/index.js';
import { exponentialMechanism, laplaceCounts } from '../privacy/index.js';
import type { EncodedTable } from './columns.js';
import { binOf, codeCount, codesOf, fitBins, valueOf, type NumericBins } from './discretize.js';
import type { Synthesizer } from './synthesizer.js';

/** One node of the network: a column, its parents, and P(column | parents) as rows of probabilities. */
export interface BayesNode {
  readonly column: number;
  readonly parents: number[];
  /** cpt[parentConfig] = probabilities over the column's codes (parent configs in mixed radix, first parent slowest). */
  readonly cpt: number[][];
}

/** Parameters of a fitted network. */
export interface BayesNetParams {
  readonly degree: number;
  readonly bins: (NumericBins | null)[];
  /** Nodes in sampling (topological) order. */
  readonly nodes: BayesNode[];
}

const CONDITION_CANDIDATES = 32;

function mutualInformation(x: Int32Array, cx: number, ys: readonly Int32Array[], cys: readonly number[]): number {
  const n = x.length;
  let cy = 1;
  for (const c of cys) cy *= c;
  const joint = new Float64Array(cx * cy);
  const px = new Float64Array(cx);
  const py = new Float64Array(cy);
  for (let i = 0; i < n; i++) {
    let y = 0;
    for (let k = 0; k < ys.length; k++) y = y * cys[k]! + ys[k]![i]!;
    joint[x[i]! * cy + y]!++;
    px[x[i]!]!++;
    py[y]!++;
  }
  let mi = 0;
  for (let a = 0; a < cx; a++) {
    if (px[a] === 0) continue;
    for (let b = 0; b < cy; b++) {
      const j = joint[a * cy + b]!;
      if (j > 0) mi += (j / n) * Math.log2((j * n) / (px[a]! * py[b]!));
    }
  }
  return mi;
}

function subsets(items: readonly number[], size: number): number[][] {
  if (size === 0) return [[]];
  const out: number[][] = [];
  const rec = (start: number, acc: number[]): void => {
    if (acc.length === size) {
      out.push([...acc]);
      return;
    }
    for (let i = start; i < items.length; i++) rec(i + 1, [...acc, items[i]!]);
  };
  rec(0, []);
  return out;
}

/** The bayes-net synthesizer. */
export const bayesNetSynthesizer: Synthesizer<BayesNetParams> = {
  name: 'bayes-net',
  description: 'Greedy Bayesian network of degree k over binned columns (PrivBayes); differentially private with --epsilon.',
  supportsEpsilon: true,
  fit(data: EncodedTable, { rng, options, budget, onEvent }) {
    const n = data.rows;
    const dp = budget !== undefined;
    const degree = typeof options.degree === 'number' ? options.degree : 2;
    const maxBins = typeof options.maxBins === 'number' ? options.maxBins : dp ? 8 : 20;
    const bins = data.columns.map((col) =>
      'values' in col ? fitBins(col.values, maxBins, dp ? { equalWidth: { min: col.spec.min, max: col.spec.max } } : {}) : null);
    const { codes, cards } = codesOf(data.columns, bins.map((b) => b ?? undefined));
    const d = codes.length;
    const epsStructure = dp ? budget.spend('bayes-net structure (exponential mechanism)', budget.total * 0.3) : 0;
    const epsCounts = dp ? budget.spend('bayes-net conditional counts (Laplace)', budget.remaining) : 0;
    // Under DP, parent sets whose tables would drown in noise are not considered (PrivBayes' theta-usefulness).
    const maxCells = dp ? Math.max(4, (n * epsCounts) / (d * 4)) : Math.max(64, n / 2);
    const sensitivity = (2 / n) * Math.log2((n + 1) / 2) + ((n - 1) / n) * Math.log2((n + 1) / Math.max(1, n - 1));
    const order: number[] = [];
    const parentsOf = new Map<number, number[]>();
    const first = dp ? rng.fork('first').int(0, d - 1) : 0;
    order.push(first);
    parentsOf.set(first, []);
    const left = new Set([...Array(d).keys()].filter((c) => c !== first));
    const pick = rng.fork('structure');
    while (left.size > 0) {
      const candidates: { column: number; parents: number[]; score: number }[] = [];
      for (const c of left) {
        const size = Math.min(degree, order.length);
        for (let k = size; k >= 0; k--) {
          const sets = subsets(order, k).filter((ps) => ps.length === 0 || ps.reduce((s, p) => s * cards[p]!, cards[c]!) <= maxCells);
          for (const ps of sets) candidates.push({ column: c, parents: ps, score: ps.length === 0 ? 0 : mutualInformation(codes[c]!, cards[c]!, ps.map((p) => codes[p]!), ps.map((p) => cards[p]!)) });
          if (sets.length > 0) break;
        }
      }
      const scores = candidates.map((x) => x.score);
      const chosen = dp
        ? candidates[exponentialMechanism(pick, scores, epsStructure / Math.max(1, d - 1), sensitivity)]!
        : candidates.reduce((a, b) => (b.score > a.score ? b : a));
      order.push(chosen.column);
      parentsOf.set(chosen.column, chosen.parents);
      left.delete(chosen.column);
      onEvent({ type: 'progress', step: 'fit', done: order.length, total: d, unit: 'columns' });
    }
    const noise = rng.fork('counts');
    const nodes: BayesNode[] = order.map((c) => {
      const parents = parentsOf.get(c)!;
      const pcards = parents.map((p) => cards[p]!);
      const configs = pcards.reduce((s, k) => s * k, 1);
      const card = cards[c]!;
      let counts: Float64Array = new Float64Array(configs * card);
      for (let i = 0; i < n; i++) {
        let y = 0;
        for (let k = 0; k < parents.length; k++) y = y * pcards[k]! + codes[parents[k]!]![i]!;
        counts[y * card + codes[c]![i]!]!++;
      }
      if (dp) counts = laplaceCounts(noise, counts, epsCounts / d);
      const marginal = new Float64Array(card);
      for (let i = 0; i < counts.length; i++) marginal[i % card]! += counts[i]!;
      const cpt: number[][] = [];
      for (let y = 0; y < configs; y++) {
        const row = Array.from(counts.subarray(y * card, (y + 1) * card));
        const total = row.reduce((s, v) => s + v, 0);
        // An unseen parent configuration falls back to the column's own distribution.
        const src = total > 0 ? row : Array.from(marginal);
        const t = src.reduce((s, v) => s + v, 0) || 1;
        cpt.push(src.map((v) => Math.round((v / t) * 1e6) / 1e6));
      }
      return { column: c, parents, cpt };
    });
    return { degree, bins, nodes };
  },
  sample(params, n, { rng, specs, conditions }) {
    const d = params.nodes.length;
    const cards = specs.map((s, c) => (s.kind === 'categorical' ? s.levels.length : codeCount(params.bins[c]!)));
    const cums = params.nodes.map((node) => node.cpt.map((row) => {
      let s = 0;
      return row.map((p) => (s += p));
    }));
    const condCode = new Int32Array(d).fill(-1);
    let lastCond = -1;
    params.nodes.forEach((node, k) => {
      const v = conditions.get(node.column);
      if (v === undefined) return;
      const b = params.bins[node.column];
      condCode[k] = b ? binOf(b, v) : v;
      lastCond = k;
    });
    const out = specs.map((s) => (s.kind === 'numeric' ? new Float64Array(n) : new Int32Array(n)));
    const codes = new Int32Array(specs.length);
    const cand = new Int32Array(CONDITION_CANDIDATES * specs.length);
    const weights = new Float64Array(CONDITION_CANDIDATES);
    const step = (k: number, r: Rng): number => {
      const node = params.nodes[k]!;
      let y = 0;
      for (const p of node.parents) y = y * cards[p]! + codes[p]!;
      const cum = cums[k]![y]!;
      if (condCode[k]! >= 0) {
        const code = condCode[k]!;
        codes[node.column] = code;
        return cum[code]! - (code > 0 ? cum[code - 1]! : 0);
      }
      codes[node.column] = r.pickCumulative(cum);
      return 1;
    };
    for (let i = 0; i < n; i++) {
      let startAt = 0;
      if (lastCond >= 0) {
        // Likelihood weighting over a fixed number of candidates: bounded work however rare the condition.
        let total = 0;
        for (let c = 0; c < CONDITION_CANDIDATES; c++) {
          let w = 1;
          for (let k = 0; k <= lastCond; k++) w *= step(k, rng);
          weights[c] = w;
          total += w;
          cand.set(codes, c * specs.length);
        }
        let chosen = 0;
        if (total > 0) {
          let x = rng.next() * total;
          while (chosen < CONDITION_CANDIDATES - 1 && (x -= weights[chosen]!) >= 0) chosen++;
        }
        codes.set(cand.subarray(chosen * specs.length, (chosen + 1) * specs.length));
        startAt = lastCond + 1;
      }
      for (let k = startAt; k < d; k++) step(k, rng);
      for (let c = 0; c < specs.length; c++) {
        const b = params.bins[c];
        const v = conditions.get(c);
        out[c]![i] = v !== undefined ? v : b ? valueOf(b, codes[c]!, rng) : codes[c]!;
      }
    }
    return out;
  },
  validate(params, specs) {
    const p = params as Partial<BayesNetParams> | null;
    if (!p || !Array.isArray(p.nodes) || !Array.isArray(p.bins)) return [['/params', 'expected { degree, bins, nodes }']];
    const issues: [string, string][] = [];
    if (p.nodes.length !== specs.length || p.bins.length !== specs.length) return [['/params/nodes', `expected ${specs.length} nodes and bins`]];
    const cards = specs.map((s, c) => (s.kind === 'categorical' ? s.levels.length : p.bins![c] ? codeCount(p.bins![c]!) : 0));
    const seen = new Set<number>();
    p.nodes.forEach((node, k) => {
      if (!node || !Array.isArray(node.parents) || !Array.isArray(node.cpt) || !(node.column >= 0 && node.column < specs.length)) {
        issues.push([`/params/nodes/${k}`, 'malformed node']);
        return;
      }
      if (node.parents.some((q) => !seen.has(q))) issues.push([`/params/nodes/${k}/parents`, 'a parent must come earlier in the order']);
      seen.add(node.column);
      const configs = node.parents.reduce((s, q) => s * (cards[q] ?? 0), 1);
      if (node.cpt.length !== configs || node.cpt.some((row) => row.length !== cards[node.column])) {
        issues.push([`/params/nodes/${k}/cpt`, `expected ${configs} rows of ${cards[node.column]} probabilities`]);
      }
    });
    return issues;
  },
};
