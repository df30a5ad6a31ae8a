import { getRun, pipelineHistory, historyInputSchema, validateOpInput } from '../../pipeline/index.js';
import type { Router } from '../router.js';

/** `GET /api/pipelineHistory` (paged, filtered) and `GET /api/runs/:id`. */
export function registerHistoryRoutes(router: Router): void {
  router.route('GET /api/pipelineHistory', async (req, _reply, ctx) => {
    const query = { ...(req.query as Record<string, unknown>) };
    if (typeof query.limit === 'string' && /^\d+$/.test(query.limit)) query.limit = Number(query.limit);
    const input = validateOpInput<Parameters<typeof pipelineHistory>[1]>(historyInputSchema, query, 'the query');
    return pipelineHistory(ctx, input);
  });
  router.route('GET /api/runs/:id', async (req, _reply, ctx) => {
    const { id } = req.params as { id: string };
    const { run, artifacts } = await getRun(ctx, { id });
    return { ...run, artifacts: artifacts.map((a) => ({ ...a, url: `/api/runs/${run.id}/artifacts/${a.id}` })) };
  });
}
