import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { projectRoot } from './run-cli.js';

const dataDir = mkdtempSync(join(tmpdir(), 'synthdata-crash-'));
const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) c.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

/** Starts the built server on a free loopback port and resolves with its base URL. */
function startServer(): Promise<{ child: ChildProcess; base: string }> {
  const child = spawn(process.execPath, [join(projectRoot, 'dist/server/main.js')], {
    env: { ...process.env, SYNTHDATA_DATA_DIR: dataDir, SYNTHDATA_PORT: '0', SYNTHDATA_HOST: '127.0.0.1', SYNTHDATA_JOB_THRESHOLD_ROWS: '1000' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    let err = '';
    child.stderr!.setEncoding('utf8').on('data', (d: string) => {
      err += d;
      const m = /serving on (http:\/\/[^\s]+)/.exec(err);
      if (m) resolve({ child, base: m[1]! });
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}: ${err}`)));
  });
}

describe('server killed with SIGKILL in the middle of a large job', () => {
  it('marks the run failed on restart, never serves a partial dataset, and the audit chain still verifies', async () => {
    const first = await startServer();
    const schema = { type: 'object', properties: { id: { type: 'integer', 'x-sequence': true }, name: { type: 'string' }, amount: { type: 'number', minimum: 0, maximum: 1000, multipleOf: 0.01 } } };
    const res = await fetch(`${first.base}/api/syntheticDataPipeline`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ schema, rowCount: 5_000_000, seed: 1 }) });
    expect(res.status).toBe(202);
    const { runId } = (await res.json()) as { runId: string };
    await new Promise((r) => setTimeout(r, 1500));
    first.child.kill('SIGKILL');
    await new Promise((r) => first.child.once('exit', r));

    const second = await startServer();
    const run = (await (await fetch(`${second.base}/api/runs/${runId}`)).json()) as { status: string };
    expect(run.status).toBe('failed');
    const download = await fetch(`${second.base}/api/runs/${runId}/dataset`);
    expect(download.status).toBe(404);
    expect(download.headers.get('content-type')).toContain('application/problem+json');
    const verify = (await (await fetch(`${second.base}/api/audit/verify`)).json()) as { ok: boolean };
    expect(verify.ok).toBe(true);
    const audit = await (await fetch(`${second.base}/api/audit`)).text();
    expect(audit).toContain('RunInterrupted');
    second.child.kill('SIGTERM');
  }, 90_000);
});
