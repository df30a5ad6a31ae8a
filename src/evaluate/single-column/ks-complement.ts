import type { SingleColumnMetric } from '../metric-types.js';
import { roundDecimals, sortedFinite } from './values.js';

/** The two-sample Kolmogorov-Smirnov statistic: the largest gap between the two empirical CDFs (inputs sorted). */
export function ksStatistic(a: Float64Array, b: Float64Array): number {
  let i = 0;
  let j = 0;
  let d = 0;
  const na = a.length;
  const nb = b.length;
  while (i < na || j < nb) {
    // Step past every copy of the next value in both samples, so ties count as SDMetrics (scipy) counts them.
    const v = j >= nb || (i < na && a[i]! <= b[j]!) ? a[i]! : b[j]!;
    while (i < na && a[i]! <= v) i++;
    while (j < nb && b[j]! <= v) j++;
    const gap = Math.abs(i / na - j / nb);
    if (gap > d) d = gap;
  }
  return d;
}

// numerical values are rounded to 14 decimals first, as the reference does, so 0.1 + 0.2 equals 0.3.
const ROUND_DECIMALS = 14;

function rounded(values: Float64Array): Float64Array {
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = roundDecimals(values[i]!, ROUND_DECIMALS);
  return out;
}

/** KS complement (SDMetrics KSComplement): 1 - KS statistic of the non-null values; numerical and datetime columns. */
export const ksComplement: SingleColumnMetric = {
  id: 'ks_complement',
  name: 'KS complement',
  granularity: 'single-column',
  goal: 'maximize',
  range: [0, 1],
  needsReal: true,
  description: '1 minus the largest gap between the real and synthetic cumulative distributions (nulls left out).',
  appliesTo: (sdtype) => sdtype === 'numerical' || sdtype === 'datetime',
  compute({ column }) {
    if (column.real?.kind !== 'cont' || column.synthetic.kind !== 'cont') return { score: null, error: 'not a continuous column' };
    let a = sortedFinite(column.real.values);
    let b = sortedFinite(column.synthetic.values);
    if (a.length === 0 || b.length === 0) {
      return { score: null, error: `the ${a.length === 0 ? 'real' : 'synthetic'} column has no usable values (all null or unparsable)` };
    }
    if (column.info.sdtype === 'numerical') {
      a = rounded(a);
      b = rounded(b);
    }
    return { score: 1 - ksStatistic(a, b) };
  },
};
