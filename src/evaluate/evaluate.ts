import { SynthError, Rng, nearMatches, noEvents, normalizeSeed, type EventSink, type Seed, type Table } from '../core/index.js';
import { scanTable } from '../pii/index.js';
import type { ColumnTypeInfo, DetailRow, PropertyName, PropertyScore, Report, Verdict } from './report-types.js';
import { detectColumnTypes, parseMetadata, type Metadata } from './column-types.js';
import { prepareColumn, type PreparedColumn } from './prepare.js';
import { computeQuality } from './quality.js';
import { computeValidity } from './validity.js';
import { computePrivacy } from './privacy-checks.js';
import { computeUtility } from './utility.js';
import { meanOf, propertyFromRows } from './property.js';
import { judgeScore, resolveThresholds, worstVerdict, type ThresholdOverrides } from './thresholds.js';
import { sampleIndices } from './sampling.js';

/** The metric families a run can ask for. */
export const METRIC_FAMILIES = ['quality', 'validity', 'privacy', 'utility', 'pii'] as const;

/** One of {@link METRIC_FAMILIES}. */
export type MetricFamily = (typeof METRIC_FAMILIES)[number];

// The words of the two requirement documents, mapped onto our families.
const FAMILY_ALIASES: Readonly<Record<string, MetricFamily>> = { similarity: 'quality', diversity: 'validity', shapes: 'quality', schema: 'validity' };

/** Parses a family list such as `quality,privacy` (also `similarity`, `diversity`); an unknown name lists the valid ones. */
export function parseMetricFamilies(list: string | readonly string[]): MetricFamily[] {
  const names = (typeof list === 'string' ? list.split(',') : list).map((s) => s.trim().toLowerCase()).filter((s) => s !== '');
  const out: MetricFamily[] = [];
  for (const name of names) {
    const family = (METRIC_FAMILIES as readonly string[]).includes(name) ? (name as MetricFamily) : FAMILY_ALIASES[name];
    if (family === undefined) {
      const valid = [...METRIC_FAMILIES, ...Object.keys(FAMILY_ALIASES)];
      const near = nearMatches(name, valid);
      throw new SynthError('UNKNOWN_NAME', `unknown metric family "${name}"; use ${valid.join(', ')}${near.length > 0 ? ` (did you mean ${near[0]}?)` : ''}`, { path: '--metrics', expected: valid, received: name });
    }
    if (!out.includes(family)) out.push(family);
  }
  return out;
}

/** Options of {@link evaluate}. */
export interface EvaluateOptions {
  /** Seed for every sample and split (default 0); recorded in the report. */
  readonly seed?: Seed;
  /** Families to compute; default quality, validity and privacy with a real table (plus utility with a target), validity alone without. */
  readonly metrics?: readonly MetricFamily[];
  /** The utility target column. */
  readonly target?: string;
  /** SDV metadata (column sdtypes); without it sdtypes are inferred from the real table. */
  readonly metadata?: Metadata | unknown;
  readonly thresholds?: ThresholdOverrides;
  /** SDMetrics' trend filters for column pair trends (defaults 0.5 and 0.3; 0 counts every pair). */
  readonly correlationThreshold?: number;
  readonly associationThreshold?: number;
  /** A JSON Schema every synthetic row must validate against. */
  readonly schema?: unknown;
  /** Key columns that must be unique (defaults to the metadata primary key). */
  readonly keys?: readonly string[];
  readonly quasiIdentifiers?: readonly string[];
  /** Real rows the synthesizer never saw, for DCR and membership inference. */
  readonly holdout?: Table;
  /** Synthetic rows scanned for PII (default 10000). */
  readonly piiSampleRows?: number;
  /** Synthetic and holdout rows compared by distance (default 500; 4 times as many real rows, at least 2,000, are searched). */
  readonly maxPrivacyRows?: number;
  readonly maxTrainRows?: number;
  readonly onEvent?: EventSink;
}

function commonColumns(real: Table | undefined, synthetic: Table): { common: string[]; onlyInReal: string[]; onlyInSynthetic: string[] } {
  const s = synthetic.fields.map((f) => f.name);
  if (real === undefined) return { common: s, onlyInReal: [], onlyInSynthetic: [] };
  const r = real.fields.map((f) => f.name);
  return { common: r.filter((n) => s.includes(n)), onlyInReal: r.filter((n) => !s.includes(n)), onlyInSynthetic: s.filter((n) => !r.includes(n)) };
}

function column(table: Table, name: string): Table['columns'][number] {
  return table.columns[table.fields.findIndex((f) => f.name === name)]!;
}

/**
 * Evaluates a synthetic table against its real counterpart (or alone when `real` is undefined) and returns a
 * versioned report: properties with pass/warn/fail, detail rows saying why, and the seed used for sampling.
 * @example const report = await evaluate(real, synthetic, { target: 'Species', seed: 42 });
 */
export async function evaluate(real: Table | undefined, synthetic: Table, options: EvaluateOptions = {}): Promise<Report> {
  const onEvent = options.onEvent ?? noEvents;
  const seed = normalizeSeed(options.seed ?? 0);
  const rng = new Rng(seed).fork('evaluate');
  const thresholds = resolveThresholds(options.thresholds);
  const metadata = options.metadata === undefined ? undefined : parseMetadata(options.metadata);
  const families: MetricFamily[] = options.metrics !== undefined ? [...options.metrics]
    : real === undefined ? ['validity'] : ['quality', 'validity', 'privacy', ...(options.target !== undefined ? (['utility'] as const) : [])];
  const notes: string[] = [];

  if (synthetic.length === 0) throw new SynthError('EVAL_EMPTY_TABLE', 'the synthetic table has no rows', { path: 'synthetic', hint: 'Generate or sample at least one row before evaluating.' });
  if (real !== undefined && real.length === 0) throw new SynthError('EVAL_EMPTY_TABLE', 'the real table has no rows', { path: 'real', hint: 'Compare with a real table that has rows.' });
  const { common, onlyInReal, onlyInSynthetic } = commonColumns(real, synthetic);
  if (common.length === 0) {
    throw new SynthError('EVAL_NO_COMMON_COLUMNS', `the real and synthetic tables share no column (real: ${real!.fields.map((f) => f.name).slice(0, 8).join(', ')}; synthetic: ${synthetic.fields.map((f) => f.name).slice(0, 8).join(', ')})`, { path: 'synthetic' });
  }
  if (onlyInReal.length > 0) notes.push(`Columns only in the real table (not evaluated): ${onlyInReal.join(', ')}.`);
  if (onlyInSynthetic.length > 0) notes.push(`Columns only in the synthetic table (not evaluated): ${onlyInSynthetic.join(', ')}.`);
  if (real === undefined) {
    for (const f of families) if (f === 'quality' || f === 'privacy' || f === 'utility') notes.push(`${f} needs a real table to compare with; skipped.`);
  }
  if (options.target !== undefined && families.includes('utility') && real !== undefined && !real.fields.some((f) => f.name === options.target)) {
    const near = nearMatches(options.target, real.fields.map((f) => f.name));
    throw new SynthError('EVAL_BAD_TARGET', `target column "${options.target}" is not in the real table${near.length > 0 ? `; did you mean "${near[0]}"?` : ''}`, { path: '--target', expected: real.fields.map((f) => f.name), received: options.target });
  }

  const types: Record<string, ColumnTypeInfo> = detectColumnTypes(real ?? synthetic, common, metadata);
  const prepared: PreparedColumn[] = common.map((name) => prepareColumn(name, types[name]!, real === undefined ? undefined : column(real, name), column(synthetic, name)));

  const properties: PropertyScore[] = [];
  const details: Partial<Record<PropertyName, readonly DetailRow[]>> = {};
  const sampledRows: Record<string, number> = {};
  let score: number | null = null;
  const step = async <T>(name: string, run: () => T | Promise<T>): Promise<T> => {
    onEvent({ type: 'step', step: `evaluate:${name}`, phase: 'start' });
    const out = await run();
    onEvent({ type: 'step', step: `evaluate:${name}`, phase: 'end' });
    return out;
  };

  if (real !== undefined && families.includes('quality')) {
    const q = await step('quality', () => computeQuality(prepared, thresholds, {
      correlationThreshold: options.correlationThreshold ?? 0.5,
      associationThreshold: options.associationThreshold ?? 0.3,
    }));
    score = q.score;
    properties.push(...q.properties);
    details.column_shapes = q.shapes;
    details.column_pair_trends = q.pairs;
    details.column_details = q.details;
    notes.push(...q.notes);
  }

  if (families.includes('validity')) {
    const keys = options.keys ?? (metadata?.primary_key !== undefined ? [metadata.primary_key] : []);
    const rows = await step('validity', () => computeValidity(synthetic, prepared, thresholds, { schema: options.schema, keys }, real));
    details.validity = rows;
    const judgedRows = rows.filter((r) => r.metric !== 'distribution_summary');
    const goodness = judgedRows.map((r) => (r.score === null ? null : r.metric === 'duplicate_rows' || r.metric === 'null_rate' ? 1 - r.score : Math.min(1, r.score)));
    properties.push(propertyFromRows('validity', meanOf(goodness), judgedRows, 'no validity checks ran'));
  }

  if (real !== undefined && families.includes('privacy')) {
    const maxRows = options.maxPrivacyRows ?? 500;
    const holdout = options.holdout === undefined ? undefined : prepareHoldout(options.holdout, prepared, types);
    const p = await step('privacy', () => computePrivacy(prepared, synthetic, real, thresholds, rng.fork('privacy'), {
      ...(holdout !== undefined ? { holdout } : {}),
      ...(options.quasiIdentifiers !== undefined ? { quasiIdentifiers: options.quasiIdentifiers } : {}),
      maxQueryRows: maxRows,
      maxReferenceRows: Math.max(maxRows * 4, 2000),
    }));
    details.privacy = p.rows;
    notes.push(...p.notes);
    sampledRows.privacy = Math.min(synthetic.length, maxRows);
    const goodness = p.rows.map((r) => privacyGoodness(r));
    properties.push(propertyFromRows('privacy', meanOf(goodness), p.rows, 'no privacy checks ran'));
  }

  if (real !== undefined && families.includes('utility')) {
    if (options.target === undefined) {
      notes.push('utility skipped: no target column was given (option target, CLI --target).');
    } else {
      const r = await step('utility', () => computeUtility(prepared, { target: options.target!, ...(options.maxTrainRows !== undefined ? { maxTrainRows: options.maxTrainRows } : {}) }, thresholds, rng.fork('utility')));
      details.utility = [r];
      properties.push(r.score === null
        ? { name: 'utility', score: null, verdict: 'warn', reason: r.reason }
        : { name: 'utility', score: r.score, verdict: r.verdict, reason: r.reason });
    }
  }

  if (families.includes('pii')) {
    const rows = await step('pii', () => piiRows(synthetic, options.piiSampleRows ?? 10_000, rng.fork('pii')));
    details.pii = rows;
    properties.push(propertyFromRows('pii', null, rows, 'no personal data detected'));
  }

  const verdicts: Verdict[] = properties.filter((p) => p.name !== 'column_details').map((p) => p.verdict);
  if (score !== null) verdicts.push(judgeScore(score, thresholds.quality!, 'quality').verdict);
  const order: readonly PropertyName[] = ['column_shapes', 'column_pair_trends', 'column_details', 'validity', 'privacy', 'utility', 'pii'];
  properties.sort((a, b) => order.indexOf(a.name) - order.indexOf(b.name));
  return {
    format: 'synthdata.report',
    version: 1,
    verdict: worstVerdict(verdicts),
    score,
    properties,
    details,
    thresholds,
    seed,
    tables: { realRows: real?.length ?? null, syntheticRows: synthetic.length, commonColumns: common, onlyInReal, onlyInSynthetic, ...(Object.keys(sampledRows).length > 0 ? { sampledRows } : {}) },
    columnTypes: types,
    metrics: families,
    notes,
  };
}

function privacyGoodness(r: DetailRow): number | null {
  if (r.score === null) return null;
  switch (r.metric) {
    case 'dcr':
    case 'nndr':
      return r.score;
    case 'membership_inference_auc':
      return Math.max(0, Math.min(1, 1 - 2 * Math.abs(r.score - 0.5)));
    case 'k_anonymity':
      return null;
    default:
      return Math.max(0, 1 - r.score);
  }
}

function prepareHoldout(holdout: Table, prepared: readonly PreparedColumn[], types: Record<string, ColumnTypeInfo>): PreparedColumn[] | undefined {
  // The holdout is prepared as a "synthetic" side sharing each column's dictionary, so its codes compare with the real ones.
  const out: PreparedColumn[] = [];
  for (const c of prepared) {
    const i = holdout.fields.findIndex((f) => f.name === c.name);
    if (i < 0) return undefined;
    const p = c.synthetic.kind === 'disc'
      ? prepareColumnWithDictionary(c, holdout.columns[i]!)
      : prepareColumn(c.name, types[c.name]!, undefined, holdout.columns[i]!);
    out.push({ name: c.name, info: c.info, real: undefined, synthetic: p.synthetic });
  }
  return out;
}

function prepareColumnWithDictionary(c: PreparedColumn, cells: Table['columns'][number]): PreparedColumn {
  const dict = c.synthetic.kind === 'disc' ? c.synthetic.dictionary : undefined;
  const fresh = prepareColumn(c.name, c.info, undefined, cells);
  if (dict === undefined || fresh.synthetic.kind !== 'disc') return fresh;
  const labels = fresh.synthetic.dictionary.labels;
  const codes = Int32Array.from(fresh.synthetic.codes, (k) => (k < 0 ? -1 : dict.code(labels[k]!)));
  return { ...fresh, synthetic: { kind: 'disc', codes, dictionary: dict } };
}

async function piiRows(synthetic: Table, maxRows: number, rng: Rng): Promise<DetailRow[]> {
  const rows = sampleIndices(synthetic.length, maxRows, rng);
  const sample: Table = rows.length === synthetic.length ? synthetic : { fields: synthetic.fields, columns: synthetic.columns.map((c) => Array.from(rows, (r) => c[r])), length: rows.length };
  const scan = await scanTable(sample);
  const out: DetailRow[] = [];
  for (const c of scan.columns) {
    const cls = c.classification;
    if (cls === undefined && c.cellsWithPii === 0) continue;
    const types = Object.entries(c.counts).map(([t, n]) => `${t} ${n}`).join(', ');
    out.push({
      columns: [c.name],
      metric: 'pii_detected',
      score: cls?.confidence ?? c.cellsWithPii / Math.max(1, sample.length),
      verdict: 'warn',
      reason: cls !== undefined
        ? `column "${c.name}" holds ${cls.type} values (confidence ${cls.confidence.toFixed(2)}); check that they are synthetic`
        : `column "${c.name}" has personal data in ${c.cellsWithPii} of ${sample.length} sampled cells (${types})`,
      extra: { counts: c.counts, cellsWithPii: c.cellsWithPii, sampledRows: sample.length, ...(cls !== undefined ? { type: cls.type, samples: cls.samples.map((s) => rows[s] ?? s) } : {}) },
    });
  }
  return out;
}
