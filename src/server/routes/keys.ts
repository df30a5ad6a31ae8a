import { SynthError } from '../../core/index.js';
import { createKey, createKeyInputSchema, listKeys, revokeKey, validateOpInput } from '../../pipeline/index.js';
import type { Router } from '../router.js';

/** Key management for admins, confined to the admin's own project. */
export function registerKeyRoutes(router: Router): void {
  router.route('GET /api/keys', async (_req, _reply, ctx) => ({ items: await listKeys(ctx, { project: ctx.actor.project }) }));
  router.route('POST /api/keys', async (req, reply, ctx) => {
    const input = validateOpInput<{ user: string; role: string; project: string }>(createKeyInputSchema, req.body, 'the body');
    if (input.project !== ctx.actor.project) {
      throw new SynthError('AUTH_FORBIDDEN', `an admin of project "${ctx.actor.project}" cannot create keys for project "${input.project}"`, { path: '/project' });
    }
    const created = await createKey(ctx, input);
    return reply.code(201).send({ ...created.key, secret: created.secret });
  });
  router.route('DELETE /api/keys/:id', async (req, _reply, ctx) => {
    const { id } = req.params as { id: string };
    const mine = (await listKeys(ctx, { project: ctx.actor.project })).some((k) => k.id === id);
    if (!mine) throw new SynthError('NOT_FOUND', `no key "${id}" in project "${ctx.actor.project}"`, { path: id });
    return revokeKey(ctx, { id });
  });
}
