import type { FastifyRequest } from 'fastify';
import { SynthError } from '../core/index.js';
import { LOCAL_ACTOR, type SynthConfig } from '../pipeline/index.js';
import type { Actor, Store } from '../store/index.js';
import { ACCESS_MATRIX, mayCall } from './access-matrix.js';

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;

/** The key in a request: `Authorization: Bearer KEY` or `X-API-Key: KEY`. */
export function keyOf(req: FastifyRequest): string | undefined {
  const auth = req.headers.authorization;
  if (typeof auth === 'string' && /^bearer\s+/i.test(auth)) return auth.replace(/^bearer\s+/i, '').trim();
  const header = req.headers['x-api-key'];
  return typeof header === 'string' && header !== '' ? header.trim() : undefined;
}

/**
 * Works out who is calling `route` and whether they may: a valid key's owner, or the local user when local mode is on
 * and the request comes from loopback without a key. Denials are recorded in the audit log.
 */
export async function authorize(req: FastifyRequest, route: string, store: Store, config: SynthConfig): Promise<Actor> {
  if (ACCESS_MATRIX[route] === 'public') return LOCAL_ACTOR;
  const secret = keyOf(req);
  let actor: Actor | undefined;
  if (secret !== undefined) {
    const key = await store.findKey(secret);
    if (!key) {
      await deny(store, { user: 'anonymous', role: 'none', project: 'unknown' }, route, 'unknown or revoked key', req);
      throw new SynthError('AUTH_REQUIRED', 'the API key is unknown or revoked', { hint: 'Ask an admin for a key: synthdata keys create --user U --role R --project P' });
    }
    actor = { user: key.user, role: key.role, project: key.project };
  } else if (config.server.localMode && LOOPBACK.test(req.ip)) {
    actor = LOCAL_ACTOR;
  } else {
    await deny(store, { user: 'anonymous', role: 'none', project: 'unknown' }, route, 'no API key', req);
    throw new SynthError('AUTH_REQUIRED', 'this endpoint needs an API key', { hint: 'Send it as "Authorization: Bearer KEY".' });
  }
  if (!mayCall(route, actor.role)) {
    await deny(store, actor, route, `role ${actor.role} may not call ${route}`, req);
    throw new SynthError('AUTH_FORBIDDEN', `the role "${actor.role}" may not call ${route}`, { path: route });
  }
  return actor;
}

async function deny(store: Store, who: { user: string; role: string; project: string }, route: string, reason: string, req: FastifyRequest): Promise<void> {
  await store.appendAudit({ event: 'AccessDenied', user: who.user, role: who.role, project: who.project, fields: { route, reason, ip: req.ip } });
}
