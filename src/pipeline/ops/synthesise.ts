import { systemClock, type Cell, type Clock, type EventSink, type Seed } from '../../core/index.js';
import type { TableFormat } from '../../io/index.js';
import { sampleModel } from '../../learn/index.js';
import { learnFromFile } from './fit.js';
import { writeModelSample } from './sample.js';

/** Input of {@link synthesiseFile}: fit on the input and sample in one go. */
export interface SynthesiseInput {
  inputPath: string;
  /** Output path, or `-` for standard output. */
  outputPath: string;
  /** Rows to produce; default as many as the input has. */
  count?: number;
  synthesizer?: string;
  epsilon?: number;
  seed?: Seed;
  rareThreshold?: number;
  /** Most rows to learn from; a larger input is sampled uniformly (default 100,000). */
  maxFitRows?: number;
  format?: TableFormat;
  clock?: Clock;
  onEvent?: EventSink;
  stdout?: NodeJS.WritableStream;
}

/** What {@link synthesiseFile} did. */
export interface SynthesiseOutput {
  path: string | null;
  format: TableFormat;
  rows: number;
  inputRows: number;
  bytes: number;
  synthesizer: string;
  seed: string;
  durationMs: number;
}

/** JSON Schema of {@link SynthesiseInput}. */
export const synthesiseInputSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  title: 'synthesise input',
  type: 'object',
  additionalProperties: false,
  required: ['inputPath', 'outputPath'],
  properties: {
    inputPath: { type: 'string', description: 'The real table.' },
    outputPath: { type: 'string', description: 'Where to write the synthetic table ("-" for standard output).' },
    count: { type: 'integer', minimum: 1, description: 'Rows to produce (default: as many as the input).' },
    synthesizer: { type: 'string' },
    epsilon: { type: 'number', minimum: 0.1, maximum: 10 },
    seed: { type: ['integer', 'string'] },
    rareThreshold: { type: 'integer', minimum: 0 },
    maxFitRows: { type: 'integer', minimum: 1, description: 'Most rows to learn from; a larger input is sampled uniformly (default 100000).' },
    format: { enum: ['csv', 'json', 'jsonl', 'parquet', 'yaml'] },
  },
} as const;

/** JSON Schema of {@link SynthesiseOutput}. */
export const synthesiseOutputSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  title: 'synthesise output',
  type: 'object',
  required: ['path', 'format', 'rows', 'inputRows', 'bytes', 'synthesizer', 'seed', 'durationMs'],
  properties: {
    path: { type: ['string', 'null'] },
    format: { type: 'string' },
    rows: { type: 'integer' },
    inputRows: { type: 'integer' },
    bytes: { type: 'integer' },
    synthesizer: { type: 'string' },
    seed: { type: 'string' },
    durationMs: { type: 'number' },
  },
} as const;

async function fitOnInput(input: Omit<SynthesiseInput, 'outputPath'>) {
  const clock = input.clock ?? systemClock;
  // Everything but where the input is and what the output is are the fit's own options.
  const { inputPath, outputPath: _outputPath, count: _count, format: _format, stdout: _stdout, ...fit } = input as SynthesiseInput;
  const { model, rowsSeen } = await learnFromFile({ ...fit, dataPath: inputPath, clock });
  return { model, inputRows: rowsSeen, clock };
}

/**
 * Fits on a real table and writes a synthetic one (as many rows as the input unless `count` says otherwise),
 * streamed in blocks when it is large, so the output never has to fit in memory.
 * @example await synthesiseFile({ inputPath: 'interviews.csv', outputPath: 'synthetic.csv' })
 */
export async function synthesiseFile(input: SynthesiseInput): Promise<SynthesiseOutput> {
  const clock = input.clock ?? systemClock;
  const started = clock.now();
  const { model, inputRows } = await fitOnInput(input);
  const rows = input.count ?? inputRows;
  const written = await writeModelSample(model, {
    rows, seed: model.seed, out: input.outputPath, clock,
    ...(input.format !== undefined ? { format: input.format } : {}),
    ...(input.stdout !== undefined ? { stdout: input.stdout } : {}),
    ...(input.onEvent !== undefined ? { onEvent: input.onEvent } : {}),
  });
  return { ...written, rows, inputRows, synthesizer: model.synthesizer, seed: model.seed, durationMs: clock.now() - started };
}

/** A few synthetic rows as objects, for a preview. */
export async function synthesisePreview(input: Omit<SynthesiseInput, 'outputPath' | 'format' | 'stdout'>): Promise<{ columns: string[]; rows: Cell[][]; synthesizer: string; seed: string }> {
  const { model, clock } = await fitOnInput(input);
  const synthetic = sampleModel(model, input.count ?? 5, { clock });
  const rows: Cell[][] = [];
  for (let i = 0; i < synthetic.length; i++) rows.push(synthetic.columns.map((c) => c[i]));
  return { columns: synthetic.fields.map((f) => f.name), rows, synthesizer: model.synthesizer, seed: model.seed };
}
