import { availableParallelism } from 'node:os';
import {
  SynthError, fingerprint, normalizeSeed, seedFromClock, toSynthError,
  type Field, type RecordBatch, type Table,
} from '../../core/index.js';
import { generate, compilePlan } from '../../generate/index.js';
import { TABLE_FORMATS, type TableFormat } from '../../io/index.js';
import { fitModel, sampleModel } from '../../learn/index.js';
import { scanTable, checkLeakage, PII_POLICIES, redactBatches } from '../../pii/index.js';
import { evaluate, METRIC_FAMILIES, parseMetricFamilies, type Report } from '../../evaluate/index.js';
import { CHART_KINDS, renderReport } from '../../visualize/index.js';
import type { OpContext } from '../context.js';
import { getDataset, readDatasetTable } from './datasets.js';
import { planDescription } from './describe.js';
import { loadTemplate } from './templates.js';
import { tableBatches } from './sample.js';
import { stageFile, storeStagedFile } from './staging.js';

/** Rows kept in memory for scanning, evaluation and charts; larger datasets are judged on their first rows. */
export const EVALUATION_ROWS = 50_000;

/** Rows from which generation moves to worker threads. */
const WORKER_ROWS = 200_000;

/** JSON Schema of {@link runPipeline}'s input: the body of POST /api/syntheticDataPipeline and the MCP tool run_pipeline. */
export const runPipelineInputSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  title: 'pipeline run',
  type: 'object',
  additionalProperties: false,
  properties: {
    schema: { type: 'object', description: 'A JSON Schema of one record (synthdata dialect).' },
    description: { type: 'string', minLength: 1, maxLength: 4000, description: 'Plain-English description, planned offline.' },
    template: { type: 'string', minLength: 1, description: 'A template as "domain" or "domain/task".' },
    datasetId: { type: 'string', description: 'An uploaded sample table to learn from (POST /api/datasets).' },
    synthesizer: { type: 'string', description: 'Synthesizer for datasetId (default: the best available).' },
    rowCount: { type: 'integer', minimum: 1 },
    seed: { type: ['integer', 'string'] },
    format: { enum: TABLE_FORMATS },
    options: {
      type: 'object',
      additionalProperties: false,
      properties: {
        visualizations: { type: 'array', items: { enum: CHART_KINDS }, uniqueItems: true },
        metrics: { type: 'array', items: { enum: METRIC_FAMILIES }, uniqueItems: true },
        piiPolicy: { enum: PII_POLICIES },
        target: { type: 'string' },
        inlineCharts: { type: 'boolean', description: 'Return the charts as base64 SVG too (default false: URLs only).' },
        referenceDate: { type: 'string', format: 'date' },
      },
    },
  },
  required: ['rowCount'],
  oneOf: [{ required: ['schema'] }, { required: ['description'] }, { required: ['template'] }, { required: ['datasetId'] }],
} as const;

/** Input of {@link runPipeline}. */
export interface RunPipelineInput {
  schema?: object;
  description?: string;
  template?: string;
  datasetId?: string;
  synthesizer?: string;
  rowCount: number;
  seed?: number | string;
  format?: TableFormat;
  options?: {
    visualizations?: string[];
    metrics?: string[];
    piiPolicy?: 'report' | 'redact' | 'block';
    target?: string;
    inlineCharts?: boolean;
    referenceDate?: string;
  };
}

/** What a run produced: where the data is, the verdict, the charts and the PII findings. */
export interface RunPipelineOutput {
  runId: string;
  status: 'succeeded' | 'blocked';
  seed: string;
  rowCount: number;
  format: TableFormat;
  dataUrl: string | null;
  reportUrl: string;
  evaluation: { verdict: string; score: number | null; properties: { name: string; score: number | null; verdict: string; reason: string }[] };
  visualizations: { name: string; kind: string; title: string; url: string; base64?: string }[];
  pii: { policy: string; totalFindings: number; counts: Record<string, number>; blocked: boolean; leaks?: { identifier: number; text: number } };
  durationMs: number;
}

const DEFAULT_CHARTS = ['histogram', 'scores'];

/**
 * One pipeline run: resolve the input (schema, description, template, or an uploaded table plus a synthesizer) ->
 * generate -> scan for PII -> evaluate -> visualize -> store the dataset, report and charts -> audit events. A failure
 * marks the run failed; a PII block keeps the data but refuses every export of it.
 */
export async function runPipeline(ctx: OpContext, input: RunPipelineInput, hooks: { onRunCreated?: (runId: string) => void } = {}): Promise<RunPipelineOutput> {
  const started = ctx.clock.now();
  const { actor, store } = ctx;
  if (input.rowCount > ctx.config.maxRows) {
    throw new SynthError('REQUEST_TOO_LARGE', `rowCount ${input.rowCount} is above the limit of ${ctx.config.maxRows}`, { path: '/rowCount' });
  }
  const seed = input.seed ?? seedFromClock(ctx.clock.now());
  const format = input.format ?? 'csv';
  const options = input.options ?? {};
  const policy = options.piiPolicy ?? 'report';
  const charts = options.visualizations ?? DEFAULT_CHARTS;
  const referenceDate = options.referenceDate ?? new Date(ctx.clock.now()).toISOString().slice(0, 10);
  const source = await resolveSource(ctx, input, seed);
  const schemaFingerprint = source.schema ? fingerprint(source.schema) : source.real ? fingerprint(source.real.fields) : null;
  const audit = (event: Parameters<typeof store.appendAudit>[0]['event'], runId: string, fields: Record<string, unknown>) =>
    store.appendAudit({ event, user: actor.user, role: actor.role, project: actor.project, runId, schemaFingerprint, fields });

  const run = await store.createRun({
    project: actor.project, user: actor.user, kind: 'pipeline', status: 'running', seed: normalizeSeed(seed), schemaFingerprint,
    rowCount: input.rowCount, input: { ...input, schema: input.schema ? '(inline schema)' : undefined },
  });
  hooks.onRunCreated?.(run.id);
  const step = async <T>(name: string, fn: () => Promise<T>): Promise<T> => {
    const t0 = ctx.clock.now();
    ctx.onEvent?.({ type: 'step', step: name, phase: 'start' });
    const result = await fn();
    ctx.onEvent?.({ type: 'step', step: name, phase: 'end', ms: ctx.clock.now() - t0 });
    return result;
  };
  try {
    await audit('DataGenStarted', run.id, { rowCount: input.rowCount, source: source.kind, format, synthesizer: source.synthesizer });

    // Generate and write the dataset, keeping the first rows for judging.
    const kept = new KeptRows(EVALUATION_ROWS);
    const batches = source.batches(seed, referenceDate);
    const redactSummary = { scan: undefined, redactedCells: 0 };
    const finalBatches = policy === 'redact' ? redactBatches(batches, { style: 'token' }, redactSummary) : batches;
    const staged = await step('generate', () => stageFile(ctx, run.id, format, source.fields, finalBatches, (b) => kept.add(b)));
    const synthetic = kept.table(source.fields);
    await audit('DataGenCompleted', run.id, { rowCount: staged.rows, bytes: staged.bytes, durationMs: ctx.clock.now() - started, fields: source.fields.map((f) => f.name), format });

    // PII: findings in the output, and for learned data, anything that leaked from the real table.
    const scan = await step('scan', () => scanTable(synthetic));
    const leakage = source.real ? checkLeakage(synthetic, source.real) : undefined;
    const blocked = policy === 'block' && (leakage ? leakage.leaked : scan.totalFindings > 0);
    if (scan.totalFindings > 0 || leakage?.leaked) {
      await audit('PIIDetected', run.id, { counts: scan.counts, totalFindings: scan.totalFindings, leaks: leakage?.counts, policy, blocked });
    }

    const dataset = await storeStagedFile(ctx, run.id, staged, `dataset.${format}`);

    // Evaluate against the real table when there is one, else on its own (schema conformance, uniqueness, diversity).
    const families = options.metrics ? parseMetricFamilies(options.metrics.join(',')) : undefined;
    const report: Report = await step('evaluate', () => evaluate(source.real, synthetic, { seed, metrics: families, target: options.target, schema: source.schema }));
    await audit('EvalCompleted', run.id, { verdict: report.verdict, score: report.score, metrics: report.properties.map((p) => ({ name: p.name, score: p.score, verdict: p.verdict })) });

    const rendered = await step('visualize', () => renderReport({ report, synthetic, real: source.real, pii: scan }, { charts, seed, title: `Run ${run.id}` }));
    const visualizations: RunPipelineOutput['visualizations'] = [];
    for (const chart of rendered.charts) {
      if (!chart.svg) continue;
      const art = await store.putArtifact({ project: actor.project, runId: run.id, name: `${chart.name}.svg`, kind: 'chart', mediaType: 'image/svg+xml', content: Buffer.from(chart.svg) });
      visualizations.push({ name: chart.name, kind: chart.kind, title: chart.title, url: `/api/runs/${run.id}/artifacts/${art.id}`, ...(options.inlineCharts ? { base64: Buffer.from(chart.svg).toString('base64') } : {}) });
    }
    await audit('VizCompleted', run.id, { charts: visualizations.map((v) => v.kind), count: visualizations.length });
    const html = await store.putArtifact({ project: actor.project, runId: run.id, name: 'report.html', kind: 'report-html', mediaType: 'text/html; charset=utf-8', content: Buffer.from(rendered.html) });
    await store.putArtifact({ project: actor.project, runId: run.id, name: 'report.json', kind: 'report', mediaType: 'application/json', content: Buffer.from(JSON.stringify(rendered.bundle)) });

    const output: RunPipelineOutput = {
      runId: run.id,
      status: blocked ? 'blocked' : 'succeeded',
      seed: normalizeSeed(seed),
      rowCount: staged.rows,
      format,
      dataUrl: blocked ? null : `/api/runs/${run.id}/dataset?format=${format}`,
      reportUrl: `/api/runs/${run.id}/artifacts/${html.id}`,
      evaluation: { verdict: report.verdict, score: report.score, properties: report.properties.map((p) => ({ name: p.name, score: p.score, verdict: p.verdict, reason: p.reason })) },
      visualizations,
      pii: { policy, totalFindings: scan.totalFindings, counts: scan.counts as Record<string, number>, blocked, ...(leakage ? { leaks: leakage.counts } : {}) },
      durationMs: ctx.clock.now() - started,
    };
    await store.updateRun(run.id, { status: output.status, rowCount: staged.rows, result: { ...output, datasetArtifactId: dataset.id } });
    return output;
  } catch (e) {
    const err = toSynthError(e);
    await store.updateRun(run.id, { status: 'failed', error: err.toJSON() });
    await audit('DataGenFailed', run.id, { code: err.code, message: err.message });
    throw err;
  }
}

interface ResolvedSource {
  kind: 'schema' | 'description' | 'template' | 'dataset';
  schema?: object;
  real?: Table;
  synthesizer?: string;
  fields: readonly Field[];
  batches(seed: number | string, referenceDate: string): AsyncIterable<RecordBatch>;
}

async function resolveSource(ctx: OpContext, input: RunPipelineInput, seed: number | string): Promise<ResolvedSource> {
  const given = (['schema', 'description', 'template', 'datasetId'] as const).filter((k) => input[k] !== undefined);
  if (given.length !== 1) {
    throw new SynthError('REQUEST_INVALID', `give exactly one of schema, description, template or datasetId (got ${given.length ? given.join(', ') : 'none'})`, { path: '/' });
  }
  if (input.datasetId !== undefined) {
    const record = await getDataset(ctx, input.datasetId);
    const real = await readDatasetTable(ctx, record);
    const model = fitModel(real, { synthesizer: input.synthesizer, seed, clock: ctx.clock });
    const sampled = sampleModel(model, input.rowCount, { seed, clock: ctx.clock });
    return { kind: 'dataset', real, synthesizer: (model as { synthesizer?: string }).synthesizer, fields: sampled.fields, batches: () => toAsync(tableBatches(sampled)) };
  }
  let schema: object;
  let kind: ResolvedSource['kind'] = 'schema';
  if (input.description !== undefined) {
    schema = (await planDescription({ description: input.description, rows: input.rowCount, planner: 'offline', store: ctx.store })).schema as object;
    kind = 'description';
  } else if (input.template !== undefined) {
    const [domain, task] = input.template.split('/');
    schema = loadTemplate(domain!, task).schema as object;
    kind = 'template';
  } else {
    schema = input.schema!;
  }
  const plan = compilePlan(schema, { rows: input.rowCount, seed });
  return {
    kind, schema, fields: plan.fields,
    // Large jobs use the worker pool so the event loop stays free; output is the same bytes either way.
    batches: (s, referenceDate) => generate(schema, {
      rows: input.rowCount, seed: s, referenceDate, clock: ctx.clock, onEvent: ctx.onEvent,
      workers: input.rowCount >= WORKER_ROWS ? Math.max(1, availableParallelism()) : 1,
    }),
  };
}

async function* toAsync(it: Iterable<RecordBatch>): AsyncIterable<RecordBatch> {
  yield* it;
}

/** The first `limit` rows of a stream, as a table. */
class KeptRows {
  private columns: unknown[][] | undefined;
  private rows = 0;
  constructor(private readonly limit: number) {}

  add(batch: RecordBatch): void {
    if (this.rows >= this.limit) return;
    this.columns ??= batch.fields.map(() => []);
    const take = Math.min(batch.length, this.limit - this.rows);
    for (let c = 0; c < batch.columns.length; c++) {
      const src = batch.columns[c]!;
      const dst = this.columns[c]!;
      for (let i = 0; i < take; i++) dst.push(src[i]);
    }
    this.rows += take;
  }

  table(fields: readonly Field[]): Table {
    return { fields, columns: (this.columns ?? fields.map(() => [])) as Table['columns'], length: this.rows };
  }
}

