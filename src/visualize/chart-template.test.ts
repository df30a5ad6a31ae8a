import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { chartTemplate, fillTitles } from './chart-template.js';
import { buildCharts } from './charts.js';
import { compileChart, renderSvg } from './render.js';
import { histogramSpec } from './specs.js';
import { penguinReport } from './test-fixtures/report.js';
import { loadCsvTable, perturbTable } from './test-fixtures/tables.js';
import type { VegaLiteSpec } from './types.js';

const penguins = loadCsvTable(fileURLToPath(new URL('../../test/fixtures/datasets/penguins.csv', import.meta.url)));
const synthetic = perturbTable(penguins, 3, 300);
const series = [{ label: 'synthetic', color: '#000' }];
const bars = [{ source: 'synthetic', start: 0, end: 1, share: 1, count: 3 }];

/** SVG straight from vega-lite and vega, without the template cache, with vega's counters renumbered as renderSvg does. */
async function directSvg(spec: VegaLiteSpec): Promise<string> {
  const vega = await import('vega');
  const view = new vega.View(vega.parse((await compileChart(spec)).vega, undefined, { ast: false }), { renderer: 'none' });
  const svg = await view.toSVG();
  view.finalize();
  const seen = new Map<string, number>();
  return svg.replace(/(id="|url\(#)(gradient_|clip|pattern_)(\d+)/g, (_m, lead: string, prefix: string, num: string) => {
    if (!seen.has(prefix + num)) seen.set(prefix + num, seen.size);
    return `${lead}${prefix}${seen.get(prefix + num)}`;
  });
}

describe('chart templates', () => {
  it('give charts of one shape one key, whatever their column, data and subtitle', () => {
    const a = chartTemplate(histogramSpec({ column: 'age', temporal: false, bars, series, subtitle: '10 rows' }))!;
    const b = chartTemplate(histogramSpec({ column: 'income (USD)', temporal: false, bars: [...bars, ...bars], series, subtitle: '20 rows' }))!;
    expect(a.key).toBe(b.key);
    expect(a.key).not.toContain('age');
    expect(b.titles).toContain('income (USD)');
    expect(b.datasets[0]).toHaveLength(2);
    const temporal = chartTemplate(histogramSpec({ column: 'age', temporal: true, bars, series }))!;
    expect(temporal.key).not.toBe(a.key);
  });

  it('leave out titles that would need escaping inside generated code', () => {
    expect(chartTemplate(histogramSpec({ column: 'say "hi"', temporal: false, bars, series }))).toBeUndefined();
    expect(chartTemplate(histogramSpec({ column: "o'clock", temporal: false, bars, series }))).toBeUndefined();
    expect(chartTemplate(histogramSpec({ column: 'back\\slash', temporal: false, bars, series }))).toBeUndefined();
  });

  it('put every title back', () => {
    const t = chartTemplate(histogramSpec({ column: 'weight', temporal: false, bars, series, subtitle: 'all rows' }))!;
    const filled = fillTitles(t.key, t);
    expect(filled).toContain('"weight"');
    expect(filled).toContain('"all rows"');
    expect(filled).not.toContain('@@');
  });

  it('draw byte-identical SVG to compiling each chart on its own, for every chart kind', async () => {
    const { charts } = buildCharts({ real: penguins, synthetic, report: penguinReport() }, { seed: 2, scatterPoints: 100, maxScatterPairs: 1 });
    const quoted = histogramSpec({ column: 'say "hi"', temporal: false, bars, series });
    expect(new Set(charts.map((c) => c.kind))).toEqual(new Set(['scores', 'histogram', 'heatmap', 'scatter']));
    for (const spec of [...charts.map((c) => c.spec), quoted]) {
      // Twice: the second render comes from the cache.
      expect(await renderSvg(spec)).toBe(await directSvg(spec));
      expect(await renderSvg(spec)).toBe(await directSvg(spec));
    }
  });
});
