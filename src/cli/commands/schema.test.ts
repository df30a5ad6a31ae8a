import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { reportError } from '../exit.js';
import { register } from './schema.js';

const dir = mkdtempSync(join(tmpdir(), 'synthdata-schema-cli-'));

async function run(...args: string[]): Promise<{ out: string; err: string; code: number }> {
  let out = '';
  let err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
  process.exitCode = 0;
  const program = new Command('synthdata').exitOverride();
  register(program);
  try {
    await program.parseAsync(['node', 'synthdata', ...args]);
  } catch (e) {
    reportError(e);
  }
  vi.restoreAllMocks();
  const code = Number(process.exitCode ?? 0);
  process.exitCode = 0;
  return { out, err, code };
}

afterEach(() => vi.restoreAllMocks());

describe('synthdata schema', () => {
  it('check prints every issue as error[CODE] lines with pointers and exits 2', async () => {
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify({ type: 'object', properties: { a: { type: 'integer', minimum: 5, maximum: 1 }, b: { 'x-faker': 'person.firstNam' } } }));
    const r = await run('schema', 'check', file);
    expect(r.code).toBe(2);
    expect(r.err).toContain('error[SCHEMA_UNSATISFIABLE]: minimum 5 is not below maximum 1: no number fits (at /properties/a/minimum)');
    expect(r.err).toContain('error[SCHEMA_UNKNOWN_FAKER]: "person.firstNam" is not a Faker method; near matches: person.firstName');
    expect(r.err).toContain('2 issues in');
  });

  it('check says ok for a valid schema, and --json prints the result', async () => {
    const file = join(dir, 'good.json');
    writeFileSync(file, JSON.stringify({ type: 'object', properties: { a: { type: 'string', 'x-faker': 'person.firstName' } } }));
    expect(await run('schema', 'check', file)).toMatchObject({ code: 0, out: expect.stringContaining('ok: ') });
    const json = await run('schema', 'check', file, '--json');
    expect(JSON.parse(json.out)).toMatchObject({ valid: true, properties: 1, hinted: 1 });
  });

  it('check reports a file that is not JSON with file:line:column', async () => {
    const file = join(dir, 'broken.json');
    writeFileSync(file, '{\n  "type": "object"\n  "properties": {}\n}');
    const r = await run('schema', 'check', file);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^error\[SCHEMA_NOT_JSON\]: .* \(at .*broken\.json:3:3\)/);
  });

  it('infer writes a schema that checks clean', async () => {
    const out = join(dir, 'penguins.schema.json');
    const data = new URL('../../../test/fixtures/datasets/penguins.csv', import.meta.url).pathname;
    const r = await run('schema', 'infer', data, '--out', out);
    expect(r.code).toBe(0);
    expect(r.err).toContain('7 columns inferred from 344 rows');
    expect(JSON.parse(readFileSync(out, 'utf8'))).toMatchObject({ type: 'object', title: 'penguins' });
    expect((await run('schema', 'check', out)).code).toBe(0);
  });
});
