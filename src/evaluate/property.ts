import type { PropertyName, PropertyScore, Thresholds, Verdict } from './report-types.js';
import { judgeScore } from './thresholds.js';

/** The mean of the finite numbers among `values`, or null when there are none (NaN scores are skipped, as SDMetrics does). */
export function meanOf(values: readonly (number | null)[]): number | null {
  let sum = 0;
  let n = 0;
  for (const v of values) {
    if (v === null || !Number.isFinite(v)) continue;
    sum += v;
    n++;
  }
  return n === 0 ? null : sum / n;
}

/** A property whose verdict comes from its own score and threshold. */
export function propertyFromScore(name: PropertyName, score: number | null, thresholds: Thresholds, how: string): PropertyScore {
  const label = name.replace(/_/g, ' ');
  if (score === null) return { name, score: null, verdict: 'warn', reason: `${label} could not be scored: ${how}` };
  const t = thresholds[name] ?? thresholds.quality!;
  const judged = judgeScore(score, t, `${label} (${how})`);
  return { name, score, verdict: judged.verdict, reason: judged.reason };
}

/** A property whose verdict is the worst of its rows (privacy, validity): a single failing check fails it. */
export function propertyFromRows(name: PropertyName, score: number | null, rows: readonly { verdict: Verdict; reason: string; score: number | null }[], empty: string): PropertyScore {
  if (rows.length === 0) return { name, score, verdict: 'pass', reason: empty };
  const fails = rows.filter((r) => r.verdict === 'fail');
  const warns = rows.filter((r) => r.verdict === 'warn');
  if (fails.length > 0) return { name, score, verdict: 'fail', reason: `${fails.length} of ${rows.length} checks failed; first: ${fails[0]!.reason}` };
  if (warns.length > 0) return { name, score, verdict: 'warn', reason: `${warns.length} of ${rows.length} checks warned; first: ${warns[0]!.reason}` };
  return { name, score, verdict: 'pass', reason: `all ${rows.length} checks passed` };
}
