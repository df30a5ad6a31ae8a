import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { fixedClock } from '../core/index.js';
import { DEFAULT_CONFIG, LOCAL_ACTOR, type OpContext } from '../pipeline/index.js';
import { openSqliteStore, type Store } from '../store/index.js';
import { createMcpServer } from './index.js';
import { callTool, toolText } from './test-fixtures/tool-call.js';

const PENGUINS = resolve('test/fixtures/datasets/penguins.csv');

let dir: string;
let store: Store;
let client: Client;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'synthdata-mcp-ops-'));
  store = openSqliteStore({ dir: join(dir, 'data') });
  const ctx: OpContext = { store, actor: LOCAL_ACTOR, config: { ...DEFAULT_CONFIG, dataDir: join(dir, 'data') }, clock: fixedClock(Date.UTC(2026, 0, 15)) };
  const server = createMcpServer({ context: () => ctx });
  const [a, b] = InMemoryTransport.createLinkedPair();
  client = new Client({ name: 'synthdata-ops-test', version: '1.0.0' });
  await Promise.all([server.connect(b), client.connect(a)]);
});

afterAll(async () => {
  await client.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

async function call(name: string, args: Record<string, unknown>): Promise<CallToolResult & { structuredContent: Record<string, unknown> }> {
  const result = (await callTool(client, name, args)) as CallToolResult & { structuredContent: Record<string, unknown> };
  expect(result.isError, toolText(result)).toBeFalsy();
  return result;
}

describe('learning, judging and picturing through MCP tools', () => {
  it('fit_synthesizer, visualize_dataset and evaluate_dataset on a sample table', async () => {
    const model = join(dir, 'penguins.model.json');
    const fit = await call('fit_synthesizer', { dataPath: PENGUINS, out: model, synthesizer: 'gaussian-copula', seed: 1 });
    expect(fit.structuredContent).toMatchObject({ path: model, synthesizer: 'gaussian-copula', rows: 344 });
    expect(JSON.parse(readFileSync(model, 'utf8'))).toHaveProperty('format');

    // Charts before the evaluation: under vitest's module loader, vega-lite fails to load (ERR_REQUIRE_ASYNC_MODULE)
    // once the evaluation modules are in; plain Node loads both in either order.
    const charts = join(dir, 'charts');
    const viz = await call('visualize_dataset', { path: PENGUINS, out: charts, charts: ['histogram'], columns: ['Body Mass (g)'] });
    const files = viz.structuredContent.files as { path: string }[];
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) expect(existsSync(f.path)).toBe(true);

    const evaluation = await call('evaluate_dataset', { real: PENGUINS, synthetic: PENGUINS, metrics: ['quality'], seed: 1 });
    const report = evaluation.structuredContent.report as { verdict: string; score: number };
    expect(['pass', 'warn', 'fail']).toContain(report.verdict);
  }, 30_000);
});

describe('run_pipeline through MCP', () => {
  const schema = {
    title: 'orders',
    type: 'object',
    properties: { id: { type: 'integer', minimum: 1, maximum: 100000 }, amount: { type: 'number', minimum: 1, maximum: 500 }, email: { type: 'string', format: 'email' } },
    required: ['id', 'amount', 'email'],
  };

  it('runs, stores and offers the dataset, report and charts as resources', async () => {
    const run = await call('run_pipeline', { schema, rowCount: 60, seed: 3, options: { visualizations: ['histogram'] } });
    const out = run.structuredContent as { runId: string; status: string; rowCount: number; resources: { uri: string; kind: string; name: string }[] };
    expect(out).toMatchObject({ status: 'succeeded', rowCount: 60 });
    const dataset = out.resources.find((r) => r.kind === 'dataset');
    expect(dataset?.uri).toMatch(new RegExp(`^synthdata://runs/${out.runId}/artifacts/`));

    const read = await client.readResource({ uri: dataset!.uri });
    const csv = (read.contents[0] as { text: string }).text.trim().split('\n');
    expect(csv[0]).toBe('id,amount,email');
    expect(csv).toHaveLength(61);
    expect((await store.listAudit({ runId: out.runId, event: 'ExportTriggered' })).length).toBe(1);

    const { resources } = await client.listResources();
    expect(resources.map((r) => r.uri)).toEqual(expect.arrayContaining(out.resources.map((r) => r.uri)));
    const history = await call('pipeline_history', {});
    expect((history.structuredContent.items as { id: string }[]).map((r) => r.id)).toContain(out.runId);
  }, 30_000);

  it('a run blocked by its PII policy never hands out its dataset', async () => {
    const run = await call('run_pipeline', { schema, rowCount: 20, seed: 4, options: { piiPolicy: 'block', visualizations: [] } });
    const out = run.structuredContent as { runId: string; status: string; resources: { kind: string }[] };
    expect(out.status).toBe('blocked');
    expect(out.resources.some((r) => r.kind === 'dataset')).toBe(false);
    const [stored] = (await store.listArtifacts(out.runId, 'default')).filter((a) => a.kind === 'dataset');
    await expect(client.readResource({ uri: `synthdata://runs/${out.runId}/artifacts/${stored!.id}` })).rejects.toThrow(/PII_BLOCKED/);
    const { resources } = await client.listResources();
    expect(resources.some((r) => r.uri.includes(stored!.id))).toBe(false);
  }, 30_000);
});
