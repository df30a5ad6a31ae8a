import { describe, expect, it } from 'vitest';
import { Rng } from '../core/index.js';
import { HistogramForest } from './forest.js';

const rng = new Rng(3);
const x = Array.from({ length: 400 }, () => [rng.float(0, 1), rng.float(0, 1), rng.float(0, 1)]);

describe('HistogramForest', () => {
  it('learns a separable classification', () => {
    const y = x.map((r) => (r[0]! + r[1]! > 1 ? 1 : 0));
    const f = new HistogramForest({ task: 'classification', trees: 20 }, new Rng(1)).fit(x.slice(0, 300), y.slice(0, 300));
    const p = f.predict(x.slice(300));
    const accuracy = p.filter((v, i) => v === y[300 + i]).length / p.length;
    expect(accuracy).toBeGreaterThan(0.85);
  });

  it('learns a regression and is seeded', () => {
    const y = x.map((r) => 3 * r[0]! - 2 * r[2]!);
    const fit = () => new HistogramForest({ task: 'regression', trees: 20 }, new Rng(1)).fit(x.slice(0, 300), y.slice(0, 300)).predict(x.slice(300));
    const p = fit();
    const truth = y.slice(300);
    const mean = truth.reduce((a, b) => a + b, 0) / truth.length;
    const r2 = 1 - p.reduce((a, v, i) => a + (v - truth[i]!) ** 2, 0) / truth.reduce((a, v) => a + (v - mean) ** 2, 0);
    expect(r2).toBeGreaterThan(0.8);
    expect(fit()).toEqual(p);
  });
});
