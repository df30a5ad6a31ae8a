import { synthesizerContract } from './synthesizer.contract.js';

synthesizerContract('bayes-net');

import { describe, expect, it } from 'vitest';
import { fitModel, sampleModel } from './runner.js';
import { fixtureTable } from './test-tables.js';

describe('bayes-net with epsilon', () => {
  it('records the budget it spent and still samples valid rows', () => {
    const model = fitModel(fixtureTable('seattle_weather'), { synthesizer: 'bayes-net', epsilon: 1, seed: 4 });
    expect(model.privacy?.epsilon).toBe(1);
    expect(model.privacy?.spent).toBeCloseTo(1, 9);
    expect(model.privacy?.entries.map((e) => e.purpose)).toEqual([
      'bayes-net structure (exponential mechanism)',
      'bayes-net conditional counts (Laplace)',
    ]);
    const s = sampleModel(model, 200, { seed: 1 });
    expect(s.length).toBe(200);
    expect(new Set(s.columns[5]).size).toBeGreaterThan(1);
  });
});
