import { Readable } from 'node:stream';
import multipart from '@fastify/multipart';
import { SynthError } from '../../core/index.js';
import { evaluateStored, evaluateStoredInputSchema, exportDataset, uploadDataset, validateOpInput, visualizeStored, visualizeStoredInputSchema } from '../../pipeline/index.js';
import type { Router } from '../router.js';

/** Uploads, downloads, artifacts, and the modular evaluate/visualize calls on stored tables. */
export async function registerDatasetRoutes(router: Router): Promise<void> {
  const { app, deps } = router;
  await app.register(multipart, { limits: { fileSize: deps.config.server.bodyLimitBytes, files: 1 } });

  router.route('POST /api/datasets', async (req, reply, ctx) => {
    if (!req.isMultipart()) throw new SynthError('REQUEST_INVALID', 'upload the table as multipart/form-data with one file field', { path: '/' });
    const file = await req.file();
    if (!file) throw new SynthError('REQUEST_INVALID', 'the upload has no file', { path: '/' });
    let content: Buffer;
    try {
      content = await file.toBuffer();
    } catch {
      throw new SynthError('REQUEST_TOO_LARGE', `the file is larger than ${deps.config.server.bodyLimitBytes} bytes`, { path: file.filename });
    }
    const dataset = await uploadDataset(ctx, { name: file.filename || 'upload.csv', content });
    return reply.code(201).send(dataset);
  });

  router.route('GET /api/runs/:id/dataset', async (req, reply, ctx) => {
    const { id } = req.params as { id: string };
    const { format } = req.query as { format?: string };
    const out = await exportDataset(ctx, { runId: id, format });
    return reply.type(out.mediaType).header('content-disposition', `attachment; filename="${out.fileName}"`).send(streamOf(out.body));
  });

  router.route('GET /api/runs/:id/artifacts/:artifactId', async (req, reply, ctx) => {
    const { id, artifactId } = req.params as { id: string; artifactId: string };
    const art = await ctx.store.getArtifact(artifactId, ctx.actor.project);
    if (!art || art.runId !== id) throw new SynthError('NOT_FOUND', `no artifact "${artifactId}" in run "${id}"`, { path: artifactId });
    if (art.kind === 'dataset') {
      // Datasets go through the export path, which enforces the PII policy and records the download.
      const out = await exportDataset(ctx, { runId: id });
      return reply.type(out.mediaType).send(streamOf(out.body));
    }
    return reply.type(art.mediaType).send(streamOf(ctx.store.readArtifact(art)));
  });

  router.route('POST /api/evaluateSyntheticData', async (req, _reply, ctx) => {
    const input = validateOpInput<Parameters<typeof evaluateStored>[1]>(evaluateStoredInputSchema, req.body, 'the body');
    return evaluateStored(ctx, input);
  });

  router.route('POST /api/visualizeSyntheticData', async (req, _reply, ctx) => {
    const input = validateOpInput<Parameters<typeof visualizeStored>[1]>(visualizeStoredInputSchema, req.body, 'the body');
    return visualizeStored(ctx, input);
  });
}

/** fastify streams Node readables, not async iterables. */
function streamOf(body: AsyncIterable<Uint8Array | string> | NodeJS.ReadableStream): NodeJS.ReadableStream {
  return body instanceof Readable ? body : Readable.from(body as AsyncIterable<Uint8Array | string>);
}
