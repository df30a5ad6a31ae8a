import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testApp } from './test-app.js';

let t: Awaited<ReturnType<typeof testApp>>;
let auth: Record<string, string>;
beforeEach(async () => {
  t = await testApp({ server: { localMode: false, jobThresholdRows: 5000 } });
  auth = { authorization: `Bearer ${await t.key('admin')}` };
});
afterEach(() => t.close());

const schema = {
  type: 'object',
  required: ['id', 'first_name', 'email', 'age', 'plan'],
  properties: {
    id: { type: 'integer', 'x-sequence': true },
    first_name: { type: 'string' },
    email: { type: 'string', format: 'email' },
    age: { type: 'integer', minimum: 18, maximum: 90 },
    plan: { enum: ['free', 'pro', 'team'] },
  },
};

function multipart(name: string, content: Buffer): { payload: Buffer; headers: Record<string, string> } {
  const boundary = '----synthdata-test';
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: text/csv\r\n\r\n`),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describe('POST /api/syntheticDataPipeline', () => {
  it('runs schema -> generate -> scan -> evaluate -> visualize -> store, and the data downloads in every format', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/syntheticDataPipeline', headers: auth, payload: { schema, rowCount: 1000, seed: 42, options: { visualizations: ['histogram', 'scores'], inlineCharts: true } } });
    expect(res.statusCode, res.body).toBe(200);
    const out = res.json();
    expect(out).toMatchObject({ status: 'succeeded', rowCount: 1000, seed: '42', format: 'csv' });
    expect(['pass', 'warn', 'fail']).toContain(out.evaluation.verdict);
    expect(out.visualizations.length).toBeGreaterThan(0);
    expect(Buffer.from(out.visualizations[0].base64, 'base64').toString()).toContain('<svg');
    expect(out.pii.totalFindings).toBeGreaterThan(0); // realistic fake emails are found, and reported
    const csv = await t.app.inject({ url: out.dataUrl, headers: auth });
    expect(csv.statusCode).toBe(200);
    expect(csv.body.trimEnd().split('\n')).toHaveLength(1001);
    const jsonl = await t.app.inject({ url: `/api/runs/${out.runId}/dataset?format=jsonl`, headers: auth });
    expect(jsonl.body.trimEnd().split('\n').map((l) => JSON.parse(l))).toHaveLength(1000);
    const chart = await t.app.inject({ url: out.visualizations[0].url, headers: auth });
    expect(chart.headers['content-type']).toContain('image/svg+xml');
    const report = await t.app.inject({ url: out.reportUrl, headers: auth });
    expect(report.body).toContain('<html');
    const run = (await t.app.inject({ url: `/api/runs/${out.runId}`, headers: auth })).json();
    expect(run.status).toBe('succeeded');
    const events = (await t.store.listAudit({ runId: out.runId })).map((e) => e.event);
    expect(events).toEqual(expect.arrayContaining(['DataGenStarted', 'DataGenCompleted', 'PIIDetected', 'EvalCompleted', 'VizCompleted', 'ExportTriggered']));
    expect((await t.store.verifyAudit()).ok).toBe(true);
    const history = (await t.app.inject({ url: '/api/pipelineHistory', headers: auth })).json();
    expect(history.items[0].id).toBe(out.runId);
  });

  it('gives the same data for the same seed', async () => {
    const a = (await t.app.inject({ method: 'POST', url: '/api/syntheticDataPipeline', headers: auth, payload: { schema, rowCount: 200, seed: 7 } })).json();
    const b = (await t.app.inject({ method: 'POST', url: '/api/syntheticDataPipeline', headers: auth, payload: { schema, rowCount: 200, seed: 7 } })).json();
    const da = (await t.app.inject({ url: a.dataUrl, headers: auth })).body;
    const db = (await t.app.inject({ url: b.dataUrl, headers: auth })).body;
    expect(da).toBe(db);
  });

  it('blocks the export when the PII policy says block, and says why', async () => {
    const out = (await t.app.inject({ method: 'POST', url: '/api/syntheticDataPipeline', headers: auth, payload: { schema, rowCount: 100, seed: 1, options: { piiPolicy: 'block' } } })).json();
    expect(out.status).toBe('blocked');
    expect(out.dataUrl).toBeNull();
    const res = await t.app.inject({ url: `/api/runs/${out.runId}/dataset`, headers: auth });
    expect(res.statusCode).toBe(409);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ code: 'PII_BLOCKED' });
    expect(res.json().detail).toContain('email');
    expect((await t.store.listAudit({ event: 'ExportBlocked' })).length).toBe(1);
  });

  it('runs from a template and from a description', async () => {
    const tpl = await t.app.inject({ method: 'POST', url: '/api/syntheticDataPipeline', headers: auth, payload: { template: 'telecom', rowCount: 300, seed: 3 } });
    expect(tpl.statusCode, tpl.body).toBe(200);
    const desc = await t.app.inject({ method: 'POST', url: '/api/syntheticDataPipeline', headers: auth, payload: { description: 'customer churn data for a telecom company', rowCount: 300, seed: 3 } });
    expect(desc.statusCode, desc.body).toBe(200);
  });

  it('learns from an uploaded sample table and judges against it', async () => {
    const csv = readFileSync(new URL('../../test/fixtures/datasets/penguins.csv', import.meta.url));
    const up = await t.app.inject({ method: 'POST', url: '/api/datasets', ...withAuth(multipart('penguins.csv', csv)) });
    expect(up.statusCode, up.body).toBe(201);
    const { datasetId, rows } = up.json();
    expect(rows).toBe(344);
    const res = await t.app.inject({ method: 'POST', url: '/api/syntheticDataPipeline', headers: auth, payload: { datasetId, rowCount: 344, seed: 5 } });
    expect(res.statusCode, res.body).toBe(200);
    const out = res.json();
    expect(out.evaluation.properties.map((p: { name: string }) => p.name)).toContain('column_shapes');
    expect(out.pii.leaks).toBeDefined();
    const ev = await t.app.inject({ method: 'POST', url: '/api/evaluateSyntheticData', headers: auth, payload: { synthetic: { runId: out.runId }, reference: { datasetId }, metrics: ['quality'] } });
    expect(ev.statusCode, ev.body).toBe(200);
    expect(ev.json().score).toBeGreaterThan(0.5);
    const viz = await t.app.inject({ method: 'POST', url: '/api/visualizeSyntheticData', headers: auth, payload: { synthetic: { runId: out.runId }, reference: { datasetId }, charts: ['histogram'] } });
    expect(viz.statusCode, viz.body).toBe(200);
    expect(viz.json().charts.length).toBeGreaterThan(0);
  });

  it('answers large requests with 202 and a run to poll, and streams progress as server-sent events', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/syntheticDataPipeline', headers: auth, payload: { schema, rowCount: 6000, seed: 9, options: { visualizations: ['histogram'] } } });
    expect(res.statusCode).toBe(202);
    const { runId, eventsUrl } = res.json();
    const sse = await t.app.inject({ url: eventsUrl, headers: auth });
    expect(sse.headers['content-type']).toContain('text/event-stream');
    expect(sse.body).toContain('event: end');
    let status = 'running';
    for (let i = 0; i < 100 && status === 'running'; i++) {
      status = (await t.app.inject({ url: `/api/runs/${runId}`, headers: auth })).json().status;
      if (status === 'running') await new Promise((r) => setTimeout(r, 100));
    }
    expect(status).toBe('succeeded');
  });

  it('refuses bad requests with clear problem+json', async () => {
    const post = (payload: unknown, headers: Record<string, string> = {}) => t.app.inject({ method: 'POST', url: '/api/syntheticDataPipeline', headers: { ...auth, ...headers }, payload: payload as string });
    expect((await post('{"schema": ', { 'content-type': 'application/json' })).statusCode).toBe(400);
    const unknown = await post({ schema, rowCount: 10, colour: 'red' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().detail).toContain('colour');
    expect((await post({ schema, rowCount: -5 })).json().code).toBe('REQUEST_INVALID');
    const huge = await post({ schema, rowCount: 10_000_000_000 });
    expect(huge.statusCode).toBe(413);
    const invalidSchema = await post({ schema: { type: 'object', properties: { a: { type: 'integer', minimum: 5, maximum: 1 } } }, rowCount: 10 });
    expect(invalidSchema.statusCode).toBe(422);
    expect(invalidSchema.json().path).toContain('/properties/a');
    const both = await post({ schema, template: 'telecom', rowCount: 10 });
    expect(both.statusCode).toBe(400);
    const notTable = await t.app.inject({ method: 'POST', url: '/api/datasets', ...withAuth(multipart('notes.csv', Buffer.from(''))) });
    expect(notTable.statusCode).toBe(400);
    const otherProject = await t.app.inject({ method: 'POST', url: '/api/syntheticDataPipeline', headers: auth, payload: { datasetId: 'art_nope', rowCount: 10 } });
    expect(otherProject.statusCode).toBe(404);
  });
});

function withAuth(m: { payload: Buffer; headers: Record<string, string> }) {
  return { payload: m.payload, headers: { ...m.headers, ...auth } };
}
