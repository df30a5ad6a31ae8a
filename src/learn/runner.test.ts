import { describe, expect, it } from 'vitest';
import { isSynthError } from '../core/index.js';
import { fitModel, sampleModel } from './runner.js';
import { parseModel } from './model.js';
import { getSynthesizer } from './registry.js';
import { fixtureTable, tableOf } from './test-tables.js';

function codeOf(f: () => unknown): string | undefined {
  try {
    f();
  } catch (e) {
    return isSynthError(e) ? e.code : 'other';
  }
  return undefined;
}

describe('runner', () => {
  const cars = fixtureTable('cars');
  const model = fitModel(cars, { seed: 3 });

  it('uses cart by default and writes dates and text back in their form', () => {
    expect(model.synthesizer).toBe('cart');
    const s = sampleModel(model, 200, { seed: 1 });
    const year = s.columns[7]!;
    expect(year.every((v) => typeof v === 'string' && /^19[78]\d-01-01$/.test(v))).toBe(true);
    const names = s.columns[0]!.filter((v) => v !== null) as string[];
    expect(names.every((n) => typeof n === 'string' && n.length > 0)).toBe(true);
  });

  it('never copies ids and keeps their shape', () => {
    const ids = Array.from({ length: 60 }, (_, i) => `CUST-${String(1000 + i * 7)}`);
    const t = tableOf({ id: ids, plan: ids.map((_, i) => (i % 3 === 0 ? 'gold' : 'basic')), spend: ids.map((_, i) => String(10 + (i % 13))) });
    const s = sampleModel(fitModel(t, { seed: 1 }), 200, { seed: 2 });
    const out = s.columns[0] as string[];
    expect(out.every((v) => /^CUST-\d{4}$/.test(v))).toBe(true);
    expect(out.some((v) => ids.includes(v))).toBe(false);
    expect(new Set(out).size).toBe(200);
  });

  it('merges rare categories unless told not to', () => {
    const city = [...Array(40).fill('Oslo'), ...Array(40).fill('Bergen'), 'Tromso', 'Bodo'];
    const t = tableOf({ city, n: city.map((_, i) => String(i % 9)) });
    const merged = fitModel(t, { seed: 1 });
    expect((merged.columns[0] as unknown as { levels: unknown[] }).levels).toEqual(['Bergen', 'Oslo', 'Other']);
    const kept = fitModel(t, { seed: 1, rareThreshold: 0 });
    expect((kept.columns[0] as unknown as { levels: unknown[] }).levels).toContain('Tromso');
  });

  it('does not emit exact copies of real rows', () => {
    const p = fixtureTable('penguins');
    const real = new Set(Array.from({ length: p.length }, (_, i) => p.columns.map((c) => String(c[i] ?? '')).join('|')));
    const s = sampleModel(fitModel(p, { seed: 2 }), 344, { seed: 2 });
    const copies = Array.from({ length: s.length }, (_, i) => s.columns.map((c) => String(c[i] ?? '')).join('|')).filter((k) => real.has(k));
    expect(copies).toEqual([]);
  });

  it('rejects newer and hand-edited models', () => {
    expect(codeOf(() => parseModel({ ...model, version: 2 }))).toBe('LEARN_MODEL_VERSION');
    expect(codeOf(() => parseModel({ ...model, format: 'other' }))).toBe('LEARN_MODEL_INVALID');
    const edited = JSON.parse(JSON.stringify(model)) as { columns: { levels?: unknown[] }[]; params: { trees: unknown[] } };
    edited.params.trees.pop();
    expect(codeOf(() => parseModel(edited))).toBe('LEARN_MODEL_INVALID');
    const badLevels = JSON.parse(JSON.stringify(model)) as { columns: { kind: string; levels?: unknown[] }[] };
    badLevels.columns.find((c) => c.kind === 'categorical')!.levels = ['USA', 'USA'];
    expect(codeOf(() => parseModel(badLevels))).toBe('LEARN_MODEL_INVALID');
    expect(codeOf(() => sampleModel(undefined, 5))).toBe('LEARN_NOT_FITTED');
  });

  it('rejects bad tables, names and budgets', () => {
    expect(codeOf(() => fitModel(tableOf({ only: ['a', 'b', 'c'] })))).toBe('LEARN_BAD_TABLE');
    expect(codeOf(() => fitModel(cars, { synthesizer: 'ctgan' }))).toBe('UNKNOWN_NAME');
    expect(codeOf(() => getSynthesizer('gausian-copula'))).toBe('UNKNOWN_NAME');
    expect(codeOf(() => fitModel(cars, { synthesizer: 'bayes-net', epsilon: 50 }))).toBe('LEARN_EPSILON_INVALID');
    expect(codeOf(() => fitModel(cars, { synthesizer: 'cart', epsilon: 1 }))).toBe('INVALID_ARGUMENT');
  });
});
