import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Rng, hash128, normalizeSeed } from './rng.js';

describe('Rng', () => {
  it('gives the same sequence for the same seed, in any of its spellings', () => {
    const a = new Rng(42);
    const b = new Rng('42');
    const c = new Rng(42n);
    const seqA = Array.from({ length: 5 }, () => a.uint32());
    expect(Array.from({ length: 5 }, () => b.uint32())).toEqual(seqA);
    expect(Array.from({ length: 5 }, () => c.uint32())).toEqual(seqA);
  });

  it('is pinned at a fixed seed (changing the generator breaks reproducibility for users)', () => {
    const rng = new Rng(42);
    expect([rng.uint32(), rng.uint32(), rng.uint32()]).toMatchInlineSnapshot(`
      [
        1825915958,
        3045626268,
        4035046024,
      ]
    `);
  });

  it('forks by name, independent of how many draws the parent made', () => {
    const a = new Rng(7);
    const b = new Rng(7);
    for (let i = 0; i < 100; i++) b.next();
    expect(a.fork('age').uint32()).toBe(b.fork('age').uint32());
    expect(a.fork('age').uint32()).not.toBe(a.fork('name').uint32());
    expect(a.forBlock('age', 3).uint32()).toBe(new Rng(7).forBlock('age', 3).uint32());
    expect(a.forBlock('age', 3).uint32()).not.toBe(a.forBlock('age', 4).uint32());
  });

  it('draws integers within bounds, inclusive, for any range', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 0, max: 1e12 }), (seed, min, span) => {
        const rng = new Rng(seed);
        for (let i = 0; i < 20; i++) {
          const v = rng.int(min, min + span);
          if (!Number.isInteger(v) || v < min || v > min + span) return false;
        }
        return true;
      }),
      { seed: 20261122, numRuns: 200 },
    );
  });

  it('has roughly uniform floats and standard normals', () => {
    const rng = new Rng(1);
    const n = 50_000;
    let sum = 0;
    let sumN = 0;
    let sumN2 = 0;
    for (let i = 0; i < n; i++) {
      const x = rng.next();
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
      sum += x;
      const z = rng.normal();
      sumN += z;
      sumN2 += z * z;
    }
    expect(sum / n).toBeCloseTo(0.5, 2);
    expect(sumN / n).toBeCloseTo(0, 1);
    expect(sumN2 / n).toBeCloseTo(1, 1);
  });

  it('picks by cumulative weights in proportion', () => {
    const rng = new Rng(3);
    const counts = [0, 0, 0];
    for (let i = 0; i < 30_000; i++) counts[rng.pickCumulative([1, 3, 6])]!++;
    expect(counts[0]! / 30_000).toBeCloseTo(1 / 6, 1);
    expect(counts[2]! / 30_000).toBeCloseTo(0.5, 1);
  });

  it('normalizes seeds and hashes strings to 4 x uint32', () => {
    expect(normalizeSeed(42)).toBe('42');
    expect(() => normalizeSeed(Number.NaN)).toThrow(RangeError);
    expect(hash128('a')).toHaveLength(4);
    expect(hash128('a')).not.toEqual(hash128('b'));
  });
});
