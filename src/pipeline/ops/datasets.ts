import { SynthError, tableFromBatches, type RecordBatch, type Table } from '../../core/index.js';
import { readBatchesFromStream, readFormatFromPath, type ReadFormat } from '../../io/index.js';
import type { ArtifactRecord } from '../../store/index.js';
import type { OpContext } from '../context.js';

/** Media types of the sample-table formats an upload may use. */
const MEDIA: Record<string, string> = {
  csv: 'text/csv', json: 'application/json', jsonl: 'application/x-ndjson', yaml: 'application/yaml',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', parquet: 'application/vnd.apache.parquet',
};

/** A stored sample table: its id (for `datasetId` in a pipeline run), name, format, rows and columns. */
export interface UploadedDataset {
  datasetId: string;
  name: string;
  format: ReadFormat;
  bytes: number;
  rows: number;
  columns: { name: string; kind: string }[];
}

/**
 * Stores an uploaded sample table in the caller's project after checking that it reads as a table: a file that is not
 * a table is refused and nothing is kept. Uploads are bounded by the server's body limit, so they are checked in memory.
 */
export async function uploadDataset(ctx: OpContext, input: { name: string; content: Uint8Array }): Promise<UploadedDataset> {
  const format = readFormatFromPath(input.name);
  const table = await tableFromBatches(readBatchesFromStream(once(input.content), { format, name: input.name }));
  if (table.length === 0) throw new SynthError('IO_EMPTY', `"${input.name}" has no data rows`, { path: input.name });
  const record = await ctx.store.putArtifact({ project: ctx.actor.project, runId: null, name: input.name, kind: 'source-dataset', mediaType: MEDIA[format] ?? 'application/octet-stream', content: input.content });
  await ctx.store.appendAudit({
    event: 'DatasetUploaded', user: ctx.actor.user, role: ctx.actor.role, project: ctx.actor.project,
    fields: { datasetId: record.id, name: input.name, format, bytes: record.bytes, rows: table.length, fields: table.fields.map((f) => f.name) },
  });
  return { datasetId: record.id, name: input.name, format, bytes: record.bytes, rows: table.length, columns: table.fields.map((f) => ({ name: f.name, kind: f.kind })) };
}

/** The stored dataset `id` of the caller's project; NOT_FOUND otherwise (other projects' datasets included). */
export async function getDataset(ctx: OpContext, id: string): Promise<ArtifactRecord> {
  const record = await ctx.store.getArtifact(id, ctx.actor.project);
  if (!record || record.kind !== 'source-dataset') throw new SynthError('NOT_FOUND', `no dataset "${id}" in project "${ctx.actor.project}"`, { path: 'datasetId', hint: 'Upload a sample table with POST /api/datasets first.' });
  return record;
}

/** Streams a stored table artifact as batches, in whatever format it was stored. */
export function readArtifactBatches(ctx: OpContext, record: ArtifactRecord): AsyncIterable<RecordBatch> {
  return readBatchesFromStream(ctx.store.readArtifact(record), { format: readFormatFromPath(record.name), name: record.name });
}

/** Reads a stored table artifact whole. */
export async function readDatasetTable(ctx: OpContext, record: ArtifactRecord): Promise<Table> {
  const table = await tableFromBatches(readArtifactBatches(ctx, record));
  if (table.length === 0) throw new SynthError('IO_EMPTY', `"${record.name}" has no data rows`, { path: record.name });
  return table;
}

async function* once(bytes: Uint8Array): AsyncIterable<Uint8Array> {
  yield bytes;
}
