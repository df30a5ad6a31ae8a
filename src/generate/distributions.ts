import { SynthError, type Rng } from '../core/index.js';

/** A sampler of real numbers. */
export type Sampler = (rng: Rng) => number;

/** The distribution keyword's shape as we read it (see schema/'s DISTRIBUTION_PARAMETERS). */
export interface DistributionSpec {
  readonly type: string;
  readonly [param: string]: unknown;
}

const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

/**
 * A sampler for `x-distribution` over the range [lo, hi] (either may be infinite). Parameters not given are derived
 * from the range so a bare `{ "type": "normal" }` centres on it. Throws SCHEMA_BAD_DISTRIBUTION for unknown types.
 */
export function distributionSampler(spec: DistributionSpec, lo: number, hi: number, path: string): Sampler {
  const finite = Number.isFinite(lo) && Number.isFinite(hi);
  const mid = finite ? (lo + hi) / 2 : Number.isFinite(lo) ? lo + 50 : Number.isFinite(hi) ? hi - 50 : 0;
  const span = finite ? hi - lo : 100;
  switch (spec.type) {
    case 'uniform': {
      const a = num(spec.min) ?? (Number.isFinite(lo) ? lo : mid - 50);
      const b = num(spec.max) ?? (Number.isFinite(hi) ? hi : mid + 50);
      return (rng) => a + rng.next53() * (b - a);
    }
    case 'normal': {
      const mean = num(spec.mean) ?? mid;
      const sd = num(spec.sd) ?? span / 6;
      return (rng) => rng.normal(mean, sd);
    }
    case 'lognormal': {
      let mu = num(spec.mu);
      let sigma = num(spec.sigma);
      const mean = num(spec.mean);
      const sd = num(spec.sd);
      if (mu === undefined && mean !== undefined) {
        // Moments of the log-normal -> parameters of the underlying normal.
        const s2 = Math.log(1 + ((sd ?? mean / 2) / mean) ** 2);
        mu = Math.log(mean) - s2 / 2;
        sigma = Math.sqrt(s2);
      }
      const m = mu ?? Math.log(Math.max(1, mid));
      const s = sigma ?? 0.75;
      const shift = Number.isFinite(lo) && lo > 0 ? 0 : Number.isFinite(lo) ? lo : 0;
      return (rng) => shift + Math.exp(rng.normal(m, s));
    }
    case 'exponential': {
      const lambda = num(spec.lambda) ?? 1 / (num(spec.mean) ?? Math.max(1e-9, span / 5));
      const base = Number.isFinite(lo) ? lo : 0;
      return (rng) => base - Math.log(1 - rng.next53()) / lambda;
    }
    case 'poisson': {
      const lambda = num(spec.lambda) ?? Math.max(1, mid);
      const base = Number.isFinite(lo) && lo > 0 ? 0 : 0;
      if (lambda > 60) return (rng) => base + Math.max(0, Math.round(rng.normal(lambda, Math.sqrt(lambda))));
      const limit = Math.exp(-lambda);
      return (rng) => {
        let k = 0;
        let p = rng.next53();
        while (p > limit) {
          k++;
          p *= rng.next53();
        }
        return base + k;
      };
    }
    case 'zipf': {
      const s = num(spec.s) ?? 1.1;
      const n = Math.max(1, Math.floor(num(spec.n) ?? (finite ? Math.min(span + 1, 100_000) : 100)));
      const cumulative = zipfCumulative(n, s);
      const base = Number.isFinite(lo) ? lo : 1;
      return (rng) => base + rng.pickCumulative(cumulative);
    }
    default:
      throw new SynthError('SCHEMA_BAD_DISTRIBUTION', `x-distribution "${String(spec.type)}" cannot generate numbers here`, {
        path,
        received: spec.type,
        expected: ['uniform', 'normal', 'lognormal', 'exponential', 'poisson', 'zipf'],
        hint: 'Use "weighted" only with an enum or with string values; pick a numeric distribution for numbers.',
      });
  }
}

/** Cumulative weights of ranks 1..n under Zipf's law with exponent s. */
export function zipfCumulative(n: number, s: number): number[] {
  const out = new Array<number>(n);
  let total = 0;
  for (let k = 1; k <= n; k++) out[k - 1] = total += 1 / k ** s;
  return out;
}

/** Cumulative weights for choosing among `n` items under a distribution (weighted by name, zipf by rank). */
export function categoricalCumulative(spec: DistributionSpec, names: readonly string[], path: string): number[] | undefined {
  if (spec.type === 'weighted') {
    const weights = (spec.weights ?? {}) as Record<string, number>;
    const cumulative: number[] = [];
    let total = 0;
    for (const n of names) cumulative.push((total += Math.max(0, weights[n] ?? 0)));
    if (total <= 0) {
      throw new SynthError('SCHEMA_BAD_DISTRIBUTION', 'x-distribution weights give no weight to any allowed value', {
        path,
        expected: names,
        received: weights,
        hint: 'Name the enum values in "weights" with positive numbers.',
      });
    }
    return cumulative;
  }
  if (spec.type === 'zipf') return zipfCumulative(names.length, num(spec.s) ?? 1.1);
  return undefined;
}
