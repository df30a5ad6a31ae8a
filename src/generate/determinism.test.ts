import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fixedClock, type RecordBatch } from '../core/index.js';
import { compilePlan, generate, generateRows, generateSync } from './index.js';
import { CORPUS } from './test-fixtures/corpus.js';

const bench = CORPUS.find((c) => c.name === 'bench schema')!.schema;

function digest(batches: Iterable<RecordBatch>): { hash: string; rows: number; sizes: number[] } {
  const h = createHash('sha256');
  let rows = 0;
  const sizes: number[] = [];
  for (const b of batches) {
    sizes.push(b.length);
    for (let i = 0; i < b.length; i++) h.update(JSON.stringify(b.columns.map((c) => c[i])));
    rows += b.length;
  }
  return { hash: h.digest('hex'), rows, sizes };
}

async function digestAsync(batches: AsyncIterable<RecordBatch>): Promise<string> {
  const all: RecordBatch[] = [];
  for await (const b of batches) all.push(b);
  return digest(all).hash;
}

describe('same seed, same bytes', () => {
  const base = { rows: 10_000, seed: 42, referenceDate: '2025-06-01' };

  it('whatever the batch size', () => {
    const ref = digest(generateSync(bench, base));
    expect(ref.rows).toBe(10_000);
    // The default batch is 2,048 rows: small batches are encoded before their strings outlive a young-generation GC.
    expect(ref.sizes).toEqual([2048, 2048, 2048, 2048, 1808]);
    for (const batchSize of [1, 999, 4096, 5000, 65_536]) {
      const d = digest(generateSync(bench, { ...base, rows: batchSize === 1 ? 300 : base.rows, batchSize }));
      if (batchSize === 1) expect(d.hash).toBe(digest(generateSync(bench, { ...base, rows: 300 })).hash);
      else expect(d.hash, `batchSize ${batchSize}`).toBe(ref.hash);
      expect(Math.max(...d.sizes)).toBeLessThanOrEqual(batchSize);
    }
  });

  it('a row does not depend on how many rows follow it', () => {
    const short = generateRows(bench, { ...base, rows: 50 });
    const long = generateRows(bench, { ...base, rows: 5000 }).slice(0, 50);
    expect(long).toEqual(short);
  });

  it('different seeds differ; equal seeds spelled differently agree', () => {
    expect(generateRows(bench, { ...base, rows: 5, seed: 1 })).not.toEqual(generateRows(bench, { ...base, rows: 5, seed: 2 }));
    expect(generateRows(bench, { ...base, rows: 5, seed: 7 })).toEqual(generateRows(bench, { ...base, rows: 5, seed: '7' }));
  });

  it('is pinned at a fixed seed', () => {
    const [row] = generateRows(bench, { ...base, rows: 1 });
    expect(row).toMatchInlineSnapshot(`
      {
        "age": 40,
        "balance": 9302.32,
        "country": "United States",
        "email": "layne_hessel@yahoo.com",
        "first_name": "Layne",
        "id": "79b7b908-007b-4fe4-b9ef-d6dc5eae8151",
        "is_active": false,
        "last_name": "Hessel",
        "phone": "(421) 300-6876 x5140",
        "signup_date": "2022-11-14T10:49:59Z",
      }
    `);
  });

  it('the reference date defaults to the clock\'s UTC day and is recorded on the plan', () => {
    const plan = compilePlan(bench, { rows: 1, seed: 1, clock: fixedClock(Date.UTC(2024, 1, 29, 23, 59)) });
    expect(plan.referenceDate).toBe('2024-02-29');
  });

  it('async generation equals sync, and reports progress', async () => {
    const events: unknown[] = [];
    const asyncHash = await digestAsync(generate(bench, { ...base, batchSize: 4000, onEvent: (e) => events.push(e) }));
    expect(asyncHash).toBe(digest(generateSync(bench, base)).hash);
    expect(events.at(-1)).toEqual({ type: 'progress', step: 'generate', done: 10_000, total: 10_000, unit: 'rows' });
    expect(events).toHaveLength(3);
  });

  it('two worker threads give the same bytes as one thread', async () => {
    const opts = { rows: 60_000, seed: 'workers', referenceDate: '2025-06-01', batchSize: 7000 };
    const inProcess = digest(generateSync(bench, opts)).hash;
    const threaded = await digestAsync(generate(bench, { ...opts, workers: 2 }));
    expect(threaded).toBe(inProcess);
  });

  it('zero rows give no batches', () => {
    expect([...generateSync(bench, { ...base, rows: 0 })]).toEqual([]);
  });
});
