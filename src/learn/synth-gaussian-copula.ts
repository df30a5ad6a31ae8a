/**
 * `gaussian-copula`: each column mapped to a standard normal through its marginal (a parametric family when one
 * fits, else empirical quantiles; categories through frequency intervals; nulls through an indicator dimension),
 * the latent correlation estimated, and rows drawn from the multivariate normal and mapped back. Conditions are
 * honoured exactly by the conditional normal.
 */
import type { Rng } from '../core/index.js';
import type { CategoricalSpec, EncodedTable, NumericSpec } from './columns.js';
import { cholesky, normalCdf, normalQuantile, solveSpd } from './gaussian-math.js';
import type { Synthesizer } from './synthesizer.js';

/** How one column's values map to a uniform and back. */
export type Marginal =
  | { readonly type: 'categorical'; readonly cum: number[] }
  | { readonly type: 'discrete'; readonly values: number[]; readonly cum: number[] }
  | { readonly type: 'empirical'; readonly q: number[] }
  | { readonly type: 'normal'; readonly mean: number; readonly sd: number }
  | { readonly type: 'uniform'; readonly min: number; readonly max: number };

/** Parameters of a fitted Gaussian copula. */
export interface GaussianCopulaParams {
  readonly marginals: Marginal[];
  /** Null-indicator dimensions: the column and its null rate; latent index = columns + position here. */
  readonly nulls: { readonly column: number; readonly rate: number }[];
  /** Latent correlation matrix (columns first, then null indicators). */
  readonly corr: number[][];
}

const MAX_DISCRETE = 32;
const QUANTILES = 512;
const PARAMETRIC_KS = 0.02;

function intervalZ(cum: readonly number[], code: number, u: number): number {
  const lo = code > 0 ? cum[code - 1]! : 0;
  return normalQuantile(lo + (cum[code]! - lo) * (0.0005 + 0.999 * u));
}

function fitMarginal(values: Float64Array): Marginal {
  const xs = Array.from(values).filter((v) => !Number.isNaN(v)).sort((a, b) => a - b);
  const n = xs.length;
  if (n === 0) return { type: 'discrete', values: [0], cum: [1] };
  const distinct = [...new Set(xs)];
  if (distinct.length <= MAX_DISCRETE) {
    const cum: number[] = [];
    let i = 0;
    for (const v of distinct) {
      while (i < n && xs[i] === v) i++;
      cum.push(i / n);
    }
    return { type: 'discrete', values: distinct, cum };
  }
  const q: number[] = [];
  for (let k = 0; k <= QUANTILES; k++) q.push(xs[Math.round((k * (n - 1)) / QUANTILES)]!);
  const mean = xs.reduce((s, v) => s + v, 0) / n;
  const sd = Math.sqrt(xs.reduce((s, v) => s + (v - mean) ** 2, 0) / Math.max(1, n - 1));
  const candidates: Marginal[] = [
    { type: 'normal', mean, sd },
    { type: 'uniform', min: xs[0]!, max: xs[n - 1]! },
  ];
  // A parametric family is chosen only when it fits the sample closely; otherwise the empirical quantiles.
  let best: Marginal = { type: 'empirical', q };
  let bestKs = PARAMETRIC_KS;
  for (const m of candidates) {
    let ks = 0;
    for (let i = 0; i < n; i += Math.max(1, Math.floor(n / 2000))) ks = Math.max(ks, Math.abs(cdf(m, xs[i]!) - (i + 0.5) / n));
    if (ks < bestKs) [best, bestKs] = [m, ks];
  }
  return best;
}

function cdf(m: Marginal, v: number): number {
  switch (m.type) {
    case 'normal': return normalCdf((v - m.mean) / (m.sd || 1));
    case 'uniform': return m.max > m.min ? Math.min(1, Math.max(0, (v - m.min) / (m.max - m.min))) : 0.5;
    case 'empirical': {
      const q = m.q;
      if (v <= q[0]!) return 0;
      if (v >= q[q.length - 1]!) return 1;
      let lo = 0;
      let hi = q.length - 1;
      while (hi - lo > 1) {
        const mid = (lo + hi) >>> 1;
        if (q[mid]! <= v) lo = mid;
        else hi = mid;
      }
      const span = q[hi]! - q[lo]!;
      return (lo + (span > 0 ? (v - q[lo]!) / span : 0.5)) / (q.length - 1);
    }
    default: return 0.5;
  }
}

function inverse(m: Marginal, z: number): number {
  const u = normalCdf(z);
  switch (m.type) {
    case 'normal': return m.mean + m.sd * z;
    case 'uniform': return m.min + u * (m.max - m.min);
    case 'empirical': {
      const x = u * (m.q.length - 1);
      const i = Math.min(Math.floor(x), m.q.length - 2);
      return m.q[i]! + (m.q[i + 1]! - m.q[i]!) * (x - i);
    }
    case 'discrete': return m.values[codeOf(m.cum, u)]!;
    case 'categorical': return codeOf(m.cum, u);
  }
}

function codeOf(cum: readonly number[], u: number): number {
  let lo = 0;
  let hi = cum.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (u < cum[mid]!) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** The latent value standing for a condition value of one column. */
function conditionZ(m: Marginal, v: number): number {
  if (m.type === 'categorical') return intervalZ(m.cum, v, 0.5);
  if (m.type === 'discrete') {
    let code = m.values.findIndex((x) => x >= v);
    if (code < 0) code = m.values.length - 1;
    return intervalZ(m.cum, code, 0.5);
  }
  if (m.type === 'normal') return (v - m.mean) / (m.sd || 1);
  return normalQuantile(Math.min(0.9995, Math.max(0.0005, cdf(m, v))));
}

/** The Gaussian copula synthesizer. */
export const gaussianCopulaSynthesizer: Synthesizer<GaussianCopulaParams> = {
  name: 'gaussian-copula',
  description: 'Gaussian copula over per-column marginals (parametric or empirical), like SDV GaussianCopula.',
  supportsEpsilon: false,
  fit(data: EncodedTable, { rng }) {
    const n = data.rows;
    const latent: Float64Array[] = [];
    const marginals: Marginal[] = [];
    const nulls: { column: number; rate: number }[] = [];
    data.columns.forEach((col, c) => {
      const r = rng.fork(`latent:${c}`);
      const z = new Float64Array(n);
      if ('codes' in col) {
        const counts = new Float64Array(col.spec.levels.length);
        for (const code of col.codes) counts[code]!++;
        const cum: number[] = [];
        let s = 0;
        for (const k of counts) cum.push((s += k) / n);
        cum[cum.length - 1] = 1;
        marginals.push({ type: 'categorical', cum });
        for (let i = 0; i < n; i++) z[i] = intervalZ(cum, col.codes[i]!, r.next());
      } else {
        const m = fitMarginal(col.values);
        marginals.push(m);
        // Ranks, with ties spread at random, give the latent normal scores whatever the marginal family.
        const idx: number[] = [];
        for (let i = 0; i < n; i++) if (!Number.isNaN(col.values[i]!)) idx.push(i);
        const jitter = new Float64Array(n);
        for (let i = 0; i < n; i++) jitter[i] = r.next();
        idx.sort((a, b) => col.values[a]! - col.values[b]! || jitter[a]! - jitter[b]!);
        for (let i = 0; i < n; i++) if (Number.isNaN(col.values[i]!)) z[i] = r.normal();
        idx.forEach((row, rank) => (z[row] = normalQuantile((rank + 0.5) / idx.length)));
        if (idx.length < n) nulls.push({ column: c, rate: 1 - idx.length / n });
      }
      latent.push(z);
    });
    for (const { column, rate } of nulls) {
      const r = rng.fork(`null:${column}`);
      const values = (data.columns[column] as { values: Float64Array }).values;
      const z = new Float64Array(n);
      for (let i = 0; i < n; i++) z[i] = intervalZ([rate, 1], Number.isNaN(values[i]!) ? 0 : 1, r.next());
      latent.push(z);
    }
    const d = latent.length;
    const corr: number[][] = Array.from({ length: d }, () => new Array<number>(d).fill(0));
    const sd = latent.map((z) => Math.sqrt(z.reduce((s, v) => s + v * v, 0) / n) || 1);
    for (let a = 0; a < d; a++) {
      corr[a]![a] = 1;
      for (let b = 0; b < a; b++) {
        let s = 0;
        const za = latent[a]!;
        const zb = latent[b]!;
        for (let i = 0; i < n; i++) s += za[i]! * zb[i]!;
        const r = Math.max(-0.999, Math.min(0.999, s / n / (sd[a]! * sd[b]!)));
        corr[a]![b] = r;
        corr[b]![a] = r;
      }
    }
    return { marginals, nulls, corr };
  },
  sample(params, n, { rng, conditions, specs }) {
    return sampleCopula(params, n, rng, conditions, specs);
  },
  validate(params, specs) {
    const p = params as Partial<GaussianCopulaParams> | null;
    if (!p || !Array.isArray(p.marginals) || !Array.isArray(p.nulls) || !Array.isArray(p.corr)) return [['/params', 'expected { marginals, nulls, corr }']];
    const issues: [string, string][] = [];
    if (p.marginals.length !== specs.length) issues.push(['/params/marginals', `expected ${specs.length} marginals`]);
    const d = p.marginals.length + p.nulls.length;
    if (p.corr.length !== d || p.corr.some((row) => !Array.isArray(row) || row.length !== d || row.some((v) => typeof v !== 'number' || Math.abs(v) > 1))) {
      issues.push(['/params/corr', `must be a ${d}x${d} matrix of correlations in [-1, 1]`]);
    }
    p.marginals.forEach((m, c) => {
      const spec = specs[c];
      if (!spec) return;
      if ((m.type === 'categorical') !== (spec.kind === 'categorical')) issues.push([`/params/marginals/${c}/type`, `does not match column "${spec.name}"`]);
      if (m.type === 'categorical' && spec.kind === 'categorical' && m.cum.length !== spec.levels.length) issues.push([`/params/marginals/${c}/cum`, `expected ${spec.levels.length} entries`]);
      if ((m.type === 'categorical' || m.type === 'discrete') && m.cum.some((v, i) => v < (m.cum[i - 1] ?? 0) || v > 1)) issues.push([`/params/marginals/${c}/cum`, 'must rise from 0 to 1']);
    });
    return issues;
  },
};

function sampleCopula(
  params: GaussianCopulaParams, n: number, rng: Rng, conditions: ReadonlyMap<number, number>, specs: readonly (NumericSpec | CategoricalSpec)[],
): (Float64Array | Int32Array)[] {
  const { marginals, nulls, corr } = params;
  const d = corr.length;
  const fixed = new Map<number, number>();
  for (const [c, v] of conditions) {
    fixed.set(c, conditionZ(marginals[c]!, v));
    const ni = nulls.findIndex((x) => x.column === c);
    if (ni >= 0) fixed.set(marginals.length + ni, intervalZ([nulls[ni]!.rate, 1], 1, 0.5));
  }
  const free = [...Array(d).keys()].filter((i) => !fixed.has(i));
  const cond = [...fixed.keys()];
  let mean = new Array<number>(free.length).fill(0);
  let cov = free.map((i) => free.map((j) => corr[i]![j]!));
  if (cond.length > 0) {
    const scc = cond.map((i) => cond.map((j) => corr[i]![j]!));
    const zc = cond.map((i) => fixed.get(i)!);
    const w = solveSpd(scc, zc);
    mean = free.map((i) => cond.reduce((s, j, k) => s + corr[i]![j]! * w[k]!, 0));
    const cols = free.map((i) => solveSpd(scc, cond.map((j) => corr[j]![i]!)));
    cov = free.map((i) => free.map((j, b) => corr[i]![j]! - cond.reduce((s, c, k) => s + corr[i]![c]! * cols[b]![k]!, 0)));
  }
  const l = cholesky(cov);
  const out = specs.map((s) => (s.kind === 'numeric' ? new Float64Array(n) : new Int32Array(n)));
  const eps = new Float64Array(free.length);
  const z = new Float64Array(d);
  for (const [i, v] of fixed) z[i] = v;
  for (let r = 0; r < n; r++) {
    for (let a = 0; a < free.length; a++) eps[a] = rng.normal();
    for (let a = 0; a < free.length; a++) {
      let s = mean[a]!;
      const row = l[a]!;
      for (let b = 0; b <= a; b++) s += row[b]! * eps[b]!;
      z[free[a]!] = s;
    }
    for (let c = 0; c < marginals.length; c++) out[c]![r] = inverse(marginals[c]!, z[c]!);
    for (let k = 0; k < nulls.length; k++) if (normalCdf(z[marginals.length + k]!) < nulls[k]!.rate) out[nulls[k]!.column]![r] = NaN;
  }
  return out;
}
