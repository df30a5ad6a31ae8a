// Benchmark of the generation engine against its peers, in one run (npm run bench:generate).
//   node bench/generate/run.mjs [--sizes=1000,100000,1000000] [--only=synthdata,synthdata-w2,two-processes,faker-loop,jsf] [--repeat=N] [--10m] [--no-build]
// Builds dist/ first, then runs every (tool, size) in its own child process (so peak RSS is that configuration's),
// writing CSV of /work/shared/peers/js-bench/bench.schema.json (or ./bench.schema.json beside this script).
// Prints rows/s, peak RSS, the ratios to the peers, the 1,000-row warm latency, and whether 1 and 2 workers wrote
// the same bytes. Rows/s is measured inside the child from opening the output to closing it (not start-up).
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const args = process.argv.slice(2);
const flag = (name, dflt) => args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? dflt;
const SCHEMA_FILE = [path.join(root, '../shared/peers/js-bench/bench.schema.json'), path.join(here, 'bench.schema.json')].find((f) => fs.existsSync(f));
const OUT_DIR = path.join(os.tmpdir(), 'synthdata-bench-generate');
const SEED = 42;
const REFERENCE_DATE = '2025-06-01';

if (args[0] === '--child') await child(args[1], Number(args[2]), args[3]);
else if (args[0] === '--range') await rangeChild(Number(args[1]), Number(args[2]), Number(args[3]));
else await main();

async function engine() {
  const dist = path.join(root, 'dist');
  const gen = await import(pathToFileURL(path.join(dist, 'generate/index.js')).href);
  let io;
  try {
    io = await import(pathToFileURL(path.join(dist, 'io/index.js')).href);
  } catch {
    io = undefined;
  }
  let pipeline;
  try {
    pipeline = await import(pathToFileURL(path.join(dist, 'pipeline/ops/generate.js')).href);
  } catch {
    pipeline = undefined;
  }
  return { gen, io, pipeline };
}

/** Writes one run of the engine to `out` as CSV (io/'s writer in-process, the pipeline op with workers); returns the bytes written. */
async function synthdataRun(mod, schema, rows, out, workers) {
  const { gen, io, pipeline } = mod;
  const options = { rows, seed: SEED, referenceDate: REFERENCE_DATE, workers };
  // With workers, the pipeline op: its threads generate and encode CSV, the parent only writes the bytes in order.
  if (workers > 1 && pipeline !== undefined) return (await pipeline.generateToFile({ schema, ...options, format: 'csv', out })).bytes;
  const plan = gen.compilePlan(schema, options);
  return writeCsv(io, plan, out, gen.runAsync(plan));
}

/** Writes batches of a plan to `out` with io/'s CSV writer; returns the bytes written. */
async function writeCsv(io, plan, out, batches) {
  const writer = await io.openWriter({ path: out }, 'csv', plan.fields);
  for await (const batch of batches) await writer.write(batch);
  return (await writer.close()).bytes;
}

async function child(tool, rows, mode) {
  const schema = JSON.parse(fs.readFileSync(SCHEMA_FILE, 'utf8'));
  fs.mkdirSync(OUT_DIR, { recursive: true });
  const out = path.join(OUT_DIR, `${tool}-${rows}.csv`);
  let run;
  let version = '';
  if (tool.startsWith('synthdata')) {
    const mod = await engine();
    const workers = tool === 'synthdata-w2' ? 2 : 1;
    run = (n, file) => synthdataRun(mod, schema, n, file, workers);
    version = 'synthdata (dist)';
  } else {
    const peers = await import('./peers.mjs');
    const p = tool === 'faker-loop' ? await peers.fakerLoop(schema) : await peers.jsonSchemaFaker(schema);
    run = async (n, file) => p.run(n, file);
    version = p.version;
  }
  if (mode === 'latency') {
    const ms = [];
    for (let i = 0; i < 25; i++) {
      const t0 = performance.now();
      await run(rows, out);
      if (i >= 5) ms.push(performance.now() - t0);
    }
    ms.sort((a, b) => a - b);
    console.log(JSON.stringify({ tool, rows, mode, medianMs: +ms[ms.length >> 1].toFixed(2), minMs: +ms[0].toFixed(2), version }));
    return;
  }
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const bytes = await run(rows, out);
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(c0);
  const sha = await fileHash(out);
  fs.rmSync(out, { force: true });
  console.log(JSON.stringify({ tool, rows, seconds: +seconds.toFixed(3), rowsPerSec: Math.round(rows / seconds), cpuSeconds: +((cpu.user + cpu.system) / 1e6).toFixed(2), peakRssMB: +(process.resourceUsage().maxRSS / 1024).toFixed(1), bytes, sha, version }));
}

/**
 * One of two independent processes that each write half of the rows (the same code path as one thread, no pool):
 * together they show how much two processes with nothing shared gain on this machine, the ceiling for the pool.
 */
async function rangeChild(rows, from, to) {
  const { gen, io } = await engine();
  const schema = JSON.parse(fs.readFileSync(SCHEMA_FILE, 'utf8'));
  fs.mkdirSync(OUT_DIR, { recursive: true });
  const out = path.join(OUT_DIR, `range-${from}.csv`);
  const plan = gen.compilePlan(schema, { rows, seed: SEED, referenceDate: REFERENCE_DATE, workers: 1 });
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  // As the in-process run writes, for its share of the rows.
  await writeCsv(io, plan, out, gen.runRange(plan, from, to));
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(c0);
  fs.rmSync(out, { force: true });
  console.log(JSON.stringify({ from, to, seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6, peakRssMB: process.resourceUsage().maxRSS / 1024 }));
}

/** Two processes writing half the rows each, at the same time; rows/s over the slower one's time, peak RSS of the larger. */
async function twoProcesses(rows) {
  const half = Math.floor(rows / 2);
  const one = (from, to) =>
    new Promise((resolve) => {
      const p = spawn(process.execPath, [fileURLToPath(import.meta.url), '--range', String(rows), String(from), String(to)], { stdio: ['ignore', 'pipe', 'inherit'] });
      let text = '';
      p.stdout.on('data', (d) => (text += d));
      p.on('close', (code) => resolve(code === 0 ? JSON.parse(text.trim().split('\n').pop()) : undefined));
    });
  const parts = await Promise.all([one(0, half), one(half, rows)]);
  if (parts.some((x) => x === undefined)) return undefined;
  const seconds = Math.max(...parts.map((x) => x.seconds));
  return { tool: 'two-processes', rows, seconds: +seconds.toFixed(3), rowsPerSec: Math.round(rows / seconds), cpuSeconds: +parts.reduce((a, x) => a + x.cpuSeconds, 0).toFixed(2), peakRssMB: +Math.max(...parts.map((x) => x.peakRssMB)).toFixed(1) };
}

async function fileHash(file) {
  const h = createHash('sha256');
  for await (const chunk of fs.createReadStream(file, { highWaterMark: 1 << 20 })) h.update(chunk);
  return h.digest('hex');
}

function spawnChild(tool, rows, mode = 'run') {
  const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', tool, String(rows), mode], { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (r.status !== 0) {
    console.error(`FAIL ${tool} ${rows}: ${r.stderr.slice(0, 2000)}`);
    return undefined;
  }
  return JSON.parse(r.stdout.trim().split('\n').pop());
}

async function main() {
  if (!args.includes('--no-build')) {
    console.log('building dist/ (tsc -p tsconfig.build.json)...');
    // Other folders may have type errors mid-work; tsc still emits, and only our two entry points matter here.
    spawnSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', path.join(root, 'tsconfig.build.json')], { stdio: 'ignore', cwd: root });
  }
  for (const f of ['dist/generate/index.js', 'dist/generate/worker-entry.js', 'dist/io/index.js', 'dist/pipeline/generate-worker.js']) {
    if (!fs.existsSync(path.join(root, f))) throw new Error(`${f} is missing: build with npx tsc -p tsconfig.build.json`);
  }
  const sizes = flag('sizes', '1000,100000,1000000').split(',').map(Number);
  const tools = flag('only', 'synthdata,synthdata-w2,two-processes,faker-loop,jsf').split(',');
  console.log(`schema: ${SCHEMA_FILE}\nnode ${process.version}, ${os.cpus().length} CPUs, load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}\n`);
  // This machine's speed swings by a third from minute to minute: with --repeat=N the tools take turns N times and
  // each keeps its median run, so a ratio compares runs made in the same minutes.
  const repeat = Math.max(1, Number(flag('repeat', '1')));
  const results = [];
  for (const rows of sizes) {
    const runs = new Map(tools.map((t) => [t, []]));
    for (let k = 0; k < repeat; k++) {
      for (const tool of tools) {
        const r = tool === 'two-processes' ? await twoProcesses(rows) : spawnChild(tool, rows);
        if (r !== undefined) runs.get(tool).push(r);
      }
    }
    for (const tool of tools) {
      const done = runs.get(tool).sort((a, b) => a.rowsPerSec - b.rowsPerSec);
      if (done.length === 0) continue;
      const r = done[Math.floor(done.length / 2)];
      results.push(r);
      const spread = done.length > 1 ? `  (runs ${done.map((x) => x.rowsPerSec).join(', ')})` : '';
      console.log(`${tool.padEnd(14)} ${String(rows).padStart(9)} rows  ${r.seconds.toFixed(2).padStart(7)} s  ${String(r.rowsPerSec).padStart(9)} rows/s  cpu ${String(r.cpuSeconds).padStart(6)} s  peak RSS ${r.peakRssMB} MB${spread}`);
    }
  }
  console.log('\nratios (rows/s of synthdata over the peer; w2 over in-process):');
  for (const rows of sizes) {
    const get = (t) => results.find((r) => r.tool === t && r.rows === rows);
    const s = get('synthdata');
    const w = get('synthdata-w2');
    const f = get('faker-loop');
    const j = get('jsf');
    const ratio = (a, b) => (a && b ? (a.rowsPerSec / b.rowsPerSec).toFixed(2) + 'x' : '-');
    // On a shared machine wall time swings with other tenants; CPU seconds per row is the steadier comparison.
    const cpuRatio = (a, b) => (a && b ? (b.cpuSeconds / a.cpuSeconds).toFixed(2) + 'x' : '-');
    const same = s && w ? (s.sha === w.sha ? 'same bytes' : 'DIFFERENT BYTES') : '';
    const two = get('two-processes');
    // Two processes that share nothing, each writing half: what this machine gives two copies of this work at once.
    const ceiling = two && s ? `; two independent processes vs 1 ${ratio(two, s)} (the machine's ceiling for this work)` : '';
    console.log(`${String(rows).padStart(9)} rows: vs faker-loop ${ratio(s, f)} (cpu ${cpuRatio(s, f)}), vs json-schema-faker ${ratio(s, j)} (cpu ${cpuRatio(s, j)}), 2 workers vs 1 ${ratio(w, s)} ${same}${ceiling}`);
  }
  console.log('\n1,000 rows in-process, warm (median of 20 runs after 5 warm-ups, CSV file each run):');
  for (const tool of ['synthdata', 'faker-loop'].filter((t) => tools.includes(t))) {
    const r = spawnChild(tool, 1000, 'latency');
    if (r) console.log(`${tool.padEnd(14)} median ${r.medianMs} ms (min ${r.minMs} ms)`);
  }
  if (args.includes('--10m')) {
    const r = spawnChild('synthdata', 10_000_000);
    if (r) console.log(`\n10M rows in-process: ${r.seconds.toFixed(1)} s, ${r.rowsPerSec} rows/s, peak RSS ${r.peakRssMB} MB`);
    const w = spawnChild('synthdata-w2', 10_000_000);
    if (w) console.log(`10M rows, 2 workers: ${w.seconds.toFixed(1)} s, ${w.rowsPerSec} rows/s, peak RSS ${w.peakRssMB} MB`);
    const two = await twoProcesses(10_000_000);
    if (r && w && two) console.log(`10M rows, 2 workers vs 1: ${(w.rowsPerSec / r.rowsPerSec).toFixed(2)}x; two independent processes vs 1: ${(two.rowsPerSec / r.rowsPerSec).toFixed(2)}x`);
  }
}
