/**
 * Scans the shared real tables (../shared/datasets: emails.csv, titanic.csv) and prints what the scanner finds:
 * column classes, counts per type, and a sample of findings per type for reading precision by eye.
 * Run: npx tsx bench/pii/scan-datasets.ts [name.csv ...]
 */
import { existsSync, readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { field, type Table } from '../../src/core/index.js';
import { scanTable, type PiiType } from '../../src/pii/index.js';

const dir = new URL('../../../shared/datasets/', import.meta.url);
const files = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const perType = Number(process.argv.find((a) => a.startsWith('--examples='))?.slice(11) ?? 6);

function load(path: URL): Table {
  const rows = parse(readFileSync(path, 'utf8'), { columns: false, skip_empty_lines: true }) as string[][];
  const header = rows.shift()!;
  return { fields: header.map((h) => field(h, 'string', true)), columns: header.map((_, c) => rows.map((r) => (r[c] === '' ? null : r[c]!))), length: rows.length };
}

for (const name of files.length > 0 ? files : ['emails.csv', 'titanic.csv']) {
  const url = new URL(name, dir);
  if (!existsSync(url)) {
    console.log(`${name}: not found in ../shared/datasets (skipped)`);
    continue;
  }
  const table = load(url);
  const t0 = performance.now();
  const result = await scanTable(table, { maxFindings: 1_000_000 });
  const ms = performance.now() - t0;
  console.log(`\n## ${name}: ${table.length} rows x ${table.fields.length} columns, scanned in ${ms.toFixed(0)} ms (${Math.round(table.length / (ms / 1000))} rows/s)\n`);
  console.log('| column | classified as | confidence | findings |');
  console.log('| --- | --- | ---: | --- |');
  for (const c of result.columns) {
    console.log(`| ${c.name} | ${c.classification?.type ?? ''} | ${c.classification?.confidence.toFixed(2) ?? ''} | ${Object.entries(c.counts).map(([t, n]) => `${t} ${n}`).join(', ')} |`);
  }
  console.log(`\ncounts: ${JSON.stringify(result.counts)}`);
  const byType = new Map<PiiType, string[]>();
  for (const f of result.findings) {
    if (result.columns.find((c) => c.name === f.column)?.classification?.type === f.type) continue;
    const list = byType.get(f.type) ?? [];
    // Spread the examples over the table rather than the first rows.
    list.push(`${f.column}[${f.row}] ${JSON.stringify(f.value.slice(0, 70))} (${f.confidence})`);
    byType.set(f.type, list);
  }
  for (const [type, list] of byType) {
    const step = Math.max(1, Math.floor(list.length / perType));
    console.log(`\n${type} in free text (${list.length}):`);
    for (let i = 0; i < list.length && i / step < perType; i += step) console.log(`  ${list[i]}`);
  }
}
