import { readFileSync } from 'node:fs';
import { SynthError, systemClock, type Clock, type EventSink, type Seed, type Table } from '../../core/index.js';
import { readTable } from '../../io/index.js';
import { parseSchemaText } from '../../schema/index.js';
import {
  METRIC_FAMILIES, evaluate, parseMetricFamilies, tableTextSimilarity,
  type Report, type TextSimilarity, type ThresholdOverrides,
} from '../../evaluate/index.js';
import { renderReport, writeFileAtomic, type PiiSummary } from '../../visualize/index.js';

/** Input of {@link evaluateFiles}. */
export interface EvaluateFilesInput {
  /** The real table (any format io reads); without it only reference-free checks run. */
  real?: string;
  synthetic: string;
  /** Metric families: quality, validity, privacy, utility, pii (also similarity, diversity). */
  metrics?: string[];
  target?: string;
  /** SDV metadata JSON file giving column sdtypes. */
  metadata?: string;
  /** A JSON Schema file every synthetic row must validate against. */
  schema?: string;
  /** Real rows never shown to the synthesizer, for DCR and membership inference. */
  holdout?: string;
  keys?: string[];
  quasiIdentifiers?: string[];
  thresholds?: ThresholdOverrides;
  correlationThreshold?: number;
  associationThreshold?: number;
  seed?: Seed;
  /** Write the self-contained HTML report here. */
  reportPath?: string;
  /** Write the JSON report here. */
  jsonPath?: string;
  /** Also compute schema match and text similarity (the `synthesise validate` view). */
  compare?: boolean;
  clock?: Clock;
  onEvent?: EventSink;
}

/** How the two tables' columns line up. */
export interface SchemaMatch {
  readonly matches: boolean;
  readonly commonColumns: number;
  readonly onlyInReal: readonly string[];
  readonly onlyInSynthetic: readonly string[];
  /** Common columns whose value kinds differ. */
  readonly kindMismatches: readonly { readonly column: string; readonly real: string; readonly synthetic: string }[];
}

/** What {@link evaluateFiles} produced. */
export interface EvaluateFilesOutput {
  report: Report;
  /** The HTML file written, or null. */
  reportPath: string | null;
  jsonPath: string | null;
  schemaMatch: SchemaMatch | null;
  textSimilarity: TextSimilarity[] | null;
  durationMs: number;
}

const thresholdSchema = {
  type: 'object',
  additionalProperties: false,
  properties: { goal: { enum: ['maximize', 'minimize'] }, pass: { type: 'number' }, warn: { type: 'number' } },
} as const;

/** JSON Schema of {@link EvaluateFilesInput}. */
export const evaluateInputSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  title: 'evaluate input',
  type: 'object',
  additionalProperties: false,
  properties: {
    real: { type: 'string', minLength: 1, description: 'The real table; without it only reference-free checks run.' },
    synthetic: { type: 'string', minLength: 1, description: 'The synthetic table to judge.' },
    metrics: { type: 'array', items: { enum: [...METRIC_FAMILIES, 'similarity', 'diversity'] }, description: 'Metric families.' },
    target: { type: 'string', minLength: 1, description: 'Utility target column (TSTR vs TRTR).' },
    metadata: { type: 'string', minLength: 1, description: 'SDV metadata JSON file (column sdtypes).' },
    schema: { type: 'string', minLength: 1, description: 'JSON Schema file every row must validate against.' },
    holdout: { type: 'string', minLength: 1, description: 'Real rows never shown to the synthesizer.' },
    keys: { type: 'array', items: { type: 'string' }, description: 'Key columns that must be unique.' },
    quasiIdentifiers: { type: 'array', items: { type: 'string' }, description: 'Quasi-identifiers for k-anonymity.' },
    thresholds: { type: 'object', additionalProperties: thresholdSchema, description: 'Per-metric pass/warn overrides.' },
    correlationThreshold: { type: 'number', minimum: 0, maximum: 1, default: 0.5 },
    associationThreshold: { type: 'number', minimum: 0, maximum: 1, default: 0.3 },
    seed: { type: ['integer', 'string'], description: 'Seed for sampling and splits (default 0).' },
    reportPath: { type: 'string', minLength: 1, description: 'Write the HTML report here.' },
    jsonPath: { type: 'string', minLength: 1, description: 'Write the JSON report here.' },
    compare: { type: 'boolean', default: false, description: 'Also report schema match and text similarity.' },
  },
  required: ['synthetic'],
} as const;

const detailRowSchema = {
  type: 'object',
  required: ['columns', 'metric', 'score', 'verdict', 'reason'],
  properties: {
    columns: { type: 'array', items: { type: 'string' } },
    metric: { type: 'string' },
    score: { type: ['number', 'null'] },
    verdict: { enum: ['pass', 'warn', 'fail'] },
    reason: { type: 'string' },
    error: { type: 'string' },
    extra: { type: 'object' },
  },
} as const;

/** JSON Schema of the report document (`synthdata.report` version 1). */
export const reportSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  title: 'synthdata report',
  type: 'object',
  required: ['format', 'version', 'verdict', 'score', 'properties', 'details', 'thresholds', 'seed', 'tables', 'columnTypes', 'metrics', 'notes'],
  properties: {
    format: { const: 'synthdata.report' },
    version: { const: 1 },
    verdict: { enum: ['pass', 'warn', 'fail'] },
    score: { type: ['number', 'null'] },
    properties: {
      type: 'array',
      items: { type: 'object', required: ['name', 'score', 'verdict', 'reason'], properties: { name: { type: 'string' }, score: { type: ['number', 'null'] }, verdict: { enum: ['pass', 'warn', 'fail'] }, reason: { type: 'string' } } },
    },
    details: { type: 'object', additionalProperties: { type: 'array', items: detailRowSchema } },
    thresholds: { type: 'object', additionalProperties: thresholdSchema },
    seed: { type: 'string' },
    tables: { type: 'object' },
    columnTypes: { type: 'object' },
    metrics: { type: 'array', items: { type: 'string' } },
    notes: { type: 'array', items: { type: 'string' } },
  },
} as const;

/** JSON Schema of {@link EvaluateFilesOutput}. */
export const evaluateOutputSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  title: 'evaluate output',
  type: 'object',
  required: ['report', 'reportPath', 'jsonPath', 'schemaMatch', 'textSimilarity', 'durationMs'],
  properties: {
    report: reportSchema,
    reportPath: { type: ['string', 'null'] },
    jsonPath: { type: ['string', 'null'] },
    schemaMatch: { type: ['object', 'null'] },
    textSimilarity: { type: ['array', 'null'], items: { type: 'object' } },
    durationMs: { type: 'number' },
  },
} as const;

function readJsonFile(path: string, what: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new SynthError('IO_NOT_FOUND', `cannot read the ${what} file ${path}: ${(e as Error).message}`, { path, cause: e });
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new SynthError('INVALID_ARGUMENT', `the ${what} file ${path} is not valid JSON: ${(e as Error).message}`, { path, cause: e });
  }
}

function schemaMatch(real: Table, synthetic: Table): SchemaMatch {
  const s = new Map(synthetic.fields.map((f) => [f.name, f]));
  const r = new Set(real.fields.map((f) => f.name));
  const kindMismatches = real.fields.flatMap((f) => {
    const g = s.get(f.name);
    return g !== undefined && g.kind !== f.kind ? [{ column: f.name, real: f.kind, synthetic: g.kind }] : [];
  });
  const onlyInReal = real.fields.filter((f) => !s.has(f.name)).map((f) => f.name);
  const onlyInSynthetic = synthetic.fields.filter((f) => !r.has(f.name)).map((f) => f.name);
  return { matches: onlyInReal.length === 0 && onlyInSynthetic.length === 0 && kindMismatches.length === 0, commonColumns: real.fields.length - onlyInReal.length, onlyInReal, onlyInSynthetic, kindMismatches };
}

function piiSummary(report: Report): PiiSummary | undefined {
  const rows = report.details.pii;
  if (rows === undefined) return undefined;
  const counts: Record<string, number> = {};
  let total = 0;
  const columns = rows.map((r) => {
    const extra = (r.extra ?? {}) as { counts?: Record<string, number>; cellsWithPii?: number; type?: string; samples?: number[] };
    for (const [t, n] of Object.entries(extra.counts ?? {})) {
      counts[t] = (counts[t] ?? 0) + n;
      total += n;
    }
    return {
      name: r.columns[0] ?? '',
      classification: extra.type === undefined ? undefined : { type: extra.type, confidence: r.score ?? 0, matched: 0, sampled: 0, samples: extra.samples ?? [] },
      counts: extra.counts ?? {},
      cellsWithPii: extra.cellsWithPii ?? 0,
    };
  });
  return { rows: report.tables.syntheticRows, columns, counts, totalFindings: total };
}

/**
 * Reads the tables, evaluates them (quality, validity, privacy, utility, PII as asked) and writes the HTML and JSON
 * reports when paths are given. The same operation backs `evaluate`, `validate` and `synthesise validate`.
 */
export async function evaluateFiles(input: EvaluateFilesInput): Promise<EvaluateFilesOutput> {
  const clock = input.clock ?? systemClock;
  const started = clock.now();
  const synthetic = await readTable(input.synthetic);
  const real = input.real === undefined ? undefined : await readTable(input.real);
  const holdout = input.holdout === undefined ? undefined : await readTable(input.holdout);
  const metadata = input.metadata === undefined ? undefined : readJsonFile(input.metadata, 'metadata');
  let schema: unknown;
  if (input.schema !== undefined) {
    let text: string;
    try {
      text = readFileSync(input.schema, 'utf8');
    } catch (e) {
      throw new SynthError('IO_NOT_FOUND', `cannot read the schema file ${input.schema}`, { path: input.schema, cause: e });
    }
    schema = parseSchemaText(text, input.schema);
  }
  const metrics = input.metrics === undefined ? undefined : parseMetricFamilies(input.metrics);
  const report = await evaluate(real, synthetic, {
    ...(metrics !== undefined ? { metrics } : {}),
    ...(input.target !== undefined ? { target: input.target } : {}),
    ...(metadata !== undefined ? { metadata } : {}),
    ...(schema !== undefined ? { schema } : {}),
    ...(holdout !== undefined ? { holdout } : {}),
    ...(input.keys !== undefined ? { keys: input.keys } : {}),
    ...(input.quasiIdentifiers !== undefined ? { quasiIdentifiers: input.quasiIdentifiers } : {}),
    ...(input.thresholds !== undefined ? { thresholds: input.thresholds } : {}),
    ...(input.correlationThreshold !== undefined ? { correlationThreshold: input.correlationThreshold } : {}),
    ...(input.associationThreshold !== undefined ? { associationThreshold: input.associationThreshold } : {}),
    ...(input.seed !== undefined ? { seed: input.seed } : {}),
    ...(input.onEvent !== undefined ? { onEvent: input.onEvent } : {}),
  });
  let reportPath: string | null = null;
  if (input.reportPath !== undefined) {
    const pii = piiSummary(report);
    const rendered = await renderReport({ report, synthetic, ...(real !== undefined ? { real } : {}), ...(pii !== undefined ? { pii } : {}) }, {
      seed: report.seed,
      generatedAt: new Date(clock.now()).toISOString(),
      sources: { synthetic: input.synthetic, ...(input.real !== undefined ? { real: input.real } : {}) },
    });
    writeFileAtomic(input.reportPath, rendered.html);
    reportPath = input.reportPath;
  }
  let jsonPath: string | null = null;
  if (input.jsonPath !== undefined) {
    writeFileAtomic(input.jsonPath, JSON.stringify(report, null, 2) + '\n');
    jsonPath = input.jsonPath;
  }
  const compare = input.compare === true && real !== undefined;
  return {
    report,
    reportPath,
    jsonPath,
    schemaMatch: compare ? schemaMatch(real, synthetic) : null,
    textSimilarity: compare ? tableTextSimilarity(real, synthetic) : null,
    durationMs: clock.now() - started,
  };
}
