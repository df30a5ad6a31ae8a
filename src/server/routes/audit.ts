import { Readable } from 'node:stream';
import { exportAudit, verifyAudit } from '../../pipeline/index.js';
import type { Router } from '../router.js';

/** `GET /api/audit` (streamed export, compliance role) and `GET /api/audit/verify`. */
export function registerAuditRoutes(router: Router): void {
  router.route('GET /api/audit', async (req, reply, ctx) => {
    const q = req.query as { format?: string; event?: string };
    const format = q.format ?? 'jsonl';
    const chunks = exportAudit(ctx, { format, event: q.event, project: ctx.actor.role === 'admin' ? undefined : ctx.actor.project });
    // Pull the first chunk before answering, so a bad format is a 4xx problem and not a broken stream.
    const it = chunks[Symbol.asyncIterator]();
    const first = await it.next();
    async function* rest() {
      if (!first.done) yield first.value;
      for (let n = await it.next(); !n.done; n = await it.next()) yield n.value;
    }
    const type = format === 'csv' ? 'text/csv' : format === 'json' ? 'application/json' : 'application/x-ndjson';
    return reply.type(type).send(Readable.from(rest()));
  });
  router.route('GET /api/audit/verify', async (_req, _reply, ctx) => verifyAudit(ctx));
}
