import { nearestDistances, quantile, type MixedRecords } from './distance.js';

/** Distance to closest record: how near synthetic records sit to real ones, against a real holdout as the yardstick. */
export interface DcrSummary {
  readonly syntheticMedian: number;
  readonly syntheticP5: number;
  readonly holdoutMedian: number;
  readonly holdoutP5: number;
  /** The share of synthetic records at distance 0 from a real one. */
  readonly syntheticZeroShare: number;
  readonly holdoutZeroShare: number;
  /** Median nearest/second-nearest distance ratio of synthetic records (NNDR), and of holdout records. */
  readonly syntheticNndr: number;
  readonly holdoutNndr: number;
}

/**
 * DCR and NNDR of `synthetic` against `train`, with `holdout` (real records the synthesizer should not have
 * copied) measured the same way: a synthetic record much nearer to the training data than fresh real records are
 * is a sign of copying.
 */
export function distanceToClosestRecord(synthetic: MixedRecords, train: MixedRecords, holdout: MixedRecords): DcrSummary {
  const s = nearestDistances(synthetic, train);
  const h = nearestDistances(holdout, train);
  return {
    syntheticMedian: quantile(s.nearest, 0.5),
    syntheticP5: quantile(s.nearest, 0.05),
    holdoutMedian: quantile(h.nearest, 0.5),
    holdoutP5: quantile(h.nearest, 0.05),
    syntheticZeroShare: share(s.nearest, (v) => v === 0),
    holdoutZeroShare: share(h.nearest, (v) => v === 0),
    syntheticNndr: quantile(ratios(s.nearest, s.second), 0.5),
    holdoutNndr: quantile(ratios(h.nearest, h.second), 0.5),
  };
}

function ratios(a: Float64Array, b: Float64Array): Float64Array {
  const out = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = b[i]! === 0 ? (a[i]! === 0 ? 0 : 1) : Number.isFinite(b[i]!) ? a[i]! / b[i]! : 1;
  return out;
}

function share(values: Float64Array, test: (v: number) => boolean): number {
  if (values.length === 0) return Number.NaN;
  let n = 0;
  for (const v of values) if (test(v)) n++;
  return n / values.length;
}

/**
 * The area under the ROC curve of a membership-inference attack: members should score higher than non-members;
 * 0.5 means the attacker cannot tell them apart. Ties count half (Mann-Whitney U).
 */
export function rocAuc(memberScores: ArrayLike<number>, nonMemberScores: ArrayLike<number>): number {
  const all: { v: number; m: boolean }[] = [];
  for (let i = 0; i < memberScores.length; i++) all.push({ v: memberScores[i]!, m: true });
  for (let i = 0; i < nonMemberScores.length; i++) all.push({ v: nonMemberScores[i]!, m: false });
  const nm = memberScores.length;
  const nn = nonMemberScores.length;
  if (nm === 0 || nn === 0) return Number.NaN;
  all.sort((a, b) => a.v - b.v);
  let rankSum = 0;
  for (let i = 0; i < all.length; ) {
    let j = i;
    while (j < all.length && all[j]!.v === all[i]!.v) j++;
    const rank = (i + 1 + j) / 2;
    for (let k = i; k < j; k++) if (all[k]!.m) rankSum += rank;
    i = j;
  }
  return (rankSum - (nm * (nm + 1)) / 2) / (nm * nn);
}

/**
 * A distance-based membership-inference attack: the attacker guesses that a real record was in the training set
 * when a synthetic record lies close to it. Returns the attack's AUC over members (training records) and
 * non-members (holdout records).
 */
export function membershipInferenceAuc(members: MixedRecords, nonMembers: MixedRecords, synthetic: MixedRecords): number {
  const m = nearestDistances(members, synthetic).nearest;
  const n = nearestDistances(nonMembers, synthetic).nearest;
  return rocAuc(Float64Array.from(m, (d) => -d), Float64Array.from(n, (d) => -d));
}
