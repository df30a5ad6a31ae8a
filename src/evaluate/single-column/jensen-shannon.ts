import type { SingleColumnMetric } from '../metric-types.js';
import { categoryCounts, sortedFinite } from './values.js';

const BINS = 20;

/** The Jensen-Shannon distance (base 2, in [0, 1]) between two count vectors of the same length. */
export function jensenShannonDistance(p: Float64Array, q: Float64Array): number {
  let ps = 0;
  let qs = 0;
  for (let i = 0; i < p.length; i++) {
    ps += p[i]!;
    qs += q[i]!;
  }
  let js = 0;
  for (let i = 0; i < p.length; i++) {
    const a = p[i]! / ps;
    const b = q[i]! / qs;
    const m = (a + b) / 2;
    if (a > 0) js += 0.5 * a * Math.log2(a / m);
    if (b > 0) js += 0.5 * b * Math.log2(b / m);
  }
  return Math.sqrt(Math.max(0, Math.min(1, js)));
}

function histogram(values: Float64Array, lo: number, span: number): Float64Array {
  // Two extra bins hold values below and above the real range, so a synthetic tail outside it still counts.
  const out = new Float64Array(BINS + 2);
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (Number.isNaN(v)) continue;
    const x = (v - lo) / span;
    const bin = x < 0 ? 0 : x > 1 ? BINS + 1 : 1 + Math.min(BINS - 1, Math.floor(x * BINS));
    out[bin]!++;
  }
  return out;
}

/** Jensen-Shannon distance of the category frequencies, or of 20-bin histograms over the real range for continuous columns. */
export const jensenShannon: SingleColumnMetric = {
  id: 'jensen_shannon',
  name: 'Jensen-Shannon distance',
  granularity: 'single-column',
  goal: 'minimize',
  range: [0, 1],
  needsReal: true,
  description: 'Jensen-Shannon distance (base 2) between the real and synthetic distributions; 0 is identical, 1 disjoint.',
  appliesTo: (sdtype) => sdtype === 'numerical' || sdtype === 'datetime' || sdtype === 'categorical' || sdtype === 'boolean',
  compute({ column }) {
    const { real, synthetic } = column;
    if (real === undefined) return { score: null, error: 'no real column' };
    let p: Float64Array;
    let q: Float64Array;
    if (real.kind === 'cont' && synthetic.kind === 'cont') {
      const a = sortedFinite(real.values);
      if (a.length === 0 || sortedFinite(synthetic.values).length === 0) return { score: null, error: 'a column has no non-null values' };
      const span = a[a.length - 1]! - a[0]! || 1;
      p = histogram(real.values, a[0]!, span);
      q = histogram(synthetic.values, a[0]!, span);
    } else if (real.kind === 'disc' && synthetic.kind === 'disc') {
      const size = synthetic.dictionary.size;
      const pc = categoryCounts(real.codes, size);
      const qc = categoryCounts(synthetic.codes, size);
      if (pc.total === 0 || qc.total === 0) return { score: null, error: 'a column has no non-null values' };
      p = pc.counts;
      q = qc.counts;
    } else return { score: null, error: 'the two columns were prepared differently' };
    return { score: jensenShannonDistance(p, q) };
  },
};
