/**
 * Seeded randomness. Every random choice in synthdata flows from one explicit seed through an {@link Rng}.
 * The generator is sfc32 (128-bit state, passes PractRand to 2^41+ bytes; a few integer ops per draw), seeded
 * by a 128-bit string hash. Sub-streams are derived by name, never by position, so adding a column or drawing
 * more values in one place never shifts the values of another.
 */

/** A seed as users give it: a number, a bigint or any string. */
export type Seed = number | bigint | string;

/** Rows per generation block. Seeds derive from (run seed, column, block index), so output does not depend on batch size or worker count. */
export const BLOCK_ROWS = 4096;

const TWO_POW_32 = 4294967296;

/** A fast, seeded pseudo-random generator with named sub-streams. */
export class Rng {
  /** The path of labels this stream was derived from (its identity; forks hash it). */
  readonly key: string;
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  private spareNormal: number | undefined;

  /** @example const rng = new Rng(42); rng.fork('age').int(18, 90) */
  constructor(seed: Seed, key?: string) {
    this.key = key ?? `seed:${normalizeSeed(seed)}`;
    const [h0, h1, h2, h3] = hash128(this.key);
    this.a = h0;
    this.b = h1;
    this.c = h2;
    this.d = h3;
    // Discard the first outputs: sfc32 mixes a fresh state in about a dozen rounds.
    for (let i = 0; i < 12; i++) this.uint32();
  }

  /** An independent stream named by `label`; the same label always gives the same stream, however many draws were made here. */
  fork(label: string | number): Rng {
    return new Rng(0, `${this.key}/${label}`);
  }

  /** The stream for one column in one block of rows: the root of every per-cell draw. */
  forBlock(column: string, block: number): Rng {
    return new Rng(0, `${this.key}/col:${column}/block:${block}`);
  }

  /** A uniform unsigned 32-bit integer. */
  uint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** A uniform float in [0, 1) with 32 bits of resolution. */
  next(): number {
    return this.uint32() / TWO_POW_32;
  }

  /** A uniform float in [0, 1) with 53 bits of resolution (for wide numeric ranges). */
  next53(): number {
    const hi = this.uint32() >>> 5;
    const lo = this.uint32() >>> 6;
    return (hi * 67108864 + lo) / 9007199254740992;
  }

  /** A uniform integer in [min, max], both inclusive. Exact for spans up to 2^53. */
  int(min: number, max: number): number {
    const span = max - min + 1;
    if (span <= TWO_POW_32) return min + Math.floor(this.next() * span);
    return min + Math.floor(this.next53() * span);
  }

  /** A uniform float in [min, max). */
  float(min: number, max: number): number {
    return min + this.next53() * (max - min);
  }

  /** True with probability `p`. */
  bool(p = 0.5): boolean {
    return this.next() < p;
  }

  /** A uniformly chosen element of a non-empty array. */
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** An index drawn with the given cumulative weights (ascending, last = total). */
  pickCumulative(cumulative: readonly number[]): number {
    const x = this.next() * cumulative[cumulative.length - 1]!;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (x < cumulative[mid]!) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  /** A standard normal draw (Box-Muller, the spare kept for the next call). */
  normal(mean = 0, sd = 1): number {
    if (this.spareNormal !== undefined) {
      const z = this.spareNormal;
      this.spareNormal = undefined;
      return mean + sd * z;
    }
    let u = 0;
    while (u === 0) u = this.next53();
    const v = this.next53();
    const r = Math.sqrt(-2 * Math.log(u));
    this.spareNormal = r * Math.sin(2 * Math.PI * v);
    return mean + sd * r * Math.cos(2 * Math.PI * v);
  }

  /** Shuffles an array in place (Fisher-Yates) and returns it. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      const t = items[i]!;
      items[i] = items[j]!;
      items[j] = t;
    }
    return items;
  }
}

/** The canonical text of a seed, so 42, 42n and "42" are the same seed. */
export function normalizeSeed(seed: Seed): string {
  if (typeof seed === 'number') {
    if (!Number.isFinite(seed)) throw new RangeError(`seed must be finite, got ${seed}`);
    return Number.isInteger(seed) ? String(seed) : String(seed);
  }
  return String(seed);
}

/**
 * A 128-bit hash of a string as four uint32s (cyrb128: fast, well mixed; not cryptographic, which seeding does
 * not need).
 */
export function hash128(str: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < str.length; i++) {
    const k = str.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

/** A fresh seed for when the user gave none; the caller must record and print it. Uses the clock passed in. */
export function seedFromClock(nowMs: number, extra = 0): number {
  const [h] = hash128(`${nowMs}:${extra}`);
  return h;
}
