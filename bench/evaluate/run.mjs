// Evaluation timings: `npm run bench:evaluate`. For each shared table, a 1,000-row synthetic stand-in (real rows
// resampled and jittered) is evaluated against the real table (quality, validity, privacy) and its report rendered
// (charts + HTML): warm median of 5 runs, target < 300 ms. Then one 1M-row synthetic table, in a child process so
// its peak memory is its own: target < 30 s and < 1 GB. Usage: npm run bench:evaluate [-- --only cars] [--million TABLE]
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { Rng } from '../../src/core/index.ts';
import { evaluate } from '../../src/evaluate/index.ts';
import { readTable } from '../../src/io/index.ts';

const shared = fileURLToPath(new URL('../../../shared/datasets/', import.meta.url));
const local = fileURLToPath(new URL('../../test/fixtures/datasets/', import.meta.url));
const arg = (name) => {
  const i = process.argv.indexOf(`--${name}`);
  return i < 0 ? undefined : process.argv[i + 1];
};

/** Real rows resampled with jitter: numbers scaled by N(1, 0.08), a fifth of other cells swapped. */
function standIn(table, rows, seed) {
  const rng = new Rng(seed);
  const pick = new Int32Array(rows);
  for (let i = 0; i < rows; i++) pick[i] = rng.int(0, table.length - 1);
  const columns = table.fields.map((f, c) => {
    const src = table.columns[c];
    const values = src.filter((v) => v !== null && v !== undefined);
    const out = new Array(rows);
    for (let i = 0; i < rows; i++) {
      const v = src[pick[i]];
      if (v === null || v === undefined) out[i] = v;
      else if (typeof v === 'number') {
        const j = v * (1 + rng.normal(0, 0.08));
        out[i] = f.kind === 'integer' ? Math.round(j) : Math.round(j * 100) / 100;
      } else out[i] = rng.bool(0.2) ? values[rng.int(0, values.length - 1)] : v;
    }
    return out;
  });
  return { fields: table.fields, columns, length: rows };
}

async function loadVisualize() {
  try {
    return await import('../../src/visualize/index.ts');
  } catch {
    return undefined;
  }
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const mb = (bytes) => `${(bytes / 1048576).toFixed(0)} MB`;

async function million(name) {
  const dir = existsSync(`${shared}${name}.csv`) ? shared : local;
  const real = await readTable(`${dir}${name}.csv`);
  const t0 = performance.now();
  const synthetic = standIn(real, 1_000_000, 1);
  const built = performance.now() - t0;
  const rssBuilt = process.memoryUsage().rss;
  const t1 = performance.now();
  const report = await evaluate(real, synthetic, { seed: 1 });
  const evalMs = performance.now() - t1;
  const viz = await loadVisualize();
  let vizMs = NaN;
  let vizError;
  if (viz !== undefined) {
    const t2 = performance.now();
    try {
      await viz.renderReport({ report, real, synthetic }, { seed: 1 });
      vizMs = performance.now() - t2;
    } catch (e) {
      vizError = e instanceof Error ? e.message.split('\n')[0] : String(e);
    }
  }
  const peak = process.resourceUsage().maxRSS * 1024;
  console.log(JSON.stringify({ name, rows: synthetic.length, columns: synthetic.fields.length, buildMs: built, evaluateMs: evalMs, visualizeMs: vizMs, rssAfterBuild: rssBuilt, peakRss: peak, vizError, verdict: report.verdict, score: report.score }));
}

async function main() {
  const one = arg('one-million');
  if (one !== undefined) return million(one);
  const only = arg('only')?.split(',');
  const names = ['penguins', 'cars', 'seattle_weather', 'titanic', 'credit_data', 'movies', 'flights', 'airports', 'emails'].filter((n) => !only || only.includes(n));
  const viz = await loadVisualize();
  if (viz === undefined) console.log('visualize not available: timing evaluate alone');
  console.log('table             real rows  cols  evaluate ms  report ms  total ms  quality  verdict');
  for (const name of names) {
    const dir = existsSync(`${shared}${name}.csv`) ? shared : existsSync(`${local}${name}.csv`) ? local : undefined;
    if (dir === undefined) continue;
    const real = await readTable(`${dir}${name}.csv`);
    const synthetic = standIn(real, 1000, 7);
    const evalTimes = [];
    const vizTimes = [];
    let report;
    let vizError;
    for (let k = 0; k < 6; k++) {
      const t0 = performance.now();
      report = await evaluate(real, synthetic, { seed: 1 });
      const t1 = performance.now();
      if (viz !== undefined && vizError === undefined) {
        try {
          await viz.renderReport({ report, real, synthetic }, { seed: 1 });
        } catch (e) {
          vizError = e instanceof Error ? e.message.split('\n')[0] : String(e);
        }
      }
      const t2 = performance.now();
      if (k > 0) {
        evalTimes.push(t1 - t0);
        vizTimes.push(t2 - t1);
      }
    }
    const e = median(evalTimes);
    const v = viz === undefined || vizError !== undefined ? 0 : median(vizTimes);
    if (vizError !== undefined) console.log(`  report failed for ${name}: ${vizError}`);
    console.log(`${name.padEnd(17)} ${String(real.length).padStart(9)}  ${String(real.fields.length).padStart(4)}  ${e.toFixed(0).padStart(11)}  ${v.toFixed(0).padStart(9)}  ${(e + v).toFixed(0).padStart(8)}  ${report.score?.toFixed(3) ?? 'n/a'.padStart(5)}    ${report.verdict}`);
  }
  const big = arg('million') ?? 'seattle_weather';
  // The tsx CLI (not `--import tsx`) so the child loads vega's ESM-only modules as the parent does.
  const tsxCli = fileURLToPath(new URL('../../node_modules/tsx/dist/cli.mjs', import.meta.url));
  const out = execFileSync(process.execPath, [tsxCli, fileURLToPath(import.meta.url), '--one-million', big], { encoding: 'utf8', maxBuffer: 16 << 20 });
  const r = JSON.parse(out.trim().split('\n').pop());
  console.log(`\n1M rows (${r.name}, ${r.columns} columns): build ${(r.buildMs / 1000).toFixed(1)} s (RSS ${mb(r.rssAfterBuild)}), evaluate ${(r.evaluateMs / 1000).toFixed(1)} s, report ${r.vizError !== undefined ? `failed (${r.vizError})` : Number.isNaN(r.visualizeMs) ? 'n/a' : `${(r.visualizeMs / 1000).toFixed(1)} s`}, peak RSS ${mb(r.peakRss)} (targets: < 30 s, < 1 GB)`);
}

await main();
