// Fits and samples every synthesizer on every table of ../shared/datasets (as many rows as the real table) and
// prints fit and sample seconds, the judge's quality score, the exact-copy rate and the median distance to the
// closest real record. Usage: npm run bench:learn [-- --only cars,titanic] [--synth cart,gaussian-copula]
import { readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parse } from 'csv-parse/sync';
import { fitModel, sampleModel } from '../../src/learn/index.ts';

const SHARED = new URL('../../../shared/', import.meta.url).pathname;
const DATASETS = join(SHARED, 'datasets');
const JUDGE = join(SHARED, 'judge', 'judge.py');
const OUT = '/tmp/synthdata-bench-learn';
mkdirSync(OUT, { recursive: true });

const arg = (name) => {
  const i = process.argv.indexOf(`--${name}`);
  return i < 0 ? undefined : process.argv[i + 1];
};
const only = arg('only')?.split(',');
const synths = (arg('synth') ?? 'cart,gaussian-copula,bayes-net,bayes-net@1').split(',');
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};
const SDV = { penguins: 0.827, cars: 0.851, seattle_weather: 0.881, movies: 0.857, titanic: 0.919, credit_data: 0.878, airports: 0.368, flights: 0.932, emails: 0.879 };

function readCsv(path) {
  const rows = parse(readFileSync(path), { bom: true, relax_column_count: false });
  const [header, ...body] = rows;
  const columns = header.map((_, c) => body.map((r) => (r[c] === '' ? null : r[c])));
  return { fields: header.map((name) => ({ name, kind: 'string', nullable: true })), columns, length: body.length };
}

function toCsv(table) {
  const esc = (v) => {
    if (v === null || v === undefined) return '';
    const s = String(v);
    return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
  };
  const lines = [table.fields.map((f) => esc(f.name)).join(',')];
  for (let i = 0; i < table.length; i++) lines.push(table.columns.map((col) => esc(col[i])).join(','));
  return lines.join('\n') + '\n';
}

function duplicateRate(table) {
  const seen = new Map();
  for (let i = 0; i < table.length; i++) {
    const key = JSON.stringify(table.columns.map((c) => c[i]));
    seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  let dup = 0;
  for (const c of seen.values()) if (c > 1) dup += c;
  return dup / table.length;
}

const names = (only ?? readFileSync(join(DATASETS, 'README.md'), 'utf8').match(/`(\w+)\.csv`/g).map((s) => s.slice(1, -5))).filter((n, i, a) => a.indexOf(n) === i);
const results = [];
console.log('(wall seconds, then CPU seconds of this process: the machine is shared)');
console.log('table            synthesizer        fit s  sample s  fit cpu  smp cpu  quality  (SDV GC)  shapes   pairs  exact   dup(real)  medianDCR');
for (const name of names) {
  const path = join(DATASETS, `${name}.csv`);
  if (!existsSync(path)) continue;
  const real = readCsv(path);
  const dupReal = duplicateRate(real);
  for (const spec of synths) {
    const [synthesizer, eps] = spec.split('@');
    let t0 = performance.now();
    let c0 = cpu();
    const model = fitModel(real, { synthesizer, seed: 1, ...(eps ? { epsilon: Number(eps) } : {}) });
    const fitS = (performance.now() - t0) / 1000;
    const fitCpu = cpu() - c0;
    t0 = performance.now();
    c0 = cpu();
    const synth = sampleModel(model, real.length, { seed: 1 });
    const sampleS = (performance.now() - t0) / 1000;
    const sampleCpu = cpu() - c0;
    const synthPath = join(OUT, `${name}.${spec}.csv`);
    writeFileSync(synthPath, toCsv(synth));
    const judged = JSON.parse(execFileSync('/usr/bin/python3', [JUDGE, path, synthPath, '--metadata', join(SHARED, 'judge', 'metadata', `${name}.json`), '--json'], { encoding: 'utf8', maxBuffer: 1 << 28 }));
    const q = judged.overall ?? judged.quality?.overall ?? judged.score;
    const shapes = judged.column_shapes ?? judged.properties?.column_shapes;
    const pairs = judged.column_pair_trends ?? judged.properties?.column_pair_trends;
    const exact = judged.exact_match_rate ?? judged.privacy?.exact_match_rate;
    const dcr = judged.median_dcr ?? judged.privacy?.median_dcr;
    const row = { table: name, synthesizer: spec, fitS, sampleS, fitCpu, sampleCpu, quality: q, sdv: SDV[name], shapes, pairs, exact, dupReal, dcr };
    results.push(row);
    const f = (x, d = 3) => (typeof x === 'number' ? x.toFixed(d) : String(x ?? '-'));
    console.log(`${name.padEnd(16)} ${spec.padEnd(16)} ${f(fitS, 2).padStart(7)} ${f(sampleS, 2).padStart(8)} ${f(fitCpu, 2).padStart(7)} ${f(sampleCpu, 2).padStart(7)} ${f(q).padStart(8)} ${f(SDV[name]).padStart(8)}  ${f(shapes).padStart(6)} ${f(pairs).padStart(7)} ${f(exact).padStart(6)} ${f(dupReal).padStart(9)} ${f(dcr).padStart(10)}`);
  }
}

// Throughput and determinism on credit_data.
if (!only || only.includes('credit_data')) {
  const real = readCsv(join(DATASETS, 'credit_data.csv'));
  for (const synthesizer of synths.filter((s) => !s.includes('@'))) {
    const t0 = performance.now();
    const c0 = cpu();
    const model = fitModel(real, { synthesizer, seed: 1 });
    const t1 = performance.now();
    const c1 = cpu();
    const big = sampleModel(model, 100_000, { seed: 2 });
    const t2 = performance.now();
    const c2 = cpu();
    const a = toCsv(sampleModel(model, 5000, { seed: 3 }));
    const b = toCsv(sampleModel(JSON.parse(JSON.stringify(model)), 5000, { seed: 3 }));
    console.log(`credit_data ${synthesizer}: fit ${((t1 - t0) / 1000).toFixed(2)} s (${(c1 - c0).toFixed(2)} CPU), 100k rows in ${((t2 - t1) / 1000).toFixed(2)} s (${(c2 - c1).toFixed(2)} CPU) = ${Math.round(big.length / ((t2 - t1) / 1000)).toLocaleString('en-US')} rows/s wall, ${Math.round(big.length / (c2 - c1)).toLocaleString('en-US')} rows/CPU-s; same seed same bytes: ${a === b}`);
  }
}
// A 50,000-row table: credit_data's default model sampled up to 50k rows, then fitted and sampled again.
if (!only || only.includes('credit_data')) {
  const real = readCsv(join(DATASETS, 'credit_data.csv'));
  const big = sampleModel(fitModel(real, { seed: 1 }), 50_000, { seed: 5 });
  const asText = { fields: big.fields, length: big.length, columns: big.columns.map((c) => c.map((v) => (v === null ? null : String(v)))) };
  for (const synthesizer of synths.filter((s) => !s.includes('@'))) {
    const t0 = performance.now();
    const c0 = cpu();
    const model = fitModel(asText, { synthesizer, seed: 1 });
    const t1 = performance.now();
    sampleModel(model, 50_000, { seed: 1 });
    const t2 = performance.now();
    console.log(`50k x 14 ${synthesizer}: fit ${((t1 - t0) / 1000).toFixed(2)} s + sample ${((t2 - t1) / 1000).toFixed(2)} s wall (${(cpu() - c0).toFixed(2)} s CPU)`);
  }
}
writeFileSync(join(OUT, 'results.json'), JSON.stringify(results, null, 1));
