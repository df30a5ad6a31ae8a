// Describe benchmark: `npm run bench:describe`. For the labelled descriptions (src/describe/test-fixtures), prints per
// domain the offline planner's field coverage and domain accuracy, the planning time (plan + validation, warm median
// and p95 over 5 rounds, target < 50 ms) and the time from a description to a 1,000-row CSV file (plan + generate +
// write, one description per domain, target < 1 s).
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { describeSchema, fieldCoverage, memoryCache } from '../../src/describe/index.ts';
import { generateToFile } from '../../src/pipeline/ops/generate.ts';

const fixtures = JSON.parse(readFileSync(new URL('../../src/describe/test-fixtures/descriptions.json', import.meta.url), 'utf8'));
const quantile = (xs, q) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];
const plan = (description) => describeSchema({ description }, { cache: memoryCache() });

const t0 = performance.now();
await plan(fixtures.cases[0].description);
const cold = performance.now() - t0;

const byDomain = new Map();
const times = [];
for (let round = 0; round < 5; round++) {
  for (const c of fixtures.cases) {
    const s = performance.now();
    const r = await plan(c.description);
    times.push(performance.now() - s);
    if (round > 0) continue;
    const d = byDomain.get(c.domain) ?? { n: 0, coverage: 0, right: 0, times: [] };
    d.n++;
    d.coverage += fieldCoverage(r.schema, c.expected).covered;
    if (r.template?.startsWith(`${c.domain}/`)) d.right++;
    byDomain.set(c.domain, d);
  }
}

console.log(`offline planner over ${fixtures.cases.length} labelled descriptions (cold first plan ${cold.toFixed(0)} ms, includes loading the lexicon and templates)`);
console.log('domain            n  coverage  domain-hit');
let total = 0;
for (const [domain, d] of [...byDomain.entries()].sort()) {
  total += d.coverage;
  console.log(`${domain.padEnd(17)} ${String(d.n).padStart(2)}  ${(100 * d.coverage / d.n).toFixed(1).padStart(7)}%  ${d.right}/${d.n}`);
}
console.log(`mean coverage ${(100 * total / fixtures.cases.length).toFixed(1)}% (target >= 85%)`);
const fresh = fixtures.cases.filter((c) => c.heldOut === 'fresh');
let freshCoverage = 0;
let freshRight = 0;
for (const c of fresh) {
  const r = await plan(c.description);
  freshCoverage += fieldCoverage(r.schema, c.expected).covered;
  if (r.template?.startsWith(`${c.domain}/`)) freshRight++;
}
console.log(`held-out ("fresh", never used for tuning): ${fresh.length} descriptions, coverage ${(100 * freshCoverage / fresh.length).toFixed(1)}%, domain hit ${freshRight}/${fresh.length}`);
console.log(`planning time per description (plan + validate), warm: median ${quantile(times, 0.5).toFixed(2)} ms, p95 ${quantile(times, 0.95).toFixed(2)} ms, max ${Math.max(...times).toFixed(2)} ms (target < 50 ms)`);

const dir = mkdtempSync(join(tmpdir(), 'bench-describe-'));
const firsts = [...new Map(fixtures.cases.map((c) => [c.domain, c])).values()];
const csvTimes = [];
console.log('\ndescription -> 1,000-row CSV (plan + generate + write):');
for (const c of firsts) {
  const s = performance.now();
  const r = await plan(c.description);
  const out = join(dir, `${c.domain}.csv`);
  await generateToFile({ schema: r.schema, rows: 1000, seed: 1, format: 'csv', out });
  const ms = performance.now() - s;
  csvTimes.push(ms);
  console.log(`  ${c.domain.padEnd(17)} ${ms.toFixed(0).padStart(5)} ms  ${(statSync(out).size / 1024).toFixed(0)} KiB  "${c.description}"`);
}
console.log(`median ${quantile(csvTimes, 0.5).toFixed(0)} ms, max ${Math.max(...csvTimes).toFixed(0)} ms (target < 1000 ms)`);
