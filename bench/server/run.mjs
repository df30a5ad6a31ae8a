// Load benchmark of the REST pipeline: starts `dist/server/main.js` on loopback in a child process and measures
//  1. latency of POST /api/syntheticDataPipeline (1,000 rows, evaluation, two charts): median and P95;
//  2. pipelines per minute sustained for --duration seconds (default 120) at --concurrency clients (default 4);
//  3. --jobs concurrent large jobs (default 50 x 100,000 rows): all must complete, with the server's peak RSS.
// Usage: npm run bench:server [-- --duration=120 --concurrency=4 --jobs=50 --job-rows=100000 --skip-jobs]
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const arg = (name, dflt) => {
  const a = process.argv.find((x) => x.startsWith(`--${name}=`));
  return a ? Number(a.split('=')[1]) : dflt;
};
const duration = arg('duration', 120);
const concurrency = arg('concurrency', 4);
const jobs = arg('jobs', 50);
const jobRows = arg('job-rows', 100_000);
const skipJobs = process.argv.includes('--skip-jobs');

execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });

const dataDir = mkdtempSync(join(tmpdir(), 'synthdata-bench-server-'));
const port = 18000 + Math.floor((process.pid % 1000));
const server = spawn(process.execPath, [join(root, 'dist/server/main.js')], {
  env: { ...process.env, SYNTHDATA_DATA_DIR: dataDir, SYNTHDATA_PORT: String(port), SYNTHDATA_HOST: '127.0.0.1', SYNTHDATA_LOCAL_MODE: 'true', SYNTHDATA_MAX_CONCURRENT_JOBS: String(Math.max(jobs, concurrency) + 4), SYNTHDATA_JOB_THRESHOLD_ROWS: '50000' },
  stdio: ['ignore', 'inherit', 'inherit'],
});
const base = `http://127.0.0.1:${port}`;
const peakRssMB = () => {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${server.pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
};
for (let i = 0; i < 200; i++) {
  try {
    if ((await fetch(`${base}/healthz`)).ok) break;
  } catch { /* not up yet */ }
  await new Promise((r) => setTimeout(r, 100));
}

const schema = JSON.parse(readFileSync('/work/shared/peers/js-bench/bench.schema.json', 'utf8'));
let seed = 1;
async function pipeline(rows) {
  const t0 = performance.now();
  const res = await fetch(`${base}/api/syntheticDataPipeline`, {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ schema, rowCount: rows, seed: seed++, options: { visualizations: ['histogram', 'scores'] } }),
  });
  const body = await res.json();
  return { ms: performance.now() - t0, status: res.status, body };
}
const pct = (xs, p) => xs.slice().sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))];

// 1. latency
for (let i = 0; i < 5; i++) await pipeline(1000);
const lat = [];
for (let i = 0; i < 40; i++) {
  const r = await pipeline(1000);
  if (r.status !== 200) throw new Error(`pipeline failed: ${r.status} ${JSON.stringify(r.body)}`);
  lat.push(r.ms);
}
console.log(JSON.stringify({ test: 'latency-1000-rows', runs: lat.length, medianMs: +pct(lat, 0.5).toFixed(1), p95Ms: +pct(lat, 0.95).toFixed(1), targetP95Ms: 250 }));

// 2. sustained throughput
let done = 0;
let errors = 0;
const sustained = [];
const stopAt = performance.now() + duration * 1000;
await Promise.all(Array.from({ length: concurrency }, async () => {
  while (performance.now() < stopAt) {
    try {
      const r = await pipeline(1000);
      if (r.status === 200) { done++; sustained.push(r.ms); } else errors++;
    } catch {
      errors++;
    }
  }
}));
console.log(JSON.stringify({ test: 'sustained', seconds: duration, concurrency, pipelines: done, errors, perMinute: Math.round(done / (duration / 60)), p95Ms: +pct(sustained, 0.95).toFixed(1), targetPerMinute: 600 }));

// 3. concurrent large jobs
if (!skipJobs) {
  const t0 = performance.now();
  const started = await Promise.all(Array.from({ length: jobs }, () => fetch(`${base}/api/syntheticDataPipeline`, {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ schema, rowCount: jobRows, seed: seed++, options: { visualizations: ['histogram'] } }),
  }).then(async (r) => ({ status: r.status, body: await r.json() }))));
  const accepted = started.filter((s) => s.status === 202).map((s) => s.body.runId);
  const statuses = {};
  for (;;) {
    const states = await Promise.all(accepted.map((id) => fetch(`${base}/api/runs/${id}`).then((r) => r.json()).then((j) => j.status)));
    if (states.every((s) => s !== 'running' && s !== 'queued')) {
      for (const s of states) statuses[s] = (statuses[s] ?? 0) + 1;
      break;
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  console.log(JSON.stringify({ test: 'concurrent-jobs', jobs, rowsEach: jobRows, accepted: accepted.length, refused: started.length - accepted.length, statuses, seconds: +((performance.now() - t0) / 1000).toFixed(1), serverPeakRssMB: Math.round(peakRssMB()), targetRssMB: 2048 }));
}
console.log(JSON.stringify({ test: 'server', peakRssMB: Math.round(peakRssMB()) }));
server.kill('SIGTERM');
rmSync(dataDir, { recursive: true, force: true });
