import { randomBytes } from 'node:crypto';
import { readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { normalizeSeed, SynthError, seedFromClock, systemClock, type Clock, type EventSink, type Seed, type Table } from '../../core/index.js';
import { readTableSample } from '../../io/index.js';
import { fitModel, parseModel, profileTable, synthesizerNames, type ModelDocument } from '../../learn/index.js';

/** Input of {@link fitFile}. */
export interface FitFileInput {
  /** The real sample table (CSV, JSON, JSONL, YAML, XLSX or Parquet). */
  dataPath: string;
  /** Where to write the model JSON. */
  out: string;
  synthesizer?: string;
  /** Differential privacy (bayes-net): total epsilon, 0.1 to 10. */
  epsilon?: number;
  seed?: Seed;
  /** Categories seen in fewer rows are merged (default 5); 0 keeps them all. */
  rareThreshold?: number;
  /** Synthesizer-specific options. */
  options?: Record<string, unknown>;
  /** Most rows to learn from; a larger file is sampled uniformly (default 100,000). */
  maxFitRows?: number;
  clock?: Clock;
  onEvent?: EventSink;
}

/** What {@link fitFile} did. */
export interface FitFileOutput {
  path: string;
  synthesizer: string;
  seed: string;
  rows: number;
  /** Rows in the file; more than `rows` when the fit learned from a sample of them. */
  inputRows: number;
  columns: { name: string; kind: string }[];
  epsilon: number | null;
  durationMs: number;
}

/** JSON Schema of {@link FitFileInput}. */
export const fitFileInputSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  title: 'fit input',
  type: 'object',
  additionalProperties: false,
  required: ['dataPath', 'out'],
  properties: {
    dataPath: { type: 'string', description: 'The real sample table.' },
    out: { type: 'string', description: 'Where to write the model (JSON).' },
    synthesizer: { enum: synthesizerNames() },
    epsilon: { type: 'number', minimum: 0.1, maximum: 10, description: 'Differential privacy budget (bayes-net).' },
    seed: { type: ['integer', 'string'] },
    rareThreshold: { type: 'integer', minimum: 0, description: 'Categories seen in fewer rows are merged; 0 keeps them all.' },
    options: { type: 'object' },
    maxFitRows: { type: 'integer', minimum: 1, description: 'Most rows to learn from; a larger file is sampled uniformly (default 100000).' },
  },
} as const;

/** JSON Schema of {@link FitFileOutput}. */
export const fitFileOutputSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  title: 'fit output',
  type: 'object',
  required: ['path', 'synthesizer', 'seed', 'rows', 'inputRows', 'columns', 'epsilon', 'durationMs'],
  properties: {
    path: { type: 'string' },
    synthesizer: { type: 'string' },
    seed: { type: 'string' },
    rows: { type: 'integer' },
    inputRows: { type: 'integer' },
    columns: { type: 'array', items: { type: 'object', properties: { name: { type: 'string' }, kind: { type: 'string' } } } },
    epsilon: { type: ['number', 'null'] },
    durationMs: { type: 'number' },
  },
} as const;

/** Rows a synthesizer learns from at most, by default: a larger file is sampled uniformly while it streams. */
export const DEFAULT_MAX_FIT_ROWS = 100_000;

/** What {@link readLearnTable} read: the rows to learn from, and how many the file holds. */
export interface LearnTable {
  readonly table: Table;
  readonly rowsSeen: number;
}

/**
 * Reads a sample table for learning: CSV values stay text, so the profiler sees each column's own spelling. A file
 * of more than `maxRows` rows (default {@link DEFAULT_MAX_FIT_ROWS}) is streamed and a uniform, seeded sample of
 * that many rows is kept, so a 2 GB file is never held in memory; a warning event says so.
 */
export async function readLearnTable(path: string, options: { onEvent?: EventSink; maxRows?: number; seed: string }): Promise<LearnTable> {
  const maxRows = options.maxRows ?? DEFAULT_MAX_FIT_ROWS;
  if (!Number.isInteger(maxRows) || maxRows < 1) {
    throw new SynthError('INVALID_ARGUMENT', `the most rows to learn from must be a whole number of at least 1, got ${maxRows}`, { path: '/maxFitRows', received: maxRows });
  }
  const { table, rowsSeen } = await readTableSample(path, { typeInference: false, maxRows, seed: options.seed, ...(options.onEvent ? { onEvent: options.onEvent } : {}) });
  if (table.length === 0) {
    throw new SynthError('IO_EMPTY', `"${path}" has no data rows`, { path, hint: 'Provide a table with a header and at least one data row.' });
  }
  if (rowsSeen > table.length) {
    options.onEvent?.({ type: 'warning', step: 'read', path, message: `learning from a uniform sample of ${table.length.toLocaleString('en-US')} of the ${rowsSeen.toLocaleString('en-US')} rows (raise the limit with --max-fit-rows)` });
  }
  return { table, rowsSeen };
}

/** Writes JSON to `path` through a temp file and a rename, so no partial file is left. */
export async function writeJsonAtomic(path: string, value: unknown): Promise<void> {
  const tmp = join(dirname(path), `.${basename(path)}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(tmp, JSON.stringify(value) + '\n');
    await rename(tmp, path);
  } catch (e) {
    await unlink(tmp).catch(() => {});
    throw new SynthError('IO_UNWRITABLE', `cannot write "${path}": ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, { path, cause: e });
  }
}

/** Reads and checks a model file. */
export async function readModelFile(path: string): Promise<ModelDocument> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    throw new SynthError('IO_NOT_FOUND', `cannot read model "${path}": ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, { path, cause: e });
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new SynthError('LEARN_MODEL_INVALID', `${path} is not JSON: ${(e as Error).message}`, { path, cause: e, hint: 'Fit the model again.' });
  }
  return parseModel(doc, path);
}

/** What {@link learnFromFile} needs: a table file and the fit's options (the FitFileInput fields but `out`). */
export type LearnFromFileInput = Omit<FitFileInput, 'out'>;

/**
 * Reads a table file (a seeded sample of it when it is big) and fits a model, without writing anything: `fit` writes
 * the model, `synthesise` samples it straight away.
 */
export async function learnFromFile(input: LearnFromFileInput): Promise<{ model: ModelDocument; profile: ReturnType<typeof profileTable>; rowsSeen: number }> {
  const clock = input.clock ?? systemClock;
  // The seed is settled before reading: it also draws the sample of a file too big to learn from whole.
  const seed = normalizeSeed(input.seed ?? seedFromClock(clock.now()));
  const { table, rowsSeen } = await readLearnTable(input.dataPath, { seed, ...(input.maxFitRows !== undefined ? { maxRows: input.maxFitRows } : {}), ...(input.onEvent ? { onEvent: input.onEvent } : {}) });
  const profile = profileTable(table);
  const model = fitModel(table, {
    profile,
    seed,
    ...(input.synthesizer !== undefined ? { synthesizer: input.synthesizer } : {}),
    ...(input.epsilon !== undefined ? { epsilon: input.epsilon } : {}),
    ...(input.rareThreshold !== undefined ? { rareThreshold: input.rareThreshold } : {}),
    ...(input.options !== undefined ? { options: input.options } : {}),
    ...(input.onEvent ? { onEvent: input.onEvent } : {}),
    clock,
  });
  return { model, profile, rowsSeen };
}

/**
 * Fits a synthesizer to a table file and writes the model JSON.
 * @example await fitFile({ dataPath: 'customers.csv', out: 'model.json', seed: 1 })
 */
export async function fitFile(input: FitFileInput): Promise<FitFileOutput> {
  const clock = input.clock ?? systemClock;
  const started = clock.now();
  const { model, profile, rowsSeen } = await learnFromFile({ ...input, clock });
  await writeJsonAtomic(input.out, model);
  return {
    path: input.out,
    synthesizer: model.synthesizer,
    seed: model.seed,
    rows: model.rows,
    inputRows: rowsSeen,
    columns: profile.columns.map((c) => ({ name: c.name, kind: c.kind })),
    epsilon: model.privacy?.epsilon ?? null,
    durationMs: clock.now() - started,
  };
}
