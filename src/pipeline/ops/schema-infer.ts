import { randomBytes } from 'node:crypto';
import { rename, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { SynthError } from '../../core/index.js';
import { readTable } from '../../io/index.js';
import { inferSchema, type SchemaObject } from '../../schema/index.js';

/** Input of {@link schemaInfer}. */
export interface SchemaInferInput {
  /** A sample table: CSV, JSON (an array of objects), JSONL, YAML, Parquet or XLSX. */
  dataPath: string;
  /** The first this many rows are read (default 100,000): a sample, not the whole of a large file. */
  maxRows?: number;
  /** Where to write the schema; not written when absent. */
  out?: string;
  /** Columns with at most this many distinct values become an enum (default 20). */
  maxEnum?: number;
  title?: string;
}

/** The inferred schema, where it was written, and the size of the sample. */
export interface SchemaInferOutput {
  schema: SchemaObject;
  path: string | null;
  rows: number;
  columns: number;
}

/** Rows read from a sample by default: enough to profile, and memory stays small for large files. */
const DEFAULT_SAMPLE_ROWS = 100_000;

/** JSON Schema of {@link SchemaInferInput}. */
export const schemaInferInputSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  title: 'schema infer input',
  type: 'object',
  additionalProperties: false,
  required: ['dataPath'],
  properties: {
    dataPath: { type: 'string', description: 'A sample table: CSV, JSON, JSONL, YAML, Parquet or XLSX.' },
    maxRows: { type: 'integer', minimum: 1, description: 'Read at most this many rows (default 100,000).' },
    out: { type: 'string', description: 'Where to write the inferred schema (JSON).' },
    maxEnum: { type: 'integer', minimum: 0, maximum: 1000, description: 'Columns with at most this many distinct values become an enum.' },
    title: { type: 'string' },
  },
} as const;

/** JSON Schema of {@link SchemaInferOutput}. */
export const schemaInferOutputSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  title: 'schema infer output',
  type: 'object',
  additionalProperties: false,
  required: ['schema', 'path', 'rows', 'columns'],
  properties: {
    schema: { type: 'object' },
    path: { type: ['string', 'null'] },
    rows: { type: 'integer', minimum: 0 },
    columns: { type: 'integer', minimum: 0 },
  },
} as const;

/** Writes text to `path` through a temp file in the same folder, so no partial file is ever left. */
async function writeAtomically(path: string, text: string): Promise<void> {
  const tmp = join(dirname(path), `.${basename(path)}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(tmp, text, { flag: 'wx' });
    await rename(tmp, path);
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    throw new SynthError('IO_UNWRITABLE', `cannot write "${path}": ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, { path, cause: e });
  }
}

/**
 * Infers a reviewable schema, with `x-` hints, from a sample table, and writes it when `out` is given.
 * @example await schemaInfer({ dataPath: 'customers.csv', out: 'customers.schema.json' })
 */
export async function schemaInfer(input: SchemaInferInput): Promise<SchemaInferOutput> {
  const table = await readTable(input.dataPath, { maxRows: input.maxRows ?? DEFAULT_SAMPLE_ROWS });
  if (table.length === 0) throw new SynthError('IO_EMPTY', `"${input.dataPath}" has no data rows`, { path: input.dataPath });
  const title = input.title ?? basename(input.dataPath, extname(input.dataPath));
  const schema = inferSchema(table, { title, ...(input.maxEnum !== undefined ? { maxEnum: input.maxEnum } : {}) });
  if (input.out !== undefined) await writeAtomically(input.out, JSON.stringify(schema, null, 2) + '\n');
  return { schema, path: input.out ?? null, rows: table.length, columns: table.fields.length };
}
