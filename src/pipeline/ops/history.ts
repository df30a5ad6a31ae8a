import { SynthError } from '../../core/index.js';
import { RUN_STATUSES, type ArtifactRecord, type Page, type RunRecord, type RunStatus } from '../../store/index.js';
import type { OpContext } from '../context.js';

/** JSON Schema of {@link pipelineHistory}'s input (query parameters of GET /api/pipelineHistory). */
export const historyInputSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    user: { type: 'string' },
    status: { enum: RUN_STATUSES },
    from: { type: 'string', format: 'date-time', description: 'runs created at or after' },
    to: { type: 'string', format: 'date-time', description: 'runs created before' },
    limit: { type: 'integer', minimum: 1, maximum: 500, default: 50 },
    cursor: { type: 'string' },
  },
} as const;

/** The runs of the caller's project, newest first, paged and filtered by user, status and date. */
export async function pipelineHistory(
  ctx: OpContext,
  input: { user?: string; status?: string; from?: string; to?: string; limit?: number; cursor?: string } = {},
): Promise<Page<RunRecord>> {
  if (input.status !== undefined && !(RUN_STATUSES as readonly string[]).includes(input.status)) {
    throw new SynthError('INVALID_ARGUMENT', `status must be one of ${RUN_STATUSES.join(', ')}, got "${input.status}"`, { path: 'status' });
  }
  return ctx.store.listRuns({
    project: ctx.actor.project,
    user: input.user,
    status: input.status as RunStatus | undefined,
    from: parseTime(input.from, 'from'),
    to: parseTime(input.to, 'to'),
    limit: input.limit,
    cursor: input.cursor,
  });
}

/** One run of the caller's project with its artifacts; NOT_FOUND for missing runs and for other projects' runs alike. */
export async function getRun(ctx: OpContext, input: { id: string }): Promise<{ run: RunRecord; artifacts: ArtifactRecord[] }> {
  const run = await ctx.store.getRun(input.id, ctx.actor.project);
  if (!run) throw new SynthError('NOT_FOUND', `no run "${input.id}" in project "${ctx.actor.project}"`, { path: 'id' });
  return { run, artifacts: await ctx.store.listArtifacts(run.id, ctx.actor.project) };
}

function parseTime(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const t = Date.parse(value);
  if (Number.isNaN(t)) throw new SynthError('INVALID_ARGUMENT', `${name} must be a date or date-time like 2026-01-31, got "${value}"`, { path: name });
  return t;
}
