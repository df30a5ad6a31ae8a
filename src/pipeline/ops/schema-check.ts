import { readFile } from 'node:fs/promises';
import { SynthError, fingerprint, type Issue } from '../../core/index.js';
import { checkSchema, parseSchemaText } from '../../schema/index.js';

/** Input of {@link schemaCheck}: a schema object or a schema file. */
export interface SchemaCheckInput {
  schema?: unknown;
  schemaPath?: string;
  /** The rows to be generated: enables the `x-unique` value-space check. */
  rows?: number;
}

/** What {@link schemaCheck} found: every issue, and a summary of the schema when it is usable. */
export interface SchemaCheckOutput {
  valid: boolean;
  source: string;
  issues: Issue[];
  /** Number of top-level properties, and how many carry an `x-` hint of ours. */
  properties: number;
  hinted: number;
  fingerprint: string | null;
}

/** JSON Schema of {@link SchemaCheckInput}. */
export const schemaCheckInputSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  title: 'schema check input',
  type: 'object',
  additionalProperties: false,
  properties: {
    schema: { description: 'The schema to check (any JSON; a non-object is reported as an issue).' },
    schemaPath: { type: 'string', description: 'Path of a schema file, instead of `schema`.' },
    rows: { type: 'integer', minimum: 1, description: 'Rows to be generated, for the x-unique check.' },
  },
  oneOf: [{ required: ['schema'] }, { required: ['schemaPath'] }],
} as const;

/** JSON Schema of {@link SchemaCheckOutput}. */
export const schemaCheckOutputSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  title: 'schema check output',
  type: 'object',
  additionalProperties: false,
  required: ['valid', 'source', 'issues', 'properties', 'hinted', 'fingerprint'],
  properties: {
    valid: { type: 'boolean' },
    source: { type: 'string' },
    issues: {
      type: 'array',
      items: {
        type: 'object',
        required: ['code', 'path', 'message'],
        properties: { code: { type: 'string' }, path: { type: 'string' }, message: { type: 'string' }, hint: { type: 'string' }, expected: {}, received: {} },
      },
    },
    properties: { type: 'integer', minimum: 0 },
    hinted: { type: 'integer', minimum: 0 },
    fingerprint: { type: ['string', 'null'] },
  },
} as const;

/** Reads a schema file as JSON: IO_NOT_FOUND when it cannot be read, SCHEMA_NOT_JSON with line and column when it is not JSON. */
export async function readSchemaFile(path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    throw new SynthError('IO_NOT_FOUND', `cannot read schema file "${path}": ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, { path, cause: e });
  }
  return parseSchemaText(text, path);
}

/**
 * Checks a schema and reports every issue at once, each with its JSON pointer; never throws for a bad schema
 * (only for a file that cannot be read or is not JSON).
 * @example const { valid, issues } = await schemaCheck({ schemaPath: 'customers.schema.json' })
 */
export async function schemaCheck(input: SchemaCheckInput): Promise<SchemaCheckOutput> {
  if (input.schema === undefined && input.schemaPath === undefined) {
    throw new SynthError('INVALID_ARGUMENT', 'give a schema or a schema file', { path: 'schema' });
  }
  const schema = input.schema !== undefined ? input.schema : await readSchemaFile(input.schemaPath!);
  const issues = checkSchema(schema, input.rows !== undefined ? { rows: input.rows } : {});
  const props = typeof schema === 'object' && schema !== null && !Array.isArray(schema) ? (schema as { properties?: unknown }).properties : undefined;
  const entries = typeof props === 'object' && props !== null ? Object.values(props as Record<string, unknown>) : [];
  const hinted = entries.filter((p) => typeof p === 'object' && p !== null && Object.keys(p).some((k) => k.startsWith('x-') || k === 'faker')).length;
  return {
    valid: issues.length === 0,
    source: input.schemaPath ?? '<schema>',
    issues,
    properties: entries.length,
    hinted,
    fingerprint: issues.length === 0 ? fingerprint(schema) : null,
  };
}
