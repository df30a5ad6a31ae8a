import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { isSynthError } from '../core/index.js';
import { buildCharts } from './charts.js';
import { chartFonts, renderChart, renderSvg } from './render.js';
import { penguinReport } from './test-fixtures/report.js';
import { loadCsvTable, perturbTable } from './test-fixtures/tables.js';

const penguins = loadCsvTable(fileURLToPath(new URL('../../test/fixtures/datasets/penguins.csv', import.meta.url)));
const synthetic = perturbTable(penguins, 7, 400);
const { charts } = buildCharts({ real: penguins, synthetic, report: penguinReport() }, { seed: 1, scatterPoints: 200, maxScatterPairs: 1 });
const byKind = (kind: string) => charts.find((c) => c.kind === kind)!;
const dir = mkdtempSync(join(tmpdir(), 'synthdata-viz-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Width and height from a PNG's IHDR chunk. */
function pngSize(png: Buffer): { width: number; height: number } {
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe('renderSvg', () => {
  it('draws each chart kind with its marks, title and legend', async () => {
    const hist = await renderSvg(charts.find((c) => c.name === 'histogram-body-mass-g')!);
    expect(hist).toMatch(/^<svg /);
    expect(hist).toContain('Body Mass (g)');
    expect(hist).toContain('mark-rect');
    expect(hist).toContain('>synthetic</text>');
    const heat = await renderSvg(byKind('heatmap'));
    expect(heat).toContain('Correlations between numeric columns');
    expect(heat).toContain('synthetic − real');
    expect(heat).toContain('mark-text');
    const scatter = await renderSvg(byKind('scatter'));
    expect(scatter).toContain('mark-symbol');
    const scores = await renderSvg(byKind('scores'));
    expect(scores).toContain('Quality score per column');
    expect(scores).toContain('#c8342f');
  });

  it('draws every bar of a value-count or score chart as one path, without a clipped group per bar', async () => {
    const species = await renderSvg(charts.find((c) => c.name === 'histogram-species')!);
    const scores = await renderSvg(byKind('scores'));
    for (const svg of [species, scores]) {
      // vega-lite draws stacked bars with rounded ends as a group and clip path each: slow and twice the bytes.
      expect(svg.match(/class="mark-rect role-mark/g)).toHaveLength(1);
      expect(svg).not.toContain('clip-path');
    }
  });

  it('is byte-identical for the same chart', async () => {
    const chart = byKind('heatmap');
    expect(await renderSvg(chart)).toBe(await renderSvg(chart));
  });

  it('turns an invalid spec into VIZ_RENDER_FAILED', async () => {
    const err = await renderSvg({ mark: 'nonsense', data: { values: [] } }).catch((e: unknown) => e);
    expect(isSynthError(err, 'VIZ_RENDER_FAILED')).toBe(true);
  });
});

describe('renderChart', () => {
  it('renders a PNG with the PNG signature and sane dimensions, text drawn with a real font', async () => {
    const png = await renderChart(byKind('scores'), { format: 'png', as: 'buffer' });
    expect(png.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
    const { width, height } = pngSize(png);
    expect(width).toBeGreaterThan(600);
    expect(width).toBeLessThan(3000);
    expect(height).toBeGreaterThan(200);
    expect(height).toBeLessThan(3000);
    // On machines without the known font files the renderer falls back to system fonts; say which.
    expect(['files', 'system']).toContain(chartFonts().source);
  });

  it('hands back the spec, base64, a data URI or a file', async () => {
    const chart = byKind('scores');
    const spec = JSON.parse(await renderChart(chart, { format: 'spec' })) as unknown;
    expect(spec).toEqual(chart.spec);
    const b64 = await renderChart(chart, { format: 'svg', as: 'base64' });
    expect(Buffer.from(b64, 'base64').toString('utf8')).toMatch(/^<svg /);
    expect(await renderChart(chart, { format: 'png', as: 'data-uri' })).toMatch(/^data:image\/png;base64,iVBORw0KGgo/);
    const path = join(dir, 'scores.svg');
    expect(await renderChart(chart, { format: 'svg', as: 'file', path })).toBe(path);
    expect(readFileSync(path, 'utf8')).toContain('</svg>');
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('rejects an unknown format and an unwritable path cleanly', async () => {
    const chart = byKind('scores');
    expect(isSynthError(await renderChart(chart, { format: 'gif' as never }).catch((e: unknown) => e), 'UNKNOWN_NAME')).toBe(true);
    const err = await renderChart(chart, { format: 'spec', as: 'file', path: join(dir, 'missing', 'x.json') }).catch((e: unknown) => e);
    expect(isSynthError(err, 'IO_UNWRITABLE')).toBe(true);
  });
});
