import { rename, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SynthError } from '../../core/index.js';
import { describeSchema, fileCache, type DescribeResult, type PlanCache, type CachedPlan } from '../../describe/index.js';
import type { Store } from '../../store/index.js';
import type { SchemaObject } from '../../schema/index.js';

/** Input of {@link planDescription}. */
export interface PlanDescriptionInput {
  description: string;
  /** Rows wanted (a `--rows` flag); otherwise a count in the text is reported as `rows`. */
  rows?: number;
  locale?: string;
  /** `offline` (default, or SYNTHDATA_PLANNER), `openai` or `ollama`. */
  planner?: 'offline' | 'openai' | 'ollama';
  model?: string;
  baseUrl?: string;
  apiKey?: string;
  /** Per-request timeout of an LLM planner, 1..300000 ms (default 30000 or SYNTHDATA_PLANNER_TIMEOUT_MS). */
  timeoutMs?: number;
  noCache?: boolean;
  /** The store to keep plans in; without one they go to a JSON file in `cacheDir`. */
  store?: Store;
  /** Folder of the plan cache when there is no store (default `<SYNTHDATA_DATA_DIR or .synthdata>/cache`). */
  cacheDir?: string;
  /** Hints for the planner, e.g. `{ "domain": "healthcare" }`. */
  hints?: Record<string, unknown>;
  /** Write the schema here (atomically) for review. */
  out?: string;
  /** The environment to read SYNTHDATA_* / OPENAI_* / OLLAMA_* from (default process.env). */
  env?: Record<string, string | undefined>;
}

/** What {@link planDescription} made: the schema, a reason per field, and what was and was not understood. */
export interface PlanDescriptionOutput {
  schema: SchemaObject;
  rationale: Record<string, string>;
  planner: string;
  cached: boolean;
  warnings: string[];
  understood: string[];
  notUnderstood: string[];
  rows?: number;
  template?: string;
  path?: string;
}

/** JSON Schema of {@link PlanDescriptionInput}. */
export const planDescriptionInputSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  title: 'describe input',
  type: 'object',
  additionalProperties: false,
  required: ['description'],
  properties: {
    description: { type: 'string', minLength: 1, maxLength: 4000, description: 'What the records are, in plain words.' },
    rows: { type: 'integer', minimum: 1 },
    locale: { type: 'string', pattern: '^[a-z]{2,3}(_[A-Za-z]{2,4})*$' },
    planner: { enum: ['offline', 'openai', 'ollama'] },
    model: { type: 'string', minLength: 1 },
    baseUrl: { type: 'string', minLength: 1 },
    apiKey: { type: 'string' },
    timeoutMs: { type: 'integer', minimum: 1, maximum: 300000 },
    noCache: { type: 'boolean' },
    cacheDir: { type: 'string', minLength: 1 },
    hints: { type: 'object' },
    out: { type: 'string', minLength: 1 },
  },
} as const;

/** JSON Schema of {@link PlanDescriptionOutput}. */
export const planDescriptionOutputSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  title: 'describe output',
  type: 'object',
  required: ['schema', 'rationale', 'planner', 'cached', 'warnings', 'understood', 'notUnderstood'],
  properties: {
    schema: { type: 'object' },
    rationale: { type: 'object', additionalProperties: { type: 'string' } },
    planner: { type: 'string' },
    cached: { type: 'boolean' },
    warnings: { type: 'array', items: { type: 'string' } },
    understood: { type: 'array', items: { type: 'string' } },
    notUnderstood: { type: 'array', items: { type: 'string' } },
    rows: { type: 'integer', minimum: 1 },
    template: { type: 'string' },
    path: { type: 'string' },
  },
} as const;

const nonEmpty = (...values: (string | undefined)[]): string | undefined => values.find((v) => v !== undefined && v !== '');

/** The planner settings: input first, then SYNTHDATA_* variables, then the providers' own variables. */
function settingsFor(planner: string, input: PlanDescriptionInput, env: Record<string, string | undefined>) {
  const timeoutRaw = input.timeoutMs ?? (env.SYNTHDATA_PLANNER_TIMEOUT_MS ? Number(env.SYNTHDATA_PLANNER_TIMEOUT_MS) : undefined);
  if (timeoutRaw !== undefined && (!Number.isFinite(timeoutRaw) || timeoutRaw < 1 || timeoutRaw > 300_000)) {
    throw new SynthError('INVALID_ARGUMENT', `the planner timeout must be 1 to 300000 ms, got ${timeoutRaw}`, { path: 'timeoutMs' });
  }
  const common = timeoutRaw !== undefined ? { timeoutMs: timeoutRaw } : {};
  if (planner === 'openai') {
    const apiKey = nonEmpty(input.apiKey, env.SYNTHDATA_OPENAI_API_KEY, env.OPENAI_API_KEY);
    const baseUrl = nonEmpty(input.baseUrl, env.SYNTHDATA_OPENAI_BASE_URL, env.OPENAI_BASE_URL);
    const model = nonEmpty(input.model, env.SYNTHDATA_OPENAI_MODEL);
    return { ...common, ...(apiKey ? { apiKey } : {}), ...(baseUrl ? { baseUrl } : {}), ...(model ? { model } : {}) };
  }
  if (planner === 'ollama') {
    const baseUrl = nonEmpty(input.baseUrl, env.SYNTHDATA_OLLAMA_HOST, env.OLLAMA_HOST);
    const model = nonEmpty(input.model, env.SYNTHDATA_OLLAMA_MODEL);
    return { ...common, ...(baseUrl ? { baseUrl } : {}), ...(model ? { model } : {}) };
  }
  return common;
}

async function writeAtomically(path: string, text: string): Promise<void> {
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    await writeFile(tmp, text);
    await rename(tmp, path);
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    throw new SynthError('IO_UNWRITABLE', `cannot write "${path}": ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, { path, cause: e });
  }
}

/**
 * Plans a schema of our dialect from a plain-language description (offline by default; `openai` or `ollama` with a
 * reported fallback to offline), validated before it is returned and cached by description, planner and options.
 * @example const { schema, rows } = await planDescription({ description: 'telecom churn data, 1000 rows' })
 */
export async function planDescription(input: PlanDescriptionInput): Promise<PlanDescriptionOutput> {
  const env = input.env ?? process.env;
  const planner = input.planner ?? (nonEmpty(env.SYNTHDATA_PLANNER) as PlanDescriptionInput['planner']) ?? 'offline';
  const cacheDir = input.cacheDir ?? join(nonEmpty(env.SYNTHDATA_DATA_DIR) ?? '.synthdata', 'cache');
  const result: DescribeResult = await describeSchema(
    {
      description: input.description,
      ...(input.rows !== undefined ? { rows: input.rows } : {}),
      ...(input.locale !== undefined ? { locale: input.locale } : {}),
      ...(input.hints !== undefined ? { hints: input.hints } : {}),
    },
    { planner, ...settingsFor(planner, input, env), cache: input.store ? storeCache(input.store) : fileCache(cacheDir), noCache: input.noCache === true },
  );
  const output: PlanDescriptionOutput = { ...result };
  if (input.out !== undefined) {
    await writeAtomically(input.out, JSON.stringify(result.schema, null, 2) + '\n');
    output.path = input.out;
  }
  return output;
}

/** Plans kept in the store's cache table, namespace `plans`. */
function storeCache(store: Store): PlanCache {
  return {
    get: async (key) => (await store.getCache('plans', key)) as CachedPlan | undefined,
    set: (key, plan) => store.putCache('plans', key, plan),
  };
}
