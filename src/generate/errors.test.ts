import { describe, expect, it } from 'vitest';
import { isSynthError, type ErrorCode } from '../core/index.js';
import { compilePlan, generateRows } from './index.js';

const record = (properties: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({ type: 'object', properties, required: Object.keys(properties), ...extra });

function codeOf(fn: () => unknown): { code: ErrorCode; path: string | undefined; message: string } {
  try {
    fn();
  } catch (e) {
    if (!isSynthError(e)) throw e;
    return { code: e.code, path: e.path, message: e.message };
  }
  throw new Error('expected a SynthError');
}

const plan = (schema: unknown, rows = 10) => () => compilePlan(schema, { rows, seed: 1, referenceDate: '2025-06-01' });

describe('bad and unsatisfiable schemas fail before generating, naming the place', () => {
  it('minimum above maximum', () => {
    const e = codeOf(plan(record({ age: { type: 'integer', minimum: 9, maximum: 1 } })));
    expect(e.code).toBe('SCHEMA_UNSATISFIABLE');
    expect(e.path).toContain('/properties/age');
  });

  it('empty enum', () => {
    expect(codeOf(plan(record({ a: { enum: [] } }))).code).toMatch(/SCHEMA_(UNSATISFIABLE|INVALID)/);
  });

  it('a pattern longer than maxLength', () => {
    const e = codeOf(plan(record({ a: { type: 'string', pattern: '^[0-9]{8}$', maxLength: 4 } })));
    expect(e.code).toBe('SCHEMA_UNSATISFIABLE');
    expect(e.path).toContain('/properties/a');
  });

  it('a pattern no candidate satisfies (lookahead that contradicts)', () => {
    const e = codeOf(plan(record({ a: { type: 'string', pattern: '^(?=x)[0-9]{3}$' } })));
    expect(e.code).toBe('SCHEMA_UNSATISFIABLE');
    expect(e.path).toContain('/properties/a');
  });

  it('x-unique over too small a value space for the rows asked', () => {
    const e = codeOf(plan(record({ n: { type: 'integer', minimum: 1, maximum: 5, 'x-unique': true } }), 6));
    expect(e.code).toBe('SCHEMA_UNIQUE_TOO_SMALL');
    expect(e.path).toContain('/properties/n');
    expect(() => plan(record({ n: { type: 'integer', minimum: 1, maximum: 5, 'x-unique': true } }), 5)()).not.toThrow();
  });

  it('x-unique enum too small', () => {
    expect(codeOf(plan(record({ c: { enum: ['a', 'b'], 'x-unique': true } }), 3)).code).toBe('SCHEMA_UNIQUE_TOO_SMALL');
  });

  it('contradictory allOf', () => {
    const e = codeOf(plan(record({ a: { allOf: [{ type: 'string' }, { type: 'integer' }] } })));
    expect(e.code).toBe('SCHEMA_UNSATISFIABLE');
    expect(e.path).toContain('/properties/a');
  });

  it('uniqueItems over too few item values', () => {
    expect(codeOf(plan(record({ a: { type: 'array', items: { type: 'boolean' }, minItems: 3, uniqueItems: true } }))).code).toBe('SCHEMA_UNSATISFIABLE');
  });

  it('expression cycles name the cycle', () => {
    const e = codeOf(plan(record({ a: { type: 'integer', 'x-expression': 'b + 1' }, b: { type: 'integer', 'x-expression': 'a + 1' } })));
    expect(e.code).toBe('SCHEMA_EXPRESSION_CYCLE');
    expect(e.message).toMatch(/a/);
    expect(e.message).toMatch(/b/);
  });

  it('unknown expression functions and fields', () => {
    expect(codeOf(plan(record({ a: { type: 'integer' }, b: { type: 'integer', 'x-expression': 'eval(a)' } }))).code).toBe('SCHEMA_BAD_EXPRESSION');
    expect(codeOf(plan(record({ a: { type: 'integer' }, b: { type: 'integer', 'x-expression': 'c + 1' } }))).code).toBe('SCHEMA_BAD_EXPRESSION');
    expect(codeOf(() => generateRows(record({ a: { type: 'integer' }, b: { type: 'string', 'x-expression': 'a.constructor' } }), { rows: 3, seed: 1 })).code).not.toBe('INTERNAL');
  });

  it('unknown x-faker method lists near matches', () => {
    const e = codeOf(plan(record({ a: { type: 'string', 'x-faker': 'person.firstname' } })));
    expect(e.code).toBe('SCHEMA_UNKNOWN_FAKER');
    expect(e.message).toContain('person.firstName');
  });

  it('unknown format', () => {
    expect(codeOf(plan(record({ a: { type: 'string', format: 'zipcode' } }))).code).toBe('SCHEMA_UNKNOWN_FORMAT');
  });

  it('not an object schema', () => {
    expect(codeOf(plan({ type: 'string' })).code).toBe('SCHEMA_NOT_OBJECT');
  });

  it('bad options', () => {
    const s = record({ a: { type: 'string' } });
    expect(codeOf(() => generateRows(s, { rows: -1, seed: 1 })).code).toBe('GENERATE_ROWS_INVALID');
    expect(codeOf(() => generateRows(s, { rows: 1.5, seed: 1 })).code).toBe('GENERATE_ROWS_INVALID');
    expect(codeOf(() => generateRows(s, { rows: 1, seed: 1, batchSize: 70000 })).code).toBe('INVALID_ARGUMENT');
    expect(codeOf(() => generateRows(s, { rows: 1, seed: 1, referenceDate: 'yesterday' })).code).toBe('INVALID_ARGUMENT');
    expect(codeOf(() => generateRows(s, { rows: 1, seed: 1, locale: 'xx_YY' })).code).toBe('UNKNOWN_NAME');
  });
});
