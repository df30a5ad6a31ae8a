import { describe, expect, it } from 'vitest';
import { METRICS, getMetric } from './metrics.js';
import { metricContract } from './metrics.contract.js';
import { isSynthError } from '../core/index.js';

for (const metric of Object.values(METRICS)) metricContract(metric);

describe('metric lookup', () => {
  it('finds a metric by id and lists the valid ones for an unknown id', () => {
    expect(getMetric('ks_complement').name).toBe('KS complement');
    try {
      getMetric('ks_complemnt');
      expect.unreachable();
    } catch (e) {
      expect(isSynthError(e, 'UNKNOWN_NAME')).toBe(true);
      expect((e as Error).message).toContain('ks_complement');
    }
  });
});
