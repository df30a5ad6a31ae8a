import type { ColumnPairMetric } from '../metric-types.js';

/** Pearson's r of the rows where both values are present (NaN when fewer than two or a side is constant). */
export function pearson(x: Float64Array, y: Float64Array): { r: number; n: number } {
  let n = 0;
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < x.length; i++) {
    const a = x[i]!;
    const b = y[i]!;
    if (Number.isNaN(a) || Number.isNaN(b)) continue;
    n++;
    sx += a;
    sy += b;
  }
  if (n < 2) return { r: Number.NaN, n };
  const mx = sx / n;
  const my = sy / n;
  let xx = 0;
  let yy = 0;
  let xy = 0;
  for (let i = 0; i < x.length; i++) {
    const a = x[i]!;
    const b = y[i]!;
    if (Number.isNaN(a) || Number.isNaN(b)) continue;
    const dx = a - mx;
    const dy = b - my;
    xx += dx * dx;
    yy += dy * dy;
    xy += dx * dy;
  }
  const denom = Math.sqrt(xx * yy);
  if (denom === 0) return { r: Number.NaN, n };
  return { r: Math.max(-1, Math.min(1, xy / denom)), n };
}

function hasOneDistinct(values: Float64Array): boolean {
  let first = Number.NaN;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (Number.isNaN(v)) continue;
    if (Number.isNaN(first)) first = v;
    else if (v !== first) return false;
  }
  return !Number.isNaN(first);
}

/** Correlation similarity (SDMetrics CorrelationSimilarity, Pearson): 1 - |r_real - r_synthetic| / 2; numeric and datetime pairs. */
export const correlationSimilarity: ColumnPairMetric = {
  id: 'correlation_similarity',
  name: 'Correlation similarity',
  granularity: 'column-pair',
  goal: 'maximize',
  range: [0, 1],
  needsReal: true,
  description: '1 minus half the difference between the real and synthetic Pearson correlation of the two columns.',
  appliesTo: (a, b) => (a === 'numerical' || a === 'datetime') && (b === 'numerical' || b === 'datetime'),
  compute({ a, b }) {
    const r1 = a.real;
    const r2 = b.real;
    const s1 = a.synthetic;
    const s2 = b.synthetic;
    if (r1?.kind !== 'cont' || r2?.kind !== 'cont' || s1.kind !== 'cont' || s2.kind !== 'cont') return { score: null, error: 'not a continuous pair' };
    for (const v of [r1.values, r2.values, s1.values, s2.values]) {
      if (hasOneDistinct(v)) return { score: null, error: 'constant column' };
    }
    const real = pearson(r1.values, r2.values);
    const synth = pearson(s1.values, s2.values);
    if (real.n < 2 || synth.n < 2) return { score: null, error: 'fewer than two complete rows' };
    const extra = { realCorrelation: finiteOrNull(real.r), syntheticCorrelation: finiteOrNull(synth.r) };
    if (Number.isNaN(real.r) || Number.isNaN(synth.r)) return { score: null, error: 'a correlation is undefined (no variation in the complete rows)', extra };
    return { score: 1 - Math.abs(real.r - synth.r) / 2, extra };
  },
};

function finiteOrNull(x: number): number | null {
  return Number.isFinite(x) ? x : null;
}
