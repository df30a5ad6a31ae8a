import { describe, expect, it } from 'vitest';
import { canonicalJson, isSynthError } from '../core/index.js';
import { evaluate } from './evaluate.js';
import { fixture, head, shuffledColumns, withColumns } from './test-fixtures/tables.js';

const penguins = fixture('penguins');

async function expectCode(p: Promise<unknown>, code: string): Promise<void> {
  try {
    await p;
    expect.unreachable(`expected ${code}`);
  } catch (e) {
    expect(isSynthError(e)).toBe(true);
    expect((e as { code: string }).code).toBe(code);
  }
}

describe('evaluate', () => {
  it('scores a table against itself as perfect quality, and flags it as a privacy failure', async () => {
    const r = await evaluate(penguins, penguins, { seed: 1 });
    expect(r.format).toBe('synthdata.report');
    expect(r.version).toBe(1);
    expect(r.score).toBeCloseTo(1, 12);
    expect(r.properties.find((p) => p.name === 'column_shapes')?.verdict).toBe('pass');
    const privacy = r.details.privacy!;
    const emr = privacy.find((d) => d.metric === 'exact_match_rate')!;
    expect(emr.score).toBe(1);
    expect(emr.verdict).toBe('fail');
    expect(r.verdict).toBe('fail');
    expect(r.tables).toMatchObject({ realRows: 344, syntheticRows: 344, onlyInReal: [], onlyInSynthetic: [] });
  });

  it('keeps column shapes but loses pair trends when columns are shuffled independently', async () => {
    const r = await evaluate(penguins, shuffledColumns(penguins, 7), { seed: 1, metrics: ['quality'] });
    const shapes = r.properties.find((p) => p.name === 'column_shapes')!;
    const trends = r.properties.find((p) => p.name === 'column_pair_trends')!;
    expect(shapes.score).toBeCloseTo(1, 12);
    expect(trends.score!).toBeLessThan(0.8);
    expect(r.details.column_pair_trends!.every((d) => d.reason.length > 0)).toBe(true);
    const failing = r.details.column_pair_trends!.filter((d) => d.verdict === 'fail');
    expect(failing.length).toBeGreaterThan(0);
    expect(failing[0]!.reason).toMatch(/below the warn threshold/);
  });

  it('is byte-identical for the same seed', async () => {
    const synth = shuffledColumns(penguins, 3);
    const a = await evaluate(penguins, synth, { seed: 'abc', target: 'Species' });
    const b = await evaluate(penguins, synth, { seed: 'abc', target: 'Species' });
    expect(canonicalJson(a)).toBe(canonicalJson(b));
    expect(a.seed).toBe('abc');
  });

  it('evaluates the common columns and reports the mismatch', async () => {
    const synth = withColumns(shuffledColumns(penguins, 2), { extra: penguins.columns[0]!.map(() => 'x') });
    const real = { ...penguins, fields: penguins.fields.slice(1), columns: penguins.columns.slice(1) };
    const r = await evaluate(real, synth, { metrics: ['quality'] });
    expect(r.tables.onlyInSynthetic).toEqual(['Species', 'extra']);
    expect(r.tables.commonColumns).not.toContain('Species');
    expect(r.notes.join(' ')).toMatch(/only in the synthetic table/);
  });

  it('turns an all-null column into rows that say why, not a crash', async () => {
    const nulls = penguins.columns[0]!.map(() => null);
    const r = await evaluate(withColumns(penguins, { Sex: nulls }), withColumns(penguins, { Sex: nulls }), { metrics: ['quality', 'validity'] });
    const sex = r.details.column_shapes!.find((d) => d.columns[0] === 'Sex')!;
    expect(sex.score).toBeNull();
    expect(sex.error).toMatch(/no (non-null|usable) values/);
    expect(r.score).not.toBeNull();
  });

  it('raises clean errors for empty tables, no common columns and an unknown target', async () => {
    await expectCode(evaluate(penguins, head(penguins, 0)), 'EVAL_EMPTY_TABLE');
    await expectCode(evaluate(head(penguins, 0), penguins), 'EVAL_EMPTY_TABLE');
    const other = { fields: [{ name: 'zzz', kind: 'string' as const, nullable: false }], columns: [['a']], length: 1 };
    await expectCode(evaluate(penguins, other), 'EVAL_NO_COMMON_COLUMNS');
    await expectCode(evaluate(penguins, penguins, { target: 'Specis', metrics: ['utility'] }), 'EVAL_BAD_TARGET');
    await expectCode(evaluate(penguins, penguins, { thresholds: { ks_complemnt: { pass: 1 } } }), 'UNKNOWN_NAME');
  });

  it('reports a constant target as a utility row that says why', async () => {
    const constant = withColumns(penguins, { Island: penguins.columns[0]!.map(() => 'Biscoe') });
    const r = await evaluate(constant, constant, { target: 'Island', metrics: ['utility'] });
    const row = r.details.utility![0]!;
    expect(row.score).toBeNull();
    expect(row.reason).toMatch(/constant/);
  });

  it('computes utility as TSTR / TRTR for classification and regression', async () => {
    const r = await evaluate(penguins, penguins, { target: 'Species', metrics: ['utility'], seed: 5 });
    const row = r.details.utility![0]!;
    expect(row.extra?.task).toBe('classification');
    expect(row.score!).toBeGreaterThan(0.9);
    const reg = await evaluate(penguins, shuffledColumns(penguins, 1), { target: 'Body Mass (g)', metrics: ['utility'], seed: 5 });
    const rr = reg.details.utility![0]!;
    expect(rr.extra?.task).toBe('regression');
    expect(rr.score!).toBeLessThan(0.5);
    expect(rr.verdict).toBe('fail');
  });

  it('applies threshold overrides and says so in the reason', async () => {
    const r = await evaluate(penguins, shuffledColumns(penguins, 4), { metrics: ['quality'], thresholds: { contingency_similarity: { pass: 0.1, warn: 0.05 }, correlation_similarity: { pass: 0, warn: 0 } } });
    expect(r.details.column_pair_trends!.every((d) => d.verdict === 'pass')).toBe(true);
    expect(r.thresholds.contingency_similarity).toEqual({ goal: 'maximize', pass: 0.1, warn: 0.05 });
  });

  it('runs the reference-free checks without a real table', async () => {
    const dup = { ...penguins, columns: penguins.columns.map((c) => [...c, ...c.slice(0, 10)]), length: penguins.length + 10 };
    const r = await evaluate(undefined, dup, {
      keys: ['Body Mass (g)'],
      schema: { type: 'object', properties: { 'Body Mass (g)': { type: ['number', 'null'], minimum: 2000 } } },
    });
    expect(r.metrics).toEqual(['validity']);
    expect(r.score).toBeNull();
    const rows = r.details.validity!;
    expect(rows.find((d) => d.metric === 'duplicate_rows')!.score).toBeCloseTo(10 / 354, 12);
    expect(rows.find((d) => d.metric === 'key_uniqueness')!.verdict).toBe('fail');
    expect(rows.find((d) => d.metric === 'schema_conformance')!.score).toBe(1);
    expect(rows.some((d) => d.metric === 'distribution_summary' && d.columns[0] === 'Species')).toBe(true);
    const strict = await evaluate(undefined, penguins, { schema: { type: 'object', properties: { 'Body Mass (g)': { type: 'number', minimum: 4000 } } } });
    const sc = strict.details.validity!.find((d) => d.metric === 'schema_conformance')!;
    expect(sc.score!).toBeLessThan(1);
    expect(sc.verdict).toBe('fail');
  });

  it('computes k-anonymity of chosen quasi-identifiers and leakage of identifier columns', async () => {
    const ids = penguins.columns[0]!.map((_, i) => `id-${i}`);
    const real = withColumns(penguins, { id: ids });
    const synth = withColumns(shuffledColumns(penguins, 9), { id: ids.map((v, i) => (i < 34 ? v : `new-${i}`)) });
    const r = await evaluate(real, synth, { metrics: ['privacy'], quasiIdentifiers: ['Species', 'Island'], metadata: { columns: { ...Object.fromEntries(penguins.fields.map((f) => [f.name, { sdtype: f.kind === 'number' ? 'numerical' : 'categorical' }])), id: { sdtype: 'id' } } } });
    const k = r.details.privacy!.find((d) => d.metric === 'k_anonymity')!;
    expect(k.score).toBeGreaterThanOrEqual(1);
    const leak = r.details.privacy!.find((d) => d.metric === 'identifier_leakage')!;
    expect(leak.columns).toEqual(['id']);
    expect(leak.score).toBeCloseTo(34 / 344, 12);
    expect(leak.verdict).toBe('fail');
    const auc = r.details.privacy!.find((d) => d.metric === 'membership_inference_auc')!;
    expect(auc.score!).toBeGreaterThan(0.2);
    expect(auc.score!).toBeLessThan(0.8);
  });
});
