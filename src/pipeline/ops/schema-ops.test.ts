import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isSynthError } from '../../core/index.js';
import { schemaCheck } from './schema-check.js';
import { schemaInfer } from './schema-infer.js';

const dir = mkdtempSync(join(tmpdir(), 'synthdata-schema-ops-'));
const fixture = (name: string) => new URL(`../../../test/fixtures/datasets/${name}`, import.meta.url).pathname;

async function rejection(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error('expected a rejection');
}

describe('schemaCheck', () => {
  it('reports every issue of a schema file, and a summary when it is valid', async () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ type: 'object', properties: { a: { type: 'integer', minimum: 3, maximum: 1 }, b: { type: 'string', format: 'nope' } } }));
    const out = await schemaCheck({ schemaPath: bad });
    expect(out).toMatchObject({ valid: false, source: bad, fingerprint: null, properties: 2 });
    expect(out.issues.map((i) => i.code)).toEqual(['SCHEMA_UNSATISFIABLE', 'SCHEMA_UNKNOWN_FORMAT']);
    const good = await schemaCheck({ schema: { type: 'object', properties: { a: { type: 'string', 'x-faker': 'person.firstName' }, b: { type: 'integer' } } } });
    expect(good).toMatchObject({ valid: true, issues: [], properties: 2, hinted: 1 });
    expect(good.fingerprint).toMatch(/^sha256:/);
  });

  it('throws SCHEMA_NOT_JSON with file:line:column and IO_NOT_FOUND for a missing file', async () => {
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{\n  "type": "object",,\n}');
    const e = await rejection(schemaCheck({ schemaPath: broken }));
    expect(isSynthError(e, 'SCHEMA_NOT_JSON')).toBe(true);
    expect((e as { path: string }).path).toBe(`${broken}:2:20`);
    expect(isSynthError(await rejection(schemaCheck({ schemaPath: join(dir, 'missing.json') })), 'IO_NOT_FOUND')).toBe(true);
  });
});

describe('schemaInfer', () => {
  it('infers from CSV and writes the schema atomically', async () => {
    const out = join(dir, 'penguins.schema.json');
    const result = await schemaInfer({ dataPath: fixture('penguins.csv'), out });
    expect(result).toMatchObject({ path: out, rows: 344, columns: 7 });
    expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual(result.schema);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    const check = await schemaCheck({ schemaPath: out });
    expect(check.issues).toEqual([]);
  });

  it('infers from JSON and JSONL, and fails cleanly on bad input', async () => {
    const rows = [{ id: 1, ok: true, city: 'Oslo' }, { id: 2, ok: false, city: 'Rome' }, { id: 3, ok: true, city: null }];
    writeFileSync(join(dir, 's.json'), JSON.stringify(rows));
    writeFileSync(join(dir, 's.jsonl'), rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
    const a = await schemaInfer({ dataPath: join(dir, 's.json') });
    const b = await schemaInfer({ dataPath: join(dir, 's.jsonl') });
    expect(a.schema.properties).toEqual(b.schema.properties);
    expect(a.schema.properties!.ok).toMatchObject({ type: 'boolean' });
    expect(a.schema.properties!.city).toMatchObject({ type: ['string', 'null'], 'x-null-rate': 0.3333 });
    writeFileSync(join(dir, 'bad.jsonl'), '{"a":1}\n{"a":\n');
    const e = await rejection(schemaInfer({ dataPath: join(dir, 'bad.jsonl') }));
    expect(isSynthError(e, 'IO_PARSE')).toBe(true);
    expect((e as { path: string }).path).toMatch(/bad\.jsonl:2/);
    writeFileSync(join(dir, 'empty.csv'), 'a,b\n');
    expect(isSynthError(await rejection(schemaInfer({ dataPath: join(dir, 'empty.csv') })), 'IO_EMPTY')).toBe(true);
    expect(isSynthError(await rejection(schemaInfer({ dataPath: join(dir, 'x.xyz') })), 'IO_UNKNOWN_FORMAT')).toBe(true);
    const unwritable = await rejection(schemaInfer({ dataPath: join(dir, 's.json'), out: join(dir, 'no', 'such', 'dir.json') }));
    expect(isSynthError(unwritable, 'IO_UNWRITABLE')).toBe(true);
  });
});
