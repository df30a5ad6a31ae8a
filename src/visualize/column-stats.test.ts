import { describe, expect, it } from 'vitest';
import { Rng } from '../core/index.js';
import { BinCounter, RangeAccumulator, ValueCounter, inferTextRole, niceBins, parseUtc, pearson, sampleIndices } from './column-stats.js';

describe('niceBins', () => {
  it('covers the range with round edges', () => {
    const g = niceBins(2700, 6300, 30);
    expect(g.start).toBeLessThanOrEqual(2700);
    expect(g.start + g.count * g.step).toBeGreaterThan(6300);
    expect([100, 200, 500]).toContain(g.step);
  });

  it('keeps integer columns on whole steps and handles a constant column', () => {
    expect(niceBins(0, 5, 30, true).step).toBe(1);
    const c = niceBins(7, 7, 30);
    expect(c.count).toBe(1);
    expect(c.start).toBeLessThan(7);
    expect(c.start + c.step).toBeGreaterThan(7);
  });
});

describe('accumulators', () => {
  it('bin every usable value once, batch after batch, and count the missing apart', () => {
    const range = new RangeAccumulator().add([1, 2, null], 'numeric').add(['3.5', '', 10], 'numeric');
    expect([range.min, range.max, range.count]).toEqual([1, 10, 4]);
    const counter = new BinCounter(niceBins(range.min, range.max, 5)).add([1, 2, null], 'numeric').add(['3.5', '', 10], 'numeric');
    expect(counter.total).toBe(4);
    expect(counter.missing).toBe(2);
    expect(counter.counts.reduce((a, b) => a + b, 0)).toBe(4);
  });

  it('count categories, treating null and empty text as missing', () => {
    const v = new ValueCounter().add(['a', 'b', 'a', null, '', true]);
    expect(Object.fromEntries(v.counts)).toEqual({ a: 2, b: 1, true: 1 });
    expect(v.missing).toBe(2);
  });
});

describe('pearson', () => {
  it('is 1 for a line, -1 for a falling line, undefined without spread', () => {
    expect(pearson([1, 2, 3, 4], [2, 4, 6, 8], 'numeric', 'numeric')).toBeCloseTo(1, 12);
    expect(pearson([1, 2, 3, 4], [8, 6, 4, 2], 'numeric', 'numeric')).toBeCloseTo(-1, 12);
    expect(pearson([1, 1, 1, 1], [1, 2, 3, 4], 'numeric', 'numeric')).toBeUndefined();
    expect(pearson([1, null, 3, 4, 5], [1, 2, null, 4, 5], 'numeric', 'numeric')).toBeCloseTo(1, 12);
  });
});

describe('sampleIndices', () => {
  it('draws k distinct sorted rows, the same for the same seed', () => {
    const a = sampleIndices(1_000_000, 500, new Rng(3));
    expect(a).toHaveLength(500);
    expect(new Set(a).size).toBe(500);
    expect(a).toEqual([...a].sort((x, y) => x - y));
    expect(sampleIndices(1_000_000, 500, new Rng(3))).toEqual(a);
    expect(sampleIndices(1_000_000, 500, new Rng(4))).not.toEqual(a);
    expect(sampleIndices(3, 10, new Rng(1))).toEqual([0, 1, 2]);
  });
});

describe('inferTextRole and parseUtc', () => {
  it('types untyped text columns from their values', () => {
    expect(inferTextRole(['1', '2', '', '30'])).toEqual({ role: 'numeric', integer: true });
    expect(inferTextRole(['1.5', '-2e3', null])).toEqual({ role: 'numeric', integer: false });
    expect(inferTextRole(['2012-01-01', '2013-05-06T10:00:00Z']).role).toBe('datetime');
    expect(inferTextRole(['MALE', 'FEMALE', '3']).role).toBe('categorical');
  });

  it('reads a datetime without a zone as UTC', () => {
    expect(parseUtc('2024-01-02T03:04:05')).toBe(Date.UTC(2024, 0, 2, 3, 4, 5));
    expect(parseUtc('2024-01-02 03:04')).toBe(Date.UTC(2024, 0, 2, 3, 4));
    expect(parseUtc('2024-01-02')).toBe(Date.UTC(2024, 0, 2));
    expect(parseUtc('not a date')).toBeUndefined();
  });
});
