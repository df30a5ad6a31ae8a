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
