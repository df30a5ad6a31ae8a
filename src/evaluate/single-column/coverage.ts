import type { SingleColumnMetric } from '../metric-types.js';
import { categoryCounts, distinctCount, nullRate, sortedFinite } from './values.js';

const continuous = (s: string): boolean => s === 'numerical' || s === 'datetime';
const discrete = (s: string): boolean => s === 'categorical' || s === 'boolean';

/** Range coverage (SDMetrics RangeCoverage): the share of the real [min, max] that the synthetic values span. */
export const rangeCoverage: SingleColumnMetric = {
  id: 'range_coverage',
  name: 'Range coverage',
  granularity: 'single-column',
  goal: 'maximize',
  range: [0, 1],
  needsReal: true,
  description: 'How much of the real minimum-to-maximum range the synthetic values cover.',
  appliesTo: continuous,
  compute({ column }) {
    if (column.real?.kind !== 'cont' || column.synthetic.kind !== 'cont') return { score: null, error: 'not a continuous column' };
    const a = sortedFinite(column.real.values);
    const b = sortedFinite(column.synthetic.values);
    if (a.length === 0 || b.length === 0) return { score: null, error: 'a column has no non-null values' };
    const rMin = a[0]!;
    const rMax = a[a.length - 1]!;
    const sMin = b[0]!;
    const sMax = b[b.length - 1]!;
    const extra = { realMin: rMin, realMax: rMax, syntheticMin: sMin, syntheticMax: sMax };
    if (rMax === rMin) return { score: sMin <= rMin && sMax >= rMax ? 1 : 0, extra };
    const missed = Math.max(0, sMin - rMin) + Math.max(0, rMax - sMax);
    return { score: Math.max(0, 1 - missed / (rMax - rMin)), extra };
  },
};

/** Category coverage (SDMetrics CategoryCoverage): the share of real categories that appear in the synthetic column. */
export const categoryCoverage: SingleColumnMetric = {
  id: 'category_coverage',
  name: 'Category coverage',
  granularity: 'single-column',
  goal: 'maximize',
  range: [0, 1],
  needsReal: true,
  description: 'The share of the real categories that occur in the synthetic column.',
  appliesTo: discrete,
  compute({ column }) {
    if (column.real?.kind !== 'disc' || column.synthetic.kind !== 'disc') return { score: null, error: 'not a discrete column' };
    const size = column.synthetic.dictionary.size;
    const p = categoryCounts(column.real.codes, size).counts;
    const q = categoryCounts(column.synthetic.codes, size).counts;
    let realCats = 0;
    let covered = 0;
    const missing: string[] = [];
    for (let c = 0; c < size; c++) {
      if (p[c]! === 0) continue;
      realCats++;
      if (q[c]! > 0) covered++;
      else if (missing.length < 10) missing.push(column.synthetic.dictionary.labels[c]!);
    }
    if (realCats === 0) return { score: null, error: 'the real column has no non-null values' };
    return { score: covered / realCats, extra: { realCategories: realCats, covered, missing } };
  },
};

/** The share of synthetic non-null cells whose category never occurs in the real column (invented categories). */
export const newCategories: SingleColumnMetric = {
  id: 'new_categories',
  name: 'New categories',
  granularity: 'single-column',
  goal: 'minimize',
  range: [0, 1],
  needsReal: true,
  description: 'The share of synthetic values whose category does not occur in the real column.',
  appliesTo: discrete,
  compute({ column }) {
    if (column.real?.kind !== 'disc' || column.synthetic.kind !== 'disc') return { score: null, error: 'not a discrete column' };
    const size = column.synthetic.dictionary.size;
    const p = categoryCounts(column.real.codes, size).counts;
    const q = categoryCounts(column.synthetic.codes, size);
    if (q.total === 0) return { score: null, error: 'the synthetic column has no non-null values' };
    let fresh = 0;
    const examples: string[] = [];
    for (let c = 0; c < size; c++) {
      if (p[c]! > 0 || q.counts[c]! === 0) continue;
      fresh += q.counts[c]!;
      if (examples.length < 10) examples.push(column.synthetic.dictionary.labels[c]!);
    }
    return { score: fresh / q.total, extra: { newCategoryExamples: examples } };
  },
};

/** The absolute difference between the real and synthetic share of nulls. */
export const nullRateDelta: SingleColumnMetric = {
  id: 'null_rate_delta',
  name: 'Null-rate delta',
  granularity: 'single-column',
  goal: 'minimize',
  range: [0, 1],
  needsReal: true,
  description: 'How far the synthetic share of missing values is from the real one.',
  appliesTo: () => true,
  compute({ column }) {
    if (column.real === undefined) return { score: null, error: 'no real column' };
    const r = nullRate(column.real);
    const s = nullRate(column.synthetic);
    return { score: Math.abs(r - s), extra: { realNullRate: r, syntheticNullRate: s } };
  },
};

/** 1 - |synthetic - real| share of distinct values among non-null cells: keys stay unique, categories stay few. */
export const uniqueness: SingleColumnMetric = {
  id: 'uniqueness',
  name: 'Uniqueness',
  granularity: 'single-column',
  goal: 'maximize',
  range: [0, 1],
  needsReal: true,
  description: '1 minus the difference between the real and synthetic share of distinct values.',
  appliesTo: () => true,
  compute({ column }) {
    if (column.real === undefined) return { score: null, error: 'no real column' };
    const r = distinctCount(column.real);
    const s = distinctCount(column.synthetic);
    if (r.nonNull === 0 || s.nonNull === 0) return { score: null, error: 'a column has no non-null values' };
    const ru = r.distinct / r.nonNull;
    const su = s.distinct / s.nonNull;
    return { score: 1 - Math.abs(ru - su), extra: { realDistinctShare: ru, syntheticDistinctShare: su, realDistinct: r.distinct, syntheticDistinct: s.distinct } };
  },
};
