import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../test/e2e/run-cli.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'synthdata-cli-describe-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Each run starts a CLI process; run them side by side to keep the file fast.
describe.concurrent('synthdata describe, templates, create-template', () => {
  it('describe writes the planned schema and explains it on stderr', async () => {
    const out = join(dir, 'schema.json');
    const r = await runCli(['describe', 'customer churn data for a telecom company, 1000 rows', '--out', out], { env: { SYNTHDATA_PLANNER: '', SYNTHDATA_DATA_DIR: dir } });
    expect(r.code).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8')).properties.churned).toBeDefined();
    expect(r.stderr).toMatch(/planned by offline from template telecom\/churn; rows asked: 1000/);
    // The CLI keeps plans in the local store; asking again is answered from it.
    expect(existsSync(join(dir, 'synthdata.db'))).toBe(true);
    const again = await runCli(['describe', 'Customer churn data for a telecom company, 1000 rows.', '--out', out], { env: { SYNTHDATA_PLANNER: '', SYNTHDATA_DATA_DIR: dir } });
    expect(again.stderr).toContain('(cached)');
  }, 120_000);

  it('templates list names every domain with its aliases', async () => {
    const list = await runCli(['templates', 'list']);
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/healthcare \(also: medical/);
    expect(list.stdout).toMatch(/templates in 15 domains/);
  }, 120_000);

  it('templates show answers an unknown task with TEMPLATE_NOT_FOUND and exit 2', async () => {
    const missing = await runCli(['templates', 'show', 'medical/x-rays']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^error\[TEMPLATE_NOT_FOUND\]/);
  }, 120_000);

  it('create-template writes an editable template', async () => {
    const out = join(dir, 'contracts-template.json');
    const r = await runCli(['create-template', '--domain', 'legal', '--template-type', 'contracts', '--output', out]);
    expect(r.code).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toMatchObject({ format: 'synthdata.template', domain: 'legal', task: 'contracts' });
  }, 120_000);
});
