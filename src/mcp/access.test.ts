import { existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport, StreamableHTTPError } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { systemClock } from '../core/index.js';
import { allows, loadConfig, LOCAL_ACTOR, type OpContext } from '../pipeline/index.js';
import { openSqliteStore, ROLES, type Role, type Store } from '../store/index.js';
import { projectFilesFolder } from './file-scope.js';
import { artifactUri, RESOURCE_ACCESS, startMcpHttp, TOOL_ACCESS, TOOLS, type McpHttpServer } from './index.js';
import { callTool, toolText } from './test-fixtures/tool-call.js';

const SCHEMA = {
  title: 'orders',
  type: 'object',
  properties: { id: { type: 'integer', minimum: 1, maximum: 1000 }, amount: { type: 'number', minimum: 1, maximum: 50 } },
  required: ['id', 'amount'],
};

let dir: string;
let store: Store;
let http: McpHttpServer;
const keys = {} as Record<Role, string>;
let otherProjectKey: string;
let revokedKey: string;
const clients: Client[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'synthdata-mcp-access-'));
  const config = loadConfig({ env: {}, flags: { dataDir: join(dir, 'data'), server: { localMode: false } } });
  store = openSqliteStore({ dir: config.dataDir });
  const ctx: OpContext = { store, actor: LOCAL_ACTOR, config, clock: systemClock };
  http = await startMcpHttp({ context: () => ctx, port: 0, config });
  for (const role of ROLES) keys[role] = (await store.createKey({ user: `${role}-user`, role, project: 'p1' })).secret;
  otherProjectKey = (await store.createKey({ user: 'bob', role: 'qa-engineer', project: 'p2' })).secret;
  const revoked = await store.createKey({ user: 'eve', role: 'admin', project: 'p1' });
  await store.revokeKey(revoked.record.id);
  revokedKey = revoked.secret;
});

afterAll(async () => {
  for (const c of clients) await c.close();
  await http.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

/** An SDK client of the endpoint sending these headers on every request. */
async function connect(headers: Record<string, string> = {}): Promise<Client> {
  const client = new Client({ name: 'synthdata-access-test', version: '1.0.0' });
  await client.connect(new StreamableHTTPClientTransport(new URL(http.url), { requestInit: { headers } }));
  clients.push(client);
  return client;
}

const bearer = (secret: string): Record<string, string> => ({ authorization: `Bearer ${secret}` });


describe('MCP over HTTP with API keys', () => {
  it('runs a tool as the key\'s user and project', async () => {
    const client = await connect(bearer(keys['qa-engineer']));
    const result = await callTool(client, 'run_pipeline', { schema: SCHEMA, rowCount: 10, seed: 1, options: { visualizations: [] } });
    expect(result.isError, toolText(result)).toBeFalsy();
    const { runId } = result.structuredContent as { runId: string };
    expect(await store.getRun(runId, 'p1')).toMatchObject({ project: 'p1', user: 'qa-engineer-user' });
    expect(await store.getRun(runId, 'default')).toBeUndefined();

    const history = await callTool(client, 'pipeline_history', {});
    expect((history.structuredContent as { items: { id: string; project: string }[] }).items.map((r) => r.project)).toEqual(['p1']);
  }, 30_000);

  it('takes the key from X-API-Key too', async () => {
    const client = await connect({ 'x-api-key': otherProjectKey });
    const history = await callTool(client, 'pipeline_history', {});
    expect(history.isError, toolText(history)).toBeFalsy();
    expect(history.structuredContent).toEqual({ items: [], next: null });
  });

  it('refuses an unknown or revoked key with 401 and a JSON-RPC error', async () => {
    for (const secret of ['sd_not-a-key', revokedKey]) {
      const err = await connect(bearer(secret)).then(() => undefined, (e: unknown) => e);
      expect(err).toBeInstanceOf(StreamableHTTPError);
      expect((err as StreamableHTTPError).code).toBe(401);
    }
    const res = await fetch(http.url, {
      method: 'POST',
      headers: { ...bearer('sd_not-a-key'), 'content-type': 'application/json', accept: 'application/json, text/event-stream' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }),
    });
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(await res.json()).toMatchObject({ jsonrpc: '2.0', id: null, error: { message: expect.stringMatching(/^error\[AUTH_REQUIRED\]/), data: { code: 'AUTH_REQUIRED' } } });
  });

  it('refuses a loopback caller without a key when local mode is off', async () => {
    const err = await connect().then(() => undefined, (e: unknown) => e);
    expect((err as StreamableHTTPError).code).toBe(401);
  });

  it('keeps other projects\' runs and datasets out of reach, by resource and by tool', async () => {
    const theirs = await store.createRun({ project: 'p2', user: 'bob', kind: 'pipeline', status: 'succeeded' });
    const chart = await store.putArtifact({ project: 'p2', runId: theirs.id, name: 'x.svg', kind: 'chart', mediaType: 'image/svg+xml', content: Buffer.from('<svg/>') });
    const upload = await store.putArtifact({ project: 'p2', name: 'sample.csv', kind: 'source-dataset', mediaType: 'text/csv', content: Buffer.from('a\n1\n2\n') });
    const mine = await connect(bearer(keys['ml-engineer']));

    await expect(mine.readResource({ uri: artifactUri(theirs.id, chart.id) })).rejects.toThrow(/NOT_FOUND/);
    expect((await mine.listResources()).resources.map((r) => r.uri)).not.toContain(artifactUri(theirs.id, chart.id));
    const run = await callTool(mine, 'run_pipeline', { datasetId: upload.id, rowCount: 5 });
    expect(run.isError).toBe(true);
    expect(toolText(run)).toMatch(/^error\[NOT_FOUND\]/);

    // The owner sees both.
    const owner = await connect(bearer(otherProjectKey));
    expect((await owner.readResource({ uri: artifactUri(theirs.id, chart.id) })).contents[0]).toMatchObject({ text: '<svg/>' });
  });

  it('records every refusal in the audit log', async () => {
    const compliance = await connect(bearer(keys['compliance-admin']));
    expect(toolText(await callTool(compliance, 'run_pipeline', { schema: SCHEMA, rowCount: 1 }))).toMatch(/^error\[AUTH_FORBIDDEN\]/);
    const denied = (await store.listAudit({ event: 'AccessDenied', limit: 10_000 })).filter((e) => e.fields.adapter === 'mcp');
    const reasons = denied.map((e) => e.fields.reason);
    expect(reasons).toEqual(expect.arrayContaining(['unknown or revoked key', 'no API key', 'role compliance-admin may not call the tool "run_pipeline"']));
    expect(denied.find((e) => e.fields.tool === 'run_pipeline')).toMatchObject({ user: 'compliance-admin-user', role: 'compliance-admin', project: 'p1' });
    expect(denied.every((e) => typeof e.fields.ip === 'string')).toBe(true);
  });
});

describe('role x tool matrix', () => {
  it('names every tool and only tools', () => {
    expect(Object.keys(TOOL_ACCESS).sort()).toEqual(TOOLS.map((t) => t.name).sort());
  });

  for (const role of ROLES) {
    it(`${role} is offered exactly the tools it may call`, async () => {
      const client = await connect(bearer(keys[role]));
      const listed = (await client.listTools()).tools.map((t) => t.name);
      expect(listed).toEqual(TOOLS.map((t) => t.name).filter((name) => allows(TOOL_ACCESS[name], role)));
    });

    for (const tool of TOOLS) {
      const allowed = allows(TOOL_ACCESS[tool.name], role);
      it(`${role} ${allowed ? 'may' : 'may not'} call ${tool.name}`, async () => {
        const before = (await store.listAudit({ event: 'AccessDenied', limit: 10_000 })).length;
        const client = await connect(bearer(keys[role]));
        // An empty call: allowed tools answer (or refuse the arguments) without doing any work.
        const result = await callTool(client, tool.name, tool.name === 'pipeline_history' ? {} : { colour: 'red' });
        const after = (await store.listAudit({ event: 'AccessDenied', limit: 10_000 })).length;
        if (allowed) {
          expect(toolText(result)).not.toMatch(/AUTH_FORBIDDEN/);
          expect(after).toBe(before);
        } else {
          expect(result.isError).toBe(true);
          expect(toolText(result)).toMatch(/^error\[AUTH_FORBIDDEN\]: the role "[a-z-]+" may not call the tool/);
          expect(after).toBe(before + 1);
        }
      });
    }

    it(`${role} ${allows(RESOURCE_ACCESS, role) ? 'may' : 'may not'} list run artifacts`, async () => {
      const client = await connect(bearer(keys[role]));
      if (allows(RESOURCE_ACCESS, role)) await expect(client.listResources()).resolves.toHaveProperty('resources');
      else await expect(client.listResources()).rejects.toThrow(/AUTH_FORBIDDEN/);
    });
  }
});

describe('file tools with an API key', () => {
  it('read and write inside the project folder only', async () => {
    const client = await connect(bearer(keys['qa-engineer']));
    const made = await callTool(client, 'generate_dataset', { schema: SCHEMA, rows: 20, seed: 3, out: 'orders.csv' });
    expect(made.isError, toolText(made)).toBeFalsy();
    const folder = projectFilesFolder(join(dir, 'data'), 'p1');
    expect((made.structuredContent as { path: string }).path).toBe(join(folder, 'orders.csv'));
    expect(existsSync(join(folder, 'orders.csv'))).toBe(true);
    // The default output goes to the project's folder too.
    const byDefault = await callTool(client, 'generate_dataset', { schema: SCHEMA, rows: 5, seed: 3 });
    expect((byDefault.structuredContent as { path: string }).path.startsWith(folder)).toBe(true);
    const scan = await callTool(client, 'scan_pii', { path: 'orders.csv' });
    expect(scan.isError, toolText(scan)).toBeFalsy();

    for (const [tool, args] of [
      ['scan_pii', { path: '/etc/passwd' }],
      ['scan_pii', { path: '../../../../../etc/hostname' }],
      ['generate_dataset', { schema: SCHEMA, rows: 5, out: join(dir, 'escaped.csv') }],
      ['evaluate_dataset', { synthetic: 'orders.csv', real: join(dir, 'data', 'synthdata.db') }],
    ] as const) {
      const refused = await callTool(client, tool, args);
      expect(refused.isError).toBe(true);
      expect(toolText(refused)).toMatch(/^error\[AUTH_FORBIDDEN\]: ".+" is outside the files of project "p1"/);
    }
    expect(existsSync(join(dir, 'escaped.csv'))).toBe(false);
    // Nor through a link placed in the folder.
    symlinkSync(dir, join(folder, 'outside'));
    const linked = await callTool(client, 'scan_pii', { path: 'outside/data/synthdata.db' });
    expect(toolText(linked)).toMatch(/^error\[AUTH_FORBIDDEN\]/);

    // Another project's key cannot reach p1's file by a relative path: it resolves in its own folder.
    const other = await connect(bearer(otherProjectKey));
    const elsewhere = await callTool(other, 'scan_pii', { path: 'orders.csv' });
    expect(elsewhere.isError).toBe(true);
    expect(toolText(elsewhere)).not.toMatch(/AUTH_FORBIDDEN/);
    expect(toolText(elsewhere)).toContain(projectFilesFolder(join(dir, 'data'), 'p2'));
  }, 30_000);
});
