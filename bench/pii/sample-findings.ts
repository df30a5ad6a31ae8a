/**
 * Prints a seeded random sample of findings of one type in the text columns of a real table, with context, for
 * checking precision by eye. Run: npx tsx bench/pii/sample-findings.ts person_name 60 [emails.csv] [subject,body_snippet]
 */
import { existsSync, readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { Rng } from '../../src/core/index.js';
import { detectPii, type PiiType } from '../../src/pii/index.js';

const [type = 'person_name', count = '60', file = 'emails.csv', cols = 'subject,body_snippet'] = process.argv.slice(2);
const url = new URL(`../../../shared/datasets/${file}`, import.meta.url);
if (!existsSync(url)) {
  console.log(`${file} not found in ../shared/datasets`);
  process.exit(0);
}
const rows = parse(readFileSync(url, 'utf8'), { columns: true }) as Record<string, string>[];
const lines: string[] = [];
for (const r of rows) {
  for (const col of cols.split(',')) {
    const t = r[col] ?? '';
    for (const f of detectPii(t, { types: [type as PiiType] })) {
      lines.push(`${f.confidence} ${JSON.stringify(t.slice(Math.max(0, f.start - 25), f.start))} [[${f.value}]] ${JSON.stringify(t.slice(f.end, f.end + 15))}`);
    }
  }
}
new Rng('sample-findings').shuffle(lines);
console.log(`${lines.length} ${type} findings in ${file} (${cols}); a sample of ${count}:`);
for (const l of lines.slice(0, Number(count))) console.log(l);
