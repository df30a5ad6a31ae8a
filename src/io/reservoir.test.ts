import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readTable, readTableSample } from './reader.js';

const dir = mkdtempSync(join(tmpdir(), 'synthdata-reservoir-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const csv = join(dir, 'rows.csv');
writeFileSync(csv, 'id,group\n' + Array.from({ length: 5000 }, (_x, i) => `${i},${i % 3 === 0 ? 'a' : 'b'}`).join('\n') + '\n');
const jsonl = join(dir, 'rows.jsonl');
// Later rows bring a column of their own: the sample keeps every column seen.
writeFileSync(jsonl, Array.from({ length: 300 }, (_x, i) => JSON.stringify(i < 150 ? { id: i } : { id: i, extra: `e${i}` })).join('\n') + '\n');

describe('readTableSample', () => {
  it('keeps a uniform, seeded sample of a bigger file, in file order, and counts every row', async () => {
    const { table, rowsSeen } = await readTableSample(csv, { maxRows: 400, seed: 1, typeInference: false });
    expect(rowsSeen).toBe(5000);
    expect(table.length).toBe(400);
    const ids = table.columns[0]!.map(Number);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(new Set(ids).size).toBe(400);
    // Uniform over the file: the mean id sits near the middle and both halves are drawn from.
    const mean = ids.reduce((s, v) => s + v, 0) / ids.length;
    expect(mean).toBeGreaterThan(2200);
    expect(mean).toBeLessThan(2800);
    expect(ids.filter((v) => v >= 4000).length).toBeGreaterThan(40);
  });

  it('draws the same rows for the same seed and others for another', async () => {
    const a = await readTableSample(csv, { maxRows: 100, seed: 7 });
    const b = await readTableSample(csv, { maxRows: 100, seed: 7 });
    const c = await readTableSample(csv, { maxRows: 100, seed: 8 });
    expect(b.table.columns[0]).toEqual(a.table.columns[0]);
    expect(c.table.columns[0]).not.toEqual(a.table.columns[0]);
  });

  it('gives a file that fits whole and unchanged', async () => {
    const whole = await readTable(csv, { typeInference: false });
    const { table, rowsSeen } = await readTableSample(csv, { maxRows: 5000, seed: 1, typeInference: false });
    expect(rowsSeen).toBe(5000);
    expect(table).toEqual(whole);
  });

  it('keeps columns that appear only in later rows', async () => {
    const { table, rowsSeen } = await readTableSample(jsonl, { maxRows: 50, seed: 3 });
    expect(rowsSeen).toBe(300);
    expect(table.fields.map((f) => f.name)).toEqual(['id', 'extra']);
    const extra = table.columns[1]!;
    table.columns[0]!.forEach((id, i) => expect(extra[i] === null || extra[i] === undefined).toBe(Number(id) < 150));
  });
});
