import type { Router } from '../router.js';

/** `/healthz` (the process is up) and `/readyz` (the store answers). */
export function registerHealthRoutes(router: Router): void {
  router.route('GET /healthz', async () => ({ status: 'ok' }));
  router.route('GET /readyz', async (_req, reply, ctx) => {
    try {
      await ctx.store.listRuns({ project: '__readyz__', limit: 1 });
      return { status: 'ready', store: ctx.store.kind };
    } catch (e) {
      return reply.code(503).send({ status: 'not ready', reason: (e as Error).message });
    }
  });
}
