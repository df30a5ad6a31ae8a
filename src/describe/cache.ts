/**
 * The plan cache: a finished plan keyed by the normalized description, planner, model and options, so asking
 * again returns in milliseconds. Kept in the store when there is one, else as one JSON file (`plans.json`) in a folder.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { canonicalJson, sha256 } from '../core/index.js';
import type { SchemaObject } from '../schema/index.js';

/** A plan as cached. */
export interface CachedPlan {
  readonly schema: SchemaObject;
  readonly rationale: Readonly<Record<string, string>>;
  readonly planner: string;
  readonly rows?: number;
  readonly template?: string;
  readonly warnings: readonly string[];
  readonly understood: readonly string[];
  readonly notUnderstood: readonly string[];
}

/** Where plans are kept: a file, a store table, or memory in tests. */
export interface PlanCache {
  get(key: string): CachedPlan | undefined | Promise<CachedPlan | undefined>;
  set(key: string, plan: CachedPlan): void | Promise<void>;
}

/** What a cache key is made of. */
export interface PlanKeyParts {
  readonly description: string;
  readonly planner: string;
  readonly model?: string;
  readonly rows?: number;
  readonly locale?: string;
  readonly hints?: Readonly<Record<string, unknown>>;
  readonly baseUrl?: string;
}

/** The description as the cache sees it: case, spacing and trailing punctuation do not matter. */
export function normalizeDescription(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').replace(/[\s.!?]+$/, '').trim();
}

/** The cache key of a request: SHA-256 of the canonical JSON of its parts (v1). */
export function planCacheKey(parts: PlanKeyParts): string {
  return sha256(canonicalJson({ v: 1, ...parts, description: normalizeDescription(parts.description) }));
}

interface CacheFile {
  format: 'synthdata.plan-cache';
  version: 1;
  plans: Record<string, CachedPlan>;
}

/** A cache in `dir/plans.json`; a missing or unreadable file is an empty cache, writes are atomic (temp + rename). */
export function fileCache(dir: string): PlanCache {
  const file = join(dir, 'plans.json');
  const read = (): CacheFile => {
    try {
      const parsed = JSON.parse(readFileSync(file, 'utf8')) as CacheFile;
      if (parsed.format === 'synthdata.plan-cache' && parsed.version === 1 && typeof parsed.plans === 'object') return parsed;
    } catch {
      // An absent or damaged cache is only a slower answer.
    }
    return { format: 'synthdata.plan-cache', version: 1, plans: {} };
  };
  return {
    get: (key) => read().plans[key],
    set(key, plan) {
      const doc = read();
      doc.plans[key] = plan;
      mkdirSync(dir, { recursive: true });
      const tmp = `${file}.${process.pid}.tmp`;
      writeFileSync(tmp, JSON.stringify(doc) + '\n');
      renameSync(tmp, file);
    },
  };
}

/** A cache in memory (tests, servers that bring their own store). */
export function memoryCache(): PlanCache {
  const map = new Map<string, CachedPlan>();
  return { get: (k) => map.get(k), set: (k, v) => void map.set(k, structuredClone(v)) };
}
