import type { SchemaObject } from '../schema/index.js';

/** What a planner is asked: the description and optional row count, locale and hints. */
export interface PlanRequest {
  readonly description: string;
  /** Rows asked for outside the text (a `--rows` flag); a count in the text is used when this is absent. */
  readonly rows?: number;
  /** A Faker locale for names and places ("de", "fr_CA"); a country or language in the text is used when absent. */
  readonly locale?: string;
  /** Free hints for the planner, e.g. `{ domain: 'healthcare' }` to force a domain. */
  readonly hints?: Readonly<Record<string, unknown>>;
  /** Stops an LLM call early (the caller's timeout). */
  readonly signal?: AbortSignal;
}

/** What a planner answers: a record schema of our dialect and one short reason per field. */
export interface PlanDraft {
  readonly schema: SchemaObject;
  readonly rationale: Readonly<Record<string, string>>;
  /** Row count read from the text, if any. */
  readonly rows?: number;
  /** Things the planner took from the description ("domain: healthcare", "without: email"). */
  readonly understood: readonly string[];
  /** Words or phrases it could not use. */
  readonly notUnderstood: readonly string[];
  readonly warnings: readonly string[];
  /** The template the plan started from (`domain/task`), if any. */
  readonly template?: string;
}

/**
 * One way of turning a description into a schema. Implementations: `offline` (lexicon + templates, no network),
 * `openai` (any chat-completions endpoint), `ollama` (Ollama's native API). The caller validates the result.
 */
export interface Planner {
  readonly name: string;
  /** True when the planner calls a network service (so the caller bounds it with a timeout). */
  readonly remote: boolean;
  plan(request: PlanRequest): Promise<PlanDraft>;
}

/** Settings shared by the LLM planners. */
export interface LlmSettings {
  readonly model?: string;
  readonly baseUrl?: string;
  readonly apiKey?: string;
  /** Per-request timeout in milliseconds (bounded to 1..300000). */
  readonly timeoutMs?: number;
  /** Repair rounds after an invalid answer (0..2, default 2). */
  readonly repairRounds?: number;
}
