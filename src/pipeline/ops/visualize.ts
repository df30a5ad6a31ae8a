import { mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SynthError, normalizeSeed, systemClock, type Clock, type EventSink, type Seed } from '../../core/index.js';
import { evaluate, type Report } from '../../evaluate/index.js';
import { readTable } from '../../io/index.js';
import {
  CHART_FORMATS,
  CHART_KINDS,
  buildCharts,
  chartExtension,
  parseChartKinds,
  renderChart,
  type ChartFormat,
  type SkippedChart,
} from '../../visualize/index.js';

/** Input of {@link visualizeFile}. */
export interface VisualizeInput {
  /** The table to picture (the synthetic one when `reference` is given); any format io reads. */
  path: string;
  /** The real table: every chart overlays the two. */
  reference?: string;
  /** An evaluation report (JSON, as `synthdata evaluate --json` writes it) for the `scores` chart; computed from `reference` when not given. */
  report?: string;
  /** Chart kinds (default all): histogram, scatter, heatmap, scores. An unknown name is UNKNOWN_NAME. */
  charts?: string[];
  /** The folder the chart files are written to (created when missing). */
  out: string;
  /** svg (default), png or spec (the vega-lite JSON). */
  format?: string;
  /** Only these columns. */
  columns?: string[];
  /** Seed of the scatter-plot samples (default 0); recorded in the output. */
  seed?: Seed;
  bins?: number;
  maxCategories?: number;
  scatterPoints?: number;
  maxScatterPairs?: number;
  /** PNG pixels per SVG pixel (default 2). */
  scale?: number;
  clock?: Clock;
  onEvent?: EventSink;
}

/** What {@link visualizeFile} wrote. */
export interface VisualizeOutput {
  files: { name: string; kind: string; title: string; columns: string[]; path: string }[];
  skipped: SkippedChart[];
  format: ChartFormat;
  seed: string;
  durationMs: number;
}

/** JSON Schema of {@link VisualizeInput} (the CLI, REST and MCP validate against it). */
export const visualizeInputSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  title: 'visualize input',
  type: 'object',
  additionalProperties: false,
  properties: {
    path: { type: 'string', minLength: 1, description: 'The table to picture (synthetic when a reference is given).' },
    reference: { type: 'string', minLength: 1, description: 'The real table; charts overlay real and synthetic.' },
    report: { type: 'string', minLength: 1, description: 'An evaluation report JSON file, for the per-column scores chart.' },
    charts: { type: 'array', items: { type: 'string' }, description: `Chart kinds, default all: ${CHART_KINDS.join(', ')}.` },
    out: { type: 'string', minLength: 1, description: 'The folder the chart files are written to.' },
    format: { type: 'string', default: 'svg', description: `One of ${CHART_FORMATS.join(', ')}.` },
    columns: { type: 'array', items: { type: 'string' }, description: 'Only these columns.' },
    seed: { type: ['integer', 'string'], default: 0, description: 'Seed of the scatter-plot samples.' },
    bins: { type: 'integer', minimum: 1, maximum: 200, default: 30 },
    maxCategories: { type: 'integer', minimum: 1, maximum: 200, default: 20 },
    scatterPoints: { type: 'integer', minimum: 1, maximum: 100000, default: 800, description: 'Points sampled per table for each scatter plot.' },
    maxScatterPairs: { type: 'integer', minimum: 0, maximum: 100, default: 4 },
    scale: { type: 'number', exclusiveMinimum: 0, maximum: 8, default: 2, description: 'PNG pixels per SVG pixel.' },
  },
  required: ['path', 'out'],
} as const;

/** JSON Schema of {@link VisualizeOutput}. */
export const visualizeOutputSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  title: 'visualize output',
  type: 'object',
  properties: {
    files: {
      type: 'array',
      items: {
        type: 'object',
        properties: { name: { type: 'string' }, kind: { enum: CHART_KINDS }, title: { type: 'string' }, columns: { type: 'array', items: { type: 'string' } }, path: { type: 'string' } },
        required: ['name', 'kind', 'title', 'columns', 'path'],
      },
    },
    skipped: {
      type: 'array',
      items: { type: 'object', properties: { kind: { enum: CHART_KINDS }, columns: { type: 'array', items: { type: 'string' } }, reason: { type: 'string' } }, required: ['kind', 'columns', 'reason'] },
    },
    format: { enum: CHART_FORMATS },
    seed: { type: 'string' },
    durationMs: { type: 'number' },
  },
  required: ['files', 'skipped', 'format', 'seed', 'durationMs'],
} as const;

async function readReport(path: string): Promise<Report> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    throw new SynthError('IO_NOT_FOUND', `cannot read the report "${path}": ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, { path, cause: e });
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new SynthError('IO_PARSE', `the report "${path}" is not valid JSON: ${(e as Error).message}`, { path, cause: e });
  }
  // `evaluate --json` may wrap the report in its output; accept both.
  const candidate = (doc as { report?: unknown } | null)?.report ?? doc;
  const r = candidate as Partial<Report> | null;
  if (r === null || typeof r !== 'object' || r.format !== 'synthdata.report' || typeof r.details !== 'object') {
    throw new SynthError('INVALID_ARGUMENT', `"${path}" is not a synthdata report (expected "format": "synthdata.report")`, { path, expected: 'synthdata.report', received: r?.format });
  }
  return r as Report;
}

function parseFormat(raw: string | undefined): ChartFormat {
  const f = (raw ?? 'svg').trim().toLowerCase();
  if (!(CHART_FORMATS as readonly string[]).includes(f)) {
    throw new SynthError('UNKNOWN_NAME', `unknown chart format "${raw}"; the formats are: ${CHART_FORMATS.join(', ')}`, { path: '/format', expected: CHART_FORMATS, received: raw });
  }
  return f as ChartFormat;
}

/**
 * Draws charts of a table (overlaid on its real reference when given) and writes one file per chart into `out`:
 * per-column histograms and value counts, scatter plots of numeric pairs, correlation heatmaps, per-column scores.
 * @example await visualizeFile({ path: 'synthetic.csv', reference: 'real.csv', out: 'charts', format: 'png' })
 */
export async function visualizeFile(input: VisualizeInput): Promise<VisualizeOutput> {
  const clock = input.clock ?? systemClock;
  const started = clock.now();
  // Check the cheap things before reading any table, so a typo fails at once.
  const kinds = parseChartKinds(input.charts);
  const format = parseFormat(input.format);
  const seed = input.seed ?? 0;
  const synthetic = await readTable(input.path);
  const real = input.reference === undefined ? undefined : await readTable(input.reference);
  let report = input.report === undefined ? undefined : await readReport(input.report);
  // The scores chart needs per-column scores: compute the quality metrics when a reference is given without a report.
  if (report === undefined && real !== undefined && kinds.includes('scores')) {
    report = await evaluate(real, synthetic, { seed, metrics: ['quality'], ...(input.onEvent !== undefined ? { onEvent: input.onEvent } : {}) });
  }
  input.onEvent?.({ type: 'step', step: 'visualize', phase: 'start', detail: { charts: kinds, format } });

  const set = buildCharts(
    { synthetic, ...(real !== undefined ? { real } : {}), ...(report !== undefined ? { report } : {}) },
    {
      charts: kinds,
      seed,
      ...(input.columns !== undefined ? { columns: input.columns } : {}),
      ...(input.bins !== undefined ? { bins: input.bins } : {}),
      ...(input.maxCategories !== undefined ? { maxCategories: input.maxCategories } : {}),
      ...(input.scatterPoints !== undefined ? { scatterPoints: input.scatterPoints } : {}),
      ...(input.maxScatterPairs !== undefined ? { maxScatterPairs: input.maxScatterPairs } : {}),
    },
  );
  try {
    mkdirSync(input.out, { recursive: true });
  } catch (e) {
    throw new SynthError('IO_UNWRITABLE', `cannot create the folder "${input.out}": ${(e as Error).message}`, { path: input.out, cause: e });
  }
  const files: VisualizeOutput['files'] = [];
  for (const chart of set.charts) {
    const path = join(input.out, `${chart.name}.${chartExtension(format)}`);
    await renderChart(chart, { format, as: 'file', path, ...(input.scale !== undefined ? { scale: input.scale } : {}) });
    files.push({ name: chart.name, kind: chart.kind, title: chart.title, columns: [...chart.columns], path });
    input.onEvent?.({ type: 'progress', step: 'visualize', done: files.length, total: set.charts.length, unit: 'charts' });
  }
  for (const s of set.skipped) input.onEvent?.({ type: 'warning', step: 'visualize', message: s.reason });
  const durationMs = clock.now() - started;
  input.onEvent?.({ type: 'step', step: 'visualize', phase: 'end', ms: durationMs });
  return { files, skipped: set.skipped, format, seed: normalizeSeed(seed), durationMs };
}
