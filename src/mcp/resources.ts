import { SynthError } from '../core/index.js';
import { exportDataset, pipelineHistory, type OpContext } from '../pipeline/index.js';
import type { ArtifactRecord } from '../store/index.js';

/** The URI template of a run artifact. */
export const ARTIFACT_URI_TEMPLATE = 'synthdata://runs/{runId}/artifacts/{artifactId}';

/** How many recent runs resources/list walks. */
const RECENT_RUNS = 20;

/** One listed resource, as MCP describes it. */
export interface ResourceEntry {
  uri: string;
  name: string;
  title?: string;
  mimeType: string;
  size: number;
}

/** One read resource: text for text-like media, base64 otherwise. */
export type ResourceContent = { uri: string; mimeType: string; text: string } | { uri: string; mimeType: string; blob: string };

/** The URI of an artifact of a run. */
export function artifactUri(runId: string, artifactId: string): string {
  return `synthdata://runs/${encodeURIComponent(runId)}/artifacts/${encodeURIComponent(artifactId)}`;
}

/** The artifacts (datasets, reports, charts) of the project's most recent runs. */
export async function listRunArtifacts(ctx: OpContext): Promise<ResourceEntry[]> {
  const runs = await pipelineHistory(ctx, { limit: RECENT_RUNS });
  const entries: ResourceEntry[] = [];
  for (const run of runs.items) {
    for (const art of await ctx.store.listArtifacts(run.id, ctx.actor.project)) {
      // A blocked or unfinished run's dataset cannot be read, so it is not offered.
      if (art.kind === 'dataset' && run.status !== 'succeeded') continue;
      entries.push(toEntry(run.id, art));
    }
  }
  return entries;
}

/**
 * Reads one artifact by its URI; NOT_FOUND for an unknown URI, run or artifact (another project's included). A
 * dataset is read as an export: refused with PII_BLOCKED when its run's policy blocked it, and recorded in the audit log.
 */
export async function readRunArtifact(ctx: OpContext, uri: string): Promise<ResourceContent> {
  const match = /^synthdata:\/\/runs\/([^/]+)\/artifacts\/([^/]+)$/.exec(uri);
  if (!match) {
    throw new SynthError('NOT_FOUND', `"${uri}" is not a synthdata resource`, { path: 'uri', expected: ARTIFACT_URI_TEMPLATE });
  }
  const runId = decodeURIComponent(match[1]!);
  const artifactId = decodeURIComponent(match[2]!);
  const art = await ctx.store.getArtifact(artifactId, ctx.actor.project);
  if (!art || art.runId !== runId) {
    throw new SynthError('NOT_FOUND', `no artifact "${artifactId}" in run "${runId}" of project "${ctx.actor.project}"`, { path: 'uri' });
  }
  const body = art.kind === 'dataset' ? (await exportDataset(ctx, { runId })).body : ctx.store.readArtifact(art);
  const chunks: Buffer[] = [];
  for await (const chunk of body as AsyncIterable<Uint8Array | string>) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk));
  const bytes = Buffer.concat(chunks);
  return isText(art.mediaType)
    ? { uri, mimeType: art.mediaType, text: bytes.toString('utf8') }
    : { uri, mimeType: art.mediaType, blob: bytes.toString('base64') };
}

function toEntry(runId: string, art: ArtifactRecord): ResourceEntry {
  return { uri: artifactUri(runId, art.id), name: art.name, title: `${art.name} (${art.kind} of run ${runId})`, mimeType: art.mediaType, size: art.bytes };
}

function isText(mediaType: string): boolean {
  return /^text\/|[/+](json|xml|csv|yaml)\b|^application\/(x-)?ndjson|jsonl/.test(mediaType);
}
