import { SynthError, type Rng } from '../core/index.js';
import { distributionSampler, type DistributionSpec, type Sampler } from './distributions.js';
import type { Domain } from './env.js';

/** What a numeric node asks for, gathered from the schema and the semantic hint. */
export interface NumberSpec {
  readonly integer: boolean;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly exclusiveMinimum?: number;
  readonly exclusiveMaximum?: number;
  readonly multipleOf?: number;
  readonly distribution?: DistributionSpec;
  /** Range to use when the schema sets no bound (from the semantic hint). */
  readonly defaultMin?: number;
  readonly defaultMax?: number;
  readonly pointer: string;
}

/** A compiled number generator with its value space when that is finite. */
export interface NumberGen {
  readonly gen: (rng: Rng) => number;
  readonly domain?: Domain;
}

function decimalsOf(m: number): number {
  const s = String(m);
  const e = s.indexOf('e-');
  if (e >= 0) {
    const mant = s.slice(0, e);
    const dot = mant.indexOf('.');
    return Number(s.slice(e + 2)) + (dot >= 0 ? mant.length - dot - 1 : 0);
  }
  const dot = s.indexOf('.');
  return dot >= 0 ? s.length - dot - 1 : 0;
}

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}

/**
 * Clean multiples of `m`: the k-th is computed as an exact integer over a power of ten, so 0.01 steps print as
 * 59672.95, never 59672.950000000004.
 */
export function multiples(m: number): (k: number) => number {
  const d = Math.min(decimalsOf(m), 15);
  if (d === 0) return (k) => k * m;
  const scale = 10 ** d;
  const mInt = Math.round(m * scale);
  if (Math.abs(mInt / scale - m) > 1e-12 * Math.max(1, m)) return (k) => k * m;
  return (k) => {
    const p = k * mInt;
    return Number.isSafeInteger(p) ? p / scale : k * m;
  };
}

/** True when a validator that divides (as ajv does without multipleOfPrecision) also sees `v` as a multiple of `m`. */
function divisible(v: number, m: number): boolean {
  return Number.isInteger(v / m);
}

/** Compiles a numeric node into a generator, or throws SCHEMA_UNSATISFIABLE naming the place. */
export function compileNumber(spec: NumberSpec): NumberGen {
  let lo = -Infinity;
  let hi = Infinity;
  let loEx = false;
  let hiEx = false;
  if (spec.minimum !== undefined) lo = spec.minimum;
  if (spec.exclusiveMinimum !== undefined && spec.exclusiveMinimum >= lo) [lo, loEx] = [spec.exclusiveMinimum, true];
  if (spec.maximum !== undefined) hi = spec.maximum;
  if (spec.exclusiveMaximum !== undefined && spec.exclusiveMaximum <= hi) [hi, hiEx] = [spec.exclusiveMaximum, true];
  // Unbounded sides take the hint's range, or a modest one: realistic numbers, not 1e308.
  if (!Number.isFinite(lo) && !Number.isFinite(hi)) {
    lo = spec.defaultMin ?? 0;
    hi = spec.defaultMax ?? Math.max(lo + 1, 1000);
  } else if (!Number.isFinite(hi)) {
    hi = spec.defaultMax !== undefined && spec.defaultMax > lo ? spec.defaultMax : lo + (spec.integer ? 1000 : 1000);
  } else if (!Number.isFinite(lo)) {
    lo = spec.defaultMin !== undefined && spec.defaultMin < hi ? spec.defaultMin : hi > 0 ? 0 : hi - 1000;
  }
  let step = spec.multipleOf;
  if (spec.integer) {
    if (step === undefined) step = 1;
    else if (!Number.isInteger(step)) {
      // Integers that are multiples of a fraction p/10^d are multiples of lcm(p, 10^d) / 10^d.
      const d = decimalsOf(step);
      const scale = 10 ** d;
      const p = Math.round(step * scale);
      step = (p / gcd(p, scale)) * scale / scale;
      step = Number.isInteger(step) ? step : Math.round(step);
    }
  }
  if (step !== undefined) return compileMultiples(spec, step, lo, loEx, hi, hiEx);
  if (lo > hi || (lo === hi && (loEx || hiEx))) {
    throw new SynthError('SCHEMA_UNSATISFIABLE', `no number lies between ${lo} and ${hi}`, { path: spec.pointer });
  }
  const inside = (v: number): boolean => (loEx ? v > lo : v >= lo) && (hiEx ? v < hi : v <= hi);
  const round2 = hi - lo >= 1;
  const finish = (x: number): number => {
    if (round2) {
      const r = Math.round(x * 100) / 100;
      if (inside(r)) return r;
    }
    if (inside(x)) return x;
    return loEx || hiEx ? lo + (hi - lo) / 2 : Math.min(hi, Math.max(lo, x));
  };
  const sampler = spec.distribution ? distributionSampler(spec.distribution, lo, hi, spec.pointer + '/x-distribution') : undefined;
  if (sampler !== undefined) return { gen: (rng) => finish(clipped(rng, sampler, lo, hi)) };
  return { gen: (rng) => finish(lo + rng.next53() * (hi - lo)) };
}

function clipped(rng: Rng, sampler: Sampler, lo: number, hi: number): number {
  for (let i = 0; i < 16; i++) {
    const x = sampler(rng);
    if (x >= lo && x <= hi) return x;
  }
  const x = sampler(rng);
  return Math.min(hi, Math.max(lo, Number.isFinite(x) ? x : lo));
}

function compileMultiples(spec: NumberSpec, step: number, lo: number, loEx: boolean, hi: number, hiEx: boolean): NumberGen {
  if (!(step > 0)) throw new SynthError('SCHEMA_UNSATISFIABLE', 'multipleOf must be above 0', { path: spec.pointer + '/multipleOf' });
  const at = multiples(step);
  const eps = 1e-9;
  let kLo = Math.ceil(lo / step - eps);
  if (at(kLo) < lo || (loEx && at(kLo) <= lo)) kLo++;
  let kHi = Math.floor(hi / step + eps);
  if (at(kHi) > hi || (hiEx && at(kHi) >= hi)) kHi--;
  if (kLo > kHi) {
    const what = spec.integer && step === 1 ? 'no integer' : `no multiple of ${step}`;
    throw new SynthError('SCHEMA_UNSATISFIABLE', `${what} lies between ${lo} and ${hi}`, { path: spec.pointer });
  }
  const size = kHi - kLo + 1;
  const exact = Number.isInteger(step);
  // A value must also pass validators that test multipleOf by float division; move to a neighbour when it would not.
  const fix = (k: number): number => {
    const v = at(k);
    if (exact || divisible(v, step)) return v;
    for (let d = 1; d < 64; d++) {
      if (k + d <= kHi && divisible(at(k + d), step)) return at(k + d);
      if (k - d >= kLo && divisible(at(k - d), step)) return at(k - d);
    }
    return v;
  };
  const domain: Domain = { size, at: (i: number) => fix(kLo + i) };
  if (spec.distribution) {
    const sampler = distributionSampler(spec.distribution, at(kLo), at(kHi), spec.pointer + '/x-distribution');
    const lov = at(kLo);
    const hiv = at(kHi);
    return {
      gen: (rng) => {
        const x = clipped(rng, sampler, lov, hiv);
        const k = Math.min(kHi, Math.max(kLo, Math.round(x / step)));
        return fix(k);
      },
      domain,
    };
  }
  if (size <= 4294967296) return { gen: (rng) => fix(kLo + Math.floor(rng.next() * size)), domain };
  return { gen: (rng) => fix(kLo + Math.floor(rng.next53() * size)), domain };
}
