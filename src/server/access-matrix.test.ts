import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES } from '../store/index.js';
import { ACCESS_MATRIX, mayCall } from './access-matrix.js';
import { testApp } from './test-app.js';

let t: Awaited<ReturnType<typeof testApp>>;
const keys: Record<string, string> = {};

beforeAll(async () => {
  t = await testApp({ server: { localMode: false } });
  for (const role of ROLES) keys[role] = await t.key(role);
});
afterAll(() => t.close());

function urlOf(route: string): string {
  return route.split(' ')[1]!.replace(':artifactId', 'art_missing').replace(':id', 'missing');
}

describe('role x endpoint matrix', () => {
  const routes = Object.keys(ACCESS_MATRIX);

  it('lists every route the server has, and the server has every route it lists', () => {
    for (const route of routes) {
      const [method, url] = route.split(' ') as [string, string];
      expect(t.app.hasRoute({ method: method as 'GET', url }), route).toBe(true);
    }
  });

  for (const route of routes) {
    for (const role of ROLES) {
      const allowed = mayCall(route, role);
      it(`${role} ${allowed ? 'may' : 'may not'} call ${route}`, async () => {
        const [method] = route.split(' ') as [string];
        const res = await t.app.inject({
          method: method as 'GET',
          url: urlOf(route),
          headers: method === 'GET' || method === 'DELETE' ? { authorization: `Bearer ${keys[role]}` } : { authorization: `Bearer ${keys[role]}`, 'content-type': 'application/json' },
          payload: method === 'GET' || method === 'DELETE' ? undefined : '{}',
        });
        if (allowed) {
          expect([401, 403], `${res.statusCode} ${res.body}`).not.toContain(res.statusCode);
        } else {
          expect(res.statusCode).toBe(403);
          expect(res.headers['content-type']).toContain('application/problem+json');
          expect(res.json()).toMatchObject({ code: 'AUTH_FORBIDDEN', status: 403 });
        }
      });
    }
  }

  it('records denials in the audit log', async () => {
    const denied = await t.store.listAudit({ event: 'AccessDenied', limit: 10_000 });
    const expected = routes.reduce((n, r) => n + ROLES.filter((role) => !mayCall(r, role)).length, 0);
    expect(denied.length).toBeGreaterThanOrEqual(expected);
  });
});

describe('a run dataset reached through its artifact link', () => {
  it('is refused to a role that may read runs but not export them, and served to one that may', async () => {
    const res = await t.app.inject({
      method: 'POST', url: '/api/syntheticDataPipeline', headers: { authorization: `Bearer ${keys['qa-engineer']}`, 'content-type': 'application/json' },
      payload: JSON.stringify({ schema: { type: 'object', properties: { n: { type: 'integer', minimum: 1, maximum: 9 } }, required: ['n'] }, rowCount: 20, seed: 1, options: { visualizations: [] } }),
    });
    expect(res.statusCode, res.body).toBe(200);
    const runId = (res.json() as { runId: string }).runId;
    const dataset = (await t.store.listArtifacts(runId, 'p1')).find((a) => a.kind === 'dataset')!;
    const url = `/api/runs/${runId}/artifacts/${dataset.id}`;
    const compliance = await t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${keys['compliance-admin']}` } });
    expect(compliance.statusCode).toBe(403);
    expect(compliance.json()).toMatchObject({ code: 'AUTH_FORBIDDEN' });
    const qa = await t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${keys['qa-engineer']}` } });
    expect(qa.statusCode).toBe(200);
    expect(qa.body.split('\n')[0]).toBe('n');
  });
});
