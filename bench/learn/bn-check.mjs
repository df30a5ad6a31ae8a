// Quality of bayes-net with --epsilon 1 on the given shared tables, two seeds each (structured columns, judge.py).
// Usage: npx tsx bench/learn/bn-check.mjs credit_data movies ...
import { readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { parse } from 'csv-parse/sync';
import { fitModel, sampleModel } from '../../src/learn/index.ts';
for (const name of process.argv.slice(2)) {
  const rows = parse(readFileSync(`/work/shared/datasets/${name}.csv`));
  const [h, ...b] = rows;
  const t = { fields: h.map((n) => ({ name: n, kind: 'string', nullable: true })), columns: h.map((_, c) => b.map((r) => (r[c] === '' ? null : r[c]))), length: b.length };
  const qs = [];
  for (const seed of [1, 2]) {
    const s = sampleModel(fitModel(t, { synthesizer: 'bayes-net', epsilon: 1, seed }), t.length, { seed });
    const esc = (v) => (v === null || v === undefined ? '' : /[",\n\r]/.test(String(v)) ? `"${String(v).replaceAll('"', '""')}"` : String(v));
    writeFileSync('/tmp/bn.csv', [h.map(esc).join(','), ...Array.from({ length: s.length }, (_, i) => s.columns.map((c) => esc(c[i])).join(','))].join('\n') + '\n');
    const j = JSON.parse(execFileSync('/usr/bin/python3', ['/work/shared/judge/judge.py', `/work/shared/datasets/${name}.csv`, '/tmp/bn.csv', '--metadata', `/work/shared/judge/metadata/${name}.json`, '--json', '--no-privacy'], { encoding: 'utf8' }));
    qs.push([j.overall.toFixed(3), j.column_shapes.toFixed(3), (j.column_pair_trends ?? NaN).toFixed(3)].join('/'));
  }
  console.log(name, qs.join('  '));
}
