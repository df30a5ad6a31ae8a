import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../test/e2e/run-cli.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'synthdata-cli-scan-'));
  writeFileSync(join(dir, 'people.csv'), 'id,email,notes\n1,maria@example.com,call (212) 555-0187\n2,rj@example.org,fine\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Each run starts a CLI process; run them side by side to keep the file fast.
describe.concurrent('synthdata scan', () => {
  it('prints findings per column and type, masking values', async () => {
    const r = await runCli(['scan', join(dir, 'people.csv')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/email\s+email \(1\.00\)\s+email 2/);
    expect(r.stdout).toMatch(/notes\s+phone 1/);
    expect(r.stdout).not.toContain('maria@example.com');
  });

  it('exits 3 when the block policy finds personal data, writing nothing', async () => {
    const out = join(dir, 'never.csv');
    const r = await runCli(['scan', join(dir, 'people.csv'), '--policy', 'block', '--out', out]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/^error\[PII_BLOCKED\]: Blocked: 3 personal-data findings/);
    expect(existsSync(out)).toBe(false);
  });

  it('redacts to --out and prints JSON with --json', async () => {
    const out = join(dir, 'red.csv');
    const r = await runCli(['scan', join(dir, 'people.csv'), '--policy', 'redact', '--out', out, '--json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as { out: { redactedCells: number }; scan: { counts: Record<string, number> } };
    expect(json.scan.counts).toEqual({ email: 2, phone: 1 });
    expect(json.out.redactedCells).toBe(3);
    expect(readFileSync(out, 'utf8')).toBe('id,email,notes\n1,[EMAIL],call [PHONE]\n2,[EMAIL],fine\n');
  });
});
