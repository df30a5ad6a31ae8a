import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { field, isSynthError, type Table } from '../core/index.js';
import { buildCharts, parseChartKinds } from './charts.js';
import { compileChart } from './render.js';
import { penguinReport } from './test-fixtures/report.js';
import { loadCsvTable, perturbTable } from './test-fixtures/tables.js';

const penguins = loadCsvTable(fileURLToPath(new URL('../../test/fixtures/datasets/penguins.csv', import.meta.url)));
const synthetic = perturbTable(penguins, 7, 500);

function dataValues(spec: Record<string, unknown>): unknown[] {
  return ((spec.data as { values?: unknown[] } | undefined)?.values ?? []) as unknown[];
}

describe('buildCharts', () => {
  const set = buildCharts({ real: penguins, synthetic, report: penguinReport() }, { seed: 1 });

  it('draws scores, one histogram per column, a heatmap and scatter plots, in that order', () => {
    const kinds = set.charts.map((c) => c.kind);
    expect(kinds[0]).toBe('scores');
    expect(kinds.filter((k) => k === 'histogram')).toHaveLength(7);
    expect(kinds.filter((k) => k === 'heatmap')).toHaveLength(1);
    expect(kinds.filter((k) => k === 'scatter')).toHaveLength(4);
    expect(new Set(set.charts.map((c) => c.name)).size).toBe(set.charts.length);
    expect(set.charts.map((c) => c.name)).toContain('histogram-body-mass-g');
  });

  it('gives vega-lite specs that compile without errors or warnings', async () => {
    for (const chart of set.charts) {
      const { warnings } = await compileChart(chart.spec);
      expect(warnings, chart.name).toEqual([]);
    }
  });

  it('overlays real and synthetic as two named series', () => {
    const hist = set.charts.find((c) => c.name === 'histogram-body-mass-g')!;
    const sources = new Set(dataValues(hist.spec).map((v) => (v as { source: string }).source));
    expect([...sources].sort()).toEqual(['real', 'synthetic']);
    const shares = dataValues(hist.spec).filter((v) => (v as { source: string }).source === 'real').map((v) => (v as { share: number }).share);
    expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
  });

  it('colours the scores by verdict, worst first', () => {
    const scores = set.charts[0]!;
    const spec = scores.spec as { encoding: { y: { sort: { field: string } } }; data: { values: { column: string; rank: number }[] } };
    expect(spec.encoding.y.sort.field).toBe('rank');
    expect(spec.data.values.find((v) => v.rank === 0)!.column).toBe('Body Mass (g)');
    expect(JSON.stringify(scores.spec)).toContain('"fail"');
  });

  it('is the same for the same seed and samples differently for another', () => {
    const again = buildCharts({ real: penguins, synthetic, report: penguinReport() }, { seed: 1 });
    expect(JSON.stringify(again.charts)).toBe(JSON.stringify(set.charts));
    const other = buildCharts({ real: penguins, synthetic }, { seed: 2, charts: ['scatter'], scatterPoints: 100 });
    const first = buildCharts({ real: penguins, synthetic }, { seed: 1, charts: ['scatter'], scatterPoints: 100 });
    expect(JSON.stringify(other.charts)).not.toBe(JSON.stringify(first.charts));
  });
});

describe('buildCharts limits and bad input', () => {
  it('keeps specs small for a large table: bins, counts and a bounded sample', () => {
    const n = 300_000;
    const a = new Float64Array(n).map((_, i) => Math.sin(i) * 100 + i / 1000);
    const b = new Float64Array(n).map((_, i) => Math.cos(i) * 50);
    const cat = Array.from({ length: n }, (_, i) => `c${i % 7}`);
    const big: Table = { fields: [field('a', 'number'), field('b', 'number'), field('cat', 'string')], columns: [Array.from(a), Array.from(b), cat], length: n };
    const { charts } = buildCharts({ real: big, synthetic: big }, { scatterPoints: 500 });
    for (const c of charts) expect(JSON.stringify(c.spec).length, c.name).toBeLessThan(80_000);
    const scatter = charts.find((c) => c.kind === 'scatter')!;
    expect(dataValues(scatter.spec)).toHaveLength(1000);
  });

  it('rejects an unknown chart name, listing the valid ones', () => {
    let err: unknown;
    try {
      parseChartKinds(['histogram', 'pie']);
    } catch (e) {
      err = e;
    }
    expect(isSynthError(err, 'UNKNOWN_NAME')).toBe(true);
    expect((err as Error).message).toContain('histogram, scatter, heatmap, scores');
  });

  it('skips with a reason instead of failing: no report, empty and all-null columns, identifiers', () => {
    const t: Table = {
      fields: [field('id', 'string'), field('empty', 'number', true), field('x', 'number')],
      columns: [Array.from({ length: 60 }, (_, i) => `id-${i}`), Array.from({ length: 60 }, () => null), Array.from({ length: 60 }, (_, i) => i)],
      length: 60,
    };
    const { charts, skipped } = buildCharts({ synthetic: t });
    expect(charts.map((c) => c.name)).toEqual(['histogram-x']);
    const reasons = skipped.map((s) => s.reason).join('\n');
    expect(reasons).toContain('evaluation report');
    expect(reasons).toContain('"empty" has no usable values');
    expect(reasons).toContain('identifier or free text');
    const none = buildCharts({ synthetic: { fields: t.fields, columns: [[], [], []], length: 0 } });
    expect(none.charts).toEqual([]);
  });

  it('compares only the columns both tables have, and names a lone table "data"', () => {
    const extra: Table = { fields: [...synthetic.fields, field('row_id', 'integer')], columns: [...synthetic.columns, synthetic.columns[0]!.map((_, i) => i)], length: synthetic.length };
    const { charts } = buildCharts({ real: penguins, synthetic: extra }, { charts: ['histogram'] });
    expect(charts.some((c) => c.columns.includes('row_id'))).toBe(false);
    const lone = buildCharts({ synthetic: penguins }, { charts: ['histogram'], columns: ['Species'] });
    expect(JSON.stringify(lone.charts[0]!.spec)).toContain('"data"');
    expect(() => buildCharts({ synthetic: penguins }, { columns: ['nope'] })).toThrow(/not found/);
  });
});
