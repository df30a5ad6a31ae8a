import { SynthError } from '../../core/index.js';
import { runPipelineInputSchema, validateOpInput, type RunPipelineInput } from '../../pipeline/index.js';
import { JobRunner } from '../jobs.js';
import type { Router } from '../router.js';

/** `POST /api/syntheticDataPipeline` (answers the result, or 202 for large runs) and `GET /api/runs/:id/events` (SSE). */
export function registerPipelineRoutes(router: Router): void {
  const { config } = router.deps;
  const jobs = new JobRunner(config.server.maxConcurrentJobs);

  router.route('POST /api/syntheticDataPipeline', async (req, reply, ctx) => {
    const input = validateOpInput<RunPipelineInput>(runPipelineInputSchema, req.body, 'the body');
    if (input.rowCount > config.maxRows) {
      throw new SynthError('REQUEST_TOO_LARGE', `rowCount ${input.rowCount} is above the limit of ${config.maxRows}`, { path: '/rowCount', hint: 'Ask for fewer rows or raise maxRows in the configuration.' });
    }
    if (input.rowCount > config.server.jobThresholdRows) {
      const runId = await jobs.start(ctx, input);
      return reply.code(202).header('location', `/api/runs/${runId}`).send({
        runId, status: 'running', statusUrl: `/api/runs/${runId}`, eventsUrl: `/api/runs/${runId}/events`,
      });
    }
    return jobs.runNow(ctx, input);
  });

  router.route('GET /api/runs/:id/events', async (req, reply, ctx) => {
    const { id } = req.params as { id: string };
    const run = await ctx.store.getRun(id, ctx.actor.project);
    if (!run) throw new SynthError('NOT_FOUND', `no run "${id}" in project "${ctx.actor.project}"`, { path: id });
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
    const send = (type: string, data: unknown) => res.write(`event: ${type}\ndata: ${JSON.stringify(data)}\n\n`);
    const live = jobs.follow(id);
    if (!live) {
      // Not running here: the stored state is the whole story.
      send('status', { runId: id, status: run.status });
      send('end', null);
      res.end();
      return reply;
    }
    for (const e of live.events) send(e.type, e.data);
    if (live.done) {
      send('end', null);
      res.end();
      return reply;
    }
    const unsubscribe = live.subscribe((e) => {
      send(e.type, e.data);
      if (e.type === 'end') {
        unsubscribe();
        res.end();
      }
    });
    req.raw.on('close', unsubscribe);
    return reply;
  });
}
