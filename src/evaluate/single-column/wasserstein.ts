import type { SingleColumnMetric } from '../metric-types.js';
import { sortedFinite } from './values.js';

/** The 1-Wasserstein distance between two empirical distributions (inputs sorted): the area between their CDFs. */
export function wasserstein1(a: Float64Array, b: Float64Array): number {
  let i = 0;
  let j = 0;
  let prev = Math.min(a[0]!, b[0]!);
  let area = 0;
  const na = a.length;
  const nb = b.length;
  while (i < na || j < nb) {
    const v = j >= nb || (i < na && a[i]! <= b[j]!) ? a[i]! : b[j]!;
    area += Math.abs(i / na - j / nb) * (v - prev);
    prev = v;
    while (i < na && a[i]! <= v) i++;
    while (j < nb && b[j]! <= v) j++;
  }
  return area;
}

/** Wasserstein distance divided by the real column's range, so 0 is identical and about 1 is far apart; numerical and datetime columns. */
export const wassersteinDistance: SingleColumnMetric = {
  id: 'wasserstein',
  name: 'Normalized Wasserstein distance',
  granularity: 'single-column',
  goal: 'minimize',
  range: [0, Number.POSITIVE_INFINITY],
  needsReal: true,
  description: 'Earth mover\'s distance between the real and synthetic values, as a share of the real range.',
  appliesTo: (sdtype) => sdtype === 'numerical' || sdtype === 'datetime',
  compute({ column }) {
    if (column.real?.kind !== 'cont' || column.synthetic.kind !== 'cont') return { score: null, error: 'not a continuous column' };
    const a = sortedFinite(column.real.values);
    const b = sortedFinite(column.synthetic.values);
    if (a.length === 0 || b.length === 0) return { score: null, error: `the ${a.length === 0 ? 'real' : 'synthetic'} column has no usable values (all null or unparsable)` };
    const span = a[a.length - 1]! - a[0]!;
    const w = wasserstein1(a, b);
    return { score: w / (span > 0 ? span : 1), extra: { distance: w, realRange: span } };
  },
};
