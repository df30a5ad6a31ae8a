/**
 * Chart and report timings: `npm run bench:visualize`. For each shared table, a 1,000-row synthetic stand-in (the
 * real rows, jittered) is charted against the real table: specs, SVG per chart (first in the process and warm), PNG
 * per chart and the whole HTML report; then the specs of a 1M-row table, to show aggregation keeps them small.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { field, type Table } from '../../src/core/index.js';
import { evaluate } from '../../src/evaluate/index.js';
import { readTable } from '../../src/io/index.js';
import { buildCharts, renderReport, renderSvg, svgToPng } from '../../src/visualize/index.js';
import { perturbTable } from '../../src/visualize/test-fixtures/tables.js';

const shared = fileURLToPath(new URL('../../../shared/datasets/', import.meta.url));
const local = fileURLToPath(new URL('../../test/fixtures/datasets/', import.meta.url));
// Warm runs of evaluate + charts + HTML for 1,000 synthetic rows are what the 300 ms target is about.
const names = ['penguins', 'cars', 'seattle_weather', 'titanic', 'credit_data'];

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
}
const ms = (x: number): string => `${x.toFixed(1)} ms`;

const t0 = performance.now();
const first = await renderSvg({ data: { values: [{ a: 1 }] }, mark: 'bar', encoding: { x: { field: 'a', type: 'quantitative' } } });
const firstMs = performance.now() - t0;
const p0 = performance.now();
svgToPng(first, 2);
console.log(`first chart in the process: svg ${ms(firstMs)}, first png ${ms(performance.now() - p0)}`);

console.log('\ntable             charts  specs     svg/chart (median)  png/chart (median)  evaluate   report (svg+html)  eval+report  html KB');
for (const name of names) {
  const path = existsSync(`${shared}${name}.csv`) ? `${shared}${name}.csv` : `${local}${name}.csv`;
  if (!existsSync(path)) continue;
  const real = await readTable(path);
  const synthetic = perturbTable(real, 1, 1000);
  const s0 = performance.now();
  const { charts } = buildCharts({ real, synthetic }, { seed: 1 });
  const specMs = performance.now() - s0;
  const svgTimes: number[] = [];
  const pngTimes: number[] = [];
  for (const c of charts) {
    const a = performance.now();
    const svg = await renderSvg(c);
    svgTimes.push(performance.now() - a);
    const b = performance.now();
    svgToPng(svg, 2);
    pngTimes.push(performance.now() - b);
  }
  const evalTimes: number[] = [];
  const reportTimes: number[] = [];
  const totals: number[] = [];
  let htmlKb = 0;
  for (let i = 0; i < 3; i++) {
    const e0 = performance.now();
    const report = await evaluate(real, synthetic, { seed: 1, metrics: ['quality'] });
    const r0 = performance.now();
    const { html } = await renderReport({ report, real, synthetic }, { seed: 1 });
    const r1 = performance.now();
    evalTimes.push(r0 - e0);
    reportTimes.push(r1 - r0);
    totals.push(r1 - e0);
    htmlKb = html.length / 1024;
  }
  console.log(
    `${name.padEnd(17)} ${String(charts.length).padStart(6)}  ${ms(specMs).padStart(8)}  ${ms(median(svgTimes)).padStart(18)}  ${ms(median(pngTimes)).padStart(18)}  ${ms(median(evalTimes)).padStart(9)}  ${ms(median(reportTimes)).padStart(17)}  ${ms(median(totals)).padStart(11)}  ${htmlKb.toFixed(0).padStart(7)}`,
  );
}

const n = 1_000_000;
const cols = 6;
const big: Table = {
  fields: [...Array.from({ length: cols }, (_, c) => field(`x${c}`, 'number')), field('cat', 'string')],
  columns: [...Array.from({ length: cols }, (_, c) => Array.from({ length: n }, (_, i) => Math.sin(i * (c + 1)) * 100 + (i % 997))), Array.from({ length: n }, (_, i) => `c${i % 12}`)],
  length: n,
};
const rss0 = process.memoryUsage().rss;
const b0 = performance.now();
const bigSet = buildCharts({ real: big, synthetic: big }, { seed: 1 });
const bigMs = performance.now() - b0;
const bytes = bigSet.charts.reduce((s, c) => s + JSON.stringify(c.spec).length, 0);
const r0 = performance.now();
for (const c of bigSet.charts) await renderSvg(c);
console.log(
  `\n1M rows x ${cols + 1} columns, real and synthetic: ${bigSet.charts.length} specs in ${ms(bigMs)}, ${(bytes / 1024).toFixed(0)} KB of spec in all, rendered to SVG in ${ms(performance.now() - r0)}; rss ${((process.memoryUsage().rss - rss0) / 2 ** 20).toFixed(0)} MiB above the tables`,
);
