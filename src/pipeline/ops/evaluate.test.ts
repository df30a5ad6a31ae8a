import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isSynthError } from '../../core/index.js';
import { evaluateFiles, evaluateInputSchema, reportSchema } from './evaluate.js';
import { validateOpInput } from '../validate-input.js';

const fixtures = fileURLToPath(new URL('../../../test/fixtures/datasets/', import.meta.url));
const cars = join(fixtures, 'cars.csv');
let dir: string;
let synthetic: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'synthdata-op-evaluate-'));
  const lines = readFileSync(cars, 'utf8').trimEnd().split('\n');
  synthetic = join(dir, 'synthetic.csv');
  writeFileSync(synthetic, [lines[0], ...lines.slice(1).filter((_, i) => i % 3 !== 0)].join('\n') + '\n');
  writeFileSync(join(dir, 'data.xyz'), 'a,b\n1,2\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function code(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'none';
  } catch (e) {
    return isSynthError(e) ? e.code : String(e);
  }
}

describe('evaluateFiles', () => {
  it('reads the files, evaluates and writes the JSON report matching its schema', async () => {
    const jsonPath = join(dir, 'report.json');
    const out = await evaluateFiles({ real: cars, synthetic, jsonPath, target: 'Origin', compare: true, seed: 3 });
    expect(out.report.tables).toMatchObject({ realRows: 406, syntheticRows: 270 });
    expect(out.report.properties.map((p) => p.name)).toEqual(['column_shapes', 'column_pair_trends', 'column_details', 'validity', 'privacy', 'utility']);
    expect(() => validateOpInput(reportSchema, JSON.parse(readFileSync(jsonPath, 'utf8')), 'report')).not.toThrow();
    expect(out.schemaMatch).toMatchObject({ matches: true, commonColumns: 9 });
    expect(out.textSimilarity?.map((t) => t.column)).toEqual(['Name']);
    expect(out.textSimilarity?.[0]?.score).toBeGreaterThan(0.8);
  });

  it('has an input schema that accepts what the CLI sends', () => {
    expect(() => validateOpInput(evaluateInputSchema, { real: 'a.csv', synthetic: 'b.csv', metrics: ['quality', 'similarity'], thresholds: { ks_complement: { pass: 0.9 } } }, 'evaluate')).not.toThrow();
  });

  it('fails cleanly, leaving no report behind', async () => {
    const html = join(dir, 'never.html');
    expect(await code(evaluateFiles({ real: cars, synthetic: join(dir, 'data.xyz'), reportPath: html }))).toBe('IO_UNKNOWN_FORMAT');
    expect(await code(evaluateFiles({ real: cars, synthetic, metrics: ['qualty'] }))).toBe('UNKNOWN_NAME');
    expect(await code(evaluateFiles({ real: cars, synthetic, target: 'Orign', metrics: ['utility'] }))).toBe('EVAL_BAD_TARGET');
    expect(await code(evaluateFiles({ real: cars, synthetic, metadata: join(dir, 'missing.json') }))).toBe('IO_NOT_FOUND');
    expect(existsSync(html)).toBe(false);
  });
});
