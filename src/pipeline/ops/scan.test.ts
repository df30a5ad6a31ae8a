import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock, isSynthError } from '../../core/index.js';
import { validateOpInput } from '../validate-input.js';
import { scanFile, scanFileInputSchema, scanFileOutputSchema } from './scan.js';
import { Ajv2020 } from 'ajv/dist/2020.js';

let dir: string;
const people = [
  'id,full_name,email,notes',
  '1,Maria Gonzalez,maria@example.com,"Called from 415-867-5309, card 4111 1111 1111 1111"',
  '2,Robert Johnson,rj@example.org,DOB: 1984-03-12',
  '3,Wei Zhang,wei.zhang@example.net,"Thanks for the update on the quarterly numbers, I will forward them to the board tomorrow."',
].join('\n') + '\n';
const synthetic = [
  'id,full_name,email,notes',
  '1,Ann Lee,ann@example.com,nothing to note',
  '2,Robert Johnson,bo@example.com,"ok, I will forward them to the board tomorrow as said"',
].join('\n') + '\n';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'synthdata-scan-'));
  writeFileSync(join(dir, 'people.csv'), people);
  writeFileSync(join(dir, 'synthetic.csv'), synthetic);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const clock = fixedClock(1_700_000_000_000);

describe('scanFile', () => {
  it('reports findings per column and type, matching its output schema', async () => {
    const r = await scanFile({ path: join(dir, 'people.csv'), clock });
    expect(r.rows).toBe(3);
    expect(r.policy).toBe('report');
    expect(r.scan.counts).toMatchObject({ email: 3, person_name: 3, phone: 1, credit_card: 1, date_of_birth: 1 });
    expect(r.leakage).toBeNull();
    expect(r.out).toBeNull();
    const ajv = new Ajv2020({ strict: false });
    const ok = ajv.validate(scanFileOutputSchema, JSON.parse(JSON.stringify(r)));
    expect(ajv.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('redacts into a new file, with tokens or seeded fakes', async () => {
    const out = join(dir, 'red.csv');
    const r = await scanFile({ path: join(dir, 'people.csv'), policy: 'redact', out, clock });
    expect(r.out).toMatchObject({ path: out, rows: 3 });
    const text = readFileSync(out, 'utf8');
    expect(text).toContain('[EMAIL]');
    expect(text).toContain('card [CREDIT_CARD]');
    expect(text).not.toContain('maria@example.com');

    const a = join(dir, 'fake-a.jsonl');
    const b = join(dir, 'fake-b.jsonl');
    await scanFile({ path: join(dir, 'people.csv'), policy: 'redact', style: 'fake', seed: 5, out: a, clock });
    const rb = await scanFile({ path: join(dir, 'people.csv'), policy: 'redact', style: 'fake', seed: 5, out: b, clock });
    expect(rb.seed).toBe('5');
    expect(readFileSync(a, 'utf8')).toBe(readFileSync(b, 'utf8'));
    expect(readFileSync(a, 'utf8')).not.toContain('maria@example.com');
  });

  it('blocks with PII_BLOCKED and writes nothing', async () => {
    const out = join(dir, 'blocked.csv');
    await expect(scanFile({ path: join(dir, 'people.csv'), policy: 'block', clock })).rejects.toSatisfy((e) => isSynthError(e, 'PII_BLOCKED'));
    expect(existsSync(out)).toBe(false);
  });

  it('in leakage mode reports copied values and text, blocks on them, and redacts them', async () => {
    const r = await scanFile({ path: join(dir, 'synthetic.csv'), source: join(dir, 'people.csv'), clock });
    expect(r.leakage!.leaked).toBe(true);
    expect(r.leakage!.identifierLeaks.map((l) => l.value)).toEqual(['Robert Johnson']);
    expect(r.leakage!.textLeaks).toHaveLength(1);
    await expect(scanFile({ path: join(dir, 'synthetic.csv'), source: join(dir, 'people.csv'), policy: 'block', clock })).rejects.toThrow(/leaks its source/);
    const out = join(dir, 'unleaked.csv');
    await scanFile({ path: join(dir, 'synthetic.csv'), source: join(dir, 'people.csv'), policy: 'redact', out, clock });
    const text = readFileSync(out, 'utf8');
    expect(text).not.toContain('Robert Johnson');
    expect(text).toContain('[LEAKED_TEXT]');
    expect(readdirSync(dir).filter((f) => f.includes('.tmp'))).toEqual([]);
  });

  it('rejects bad input with clear codes', async () => {
    await expect(scanFile({ path: join(dir, 'people.csv'), policy: 'redact' })).rejects.toSatisfy((e) => isSynthError(e, 'INVALID_ARGUMENT'));
    await expect(scanFile({ path: join(dir, 'people.csv'), policy: 'erase' as never })).rejects.toSatisfy((e) => isSynthError(e, 'UNKNOWN_NAME'));
    await expect(scanFile({ path: join(dir, 'missing.csv') })).rejects.toSatisfy((e) => isSynthError(e, 'IO_NOT_FOUND'));
    expect(() => validateOpInput(scanFileInputSchema, { path: 'x.csv', policy: 'erase' })).toThrow(/policy/);
    expect(validateOpInput<{ policy: string }>(scanFileInputSchema, { path: 'x.csv' }).policy).toBe('report');
  });
});
