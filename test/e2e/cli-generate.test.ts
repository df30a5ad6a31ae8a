import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, existsSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, projectRoot } from './run-cli.js';

const example = join(projectRoot, 'examples/customers.schema.json');
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'synthdata-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('synthdata generate', () => {
  it('generates a CSV from the bundled example and says where it went', async () => {
    const out = join(dir, 'customers.csv');
    const r = await runCli(['generate', '--schema', example, '--rows', '200', '--seed', '42', '--reference-date', '2026-01-15', '--out', out]);
    expect(r.stderr).toContain(`-> ${out}`);
    expect(r.stderr).toContain('seed 42');
    expect(r.code).toBe(0);
    const lines = readFileSync(out, 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(201);
    expect(lines[0]).toBe('customer_id,first_name,last_name,email,phone,city,country,birth_date,age,signup_date,tier,orders,avg_order_value,lifetime_value,is_active,notes');
  });

  it('gives byte-identical output for the same seed, whatever the batch size or number of workers', async () => {
    const args = ['generate', '--schema', example, '--rows', '9000', '--seed', '7', '--reference-date', '2026-01-15'];
    const a = join(dir, 'a.csv');
    const b = join(dir, 'b.csv');
    const c = join(dir, 'c.csv');
    const [ra, rb, rc] = await Promise.all([
      runCli([...args, '--out', a, '--batch-size', '1000', '--workers', '1']),
      runCli([...args, '--out', b, '--batch-size', '65536', '--workers', '1']),
      runCli([...args, '--out', c, '--batch-size', '3000', '--workers', '2']),
    ]);
    expect([ra.code, rb.code, rc.code]).toEqual([0, 0, 0]);
    const bytes = readFileSync(a);
    expect(readFileSync(b).equals(bytes)).toBe(true);
    expect(readFileSync(c).equals(bytes)).toBe(true);
    const other = join(dir, 'other-seed.csv');
    expect((await runCli(['generate', '--schema', example, '--rows', '9000', '--seed', '8', '--reference-date', '2026-01-15', '--out', other])).code).toBe(0);
    expect(readFileSync(other).equals(bytes)).toBe(false);
  });

  it('writes JSON, JSONL and Parquet by extension, and to standard output with --out -', async () => {
    for (const ext of ['json', 'jsonl', 'parquet']) {
      const out = join(dir, `x.${ext}`);
      const r = await runCli(['generate', '--schema', example, '--rows', '50', '--seed', '1', '--out', out]);
      expect(r.code, r.stderr).toBe(0);
      expect(existsSync(out)).toBe(true);
    }
    expect(JSON.parse(readFileSync(join(dir, 'x.json'), 'utf8'))).toHaveLength(50);
    expect(readFileSync(join(dir, 'x.jsonl'), 'utf8').trimEnd().split('\n')).toHaveLength(50);
    expect(readFileSync(join(dir, 'x.parquet')).subarray(0, 4).toString()).toBe('PAR1');
    const r = await runCli(['generate', '--schema', example, '--rows', '3', '--seed', '1', '--format', 'jsonl', '--out', '-']);
    expect(r.code).toBe(0);
    expect(r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l))).toHaveLength(3);
  });
});

describe('synthdata generate: bad input', () => {
  const expectInputError = (r: { code: number | null; stderr: string }, code: string) => {
    expect(r.stderr).toMatch(new RegExp(`^error\\[${code}\\]: `, 'm'));
    expect(r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/); // no stack trace
    expect(r.code).toBe(2);
  };

  it('schema that is not JSON: names line and column, leaves no output', async () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{\n  "type": "object",\n  "properties": { "a": { "type": "string" }, }\n}');
    const out = join(dir, 'never.csv');
    const r = await runCli(['generate', '--schema', bad, '--rows', '10', '--out', out]);
    expectInputError(r, 'SCHEMA_NOT_JSON');
    expect(r.stderr).toMatch(/bad\.json:3:\d+/);
    expect(existsSync(out)).toBe(false);
  });

  it('schema that is not an object schema', async () => {
    const bad = join(dir, 'array.json');
    writeFileSync(bad, JSON.stringify({ type: 'array', items: { type: 'string' } }));
    expectInputError(await runCli(['generate', '--schema', bad, '--rows', '10', '--out', join(dir, 'n.csv')]), 'SCHEMA_NOT_OBJECT');
  });

  it('unknown x-faker method lists near matches', async () => {
    const bad = join(dir, 'faker.json');
    writeFileSync(bad, JSON.stringify({ type: 'object', properties: { n: { type: 'string', 'x-faker': 'person.firstname' } } }));
    const r = await runCli(['generate', '--schema', bad, '--rows', '10', '--out', join(dir, 'n.csv')]);
    expectInputError(r, 'SCHEMA_UNKNOWN_FAKER');
    expect(r.stderr).toContain('person.firstName');
    expect(r.stderr).toContain('/properties/n');
  });

  it('unknown format', async () => {
    const bad = join(dir, 'format.json');
    writeFileSync(bad, JSON.stringify({ type: 'object', properties: { n: { type: 'string', format: 'emial' } } }));
    expectInputError(await runCli(['generate', '--schema', bad, '--rows', '10', '--out', join(dir, 'n.csv')]), 'SCHEMA_UNKNOWN_FORMAT');
  });

  it('--rows not a positive integer, or above the configured maximum', async () => {
    for (const rows of ['0', '-5', 'abc', '1.5']) {
      expectInputError(await runCli(['generate', '--schema', example, '--rows', rows, '--out', join(dir, 'n.csv')]), 'GENERATE_ROWS_INVALID');
    }
    const r = await runCli(['generate', '--schema', example, '--rows', '1001', '--out', join(dir, 'n.csv')], { env: { SYNTHDATA_MAX_ROWS: '1000' } });
    expectInputError(r, 'GENERATE_ROWS_INVALID');
    expect(existsSync(join(dir, 'n.csv'))).toBe(false);
  });

  it('unwritable --out leaves no partial file', async () => {
    const r = await runCli(['generate', '--schema', example, '--rows', '10', '--out', join(dir, 'no/such/folder/x.csv')]);
    expectInputError(r, 'IO_UNWRITABLE');
    const ro = join(dir, 'readonly');
    rmSync(ro, { recursive: true, force: true });
    writeFileSync(join(dir, 'placeholder'), '');
    if (process.getuid?.() !== 0) {
      // root ignores permissions, so the read-only folder case only means something for other users
      chmodSync(dir, 0o500);
      expectInputError(await runCli(['generate', '--schema', example, '--rows', '10', '--out', join(dir, 'y.csv')]), 'IO_UNWRITABLE');
      chmodSync(dir, 0o700);
    }
    expect(readdirSync(dir).filter((f) => f.includes('.tmp'))).toEqual([]);
  });

  it('a missing schema file', async () => {
    expectInputError(await runCli(['generate', '--schema', join(dir, 'missing.json'), '--rows', '10']), 'IO_NOT_FOUND');
  });
});

describe('synthdata generate from words and templates', () => {
  it('plans a schema from a description and generates the rows it asks for', async () => {
    const out = join(dir, 'churn.csv');
    const r = await runCli(['generate', '--describe', 'customer churn data for a telecom company, 120 rows', '--seed', '1', '--out', out, '--show-schema'], { env: { SYNTHDATA_DATA_DIR: join(dir, 'data') } });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('"properties"');
    const lines = readFileSync(out, 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(121);
    expect(lines[0]).toContain('churn');
  });

  it('generates a domain template through the quality and privacy gates', async () => {
    const env = { SYNTHDATA_DATA_DIR: join(dir, 'data') };
    const out = join(dir, 'notes.csv');
    const r = await runCli(['generate', '--domain', 'medical', '--task', 'clinical-notes', '--count', '150', '--seed', '2', '--quality-threshold', '0.5', '--privacy-level', 'high', '--out', out], { env });
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(out, 'utf8').trimEnd().split('\n')).toHaveLength(151);
    const strict = await runCli(['generate', '--domain', 'medical', '--task', 'clinical-notes', '--count', '50', '--seed', '2', '--quality-threshold', '1', '--out', join(dir, 'strict.csv')], { env });
    expect(strict.stderr).toMatch(/error\[QUALITY_BELOW_THRESHOLD\]/);
    expect(existsSync(join(dir, 'strict.csv'))).toBe(false);
    const bad = await runCli(['generate', '--domain', 'medical', '--count', '5', '--privacy-level', 'extreme'], { env });
    expect(bad.code).toBe(2);
    const unknown = await runCli(['generate', '--domain', 'astrology', '--count', '5'], { env });
    expect(unknown.stderr).toContain('error[TEMPLATE_NOT_FOUND]');
  });
});
