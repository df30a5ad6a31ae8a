import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isSynthError } from '../../core/index.js';
import { generateRows } from '../../generate/index.js';
import { checkSchema } from '../../schema/index.js';
import { planDescription, planDescriptionOutputSchema } from './describe.js';

describe('planDescription', () => {
  const dir = mkdtempSync(join(tmpdir(), 'describe-op-'));

  it('plans offline by default, writes the schema for review, and caches', async () => {
    const out = join(dir, 'schema.json');
    const r = await planDescription({ description: 'customer churn data for a telecom company, 1000 rows', cacheDir: join(dir, 'cache'), out, env: {} });
    expect(r).toMatchObject({ planner: 'offline', cached: false, rows: 1000, template: 'telecom/churn', path: out });
    expect(Object.keys(planDescriptionOutputSchema.properties)).toEqual(expect.arrayContaining(Object.keys(r)));
    expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual(r.schema);
    expect(existsSync(join(dir, 'cache', 'plans.json'))).toBe(true);
    const again = await planDescription({ description: 'customer churn data for a telecom company, 1000 rows', cacheDir: join(dir, 'cache'), env: {} });
    expect(again.cached).toBe(true);
    expect(generateRows(again.schema, { rows: 1000, seed: 1 }).length).toBe(1000);
  });

  it('takes the planner and its settings from the environment, falling back with a warning', async () => {
    const r = await planDescription({ description: 'iot sensor readings', cacheDir: join(dir, 'cache2'), env: { SYNTHDATA_PLANNER: 'ollama', OLLAMA_HOST: 'http://127.0.0.1:9', SYNTHDATA_PLANNER_TIMEOUT_MS: '500' } });
    expect(r.planner).toBe('offline');
    expect(r.warnings[0]).toMatch(/ollama planner failed/);
    expect(checkSchema(r.schema)).toEqual([]);
  });

  it('rejects a bad timeout and an empty description', async () => {
    await expect(planDescription({ description: 'x', timeoutMs: 0, planner: 'openai', env: {} })).rejects.toSatisfy((e) => isSynthError(e, 'INVALID_ARGUMENT'));
    await expect(planDescription({ description: '   ', cacheDir: join(dir, 'c3'), env: {} })).rejects.toSatisfy((e) => isSynthError(e, 'DESCRIBE_EMPTY'));
  });
});
