/**
 * Measures the writers alone: 1M rows x 10 fields (pre-built batches, so only formatting and writing count), to a
 * temp file and to a stream that discards its input (formatting without the disk).
 * Run: npx tsx bench/io/csv-write.ts [rows] [formats, e.g. csv,jsonl,yaml,parquet]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { field, recordBatch, Rng, type RecordBatch } from '../../src/core/index.js';
import { openWriter, type TableFormat } from '../../src/io/index.js';

const rows = Number(process.argv[2] ?? 1_000_000);
const formats = (process.argv[3] ?? 'csv').split(',') as TableFormat[];
const fields = [
  field('id', 'integer'),
  field('first_name', 'string'),
  field('last_name', 'string'),
  field('email', 'string'),
  field('phone', 'string'),
  field('birth_date', 'date'),
  field('balance', 'number'),
  field('active', 'boolean'),
  field('city', 'string'),
  field('visits', 'integer', true),
];
const firsts = ['Ada', 'Grace', 'Alan', 'Edsger', 'Barbara', 'Donald', 'Ken', 'Frances', 'John', 'Radia'];
const lasts = ['Lovelace', 'Hopper', 'Turing', 'Dijkstra', 'Liskov', 'Knuth', "O'Brien", 'Allen', 'Backus', 'Perlman'];
const cities = ['Springfield', 'Portland', 'New York, NY', 'Austin', 'Boston'];
const BATCH = 65_536;

function makeBatch(b: number): RecordBatch {
  const rng = new Rng(42).forBlock('bench', b);
  const cols: unknown[][] = fields.map(() => new Array(BATCH));
  for (let i = 0; i < BATCH; i++) {
    const f = rng.pick(firsts);
    const l = rng.pick(lasts);
    cols[0]![i] = b * BATCH + i + 1;
    cols[1]![i] = f;
    cols[2]![i] = l;
    cols[3]![i] = `${f}.${l}@example.com`.toLowerCase();
    cols[4]![i] = `+1-555-${String(rng.int(0, 9999)).padStart(4, '0')}`;
    cols[5]![i] = `19${rng.int(50, 99)}-0${rng.int(1, 9)}-1${rng.int(0, 9)}`;
    cols[6]![i] = Math.round(rng.float(-1000, 100000) * 100) / 100;
    cols[7]![i] = rng.bool();
    cols[8]![i] = rng.pick(cities);
    cols[9]![i] = rng.bool(0.1) ? null : rng.int(0, 500);
  }
  return recordBatch(fields, cols as never);
}

const pool = Array.from({ length: 4 }, (_, b) => makeBatch(b));
const dir = mkdtempSync(join(tmpdir(), 'synthdata-bench-'));
try {
  for (const [format, to] of formats.flatMap((f) => [[f, 'file'], [f, 'discard']] as const)) {
    const discard = new Writable({ highWaterMark: 1 << 24, write: (_c, _e, cb) => cb() });
    const c0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    const target = to === 'file' ? { path: join(dir, `out.${format}`) } : { stream: discard };
    const w = await openWriter(target, format, fields);
    let left = rows;
    for (let b = 0; left > 0; b++) {
      const batch = pool[b % pool.length]!;
      const n = Math.min(left, batch.length);
      await w.write(n === batch.length ? batch : recordBatch(fields, batch.columns.map((c) => c.slice(0, n))));
      left -= n;
    }
    const res = await w.close();
    const s = Number(process.hrtime.bigint() - t0) / 1e9;
    const cpu = process.cpuUsage(c0);
    // CPU seconds as well as wall seconds: on a shared machine the wall clock also measures the neighbours.
    const cpuS = (cpu.user + cpu.system) / 1e6;
    const rate = (x: number): string => Math.round(rows / x).toLocaleString('en');
    console.log(`${format} to ${to}: ${rows} rows x ${fields.length} fields, ${(res.bytes / 1e6).toFixed(1)} MB: wall ${s.toFixed(2)} s = ${rate(s)} rows/s; cpu ${cpuS.toFixed(2)} s = ${rate(cpuS)} rows/cpu-s`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
