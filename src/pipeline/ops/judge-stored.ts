import { SynthError, type Table } from '../../core/index.js';
import { evaluate, METRIC_FAMILIES, parseMetricFamilies, type Report } from '../../evaluate/index.js';
import { CHART_FORMATS, CHART_KINDS, buildCharts, renderChart } from '../../visualize/index.js';
import type { OpContext } from '../context.js';
import { getDataset, readDatasetTable } from './datasets.js';

const tableRef = {
  type: 'object',
  additionalProperties: false,
  properties: { datasetId: { type: 'string' }, runId: { type: 'string' } },
  oneOf: [{ required: ['datasetId'] }, { required: ['runId'] }],
} as const;

/** JSON Schema of {@link evaluateStored}'s input (POST /api/evaluateSyntheticData). */
export const evaluateStoredInputSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['synthetic'],
  properties: {
    synthetic: tableRef,
    reference: tableRef,
    metrics: { type: 'array', items: { enum: METRIC_FAMILIES }, uniqueItems: true },
    target: { type: 'string' },
    seed: { type: ['integer', 'string'] },
  },
} as const;

/** JSON Schema of {@link visualizeStored}'s input (POST /api/visualizeSyntheticData). */
export const visualizeStoredInputSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['synthetic'],
  properties: {
    synthetic: tableRef,
    reference: tableRef,
    charts: { type: 'array', items: { enum: CHART_KINDS }, uniqueItems: true },
    format: { enum: CHART_FORMATS },
    seed: { type: ['integer', 'string'] },
  },
} as const;

type TableRef = { datasetId?: string; runId?: string };

/** Reads an uploaded dataset, or a run's generated dataset, of the caller's project. */
export async function readStoredTable(ctx: OpContext, ref: TableRef): Promise<Table> {
  if (ref.datasetId !== undefined) return readDatasetTable(ctx, await getDataset(ctx, ref.datasetId));
  const run = ref.runId === undefined ? undefined : await ctx.store.getRun(ref.runId, ctx.actor.project);
  if (!run) throw new SynthError('NOT_FOUND', `no run "${ref.runId}" in project "${ctx.actor.project}"`, { path: 'runId' });
  if (run.status === 'blocked') throw new SynthError('PII_BLOCKED', `the dataset of run ${run.id} is blocked by its PII policy`, { path: 'runId' });
  const dataset = (await ctx.store.listArtifacts(run.id, ctx.actor.project)).find((a) => a.kind === 'dataset');
  if (!dataset) throw new SynthError('NOT_FOUND', `run ${run.id} has no dataset`, { path: 'runId' });
  return readDatasetTable(ctx, dataset);
}

/** Evaluates a stored synthetic table, against a stored reference when given; records EvalCompleted. */
export async function evaluateStored(ctx: OpContext, input: { synthetic: TableRef; reference?: TableRef; metrics?: string[]; target?: string; seed?: number | string }): Promise<Report> {
  const synthetic = await readStoredTable(ctx, input.synthetic);
  const real = input.reference ? await readStoredTable(ctx, input.reference) : undefined;
  const report = await evaluate(real, synthetic, { seed: input.seed ?? 0, target: input.target, metrics: input.metrics ? parseMetricFamilies(input.metrics.join(',')) : undefined });
  await ctx.store.appendAudit({
    event: 'EvalCompleted', user: ctx.actor.user, role: ctx.actor.role, project: ctx.actor.project, runId: input.synthetic.runId ?? null,
    fields: { verdict: report.verdict, score: report.score, metrics: report.properties.map((p) => p.name), synthetic: input.synthetic, reference: input.reference ?? null },
  });
  return report;
}

/** Charts of a stored table (overlaid on a stored reference when given), as SVG/PNG base64 or vega-lite specs; records VizCompleted. */
export async function visualizeStored(
  ctx: OpContext,
  input: { synthetic: TableRef; reference?: TableRef; charts?: string[]; format?: 'svg' | 'png' | 'spec'; seed?: number | string },
): Promise<{ charts: { name: string; kind: string; title: string; format: string; data: unknown }[]; skipped: { name?: string; reason: string }[] }> {
  const synthetic = await readStoredTable(ctx, input.synthetic);
  const real = input.reference ? await readStoredTable(ctx, input.reference) : undefined;
  const kinds = input.charts ?? ['histogram', 'heatmap'];
  const report = kinds.includes('scores') ? await evaluate(real, synthetic, { seed: input.seed ?? 0, metrics: real ? ['quality'] : undefined }) : undefined;
  const set = buildCharts({ synthetic, real, report }, { charts: kinds, seed: input.seed ?? 0 });
  const format = input.format ?? 'svg';
  const charts = [];
  for (const chart of set.charts) {
    const data = format === 'spec' ? chart.spec : await renderChart(chart, { format, as: 'base64' });
    charts.push({ name: chart.name, kind: chart.kind, title: chart.title, format, data });
  }
  await ctx.store.appendAudit({
    event: 'VizCompleted', user: ctx.actor.user, role: ctx.actor.role, project: ctx.actor.project, runId: input.synthetic.runId ?? null,
    fields: { charts: charts.map((c) => c.kind), count: charts.length, format },
  });
  return { charts, skipped: set.skipped.map((s) => ({ ...s })) };
}
