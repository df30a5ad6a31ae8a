import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, projectRoot } from './run-cli.js';

let dir: string;
let env: Record<string, string>;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'synthdata-pipeline-'));
  env = { SYNTHDATA_DATA_DIR: join(dir, 'data') };
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('synthdata pipeline, history and audit', () => {
  it('runs the whole pipeline on the bundled example and writes dataset, reports and charts', async () => {
    const out = join(dir, 'run');
    const r = await runCli(['pipeline', '--schema', join(projectRoot, 'examples/customers.schema.json'), '--rows', '300', '--seed', '42', '--out', out], { env });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/verdict (PASS|WARN|FAIL)/);
    expect(readFileSync(join(out, 'dataset.csv'), 'utf8').trimEnd().split('\n')).toHaveLength(301);
    expect(readFileSync(join(out, 'report.html'), 'utf8')).toContain('<html');
    expect(JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'))).toBeTypeOf('object');
    expect(readdirSync(join(out, 'charts')).some((f) => f.endsWith('.svg'))).toBe(true);
    const history = await runCli(['history', '--json'], { env });
    expect(JSON.parse(history.stdout).items[0].status).toBe('succeeded');
    const verify = await runCli(['audit', 'verify'], { env });
    expect(verify.code).toBe(0);
    expect(verify.stdout).toMatch(/^ok: \d+ entries/);
    const audit = await runCli(['audit', 'export', '--format', 'jsonl'], { env });
    const events = audit.stdout.trim().split('\n').map((l) => JSON.parse(l).event);
    expect(events).toEqual(expect.arrayContaining(['DataGenStarted', 'DataGenCompleted', 'EvalCompleted', 'VizCompleted', 'ExportTriggered']));
  });

  it('exits 3 and writes no dataset when the PII policy blocks', async () => {
    const out = join(dir, 'blocked');
    const r = await runCli(['pipeline', '--schema', join(projectRoot, 'examples/customers.schema.json'), '--rows', '50', '--seed', '1', '--pii-policy', 'block', '--out', out], { env });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('error[PII_BLOCKED]');
    expect(existsSync(join(out, 'dataset.csv'))).toBe(false);
    expect(existsSync(join(out, 'report.html'))).toBe(true);
  });

  it('manages keys: create prints the secret once, list never shows it, revoke', async () => {
    const created = await runCli(['keys', 'create', '--user', 'ann', '--role', 'qa-engineer', '--project', 'shop', '--json'], { env });
    expect(created.code, created.stderr).toBe(0);
    const key = JSON.parse(created.stdout);
    const list = await runCli(['keys', 'list', '--json'], { env });
    expect(list.stdout).not.toContain(key.secret);
    expect((await runCli(['keys', 'revoke', key.id], { env })).code).toBe(0);
    const bad = await runCli(['keys', 'create', '--user', 'x', '--role', 'boss', '--project', 'shop'], { env });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('error[UNKNOWN_NAME]');
  });
});
