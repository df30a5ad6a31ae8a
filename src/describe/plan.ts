/**
 * Description -> validated schema: the cache, the chosen planner, validation by schema/, and the fallback from a
 * failing LLM planner to the offline one (reported in `warnings`, never silent).
 */
import { SynthError, isSynthError } from '../core/index.js';
import { checkSchema, type SchemaObject } from '../schema/index.js';
import { planCacheKey, type CachedPlan, type PlanCache } from './cache.js';
import { offlinePlanner } from './offline.js';
import { lowerConditionals } from '../templates/index.js';
import { createPlanner } from './planners.js';
import type { LlmSettings, PlanRequest } from './types.js';

/** Options of {@link describeSchema}. */
export interface DescribeOptions extends LlmSettings {
  /** `offline` (default), `openai` or `ollama`. */
  readonly planner?: string;
  /** Where plans are cached; none means no caching. */
  readonly cache?: PlanCache;
  /** Skip the cache lookup (the fresh plan is still stored). */
  readonly noCache?: boolean;
  /** When an LLM planner fails: `offline` (default) falls back and warns, `error` throws DESCRIBE_LLM_FAILED. */
  readonly onFailure?: 'offline' | 'error';
}

/** A planned, validated schema with what was understood and how. */
export interface DescribeResult {
  readonly schema: SchemaObject;
  readonly rationale: Record<string, string>;
  /** The planner that made this schema (`offline` after a fallback). */
  readonly planner: string;
  readonly cached: boolean;
  readonly rows?: number;
  readonly template?: string;
  readonly warnings: string[];
  readonly understood: string[];
  readonly notUnderstood: string[];
}

function result(plan: CachedPlan, cached: boolean): DescribeResult {
  return {
    schema: structuredClone(plan.schema),
    rationale: { ...plan.rationale },
    planner: plan.planner,
    cached,
    ...(plan.rows !== undefined ? { rows: plan.rows } : {}),
    ...(plan.template !== undefined ? { template: plan.template } : {}),
    warnings: [...plan.warnings],
    understood: [...plan.understood],
    notUnderstood: [...plan.notUnderstood],
  };
}

/**
 * A model's schema in the form the engine runs best: weighted booleans get their `enum`, and `allOf` conditionals
 * are lowered as the templates' are (kept as written when the lowered form would not validate).
 */
function runnable(schema: SchemaObject): SchemaObject {
  const out = structuredClone(schema);
  for (const node of Object.values((out.properties ?? {}) as Record<string, SchemaObject>)) {
    if (node.type === 'boolean' && node.enum === undefined && node['x-distribution']?.type === 'weighted') node.enum = [true, false];
  }
  const lowered = lowerConditionals(out);
  return lowered === out || checkSchema(lowered).length > 0 ? out : lowered;
}

/**
 * Plans a schema from a description with the chosen planner, validates it, caches it and falls back to the
 * offline planner when an LLM planner fails.
 * @example await describeSchema({ description: 'telecom churn, 1000 rows' }) // { schema, rationale, rows: 1000, ... }
 */
export async function describeSchema(request: PlanRequest, options: DescribeOptions = {}): Promise<DescribeResult> {
  const name = options.planner ?? 'offline';
  const planner = createPlanner(name, options);
  if (typeof request.description !== 'string' || request.description.trim() === '') {
    throw new SynthError('DESCRIBE_EMPTY', 'the description is empty: say what each row is, e.g. "customer churn data for a telecom company, 1000 rows"', { path: 'description' });
  }
  const key = planCacheKey({
    description: request.description,
    planner: name,
    ...(planner.remote ? { model: options.model ?? 'default', ...(options.baseUrl !== undefined ? { baseUrl: options.baseUrl } : {}) } : {}),
    ...(request.rows !== undefined ? { rows: request.rows } : {}),
    ...(request.locale !== undefined ? { locale: request.locale } : {}),
    ...(request.hints !== undefined ? { hints: request.hints } : {}),
  });
  if (options.cache !== undefined && options.noCache !== true) {
    const hit = await options.cache.get(key);
    if (hit !== undefined) return result(hit, true);
  }
  let plan: CachedPlan;
  let cacheable = true;
  try {
    const draft = await planner.plan(request);
    const issues = checkSchema(draft.schema, draft.rows !== undefined || request.rows !== undefined ? { rows: request.rows ?? draft.rows! } : {});
    if (issues.length > 0) {
      throw new SynthError(planner.remote ? 'DESCRIBE_LLM_FAILED' : 'SCHEMA_INVALID', `the ${name} planner made a schema that does not validate: ${issues[0]!.message}`, { path: issues[0]!.path, issues });
    }
    plan = { ...draft, schema: runnable(draft.schema), planner: name };
  } catch (e) {
    if (!planner.remote || options.onFailure === 'error' || !isSynthError(e, 'DESCRIBE_LLM_FAILED')) throw e;
    let fallback;
    try {
      fallback = await offlinePlanner.plan(request);
    } catch (offline) {
      throw new SynthError('DESCRIBE_LLM_FAILED', `the ${name} planner failed (${e.message}) and the offline planner could not plan it either: ${(offline as Error).message}`, { cause: e, hint: 'Check the endpoint, key and model, or describe the records in more words.' });
    }
    plan = { ...fallback, planner: 'offline', warnings: [`the ${name} planner failed (${e.message}); used the offline planner instead`, ...fallback.warnings] };
    cacheable = false;
  }
  if (cacheable && options.cache !== undefined) await options.cache.set(key, plan);
  return result(plan, false);
}
