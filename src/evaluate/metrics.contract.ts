import { describe, expect, it } from 'vitest';
import { field, type Cell } from '../core/index.js';
import type { Metric } from './metric-types.js';
import { DEFAULT_THRESHOLDS } from './thresholds.js';
import { detectColumnTypes } from './column-types.js';
import { prepareColumn, type PreparedColumn } from './prepare.js';

function column(name: string, real: Cell[], synthetic: Cell[]): PreparedColumn {
  const table = { fields: [field(name, typeof real.find((v) => v !== null) === 'number' ? 'number' : 'string', true)], columns: [real], length: real.length };
  const info = detectColumnTypes(table, [name])[name]!;
  return prepareColumn(name, info, real, synthetic);
}

const numbers = Array.from({ length: 60 }, (_, i) => (i * 37) % 50 + 0.5);
const labels = Array.from({ length: 60 }, (_, i) => ['a', 'b', 'c', 'd'][(i * 7) % 4]!);
const shifted = numbers.map((v) => v * 1.7 + 20);
const skewed = labels.map((v, i) => (i % 3 === 0 ? 'a' : v));

/** The contract every column and column-pair metric keeps: described, thresholded, total (never throws), in range, best on identical data. */
export function metricContract(metric: Metric): void {
  describe(`metric contract: ${metric.id}`, () => {
    it('is described and has a default threshold with its goal', () => {
      expect(metric.id).toMatch(/^[a-z_]+$/);
      expect(metric.name.length).toBeGreaterThan(2);
      expect(metric.description.length).toBeGreaterThan(10);
      expect(metric.range[0]).toBeLessThan(metric.range[1]);
      expect(DEFAULT_THRESHOLDS[metric.id]?.goal).toBe(metric.goal);
    });

    const cases: { name: string; a: PreparedColumn; b?: PreparedColumn }[] = [];
    const num = column('x', numbers, numbers);
    const cat = column('c', labels, labels);
    if (metric.granularity === 'single-column') {
      for (const c of [num, cat]) if (metric.appliesTo(c.info.sdtype)) cases.push({ name: c.info.sdtype, a: c });
    } else if (metric.granularity === 'column-pair') {
      const num2 = column('y', numbers.map((v, i) => v + (i % 5)), numbers.map((v, i) => v + (i % 5)));
      for (const [a, b] of [[num, num2], [num, cat], [cat, column('d', skewed, skewed)]] as const) {
        if (metric.appliesTo(a.info.sdtype, b.info.sdtype)) cases.push({ name: `${a.info.sdtype}/${b.info.sdtype}`, a, b });
      }
    }

    const run = (a: PreparedColumn, b?: PreparedColumn) => {
      if (metric.granularity === 'single-column') return metric.compute({ column: a });
      if (metric.granularity === 'column-pair') return metric.compute({ a, b: b! });
      throw new Error('table metrics have their own tests');
    };

    for (const c of cases) {
      it(`gives the best score on identical ${c.name} data`, () => {
        const out = run(c.a, c.b);
        expect(out.score).not.toBeNull();
        const best = metric.goal === 'maximize' ? (metric.id === 'uniqueness' || metric.range[1] === 1 ? 1 : out.score!) : 0;
        expect(out.score!).toBeCloseTo(best, 9);
      });

      it(`stays in range and is deterministic on different ${c.name} data`, () => {
        const other = c.a.info.sdtype === 'numerical' ? column(c.a.name, numbers, shifted) : column(c.a.name, labels, skewed);
        const first = run(other, c.b === undefined ? undefined : c.b);
        const second = run(other, c.b === undefined ? undefined : c.b);
        expect(first).toEqual(second);
        if (first.score !== null) {
          expect(first.score).toBeGreaterThanOrEqual(metric.range[0] - 1e-12);
          expect(first.score).toBeLessThanOrEqual(metric.range[1] + 1e-12);
        }
      });

      it(`returns a reason instead of throwing on an all-null ${c.name} column`, () => {
        const empty = c.a.info.sdtype === 'numerical'
          ? prepareColumn(c.a.name, c.a.info, numbers.map(() => null), numbers.map(() => null))
          : prepareColumn(c.a.name, c.a.info, labels.map(() => null), labels.map(() => null));
        const out = run(empty, c.b);
        if (out.score === null) expect(out.error).toBeTruthy();
        else expect(Number.isFinite(out.score)).toBe(true);
      });
    }
  });
}
