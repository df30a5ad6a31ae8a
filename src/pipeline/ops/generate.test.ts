import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateToFile } from './generate.js';

// Several kinds at once: keyed-permutation x-unique integers, expressions, nulls, optional (absent) cells, text
// that needs CSV quoting, dates, booleans, enums with weights and a nested object (a json cell).
const schema = {
  type: 'object',
  required: ['id', 'first_name', 'last_name', 'email', 'quantity', 'unit_price', 'total', 'active', 'signup'],
  properties: {
    id: { type: 'integer', minimum: 1, maximum: 10_000_000, 'x-unique': true },
    first_name: { type: 'string', 'x-faker': 'person.firstName' },
    last_name: { type: 'string', 'x-faker': 'person.lastName' },
    email: { type: 'string', format: 'email' },
    note: { type: ['string', 'null'], enum: ['plain', 'with, comma', 'with "quote"', null], 'x-null-rate': 0.2 },
    quantity: { type: 'integer', minimum: 1, maximum: 20 },
    unit_price: { type: 'number', minimum: 1, maximum: 500, multipleOf: 0.01 },
    total: { type: 'number', 'x-expression': 'quantity * unit_price' },
    active: { type: 'boolean' },
    tier: { enum: ['gold', 'silver', 'bronze'], 'x-distribution': { type: 'weighted', weights: { gold: 0.1, silver: 0.3, bronze: 0.6 } } },
    signup: { type: 'string', format: 'date' },
    address: { type: 'object', properties: { city: { type: 'string' }, zip: { type: 'string', pattern: '^[0-9]{5}$' } }, required: ['city'] },
  },
};

// Nine tasks of whole blocks: the worker thread is sent the first two, this thread takes the next while it waits.
const ROWS = 70_000;

describe('generateToFile with workers', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'synthdata-generate-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const run = (format: 'csv' | 'json' | 'jsonl' | 'yaml', workers: number, batchSize: number, name: string, progress: number[] = []) =>
    generateToFile({
      schema, rows: ROWS, seed: 7, referenceDate: '2025-06-01', format, workers, batchSize, out: join(dir, name),
      onEvent: (e) => {
        if (e.type === 'progress') progress.push(e.done);
      },
    });

  for (const format of ['csv', 'json', 'jsonl', 'yaml'] as const) {
    it(`writes the same ${format} bytes with 2 workers as with 1, whatever the batch size`, async () => {
      const one = await run(format, 1, 1000, `one.${format}`);
      const progress: number[] = [];
      const two = await run(format, 2, 777, `two.${format}`, progress);
      // Progress by whole-block tasks (2 blocks of 4,096 rows), not by batch: the pool did the encoding.
      expect(progress).toEqual([8192, 16_384, 24_576, 32_768, 40_960, 49_152, 57_344, 65_536, ROWS]);
      expect(two.workers).toBe(2);
      expect(two.rows).toBe(ROWS);
      const [a, b] = await Promise.all([readFile(one.path!), readFile(two.path!)]);
      expect(b.length).toBe(a.length);
      expect(two.bytes).toBe(one.bytes);
      expect(b.equals(a)).toBe(true);
      const text = a.toString('utf8');
      const lines = text.trimEnd().split('\n');
      if (format === 'csv') expect(lines.length).toBe(ROWS + 1);
      if (format === 'jsonl') expect(lines.length).toBe(ROWS);
      // The parts joined make one valid JSON array, commas between every row and none after the last.
      if (format === 'json') expect((JSON.parse(text) as unknown[]).length).toBe(ROWS);
      if (format === 'yaml') expect(lines.filter((l) => l.startsWith('- ')).length).toBe(ROWS);
      // The schema's kinds really occur: nulls (empty note), quoting, and unique ids.
      if (format === 'jsonl') {
        const rows = lines.map((l) => JSON.parse(l) as { id: number; note: string | null; total: number; quantity: number; unit_price: number });
        expect(new Set(rows.map((r) => r.id)).size).toBe(ROWS);
        expect(rows.some((r) => r.note === null)).toBe(true);
        expect(rows.some((r) => r.note === 'with "quote"')).toBe(true);
        expect(rows.every((r) => Math.abs(r.total - r.quantity * r.unit_price) < 1e-6)).toBe(true);
      }
    }, 60_000);
  }

  it('starts over in one thread, same bytes, when a worker runs out of its heap', async () => {
    const warnings: string[] = [];
    const one = await run('csv', 1, 2048, 'heap-one.csv');
    const capped = await generateToFile({
      schema, rows: ROWS, seed: 7, referenceDate: '2025-06-01', format: 'csv', workers: 2, workerHeapMb: 1, out: join(dir, 'heap-two.csv'),
      onEvent: (e) => {
        if (e.type === 'warning') warnings.push(e.message);
      },
    });
    expect(warnings.join('\n')).toMatch(/ran out of its 1 MB heap/);
    expect((await readFile(capped.path!)).equals(await readFile(one.path!))).toBe(true);
    expect((await readdir(dir)).filter((f) => f.includes('.tmp'))).toEqual([]);
  }, 60_000);

  it('fails on an unwritable output before starting workers, leaving nothing behind', async () => {
    const out = join(dir, 'fail', 'x.csv');
    await expect(generateToFile({ schema: { type: 'object', properties: { a: { type: 'integer' } } }, rows: ROWS, seed: 1, workers: 2, out })).rejects.toMatchObject({ code: 'IO_UNWRITABLE' });
    const left = await readdir(dir);
    expect(left).not.toContain('fail');
  });
});
