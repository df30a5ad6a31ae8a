import type { FastifyRequest } from 'fastify';
import { apiKeyOf, LOCAL_ACTOR, requireRole, resolveActor, type SynthConfig } from '../pipeline/index.js';
import type { Actor, Store } from '../store/index.js';
import { ACCESS_MATRIX } from './access-matrix.js';

/**
 * Works out who is calling `route` and whether they may: a valid key's owner, or the local user when local mode is on
 * and the request comes from loopback without a key. Denials are recorded in the audit log.
 */
export async function authorize(req: FastifyRequest, route: string, store: Store, config: SynthConfig): Promise<Actor> {
  if (ACCESS_MATRIX[route] === 'public') return LOCAL_ACTOR;
  const target = { route };
  const actor = await resolveActor({ store: () => store, localMode: config.server.localMode }, { secret: apiKeyOf(req.headers), address: req.ip }, target);
  await requireRole(() => store, actor, ACCESS_MATRIX[route], target, req.ip);
  return actor;
}
