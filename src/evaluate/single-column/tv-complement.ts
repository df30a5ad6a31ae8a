import type { SingleColumnMetric } from '../metric-types.js';
import { categoryCounts } from './values.js';

/** 1 - half the L1 distance between two category count vectors (each normalised over its non-null total). */
export function tvComplementOfCounts(p: Float64Array, pTotal: number, q: Float64Array, qTotal: number): number {
  let diff = 0;
  const n = Math.max(p.length, q.length);
  for (let c = 0; c < n; c++) diff += Math.abs((p[c] ?? 0) / pTotal - (q[c] ?? 0) / qTotal);
  return 1 - 0.5 * diff;
}

/** TV complement (SDMetrics TVComplement): 1 - total variation distance of the category frequencies; categorical and boolean columns. */
export const tvComplement: SingleColumnMetric = {
  id: 'tv_complement',
  name: 'TV complement',
  granularity: 'single-column',
  goal: 'maximize',
  range: [0, 1],
  needsReal: true,
  description: '1 minus half the summed difference of category frequencies (nulls left out).',
  appliesTo: (sdtype) => sdtype === 'categorical' || sdtype === 'boolean',
  compute({ column }) {
    if (column.real?.kind !== 'disc' || column.synthetic.kind !== 'disc') return { score: null, error: 'not a discrete column' };
    const size = column.synthetic.dictionary.size;
    const p = categoryCounts(column.real.codes, size);
    const q = categoryCounts(column.synthetic.codes, size);
    if (p.total === 0 || q.total === 0) {
      return { score: null, error: `the ${p.total === 0 ? 'real' : 'synthetic'} column has no non-null values` };
    }
    return { score: tvComplementOfCounts(p.counts, p.total, q.counts, q.total) };
  },
};
