/**
 * describe: natural language -> a schema of our dialect. One Planner interface; the `offline` planner (lexicon +
 * templates, deterministic, no network) and the `openai` and `ollama` LLM planners; a plan cache; validation and
 * fallback in {@link describeSchema}.
 * @module
 */
export { describeSchema } from './plan.js';
export type { DescribeOptions, DescribeResult } from './plan.js';
export { PLANNERS, plannerNames, createPlanner } from './planners.js';
export { offlinePlanner, planOffline } from './offline.js';
export { openaiPlanner, DEFAULT_OPENAI_MODEL } from './openai.js';
export { ollamaPlanner, DEFAULT_OLLAMA_MODEL, DEFAULT_OLLAMA_HOST } from './ollama.js';
export { systemPrompt, parseAnswer, ANSWER_SCHEMA } from './llm.js';
export { fileCache, memoryCache, planCacheKey, normalizeDescription } from './cache.js';
export type { PlanCache, CachedPlan, PlanKeyParts } from './cache.js';
export { canonicalField, propertyServes, normalizeText, tokenize } from './lexicon.js';
export { explainField, addField, removeField } from './edit.js';
export type { Planner, PlanRequest, PlanDraft, LlmSettings } from './types.js';
export { coversField, fieldCoverage } from './coverage.js';
export { applyLocale } from './edit.js';
