import { describe, expect, it } from 'vitest';
import { generateRows } from './index.js';

describe('weighted distributions without an enum', () => {
  it('take their values from the weights, in proportion, for strings and booleans', () => {
    const rows = generateRows({
      type: 'object',
      required: ['country', 'active'],
      properties: {
        country: { type: 'string', 'x-distribution': { type: 'weighted', weights: { US: 0.7, UK: 0.3 } } },
        active: { type: 'boolean', 'x-distribution': { type: 'weighted', weights: { true: 0.9, false: 0.1 } } },
      },
    }, { rows: 4000, seed: 1 });
    const us = rows.filter((r) => r.country === 'US').length / rows.length;
    const active = rows.filter((r) => r.active === true).length / rows.length;
    expect(new Set(rows.map((r) => r.country))).toEqual(new Set(['US', 'UK']));
    expect(us).toBeGreaterThan(0.66);
    expect(us).toBeLessThan(0.74);
    expect(active).toBeGreaterThan(0.87);
    expect(rows.every((r) => typeof r.active === 'boolean')).toBe(true);
  });
});
