/**
 * Differential-privacy mechanisms drawing from a seeded {@link Rng}: Laplace noise for counts and the exponential
 * mechanism for choosing among candidates by a score.
 */
import { SynthError, type Rng } from '../core/index.js';

/** A Laplace(0, scale) draw, by inverting its distribution function. */
export function laplace(rng: Rng, scale: number): number {
  let u = rng.next53() - 0.5;
  while (u === -0.5) u = rng.next53() - 0.5;
  return -scale * Math.sign(u) * Math.log(1 - 2 * Math.abs(u));
}

/**
 * Adds Laplace noise with scale `sensitivity / epsilon` to every count, clamps at zero: the Laplace mechanism,
 * epsilon-differentially private for counts whose L1 sensitivity is `sensitivity`.
 */
export function laplaceCounts(rng: Rng, counts: ArrayLike<number>, epsilon: number, sensitivity = 1): Float64Array {
  checkEpsilon(epsilon);
  const scale = sensitivity / epsilon;
  const out = new Float64Array(counts.length);
  for (let i = 0; i < counts.length; i++) out[i] = Math.max(0, counts[i]! + laplace(rng, scale));
  return out;
}

/**
 * The exponential mechanism: picks index i with probability proportional to exp(epsilon * score_i / (2 * sensitivity)).
 * @example exponentialMechanism(rng, [0.1, 0.5, 0.2], 1, 0.01) // most often 1
 */
export function exponentialMechanism(rng: Rng, scores: readonly number[], epsilon: number, sensitivity: number): number {
  checkEpsilon(epsilon);
  if (scores.length === 0) throw new RangeError('exponentialMechanism: no candidates');
  const factor = epsilon / (2 * sensitivity);
  let best = -Infinity;
  for (const s of scores) if (s > best) best = s;
  const cumulative: number[] = [];
  let total = 0;
  for (const s of scores) cumulative.push((total += Math.exp(factor * (s - best))));
  return rng.pickCumulative(cumulative);
}

function checkEpsilon(epsilon: number): void {
  if (!(epsilon > 0) || !Number.isFinite(epsilon)) {
    throw new SynthError('LEARN_EPSILON_INVALID', `epsilon must be a positive number, got ${epsilon}`, { path: 'epsilon', received: epsilon });
  }
}
