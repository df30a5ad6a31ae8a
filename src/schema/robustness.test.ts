import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SynthError } from '../core/index.js';
import { checkSchema, compileValidator, resolveSchema } from './index.js';

const keyword = fc.constantFrom('type', 'minimum', 'maximum', 'exclusiveMinimum', 'multipleOf', 'minLength', 'maxLength', 'pattern', 'format', 'enum', 'const', 'items', 'minItems', 'maxItems', 'uniqueItems', 'required', 'additionalProperties', 'allOf', 'anyOf', 'oneOf', 'not', '$ref', 'x-faker', 'x-unique', 'x-null-rate', 'x-distribution', 'x-expression', 'x-sequence');
const value = fc.oneof(
  fc.constantFrom('string', 'integer', 'number', 'boolean', 'null', 'object', 'array', ['string', 'null'], 'email', 'date', '^[a-z]{2}$', '(', '#/$defs/a', '#', 'a + b', 'person.firstName', true, false, 0, 1, -5, 0.5, 100, []),
  fc.jsonValue({ maxDepth: 2 }),
);
const { schema } = fc.letrec((tie) => ({
  schema: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.dictionary(keyword, value, { maxKeys: 4 }),
    fc.record({ type: fc.constant('object'), properties: fc.dictionary(fc.constantFrom('a', 'b', 'c'), tie('schema'), { maxKeys: 3 }) }, { requiredKeys: ['type'] }),
    fc.record({ allOf: fc.array(tie('schema'), { maxLength: 3 }) }),
    fc.record({ items: tie('schema'), uniqueItems: fc.boolean(), minItems: fc.nat(5) }),
  ),
}));
const root = fc.record({ type: fc.constant('object'), properties: fc.dictionary(fc.constantFrom('a', 'b', 'c', 'd'), schema, { maxKeys: 4 }), $defs: fc.record({ a: schema }) });

describe('robustness (fast-check; the seed is printed on failure)', () => {
  it('checkSchema returns issues and never throws, whatever the JSON', () => {
    fc.assert(
      fc.property(fc.oneof(root, fc.jsonValue({ maxDepth: 3 })), (s) => {
        const issues = checkSchema(s, { rows: 10 });
        for (const i of issues) expect(typeof i.path === 'string' && typeof i.message === 'string').toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('checkSchema reports a schema that contains itself instead of overflowing the stack', () => {
    const cyclic: Record<string, unknown> = { type: 'object', properties: {} };
    (cyclic.properties as Record<string, unknown>).self = cyclic;
    expect(checkSchema(cyclic).map((i) => i.code)).toEqual(['SCHEMA_NOT_JSON']);
  });

  it('resolveSchema never mutates its input and throws only SynthErrors; a clean schema compiles', () => {
    fc.assert(
      fc.property(root, (s) => {
        const before = JSON.stringify(s);
        try {
          resolveSchema(s);
        } catch (e) {
          expect(e).toBeInstanceOf(SynthError);
        }
        expect(JSON.stringify(s)).toBe(before);
        if (checkSchema(s).length === 0) expect(() => compileValidator(s)).not.toThrow();
      }),
      { numRuns: 150 },
    );
  });
});

describe('resolveSchema keeps the meaning of allOf (fast-check)', () => {
  const part = fc.record(
    {
      type: fc.constantFrom('integer', 'number', 'string', ['string', 'null'], ['integer', 'string']),
      minimum: fc.integer({ min: -5, max: 5 }),
      maximum: fc.integer({ min: -5, max: 10 }),
      exclusiveMaximum: fc.integer({ min: -5, max: 10 }),
      multipleOf: fc.constantFrom(1, 2, 3, 0.5),
      minLength: fc.nat(3),
      maxLength: fc.nat(5),
      enum: fc.array(fc.oneof(fc.integer({ min: -5, max: 10 }), fc.constantFrom('a', 'bb', 'ccc', null)), { minLength: 1, maxLength: 5 }),
      const: fc.constantFrom(1, 2, 'a'),
      pattern: fc.constantFrom('^a', 'b$', '^[a-c]+$'),
    },
    { requiredKeys: [] },
  );
  const value = fc.oneof(fc.integer({ min: -7, max: 12 }), fc.double({ min: -7, max: 12, noNaN: true }), fc.constantFrom('', 'a', 'bb', 'ccc', 'abc', 'zzzzzz', null, true));

  it('accepts exactly the values the original accepts', () => {
    fc.assert(
      fc.property(fc.array(part, { minLength: 1, maxLength: 3 }), fc.array(value, { minLength: 20, maxLength: 20 }), (parts, values) => {
        const original = { type: 'object', properties: { v: { allOf: parts } } };
        const resolved = resolveSchema(original);
        const a = compileValidator(original);
        const b = compileValidator(resolved);
        for (const v of values) expect(b({ v }).valid, JSON.stringify({ v, resolved: resolved.properties })).toBe(a({ v }).valid);
      }),
      { numRuns: 100 },
    );
  });
});
