import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { fixedClock } from '../core/index.js';
import { DEFAULT_CONFIG, LOCAL_ACTOR, type OpContext } from '../pipeline/index.js';
import { openSqliteStore, type Store } from '../store/index.js';
import { createMcpServer, TOOLS, artifactUri } from './index.js';
import { callTool, toolText } from './test-fixtures/tool-call.js';

const CONTACTS = resolve('test/fixtures/datasets/contacts_synthetic.csv');
const SCHEMA = {
  title: 'people',
  type: 'object',
  properties: {
    id: { type: 'integer', minimum: 1, maximum: 1000 },
    email: { type: 'string', format: 'email' },
  },
  required: ['id', 'email'],
};

let dir: string;
let store: Store;
let client: Client;
let ctx: OpContext;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'synthdata-mcp-'));
  store = openSqliteStore({ dir: join(dir, 'data') });
  ctx = { store, actor: LOCAL_ACTOR, config: { ...DEFAULT_CONFIG, dataDir: join(dir, 'data') }, clock: fixedClock(Date.UTC(2026, 0, 15)) };
  const server = createMcpServer({ context: () => ctx, version: 'test' });
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  client = new Client({ name: 'synthdata-test', version: '1.0.0' });
  await Promise.all([server.connect(serverSide), client.connect(clientSide)]);
});

afterAll(async () => {
  await client.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const call = (name: string, args: Record<string, unknown>): Promise<CallToolResult> => callTool(client, name, args);

describe('MCP server (in-memory transport, the SDK client)', () => {
  it('lists every tool with the op\'s own input schema', async () => {
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name)).toEqual(TOOLS.map((t) => t.name));
    expect(tools.map((t) => t.name)).toEqual(expect.arrayContaining(['generate_dataset', 'fit_synthesizer', 'evaluate_dataset', 'visualize_dataset', 'scan_pii', 'pipeline_history']));
    for (const tool of tools) {
      expect(tool.description?.length).toBeGreaterThan(20);
      expect(tool.inputSchema.type).toBe('object');
      expect(Object.keys(tool.inputSchema.properties ?? {}).length).toBeGreaterThan(0);
    }
    const generate = tools.find((t) => t.name === 'generate_dataset')!;
    expect(generate.inputSchema.required).toEqual(['rows']);
    expect(generate.inputSchema.properties).toHaveProperty('seed');
  });

  it('generate_dataset writes the file and says how to reproduce it', async () => {
    const out = join(dir, 'people.csv');
    const result = await call('generate_dataset', { schema: SCHEMA, rows: 25, seed: 7, out });
    expect(result.isError, toolText(result)).toBeFalsy();
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('id,email');
    expect(lines).toHaveLength(26);
    const output = result.structuredContent as { rows: number; seed: string; path: string; format: string };
    expect(output).toMatchObject({ rows: 25, seed: '7', path: out, format: 'csv' });
    expect(JSON.parse(toolText(result))).toMatchObject({ rows: 25 });

    // Same seed, same bytes.
    const again = join(dir, 'people-again.csv');
    await call('generate_dataset', { schema: SCHEMA, rows: 25, seed: 7, out: again });
    expect(readFileSync(again, 'utf8')).toBe(readFileSync(out, 'utf8'));
  });

  it('scan_pii finds the emails and phone numbers of a table', async () => {
    const result = await call('scan_pii', { path: CONTACTS });
    expect(result.isError, toolText(result)).toBeFalsy();
    const output = result.structuredContent as { rows: number; scan: { totalFindings: number; counts: Record<string, number> } };
    expect(output.rows).toBeGreaterThan(0);
    expect(output.scan.totalFindings).toBeGreaterThan(0);
    expect(output.scan.counts.email).toBeGreaterThan(0);
  });

  it('scan_pii with the block policy is an error result carrying PII_BLOCKED', async () => {
    const result = await call('scan_pii', { path: CONTACTS, policy: 'block' });
    expect(result.isError).toBe(true);
    expect(toolText(result)).toMatch(/^error\[PII_BLOCKED\]: /);
  });

  it('pipeline_history pages the project\'s runs, newest first', async () => {
    const empty = await call('pipeline_history', {});
    expect(empty.isError, toolText(empty)).toBeFalsy();
    expect(empty.structuredContent).toEqual({ items: [], next: null });

    await store.createRun({ project: 'default', user: 'local', kind: 'pipeline', status: 'succeeded', rowCount: 10 });
    await store.createRun({ project: 'other', user: 'bob', kind: 'pipeline', status: 'succeeded', rowCount: 5 });
    const page = await call('pipeline_history', { limit: 10 });
    const items = (page.structuredContent as { items: { project: string; rowCount: number }[] }).items;
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ project: 'default', rowCount: 10 });
  });

  it('an invalid call is an error result with its code and path, never a crash', async () => {
    const zero = await call('generate_dataset', { schema: SCHEMA, rows: 0 });
    expect(zero.isError).toBe(true);
    expect(toolText(zero)).toMatch(/^error\[REQUEST_INVALID\]: .*\(at \/rows\)/);
    expect(zero.structuredContent).toMatchObject({ error: { code: 'REQUEST_INVALID', path: '/rows' } });

    const unknown = await call('pipeline_history', { colour: 'red' });
    expect(toolText(unknown)).toMatch(/^error\[REQUEST_INVALID\]: .*unknown field "colour"/);

    const stdout = await call('generate_dataset', { schema: SCHEMA, rows: 1, out: '-' });
    expect(toolText(stdout)).toMatch(/^error\[INVALID_ARGUMENT\]: /);

    const badSchema = await call('generate_dataset', { schema: { type: 'object', properties: { a: { type: 'integer', minimum: 5, maximum: 1 } } }, rows: 3, out: join(dir, 'bad.csv') });
    expect(badSchema.isError).toBe(true);
    expect(toolText(badSchema)).toMatch(/^error\[[A-Z_]+\]: /);

    const missing = await call('scan_pii', { path: join(dir, 'nope.csv') });
    expect(missing.isError).toBe(true);
    expect(toolText(missing)).toMatch(/^error\[IO_NOT_FOUND\]: /);

    const noTool = await call('make_coffee', {});
    expect(toolText(noTool)).toMatch(/^error\[NOT_FOUND\]: no tool "make_coffee"/);

    // The server still answers after all of that.
    expect((await client.listTools()).tools.length).toBe(TOOLS.length);
  });

  it('lists and reads run artifacts as resources, and only the project\'s own', async () => {
    const run = await store.createRun({ project: 'default', user: 'local', kind: 'pipeline', status: 'succeeded' });
    const art = await store.putArtifact({ project: 'default', runId: run.id, name: 'dataset.csv', kind: 'dataset', mediaType: 'text/csv', content: Buffer.from('a,b\n1,2\n') });
    const chart = await store.putArtifact({ project: 'default', runId: run.id, name: 'x.png', kind: 'chart', mediaType: 'image/png', content: Buffer.from([137, 80, 78, 71]) });
    const theirs = await store.createRun({ project: 'other', user: 'bob', kind: 'pipeline', status: 'succeeded' });
    const secret = await store.putArtifact({ project: 'other', runId: theirs.id, name: 'secret.csv', kind: 'dataset', mediaType: 'text/csv', content: Buffer.from('x\n1\n') });

    const { resources } = await client.listResources();
    const uris = resources.map((r) => r.uri);
    expect(uris).toContain(artifactUri(run.id, art.id));
    expect(uris).not.toContain(artifactUri(theirs.id, secret.id));
    expect(resources.find((r) => r.uri === artifactUri(run.id, art.id))).toMatchObject({ name: 'dataset.csv', mimeType: 'text/csv' });

    const { resourceTemplates } = await client.listResourceTemplates();
    expect(resourceTemplates[0]?.uriTemplate).toBe('synthdata://runs/{runId}/artifacts/{artifactId}');

    const read = await client.readResource({ uri: artifactUri(run.id, art.id) });
    expect(read.contents[0]).toMatchObject({ mimeType: 'text/csv', text: 'a,b\n1,2\n' });
    const png = await client.readResource({ uri: artifactUri(run.id, chart.id) });
    expect(png.contents[0]).toMatchObject({ mimeType: 'image/png', blob: Buffer.from([137, 80, 78, 71]).toString('base64') });

    await expect(client.readResource({ uri: artifactUri(theirs.id, secret.id) })).rejects.toThrow(/NOT_FOUND/);
    await expect(client.readResource({ uri: 'synthdata://nowhere' })).rejects.toThrow(/NOT_FOUND/);
  });
});
