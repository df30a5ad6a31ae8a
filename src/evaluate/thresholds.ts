import { SynthError, nearMatches } from '../core/index.js';
import type { Goal, MetricThreshold, Thresholds, Verdict } from './report-types.js';

/**
 * The default pass/warn thresholds of every metric and property: the one place they are defined (docs/evaluation.md
 * explains them). A maximize metric passes at or above `pass`, warns at or above `warn`, fails below; a minimize
 * metric the other way round. Override any of them per run with `thresholds: { ks_complement: { pass: 0.9 } }`.
 */
export const DEFAULT_THRESHOLDS: Thresholds = {
  // properties and the overall quality score
  quality: { goal: 'maximize', pass: 0.8, warn: 0.65 },
  column_shapes: { goal: 'maximize', pass: 0.8, warn: 0.65 },
  column_pair_trends: { goal: 'maximize', pass: 0.75, warn: 0.6 },
  column_details: { goal: 'maximize', pass: 0.8, warn: 0.65 },
  // column shapes and pair trends (SDMetrics)
  ks_complement: { goal: 'maximize', pass: 0.85, warn: 0.7 },
  tv_complement: { goal: 'maximize', pass: 0.85, warn: 0.7 },
  correlation_similarity: { goal: 'maximize', pass: 0.9, warn: 0.75 },
  contingency_similarity: { goal: 'maximize', pass: 0.8, warn: 0.6 },
  // per-column details
  wasserstein: { goal: 'minimize', pass: 0.05, warn: 0.15 },
  jensen_shannon: { goal: 'minimize', pass: 0.15, warn: 0.3 },
  null_rate_delta: { goal: 'minimize', pass: 0.02, warn: 0.1 },
  range_coverage: { goal: 'maximize', pass: 0.9, warn: 0.7 },
  category_coverage: { goal: 'maximize', pass: 0.9, warn: 0.7 },
  new_categories: { goal: 'minimize', pass: 0.01, warn: 0.05 },
  uniqueness: { goal: 'maximize', pass: 0.8, warn: 0.6 },
  // validity, without a reference
  schema_conformance: { goal: 'maximize', pass: 1, warn: 0.99 },
  key_uniqueness: { goal: 'maximize', pass: 1, warn: 1 },
  duplicate_rows: { goal: 'minimize', pass: 0.01, warn: 0.05 },
  null_rate: { goal: 'minimize', pass: 0.95, warn: 0.999 },
  diversity: { goal: 'maximize', pass: 0.7, warn: 0.4 },
  // privacy
  exact_match_rate: { goal: 'minimize', pass: 0.01, warn: 0.05 },
  dcr: { goal: 'maximize', pass: 0.8, warn: 0.5 },
  nndr: { goal: 'maximize', pass: 0.8, warn: 0.5 },
  membership_inference_auc: { goal: 'minimize', pass: 0.6, warn: 0.7 },
  k_anonymity: { goal: 'maximize', pass: 5, warn: 2 },
  identifier_leakage: { goal: 'minimize', pass: 0, warn: 0.01 },
  text_span_leakage: { goal: 'minimize', pass: 0, warn: 0.01 },
  // utility
  tstr_ratio: { goal: 'maximize', pass: 0.9, warn: 0.75 },
};

/** A per-run override: any of pass/warn (and goal) for any metric or property id. */
export type ThresholdOverrides = Readonly<Record<string, Partial<MetricThreshold>>>;

/** The defaults with `overrides` applied; an unknown id or a pass/warn pair in the wrong order is an error. */
export function resolveThresholds(overrides: ThresholdOverrides = {}): Thresholds {
  const out: Record<string, MetricThreshold> = { ...DEFAULT_THRESHOLDS };
  for (const [id, o] of Object.entries(overrides)) {
    const base = out[id];
    if (base === undefined) {
      const near = nearMatches(id, Object.keys(DEFAULT_THRESHOLDS));
      throw new SynthError('UNKNOWN_NAME', `unknown threshold "${id}"${near.length > 0 ? `; did you mean ${near.map((n) => `"${n}"`).join(', ')}?` : ''}`, {
        path: `/thresholds/${id}`,
        expected: Object.keys(DEFAULT_THRESHOLDS),
      });
    }
    const merged: MetricThreshold = { goal: o.goal ?? base.goal, pass: o.pass ?? base.pass, warn: o.warn ?? base.warn };
    if (!Number.isFinite(merged.pass) || !Number.isFinite(merged.warn)) {
      throw new SynthError('INVALID_ARGUMENT', `threshold "${id}" must have numeric pass and warn values`, { path: `/thresholds/${id}` });
    }
    const ordered = merged.goal === 'maximize' ? merged.pass >= merged.warn : merged.pass <= merged.warn;
    if (!ordered) {
      throw new SynthError('INVALID_ARGUMENT', `threshold "${id}": pass ${merged.pass} must be ${merged.goal === 'maximize' ? 'at or above' : 'at or below'} warn ${merged.warn}`, {
        path: `/thresholds/${id}`,
        hint: 'Give both pass and warn when you move one past the other.',
      });
    }
    out[id] = merged;
  }
  return out;
}

function fmt(x: number): string {
  if (Number.isInteger(x)) return String(x);
  return Math.abs(x) >= 0.001 ? x.toFixed(3).replace(/0+$/, '').replace(/\.$/, '') : x.toPrecision(2);
}

/** The verdict of `score` under a threshold, and a sentence saying why. */
export function judgeScore(score: number, t: MetricThreshold, label: string): { verdict: Verdict; reason: string } {
  const goal: Goal = t.goal;
  const better = goal === 'maximize' ? (a: number, b: number) => a >= b : (a: number, b: number) => a <= b;
  const word = goal === 'maximize' ? 'at or above' : 'at or below';
  const miss = goal === 'maximize' ? 'below' : 'above';
  if (better(score, t.pass)) return { verdict: 'pass', reason: `${label} ${fmt(score)} is ${word} the pass threshold ${fmt(t.pass)}` };
  if (better(score, t.warn)) return { verdict: 'warn', reason: `${label} ${fmt(score)} is ${miss} the pass threshold ${fmt(t.pass)} but ${word} the warn threshold ${fmt(t.warn)}` };
  return { verdict: 'fail', reason: `${label} ${fmt(score)} is ${miss} the warn threshold ${fmt(t.warn)}` };
}

/** The worst of some verdicts (`pass` for none). */
export function worstVerdict(verdicts: Iterable<string>): Verdict {
  let worst: Verdict = 'pass';
  for (const v of verdicts) {
    if (v === 'fail') return 'fail';
    if (v === 'warn') worst = 'warn';
  }
  return worst;
}

/** Formats a number for a reason sentence. */
export function formatNumber(x: number): string {
  return fmt(x);
}
