/**
 * Precision and recall per PII type on the labelled fixtures (test/fixtures/pii), plus column classification.
 * Run: npm run bench:pii   (or npx tsx bench/pii/accuracy.ts [--errors])
 */
import { readFileSync } from 'node:fs';
import { classifyColumn, detectPii, measureAccuracy, type LabelledText, type PiiType } from '../../src/pii/index.js';

const dir = new URL('../../test/fixtures/pii/', import.meta.url);
const texts = readFileSync(new URL('text.jsonl', dir), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as LabelledText);
const columns = JSON.parse(readFileSync(new URL('columns.json', dir), 'utf8')) as { name: string; expected: PiiType | null; values: string[] }[];

const t0 = performance.now();
const { types, errors } = measureAccuracy(texts, (t) => detectPii(t));
const ms = performance.now() - t0;
console.log(`free text: ${texts.length} labelled texts, ${texts.reduce((n, s) => n + s.spans.length, 0)} spans, ${ms.toFixed(0)} ms\n`);
console.log('| type | labels | found | spurious | precision | recall | F1 |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const t of types) {
  console.log(`| ${t.type} | ${t.truePositives + t.falseNegatives} | ${t.truePositives} | ${t.falsePositives} | ${t.precision.toFixed(3)} | ${t.recall.toFixed(3)} | ${t.f1.toFixed(3)} |`);
}
let right = 0;
const wrong: string[] = [];
for (const c of columns) {
  const got = classifyColumn(c.name, c.values)?.type ?? null;
  if (got === c.expected) right++;
  else wrong.push(`${c.name}: expected ${c.expected ?? 'none'}, got ${got ?? 'none'}`);
}
console.log(`\ncolumns: ${right}/${columns.length} classified correctly`);
for (const w of wrong) console.log(`  ${w}`);
if (process.argv.includes('--errors')) {
  console.log('\nerrors:');
  for (const e of errors) console.log(`  ${e.kind.padEnd(8)} ${e.type.padEnd(16)} ${e.id.padEnd(20)} ${JSON.stringify(e.value)}`);
}
