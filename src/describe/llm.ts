/**
 * What the LLM planners share: the prompt that teaches our dialect, parsing the answer, validating it with
 * schema/ and the repair rounds that quote the validation issues back to the model.
 */
import { SynthError, type Issue } from '../core/index.js';
import { checkSchema, DISTRIBUTION_PARAMETERS, EXPRESSION_FUNCTION_LIST, EXTENSION_DOCS, SUPPORTED_FORMATS, type SchemaObject } from '../schema/index.js';
import { applyLocale, explainField } from './edit.js';
import type { LlmSettings, PlanDraft, PlanRequest } from './types.js';

/** One chat message. */
export interface ChatMessage {
  readonly role: 'system' | 'user' | 'assistant';
  readonly content: string;
}

/** Sends messages to a model and returns the text of its answer; throws on transport errors. */
export type AskModel = (messages: readonly ChatMessage[], signal: AbortSignal) => Promise<string>;

/** The JSON Schema of the answer we ask for: a record schema, a reason per field, and optionally a row count. */
export const ANSWER_SCHEMA = {
  type: 'object',
  required: ['schema', 'rationale'],
  properties: {
    schema: { type: 'object', description: 'A JSON Schema 2020-12 for ONE record, with x- extensions.' },
    rationale: { type: 'object', additionalProperties: { type: 'string' }, description: 'One short sentence per field: why it looks the way it does.' },
    rows: { type: 'integer', minimum: 1, description: 'The row count the description asks for, if any.' },
  },
  additionalProperties: false,
} as const;

const EXAMPLE = {
  schema: {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    type: 'object',
    properties: {
      order_id: { type: 'integer', 'x-sequence': { start: 1, step: 1 } },
      first_name: { type: 'string', 'x-faker': 'person.firstName' },
      last_name: { type: 'string', 'x-faker': 'person.lastName' },
      email: { type: 'string', 'x-expression': "slugify(first_name) + '.' + slugify(last_name) + '@example.com'" },
      segment: { type: 'string', enum: ['consumer', 'business'], 'x-distribution': { type: 'weighted', weights: { consumer: 0.8, business: 0.2 } } },
      quantity: { type: 'integer', minimum: 1, maximum: 20, 'x-distribution': { type: 'poisson', lambda: 2 } },
      unit_price: { type: 'number', minimum: 1, maximum: 2000, multipleOf: 0.01, 'x-distribution': { type: 'lognormal', mean: 40, sd: 30 } },
      total: { type: 'number', 'x-expression': 'round(quantity * unit_price, 2)' },
      order_date: { type: 'string', format: 'date' },
    },
    required: ['order_id', 'first_name', 'last_name', 'email', 'segment', 'quantity', 'unit_price', 'total', 'order_date'],
    allOf: [{ if: { properties: { segment: { const: 'business' } }, required: ['segment'] }, then: { properties: { quantity: { 'x-distribution': { type: 'poisson', lambda: 8 } } } } }],
  },
  rationale: { segment: 'most buyers are consumers', quantity: 'small counts; businesses buy more', total: 'derived so it always agrees' },
};

/** The system prompt: our dialect in brief, with an example answer. */
export function systemPrompt(): string {
  const ext = Object.entries(EXTENSION_DOCS).filter(([k]) => k !== 'faker').map(([k, v]) => `- ${k}: ${v}`).join('\n');
  const dists = Object.entries(DISTRIBUTION_PARAMETERS).map(([k, v]) => `${k}(${Object.keys(v).join(', ')})`).join('; ');
  const fns = EXPRESSION_FUNCTION_LIST.map((f) => f.name).join(', ');
  return [
    'You design realistic synthetic tables. Answer with ONE JSON object and nothing else:',
    '{ "schema": <JSON Schema 2020-12 for ONE record>, "rationale": { "<field>": "<one short sentence>" }, "rows": <integer, only if the user asked for a count> }',
    'The schema: "type": "object", snake_case "properties", every property listed in "required". Standard keywords plus these extensions:',
    ext,
    `Distributions and their parameters: ${dists}.`,
    `x-expression is a formula over other fields of the same record with + - * / % == != < > && || and the functions: ${fns}. Strings in single quotes.`,
    `Formats: ${SUPPORTED_FORMATS.join(', ')}.`,
    'Make fields correlated as in real life: use allOf with if/then on a category field to change other fields\' distributions, and x-expression for derived values (totals, emails from names, dates after other dates).',
    'Use x-faker only with real Faker method paths (person.firstName, location.city, company.name, phone.number, internet.username, commerce.productName).',
    'Example answer:',
    JSON.stringify(EXAMPLE),
  ].join('\n');
}

function userPrompt(request: PlanRequest): string {
  const extra: string[] = [];
  if (request.rows !== undefined) extra.push(`Rows wanted: ${request.rows}.`);
  if (request.locale !== undefined) extra.push(`Locale for names and places: ${request.locale} (set "x-locale" at the root).`);
  if (request.hints !== undefined && Object.keys(request.hints).length > 0) extra.push(`Hints: ${JSON.stringify(request.hints)}.`);
  return [`Description: ${request.description.trim()}`, ...extra].join('\n');
}

/** Pulls the JSON object out of a model's answer (code fences and chatter around it are tolerated). */
export function parseAnswer(text: string): { schema: SchemaObject; rationale: Record<string, string>; rows?: number } {
  const trimmed = text.trim().replace(/^```(?:json)?\s*/i, '').replace(/\s*```$/, '');
  let value: unknown;
  try {
    value = JSON.parse(trimmed);
  } catch {
    const start = trimmed.indexOf('{');
    const end = trimmed.lastIndexOf('}');
    if (start < 0 || end <= start) throw new Error('the answer is not JSON');
    try {
      value = JSON.parse(trimmed.slice(start, end + 1));
    } catch (e) {
      throw new Error(`the answer is not valid JSON (${(e as Error).message})`);
    }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('the answer is not a JSON object');
  const obj = value as Record<string, unknown>;
  // Some models answer the bare schema: accept it.
  const schema = (typeof obj.schema === 'object' && obj.schema !== null ? obj.schema : obj.properties !== undefined ? obj : undefined) as SchemaObject | undefined;
  if (schema === undefined) throw new Error('the answer has no "schema" object');
  const rationale: Record<string, string> = {};
  if (typeof obj.rationale === 'object' && obj.rationale !== null) {
    for (const [k, v] of Object.entries(obj.rationale as Record<string, unknown>)) if (typeof v === 'string') rationale[k] = v;
  }
  const rows = typeof obj.rows === 'number' && Number.isSafeInteger(obj.rows) && obj.rows > 0 ? obj.rows : undefined;
  return { schema, rationale, ...(rows !== undefined ? { rows } : {}) };
}

function issuesText(issues: readonly Issue[]): string {
  return issues.slice(0, 20).map((i) => `- at ${i.path || '/'}: ${i.message}`).join('\n') + (issues.length > 20 ? `\n- ... and ${issues.length - 20} more` : '');
}

/** Bounds a timeout setting to 1 ms .. 5 minutes (default 30 s). */
export function boundedTimeout(ms: number | undefined): number {
  if (ms === undefined || !Number.isFinite(ms)) return 30_000;
  return Math.min(300_000, Math.max(1, Math.round(ms)));
}

/**
 * Asks the model, validates the answer with schema/, and repairs up to `repairRounds` times by quoting the issues
 * back. Throws DESCRIBE_LLM_FAILED (with the last issues) when no valid schema came back.
 */
export async function planWithModel(planner: string, request: PlanRequest, settings: LlmSettings, ask: AskModel): Promise<PlanDraft> {
  const rounds = Math.min(2, Math.max(0, settings.repairRounds ?? 2));
  const timeout = boundedTimeout(settings.timeoutMs);
  const messages: ChatMessage[] = [
    { role: 'system', content: systemPrompt() },
    { role: 'user', content: userPrompt(request) },
  ];
  const warnings: string[] = [];
  let lastIssues: readonly Issue[] = [];
  for (let round = 0; round <= rounds; round++) {
    const signal = request.signal === undefined ? AbortSignal.timeout(timeout) : AbortSignal.any([request.signal, AbortSignal.timeout(timeout)]);
    let text: string;
    try {
      text = await ask(messages, signal);
    } catch (e) {
      throw transportError(planner, e, timeout);
    }
    let answer: ReturnType<typeof parseAnswer>;
    try {
      answer = parseAnswer(text);
    } catch (e) {
      lastIssues = [{ code: 'DESCRIBE_LLM_FAILED', path: '', message: (e as Error).message }];
      warnings.push(`round ${round + 1}: ${(e as Error).message}`);
      messages.push({ role: 'assistant', content: text.slice(0, 4000) }, { role: 'user', content: `That was not usable: ${(e as Error).message}. Answer again with only the JSON object { "schema": ..., "rationale": ... }.` });
      continue;
    }
    if (request.locale !== undefined) applyLocale(answer.schema, request.locale);
    const issues = checkSchema(answer.schema, request.rows !== undefined ? { rows: request.rows } : {});
    if (issues.length === 0) {
      const rationale: Record<string, string> = {};
      for (const name of Object.keys(answer.schema.properties ?? {})) rationale[name] = answer.rationale[name] ?? explainField(answer.schema, name);
      if (round > 0) warnings.push(`the model's schema was repaired in ${round} round${round > 1 ? 's' : ''}`);
      return {
        schema: answer.schema,
        rationale,
        understood: [`planned by ${planner}`],
        notUnderstood: [],
        warnings,
        ...(answer.rows !== undefined ? { rows: answer.rows } : {}),
      };
    }
    lastIssues = issues;
    warnings.push(`round ${round + 1}: ${issues.length} validation issue${issues.length > 1 ? 's' : ''}`);
    messages.push(
      { role: 'assistant', content: text.slice(0, 12000) },
      { role: 'user', content: `The schema does not validate. Fix every issue and answer the whole JSON object again:\n${issuesText(issues)}` },
    );
  }
  throw new SynthError('DESCRIBE_LLM_FAILED', `the ${planner} planner gave no valid schema after ${rounds} repair round${rounds === 1 ? '' : 's'}: ${lastIssues[0]?.message ?? 'unusable answer'}`, {
    issues: lastIssues,
    hint: 'Try another model, or use `--planner offline`.',
  });
}

function transportError(planner: string, e: unknown, timeout: number): SynthError {
  if (e instanceof SynthError) return e;
  const err = e as { name?: string; message?: string; status?: number };
  const name = err.name ?? '';
  if (/timeout|abort/i.test(name) || /timed? ?out|aborted/i.test(err.message ?? '')) {
    return new SynthError('DESCRIBE_LLM_FAILED', `the ${planner} planner timed out after ${timeout} ms`, { cause: e, hint: 'Raise the timeout (SYNTHDATA_PLANNER_TIMEOUT_MS), check the endpoint, or use `--planner offline`.' });
  }
  const status = typeof err.status === 'number' ? ` (HTTP ${err.status})` : '';
  return new SynthError('DESCRIBE_LLM_FAILED', `the ${planner} planner failed${status}: ${(err.message ?? String(e)).slice(0, 300)}`, { cause: e, hint: 'Check the base URL, key and model, or use `--planner offline`.' });
}
