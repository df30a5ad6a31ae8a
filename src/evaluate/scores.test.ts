import { describe, expect, it } from 'vitest';
import { ksStatistic } from './single-column/ks-complement.js';
import { tvComplementOfCounts } from './single-column/tv-complement.js';
import { wasserstein1 } from './single-column/wasserstein.js';
import { jensenShannonDistance } from './single-column/jensen-shannon.js';
import { pearson } from './column-pairs/correlation-similarity.js';
import { cramersV, equalWidthBins } from './column-pairs/contingency-similarity.js';
import { guessDatetimeFormat, parseDatetimeLoose, parseWithFormat } from './datetime-parse.js';
import { roundHalfEven } from './column-types.js';

const f64 = (xs: number[]) => Float64Array.from(xs);

describe('score primitives', () => {
  it('KS statistic: the largest CDF gap, ties stepped together', () => {
    expect(ksStatistic(f64([1, 2, 3]), f64([1, 2, 3]))).toBe(0);
    expect(ksStatistic(f64([1, 2, 3, 4]), f64([3, 4, 5, 6]))).toBe(0.5);
    expect(ksStatistic(f64([1, 1, 1, 2]), f64([1, 2, 2, 2]))).toBe(0.5);
  });

  it('TV complement of frequency vectors', () => {
    expect(tvComplementOfCounts(f64([5, 5]), 10, f64([4, 0]), 4)).toBe(0.5);
    expect(tvComplementOfCounts(f64([1, 3]), 4, f64([2, 6]), 8)).toBe(1);
  });

  it('Wasserstein distance of shifted samples is the shift', () => {
    expect(wasserstein1(f64([0, 1, 2]), f64([1, 2, 3]))).toBeCloseTo(1, 12);
  });

  it('Jensen-Shannon distance: 0 identical, 1 disjoint', () => {
    expect(jensenShannonDistance(f64([1, 2, 3]), f64([2, 4, 6]))).toBeCloseTo(0, 12);
    expect(jensenShannonDistance(f64([1, 0]), f64([0, 1]))).toBeCloseTo(1, 12);
  });

  it('Pearson r skips rows with a null on either side', () => {
    expect(pearson(f64([1, 2, 3, Number.NaN]), f64([2, 4, 6, 100])).r).toBeCloseTo(1, 12);
    expect(pearson(f64([1, 2, 3]), f64([3, 2, 1])).r).toBeCloseTo(-1, 12);
    expect(Number.isNaN(pearson(f64([1, 1, 1]), f64([1, 2, 3])).r)).toBe(true);
  });

  it('equal-width bins as numpy digitize: the maximum and nulls share bin 11', () => {
    const bins = equalWidthBins(f64([0, 1, 5, 9.99, 10, Number.NaN]));
    expect(Array.from(bins)).toEqual([1, 2, 6, 10, 11, 11]);
    expect(Array.from(equalWidthBins(f64([3, 3])))).toEqual([6, 6]);
  });

  it("Cramér's V is 1 for a perfect 2x2 association and NaN for one category", () => {
    const joint = { keys: Float64Array.of(0 * 2 + 0, 1 * 2 + 1), counts: Float64Array.of(10, 10) };
    expect(cramersV(joint, 2, 20)).toBeCloseTo(1, 12);
    expect(Number.isNaN(cramersV({ keys: Float64Array.of(0, 1), counts: Float64Array.of(5, 5) }, 2, 10))).toBe(true);
  });

  it('rounds halves to even as Python does', () => {
    expect(roundHalfEven(34.5)).toBe(34);
    expect(roundHalfEven(35.5)).toBe(36);
    expect(roundHalfEven(-2.5)).toBe(-2);
  });
});

describe('datetime parsing', () => {
  it('guesses the first format that parses every value', () => {
    expect(guessDatetimeFormat(['2012-01-01', '2012-01-02'])).toBe('%Y-%m-%d');
    expect(guessDatetimeFormat(['Jun 12 1998', 'Aug 07 1998'])).toBe('%b %d %Y');
    expect(guessDatetimeFormat(['13/01/2001'])).toBe('%d/%m/%Y');
    expect(guessDatetimeFormat(['apple'])).toBeUndefined();
  });

  it('reads ISO-like text leniently (any separator, time optional) and converts offsets to UTC', () => {
    expect(parseWithFormat('2001/01/01 00:47', '%Y-%m-%d')).toBe(Date.UTC(2001, 0, 1, 0, 47));
    expect(parseDatetimeLoose('2002-08-22T18:26:25+07:00')).toBe(Date.UTC(2002, 7, 22, 11, 26, 25));
    expect(parseWithFormat('Jun 12 1998', '%b %d %Y')).toBe(Date.UTC(1998, 5, 12));
    expect(Number.isNaN(parseWithFormat('2001-02-30', '%Y-%m-%d'))).toBe(true);
  });

  it('refuses to guess a format when values carry different UTC offsets (as pandas does)', () => {
    expect(guessDatetimeFormat(['2002-08-22T18:26:25+07:00', '2002-08-22T18:26:25-05:00'])).toBeUndefined();
  });
});
