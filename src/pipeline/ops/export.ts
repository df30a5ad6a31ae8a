import { PassThrough } from 'node:stream';
import { SynthError } from '../../core/index.js';
import { TABLE_FORMATS, openWriter, readBatchesFromStream, readFormatFromPath, type TableFormat } from '../../io/index.js';
import type { ArtifactRecord } from '../../store/index.js';
import { ACCESS_RULES, requireRole } from '../access.js';
import type { OpContext } from '../context.js';
import { mediaTypeOf } from './staging.js';

/** What an export hands back: the media type, a file name and the bytes as a stream. */
export interface ExportedDataset {
  mediaType: string;
  fileName: string;
  format: TableFormat;
  body: AsyncIterable<Uint8Array | string> | NodeJS.ReadableStream;
}

/**
 * Exports a run's dataset in `format` (converted on the fly, streamed). Refused with PII_BLOCKED when the run's PII
 * policy blocked it, NOT_FOUND for other projects' runs; every export is recorded in the audit log.
 */
export async function exportDataset(ctx: OpContext, input: { runId: string; format?: string }): Promise<ExportedDataset> {
  const run = await ctx.store.getRun(input.runId, ctx.actor.project);
  if (!run) throw new SynthError('NOT_FOUND', `no run "${input.runId}" in project "${ctx.actor.project}"`, { path: 'runId' });
  // Every way to a dataset (the download route, the run's artifact link, an MCP resource) comes through here, so
  // the export rule is checked here too: a role that may read runs but not export them cannot fetch the rows.
  await requireRole(() => ctx.store, ctx.actor, ACCESS_RULES.exportDataset, { resource: `the dataset of run ${run.id}` }, undefined);
  const audit = (event: 'ExportTriggered' | 'ExportBlocked', fields: Record<string, unknown>) =>
    ctx.store.appendAudit({ event, user: ctx.actor.user, role: ctx.actor.role, project: ctx.actor.project, runId: run.id, schemaFingerprint: run.schemaFingerprint, fields });
  if (run.status === 'blocked') {
    await audit('ExportBlocked', { format: input.format ?? null, reason: 'pii policy' });
    const pii = (run.result as { pii?: { counts?: Record<string, number> } } | null)?.pii;
    const found = pii?.counts ? Object.entries(pii.counts).map(([t, n]) => `${t} ${n}`).join(', ') : 'personal data';
    throw new SynthError('PII_BLOCKED', `the dataset of run ${run.id} is blocked by its PII policy (found: ${found})`, { path: `/api/runs/${run.id}/dataset`, hint: 'Run the pipeline again with piiPolicy "redact", or fix the source of the personal data.' });
  }
  if (run.status !== 'succeeded') {
    throw new SynthError('NOT_FOUND', `run ${run.id} has no complete dataset (status: ${run.status})`, { path: 'runId', hint: run.status === 'running' || run.status === 'queued' ? 'Wait for the run to finish.' : undefined });
  }
  const artifacts = await ctx.store.listArtifacts(run.id, ctx.actor.project);
  const dataset = artifacts.find((a) => a.kind === 'dataset');
  if (!dataset) throw new SynthError('NOT_FOUND', `run ${run.id} stored no dataset`, { path: 'runId' });
  const stored = readFormatFromPath(dataset.name) as TableFormat;
  const format = (input.format ?? stored) as TableFormat;
  if (!(TABLE_FORMATS as readonly string[]).includes(format)) {
    throw new SynthError('IO_UNKNOWN_FORMAT', `unknown export format "${input.format}"; use ${TABLE_FORMATS.join(', ')}`, { path: 'format' });
  }
  await audit('ExportTriggered', { format, rowCount: run.rowCount });
  const fileName = `${run.id}.${format}`;
  if (format === stored) return { mediaType: dataset.mediaType, fileName, format, body: ctx.store.readArtifact(dataset) };
  return { mediaType: mediaTypeOf(format), fileName, format, body: convert(ctx, dataset, format) };
}

/** Streams a stored table in another format, through a pass-through stream so nothing is held whole. */
function convert(ctx: OpContext, dataset: ArtifactRecord, format: TableFormat): NodeJS.ReadableStream {
  const out = new PassThrough();
  void (async () => {
    const batches = readBatchesFromStream(ctx.store.readArtifact(dataset), { format: readFormatFromPath(dataset.name), name: dataset.name });
    let writer: Awaited<ReturnType<typeof openWriter>> | undefined;
    try {
      for await (const batch of batches) {
        writer ??= await openWriter({ stream: out, end: true }, format, batch.fields);
        await writer.write(batch);
      }
      if (writer) await writer.close();
      else out.end();
    } catch (e) {
      out.destroy(e as Error);
    }
  })();
  return out;
}
