import { describe, expect, it } from 'vitest';
import { Rng } from '../core/index.js';
import { multiples } from './compile-number.js';
import { compilePattern } from './pattern.js';
import { permutation } from './permutation.js';
import { fillDigits } from './locale-data.js';
import { uuidV4 } from './formats.js';

describe('building blocks', () => {
  it('permutations are bijections of [0, n), keyed by the Rng', () => {
    for (const n of [1, 2, 3, 10, 97, 4096, 10_001]) {
      const p = permutation(n, new Rng(n));
      const seen = new Set<number>();
      for (let i = 0; i < n; i++) seen.add(p(i));
      expect(seen.size).toBe(n);
      expect(Math.min(...seen)).toBe(0);
      expect(Math.max(...seen)).toBe(n - 1);
    }
    const a = permutation(1000, new Rng(1));
    const b = permutation(1000, new Rng(2));
    expect(Array.from({ length: 20 }, (_, i) => a(i))).not.toEqual(Array.from({ length: 20 }, (_, i) => b(i)));
  });

  it('multiples of decimal steps print without float noise', () => {
    for (const [step, k, text] of [[0.01, 5_967_295, '59672.95'], [0.1, 3, '0.3'], [0.05, 3, '0.15'], [0.000001, 123_456_789, '123.456789'], [2.5, 3, '7.5']] as const) {
      expect(String(multiples(step)(k))).toBe(text);
    }
  });

  it('patterns are generated from our Rng, deterministically, and match', () => {
    const gen = compilePattern('^[A-Z]{2}-\\d{3}(x|y)?$', 0, Infinity, '/p');
    const a = Array.from({ length: 50 }, (_, i) => gen(new Rng(i)));
    const b = Array.from({ length: 50 }, (_, i) => gen(new Rng(i)));
    expect(a).toEqual(b);
    for (const s of a) expect(s).toMatch(/^[A-Z]{2}-\d{3}(x|y)?$/);
    const bounded = compilePattern('[a-z]+', 10, 12, '/q');
    for (let i = 0; i < 50; i++) expect(bounded(new Rng(i)).length).toBeGreaterThanOrEqual(10);
  });

  it('digit patterns and UUIDs', () => {
    const rng = new Rng(3);
    for (let i = 0; i < 100; i++) {
      expect(fillDigits(rng, '(!##) !##-#### x###')).toMatch(/^\([2-9]\d\d\) [2-9]\d\d-\d{4} x\d{3}$/);
      expect(uuidV4(rng)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    }
  });
});

describe('packing columns for worker threads', () => {
  it('round-trips strings, numbers, booleans, nulls, absent cells and objects', async () => {
    const { packColumn, unpackColumn } = await import('./packing.js');
    const columns = [
      ['a', 'b', null, undefined, 'é\u2028', ''],
      [1, 2.5, null, -0.1, undefined, 1e21],
      [true, false, null, true, undefined, false],
      [{ x: 1 }, [1, 2], null, 'mixed', 3, undefined],
      ['has\u0000separator', 'x', 'y', 'z', 'w', 'v'],
    ];
    for (const col of columns) {
      const transfer: ArrayBuffer[] = [];
      const packed = packColumn(col as never, col.length, transfer);
      expect(unpackColumn(structuredClone(packed), col.length)).toEqual(col);
    }
  });
});
