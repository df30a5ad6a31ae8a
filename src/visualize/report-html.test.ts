import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { renderReport } from './render-report.js';
import { reportBundle } from './report-bundle.js';
import { renderReportHtml } from './report-html.js';
import { penguinReport, samplePii } from './test-fixtures/report.js';
import { loadCsvTable, perturbTable } from './test-fixtures/tables.js';

const penguins = loadCsvTable(fileURLToPath(new URL('../../test/fixtures/datasets/penguins.csv', import.meta.url)));
const synthetic = perturbTable(penguins, 7, 300);
const rendered = await renderReport(
  { report: penguinReport(), real: penguins, synthetic, pii: samplePii() },
  { seed: 1, title: 'Penguins v2', charts: ['scores', 'histogram'], columns: ['Species', 'Beak Depth (mm)', 'Body Mass (g)'], sources: { real: 'penguins.csv', synthetic: 'synthetic.csv' } },
);
const html = rendered.html;

describe('renderReportHtml', () => {
  it('is one self-contained file: no scripts, links or network addresses', () => {
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).not.toMatch(/<script|<link|@import|<iframe/i);
    expect(html).toContain('<style>');
  });

  it('puts the verdict at the top, before any detail', () => {
    const verdict = html.indexOf('class="banner fail"');
    expect(verdict).toBeGreaterThan(0);
    expect(verdict).toBeLessThan(html.indexOf('Needs attention'));
    expect(html).toContain('<title>Penguins v2 — FAIL</title>');
    expect(html).toContain('81%');
  });

  it('lists the failing columns first, then the warning ones, then the passing ones', () => {
    const table = html.slice(html.indexOf('<h2>Columns</h2>'));
    const pos = (c: string) => table.indexOf(`<code>${c}</code>`);
    expect(pos('Body Mass (g)')).toBeLessThan(pos('Beak Depth (mm)'));
    expect(pos('Beak Depth (mm)')).toBeLessThan(pos('Species'));
    const attention = html.slice(html.indexOf('Needs attention'), html.indexOf('<h2>Columns</h2>'));
    expect(attention.indexOf('Body Mass (g)')).toBeLessThan(attention.indexOf('Beak Depth (mm)'));
    expect(attention).toContain('Sex is all null in the synthetic table.');
  });

  it('escapes text from the data and the report', () => {
    expect(html).toContain('KS statistic 0.48) &lt;check&gt;.');
    expect(html).not.toContain('<check>');
  });

  it('inlines the charts as images, failing columns first', () => {
    const images = [...html.matchAll(/<img src="data:image\/svg\+xml;base64,[A-Za-z0-9+/=]+" alt="([^"]+)"/g)].map((m) => m[1]);
    expect(images[0]).toBe('Quality score per column');
    expect(images.slice(1)).toEqual(['Distribution of Body Mass (g)', 'Distribution of Beak Depth (mm)', 'Values of Species']);
  });

  it('shows the PII findings by column and type without repeating values', () => {
    const pii = html.slice(html.indexOf('<h2>Personal data</h2>'));
    expect(pii).toContain('485 findings');
    expect(pii).toContain('<code>contact</code>');
    expect(pii).toContain('email <span class="meta">(97%)</span>');
    expect(pii.indexOf('contact')).toBeLessThan(pii.indexOf('notes'));
    const clean = renderReportHtml(penguinReport(), { pii: { ...samplePii(), columns: [], counts: {}, totalFindings: 0 } });
    expect(clean).toContain('No personal data found');
  });

  it('reports the column mismatch and the notes', () => {
    expect(html).toContain('Only in the synthetic table (not evaluated): <code>row_id</code>');
    expect(html).toContain('only in the synthetic table and was not evaluated');
  });
});

describe('reportBundle', () => {
  it('carries the same content as JSON, in the same order', () => {
    const bundle = rendered.bundle;
    expect(bundle.format).toBe('synthdata.report-bundle');
    expect(bundle.verdict).toBe('fail');
    expect(bundle.attention[0]!.columns).toEqual(['Body Mass (g)']);
    expect(bundle.columns.map((c) => c.verdict).slice(0, 2)).toEqual(['fail', 'warn']);
    expect(bundle.charts[0]!.kind).toBe('scores');
    expect(bundle.charts[1]!.columns).toEqual(['Body Mass (g)']);
    expect(bundle.charts[1]!.spec).toBeDefined();
    expect(bundle.pii?.totalFindings).toBe(485);
    const again = JSON.parse(JSON.stringify(bundle)) as typeof bundle;
    expect(again.report).toEqual(penguinReport());
    expect(reportBundle(penguinReport()).charts).toEqual([]);
  });
});
