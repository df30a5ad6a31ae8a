import { describe, expect, it } from 'vitest';
import { Rng } from '../core/index.js';
import { nearestDistances, quantile, type MixedRecords } from './distance.js';
import { distanceToClosestRecord, membershipInferenceAuc, rocAuc } from './disclosure.js';
import { kAnonymity } from './k-anonymity.js';
import { identifierLeakage, textSpanLeakage, textTokenHashes, tokenize } from './leakage.js';
import fc from 'fast-check';

const records = (numeric: number[][], categorical: number[][] = []): MixedRecords => ({
  numeric: numeric.map((c) => Float64Array.from(c)),
  categorical: categorical.map((c) => Int32Array.from(c)),
  length: (numeric[0] ?? categorical[0] ?? []).length,
});

describe('distances', () => {
  it('measures mixed records as the judge does: scaled numbers, null vs value 1, category mismatch 2', () => {
    const q = records([[0, Number.NaN]], [[1, 1]]);
    const r = records([[0.5, 0.5, Number.NaN]], [[1, 2, 1]]);
    const out = nearestDistances(q, r);
    expect(out.nearest[0]).toBeCloseTo(0.5, 12);
    expect(out.index[0]).toBe(0);
    expect(out.second[0]).toBeCloseTo(1, 12);
    expect(out.nearest[1]).toBeCloseTo(0, 12);
  });

  it('agrees with a brute-force search on random mixed records, null codes and query codes unseen in the reference included', () => {
    const rng = new Rng(11);
    const make = (n: number, codes: number) => records(
      [0, 1, 2].map(() => Array.from({ length: n }, () => (rng.bool(0.1) ? Number.NaN : rng.float(0, 1)))),
      [0, 1].map(() => Array.from({ length: n }, () => rng.int(-1, codes))),
    );
    const q = make(40, 6);
    const r = make(70, 4);
    const out = nearestDistances(q, r);
    for (let i = 0; i < q.length; i++) {
      const d = Array.from({ length: r.length }, (_x, j) => {
        let s = 0;
        for (const [k, col] of q.numeric.entries()) {
          const a = col[i]!;
          const b = r.numeric[k]![j]!;
          s += Number.isNaN(a) || Number.isNaN(b) ? (Number.isNaN(a) && Number.isNaN(b) ? 0 : 1) : (a - b) ** 2;
        }
        for (const [k, col] of q.categorical.entries()) if (col[i] !== r.categorical[k]![j]) s += 2;
        return Math.sqrt(s);
      }).sort((a, b) => a - b);
      expect(out.nearest[i]).toBeCloseTo(d[0]!, 9);
      expect(out.second[i]).toBeCloseTo(d[1]!, 9);
    }
  });

  it('leaves a record out of its own neighbours with excludeSelf', () => {
    const r = records([[0, 0.1, 1]]);
    expect(Array.from(nearestDistances(r, r, { excludeSelf: true }).nearest).map((d) => +d.toFixed(6))).toEqual([0.1, 0.1, 0.9]);
  });

  it('interpolates quantiles as numpy does', () => {
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([5], 0.05)).toBe(5);
  });

  it('flags copied records: DCR 0 and NNDR 0 for a copy, not for fresh records', () => {
    const train = records([[0, 0.2, 0.4, 0.6, 0.8, 1]]);
    const dcr = distanceToClosestRecord(train, train, records([[0.1, 0.3, 0.5, 0.7]]));
    expect(dcr.syntheticMedian).toBe(0);
    expect(dcr.syntheticZeroShare).toBe(1);
    expect(dcr.holdoutMedian).toBeCloseTo(0.1, 12);
  });
});

describe('membership inference', () => {
  it('AUC is 1 when members score higher, 0.5 on ties', () => {
    expect(rocAuc([3, 4], [1, 2])).toBe(1);
    expect(rocAuc([1, 1], [1, 1])).toBe(0.5);
  });

  it('detects a synthetic table that copies its members', () => {
    const members = records([[0.1, 0.3, 0.5, 0.7]]);
    const nonMembers = records([[0.2, 0.4, 0.6, 0.8]]);
    expect(membershipInferenceAuc(members, nonMembers, members)).toBe(1);
  });
});

describe('k-anonymity and leakage', () => {
  it('k is the smallest group of quasi-identifier combinations', () => {
    const k = kAnonymity([['a', 'a', 'b', 'b', 'b'], [1, 1, 2, 2, 3]], 2);
    expect(k).toEqual({ k: 1, groups: 3, shareBelow: 0.2, minGroup: 2 });
  });

  it('finds identifier values and 8-word spans that came through', () => {
    const ids = identifierLeakage(['a@x.org', 'b@x.org'], ['c@x.org', ' a@x.org', null]);
    expect(ids).toMatchObject({ leaked: 1, checked: 2, rate: 0.5 });
    expect(ids.examples[0]).toEqual({ row: 1, value: 'a@x.org' });
    const real = ['The quick brown fox jumps over the lazy dog near the river bank'];
    const text = textSpanLeakage(real, ['Today the quick brown fox jumps over the lazy dog near home', 'the quick brown fox sleeps', '']);
    expect(text).toMatchObject({ leaked: 1, checked: 2 });
    expect(text.examples[0]!.value).toBe('the quick brown fox jumps over the lazy');
  });

  it('finds a span deep inside long texts, and not a 7-word one', () => {
    const words = (from: number, count: number) => Array.from({ length: count }, (_x, i) => `w${from + i}`).join(' ');
    const real = [`${words(0, 40)} ${words(100, 8)} ${words(200, 40)}`, words(300, 7)];
    const synthetic = [`${words(500, 30)} ${words(100, 8)} ${words(600, 30)}`, `${words(700, 20)} ${words(300, 7)} ${words(800, 20)}`, words(900, 50)];
    const out = textSpanLeakage(real, synthetic);
    expect(out).toMatchObject({ leaked: 1, checked: 3 });
    expect(out.examples).toEqual([{ row: 0, value: words(100, 8) }]);
  });
});

describe('textTokenHashes', () => {
  it('hashes the tokens tokenize finds, for any text', () => {
    const hashOf = (t: string) => {
      let h = 0x811c9dc5;
      for (let i = 0; i < t.length; i++) h = Math.imul(h ^ t.charCodeAt(i), 0x01000193);
      return h >>> 0;
    };
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), fc.constantFrom('Héllo WORLD 42', 'İstanbul ΣΊΣΥΦΟΣ straße', 'a𝐀b 𝟘𝟙 x😀y', '')), (text) => {
        expect(Array.from(textTokenHashes(text))).toEqual(tokenize(text).map(hashOf));
      }),
      { seed: 20261204, numRuns: 500 },
    );
  });
});
