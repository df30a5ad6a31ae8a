import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isSynthError } from '../core/index.js';
import { fileCache, memoryCache, normalizeDescription, planCacheKey } from './cache.js';
import { describeSchema } from './plan.js';

describe('plan cache', () => {
  it('keys by normalized description, planner, model and options', () => {
    const key = planCacheKey({ description: 'Telecom churn, 1000 rows.', planner: 'offline' });
    expect(planCacheKey({ description: '  telecom   CHURN, 1000 rows ', planner: 'offline' })).toBe(key);
    expect(planCacheKey({ description: 'telecom churn, 1000 rows', planner: 'openai', model: 'gpt-4o-mini' })).not.toBe(key);
    expect(planCacheKey({ description: 'telecom churn, 1000 rows', planner: 'offline', locale: 'de' })).not.toBe(key);
    expect(normalizeDescription('A  B!')).toBe('a b');
  });

  it('returns a cached plan marked as such, and plans again with noCache', async () => {
    const cache = memoryCache();
    const first = await describeSchema({ description: 'hospital patients, 200 rows' }, { cache });
    expect(first.cached).toBe(false);
    const t0 = performance.now();
    const second = await describeSchema({ description: 'Hospital patients, 200 rows.' }, { cache });
    expect(performance.now() - t0).toBeLessThan(50);
    expect(second.cached).toBe(true);
    expect(second.schema).toEqual(first.schema);
    expect((await describeSchema({ description: 'hospital patients, 200 rows' }, { cache, noCache: true })).cached).toBe(false);
  });

  it('keeps plans in a JSON file, and treats a damaged file as empty', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plans-'));
    await describeSchema({ description: 'loan applications' }, { cache: fileCache(dir) });
    const doc = JSON.parse(readFileSync(join(dir, 'plans.json'), 'utf8'));
    expect(doc).toMatchObject({ format: 'synthdata.plan-cache', version: 1 });
    expect((await describeSchema({ description: 'loan applications' }, { cache: fileCache(dir) })).cached).toBe(true);
    writeFileSync(join(dir, 'plans.json'), '{ not json');
    expect((await describeSchema({ description: 'loan applications' }, { cache: fileCache(dir) })).cached).toBe(false);
  });

  it('names the planners when one is unknown', async () => {
    await expect(describeSchema({ description: 'x' }, { planner: 'gpt' })).rejects.toSatisfy((e) => isSynthError(e, 'UNKNOWN_NAME') && /offline, openai, ollama/.test((e as Error).message));
  });
});
