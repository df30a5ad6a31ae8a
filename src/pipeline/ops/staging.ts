import { createReadStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Field, RecordBatch } from '../../core/index.js';
import { openWriter, type TableFormat } from '../../io/index.js';
import type { ArtifactRecord } from '../../store/index.js';
import type { OpContext } from '../context.js';

/** A dataset written to the staging folder, not yet stored. */
export interface StagedFile {
  path: string;
  format: TableFormat;
  rows: number;
  bytes: number;
}

const MEDIA: Record<TableFormat, string> = {
  csv: 'text/csv; charset=utf-8', json: 'application/json', jsonl: 'application/x-ndjson', yaml: 'application/yaml', parquet: 'application/vnd.apache.parquet',
};

/** The media type of a table format. */
export function mediaTypeOf(format: TableFormat): string {
  return MEDIA[format];
}

/**
 * Streams batches into a staging file (atomically) while `onBatch` sees each batch, so a dataset of any size is written
 * without being held in memory.
 */
export async function stageFile(
  ctx: OpContext, runId: string, format: TableFormat, fields: readonly Field[], batches: AsyncIterable<RecordBatch>, onBatch: (b: RecordBatch) => void,
): Promise<StagedFile> {
  const path = join(ctx.config.dataDir, 'staging', `${runId}.${format}`);
  const writer = await openWriter({ path, createFolder: true }, format, fields);
  try {
    for await (const batch of batches) {
      onBatch(batch);
      await writer.write(batch);
    }
    const done = await writer.close();
    return { path, format, rows: done.rows, bytes: done.bytes };
  } catch (e) {
    await writer.abort();
    throw e;
  }
}

/** Moves a staged file into the store as the run's dataset artifact and removes the staging copy. */
export async function storeStagedFile(ctx: OpContext, runId: string, staged: StagedFile, name: string): Promise<ArtifactRecord> {
  try {
    return await ctx.store.putArtifact({ project: ctx.actor.project, runId, name, kind: 'dataset', mediaType: mediaTypeOf(staged.format), content: createReadStream(staged.path) });
  } finally {
    await rm(staged.path, { force: true });
  }
}
