import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testApp } from './test-app.js';

let t: Awaited<ReturnType<typeof testApp>>;
beforeEach(async () => {
  t = await testApp({ server: { localMode: false } });
});
afterEach(() => t.close());

describe('server basics', () => {
  it('answers health and readiness without a key', async () => {
    expect((await t.app.inject('/healthz')).json()).toEqual({ status: 'ok' });
    expect((await t.app.inject('/readyz')).json()).toMatchObject({ status: 'ready', store: 'sqlite' });
  });

  it('refuses missing, wrong and revoked keys with problem+json, and records it', async () => {
    const none = await t.app.inject('/api/pipelineHistory');
    expect(none.statusCode).toBe(401);
    expect(none.headers['content-type']).toContain('application/problem+json');
    expect(none.json()).toMatchObject({ code: 'AUTH_REQUIRED', status: 401 });
    const wrong = await t.app.inject({ url: '/api/pipelineHistory', headers: { authorization: 'Bearer sd_nope' } });
    expect(wrong.statusCode).toBe(401);
    const { record, secret } = await t.store.createKey({ user: 'ann', role: 'qa-engineer', project: 'p1' });
    expect((await t.app.inject({ url: '/api/pipelineHistory', headers: { authorization: `Bearer ${secret}` } })).statusCode).toBe(200);
    await t.store.revokeKey(record.id);
    expect((await t.app.inject({ url: '/api/pipelineHistory', headers: { 'x-api-key': secret } })).statusCode).toBe(401);
    expect((await t.store.listAudit({ event: 'AccessDenied' })).length).toBe(3);
  });

  it('isolates projects: another project\'s run is not found', async () => {
    const run = await t.store.createRun({ project: 'p2', user: 'bob', kind: 'generate' });
    const key = await t.key('admin', 'p1');
    const res = await t.app.inject({ url: `/api/runs/${run.id}`, headers: { authorization: `Bearer ${key}` } });
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('NOT_FOUND');
    const own = await t.key('admin', 'p2');
    expect((await t.app.inject({ url: `/api/runs/${run.id}`, headers: { authorization: `Bearer ${own}` } })).json()).toMatchObject({ id: run.id, project: 'p2' });
  });

  it('pages and filters the history', async () => {
    for (let i = 0; i < 5; i++) await t.store.createRun({ project: 'p1', user: i < 2 ? 'ann' : 'bob', kind: 'generate', status: 'succeeded' });
    const key = await t.key('qa-engineer');
    const page1 = (await t.app.inject({ url: '/api/pipelineHistory?limit=2', headers: { authorization: `Bearer ${key}` } })).json();
    expect(page1.items).toHaveLength(2);
    const page2 = (await t.app.inject({ url: `/api/pipelineHistory?limit=2&cursor=${page1.next}`, headers: { authorization: `Bearer ${key}` } })).json();
    expect(page2.items[0].id).not.toBe(page1.items[0].id);
    const bob = (await t.app.inject({ url: '/api/pipelineHistory?user=bob', headers: { authorization: `Bearer ${key}` } })).json();
    expect(bob.items).toHaveLength(3);
    const bad = await t.app.inject({ url: '/api/pipelineHistory?status=weird&limit=0', headers: { authorization: `Bearer ${key}` } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().issues.length).toBe(2);
  });

  it('lets an admin manage keys of its own project only; the audit log records it and verifies', async () => {
    const admin = await t.key('admin', 'p1');
    const auth = { authorization: `Bearer ${admin}` };
    const created = await t.app.inject({ method: 'POST', url: '/api/keys', headers: auth, payload: { user: 'cara', role: 'ml-engineer', project: 'p1' } });
    expect(created.statusCode).toBe(201);
    expect(created.json().secret).toMatch(/^sd_/);
    const other = await t.app.inject({ method: 'POST', url: '/api/keys', headers: auth, payload: { user: 'x', role: 'admin', project: 'p2' } });
    expect(other.statusCode).toBe(403);
    const unknownField = await t.app.inject({ method: 'POST', url: '/api/keys', headers: auth, payload: { user: 'x', role: 'admin', project: 'p1', extra: 1 } });
    expect(unknownField.statusCode).toBe(400);
    expect(unknownField.json().detail).toContain('unknown field "extra"');
    const revoked = await t.app.inject({ method: 'DELETE', url: `/api/keys/${created.json().id}`, headers: auth });
    expect(revoked.json().revokedAt).not.toBeNull();
    const audit = await t.app.inject({ url: '/api/audit', headers: auth });
    const events = audit.body.trim().split('\n').map((l) => JSON.parse(l).event);
    expect(events).toEqual(expect.arrayContaining(['KeyCreated', 'KeyRevoked', 'AccessDenied']));
    expect((await t.app.inject({ url: '/api/audit/verify', headers: auth })).json()).toMatchObject({ ok: true });
    expect((await t.app.inject({ url: '/api/audit?format=xml', headers: auth })).statusCode).toBe(415);
  });

  it('answers malformed JSON and unknown routes with problem+json, never a crash', async () => {
    const admin = await t.key('admin');
    const bad = await t.app.inject({ method: 'POST', url: '/api/keys', headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' }, payload: '{"user": ' });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    const missing = await t.app.inject('/api/nothing-here');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('NOT_FOUND');
  });

  it('serves an OpenAPI document and a docs page', async () => {
    const doc = (await t.app.inject('/api/openapi.json')).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toContain('/api/runs/{id}');
    expect((await t.app.inject('/docs')).body).toContain('/api/openapi.json');
  });

  it('allows keyless local mode only from loopback when it is on', async () => {
    const local = await testApp({ server: { localMode: true } });
    try {
      expect((await local.app.inject({ url: '/api/pipelineHistory', remoteAddress: '127.0.0.1' })).statusCode).toBe(200);
      expect((await local.app.inject({ url: '/api/pipelineHistory', remoteAddress: '10.1.2.3' })).statusCode).toBe(401);
    } finally {
      await local.close();
    }
  });
});
