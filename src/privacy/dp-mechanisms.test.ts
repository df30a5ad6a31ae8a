import { describe, expect, it } from 'vitest';
import { Rng, isSynthError } from '../core/index.js';
import { exponentialMechanism, laplace, laplaceCounts } from './dp-mechanisms.js';
import { PrivacyBudget, checkEpsilonRange } from './dp-budget.js';

describe('differential-privacy mechanisms', () => {
  it('draws Laplace noise with mean 0 and mean absolute value = scale', () => {
    const rng = new Rng(1);
    const xs = Array.from({ length: 20000 }, () => laplace(rng, 2));
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    const mad = xs.reduce((s, x) => s + Math.abs(x), 0) / xs.length;
    expect(Math.abs(mean)).toBeLessThan(0.1);
    expect(mad).toBeGreaterThan(1.9);
    expect(mad).toBeLessThan(2.1);
  });

  it('clamps noisy counts at zero and is deterministic per seed', () => {
    const a = laplaceCounts(new Rng(5), [0, 10, 100], 1);
    expect([...a].every((v) => v >= 0)).toBe(true);
    expect([...laplaceCounts(new Rng(5), [0, 10, 100], 1)]).toEqual([...a]);
  });

  it('prefers high scores in the exponential mechanism, more so with more epsilon', () => {
    const share = (eps: number): number => {
      const rng = new Rng(2);
      let hits = 0;
      for (let i = 0; i < 2000; i++) if (exponentialMechanism(rng, [0, 1, 0], eps, 1) === 1) hits++;
      return hits / 2000;
    };
    expect(share(0.1)).toBeLessThan(0.4);
    expect(share(10)).toBeGreaterThan(0.95);
  });

  it('accounts the budget and refuses to overspend', () => {
    const b = new PrivacyBudget(1);
    b.spend('structure', 0.3);
    b.spend('counts', b.remaining);
    expect(b.toJSON()).toEqual({ total: 1, spent: 1, entries: [{ purpose: 'structure', epsilon: 0.3 }, { purpose: 'counts', epsilon: 0.7 }] });
    expect(() => b.spend('more', 0.1)).toThrow();
    let code: string | undefined;
    try {
      checkEpsilonRange(20);
    } catch (e) {
      code = isSynthError(e) ? e.code : undefined;
    }
    expect(code).toBe('LEARN_EPSILON_INVALID');
  });
});
