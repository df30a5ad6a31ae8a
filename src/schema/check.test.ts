import { describe, expect, it } from 'vitest';
import { isSynthError } from '../core/index.js';
import { assertSchema, checkSchema, fakerCall } from './index.js';

const record = (properties: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({ type: 'object', properties, ...extra });
const codesAt = (schema: unknown, options = {}) => checkSchema(schema, options).map((i) => `${i.code} ${i.path}`);

describe('checkSchema', () => {
  it('accepts a valid schema with every extension', () => {
    const schema = record(
      {
        id: { type: 'integer', 'x-sequence': { start: 1, step: 1 }, 'x-unique': true },
        first_name: { type: 'string', 'x-faker': 'person.firstName', 'x-locale': 'de' },
        last_name: { type: 'string', faker: { method: 'person.lastName', args: [] } },
        email: { type: 'string', format: 'email', 'x-expression': "lower(concat(first_name, '.', last_name, '@example.com'))" },
        tier: { enum: ['gold', 'silver'], 'x-distribution': { type: 'weighted', weights: { gold: 0.2, silver: 0.8 } } },
        score: { type: ['number', 'null'], minimum: 0, maximum: 100, 'x-null-rate': 0.1, 'x-distribution': { type: 'normal', mean: 50, sd: 10 } },
        quantity: { type: 'integer', minimum: 1, maximum: 9 },
        unit_price: { type: 'number', minimum: 0, multipleOf: 0.01 },
        total: { type: 'number', 'x-expression': 'round(quantity * unit_price, 2)' },
        born: { type: 'string', format: 'date', 'x-after': '-90y', 'x-before': '-18y' },
        node: { $ref: '#/$defs/node' },
      },
      { required: ['id'], $defs: { node: { type: 'object', properties: { child: { $ref: '#/$defs/node' } } } } },
    );
    expect(checkSchema(schema, { rows: 1000 })).toEqual([]);
    expect(() => assertSchema(schema)).not.toThrow();
  });

  it('reports a non-object schema', () => {
    expect(codesAt([])).toEqual(['SCHEMA_NOT_OBJECT ']);
    expect(codesAt({ type: 'string' })[0]).toBe('SCHEMA_NOT_OBJECT /type');
  });

  it('reports JSON Schema meta errors with pointers', () => {
    expect(codesAt(record({ a: { type: 'strin' } }))).toContain('SCHEMA_INVALID /properties/a/type');
    expect(codesAt(record({ a: { type: 'string', minLength: -1 } }))).toContain('SCHEMA_INVALID /properties/a/minLength');
    const tuple = checkSchema(record({ a: { type: 'array', items: [{ type: 'string' }] }, b: { type: 'number', minimum: 0, exclusiveMinimum: true } }));
    expect(tuple.map((i) => `${i.path} ${i.hint}`)).toEqual([
      '/properties/a/items In JSON Schema 2020-12 a tuple is "prefixItems": [...]; "items" is one schema for every (further) item.',
      '/properties/b/exclusiveMinimum In JSON Schema 2020-12 exclusiveMinimum/exclusiveMaximum are numbers (the bound itself), not booleans.',
    ]);
  });

  it('reports bad x- values through their meta-schemas', () => {
    expect(codesAt(record({ a: { type: 'number', 'x-null-rate': 2 } }))).toEqual(['SCHEMA_INVALID /properties/a/x-null-rate']);
    expect(codesAt(record({ a: { type: 'number', 'x-distribution': { type: 'normal', sd: -1 } } }))).toEqual(['SCHEMA_BAD_DISTRIBUTION /properties/a/x-distribution/sd']);
    expect(codesAt(record({ a: { type: 'number', 'x-distribution': { type: 'gauss' } } }))).toEqual(['SCHEMA_BAD_DISTRIBUTION /properties/a/x-distribution/type']);
    expect(codesAt(record({ a: { type: 'number', 'x-distribution': { type: 'poisson', mean: 3 } } }))[0]).toMatch(/^SCHEMA_BAD_DISTRIBUTION \/properties\/a\/x-distribution/);
    expect(codesAt(record({ a: { type: 'boolean', 'x-unique': 'yes' } }))).toEqual(['SCHEMA_INVALID /properties/a/x-unique']);
    expect(codesAt(record({ a: { type: 'integer', 'x-sequence': { start: 1, stp: 2 } } }))[0]).toMatch(/^SCHEMA_INVALID \/properties\/a\/x-sequence/);
    expect(codesAt(record({ a: { type: 'string', 'x-faker': { method: 'person.firstName', arg: [] } } }))[0]).toMatch(/^SCHEMA_INVALID \/properties\/a\/x-faker/);
    expect(codesAt(record({ a: { type: 'string', 'x-after': 'last week' } }))).toEqual(['SCHEMA_INVALID /properties/a/x-after']);
  });

  it('explains a failed oneOf once, and follows $anchor refs', () => {
    expect(checkSchema(record({ a: { 'x-faker': 42 } })).map((i) => i.message)).toEqual(['x-faker: value must be of type string, or of type object']);
    expect(checkSchema(record({ a: { type: 'strin' } })).map((i) => `${i.path} ${i.message}`)).toEqual([
      '/properties/a/type "type" must be one of ["array","boolean","integer","null","number","object","string"], or of type array',
    ]);
    expect(codesAt(record({ a: { 'x-sequence': { step: 0 } } }))).toEqual(['SCHEMA_INVALID /properties/a/x-sequence/step']);
    expect(checkSchema(record({ a: { $ref: '#money' } }, { $defs: { m: { $anchor: 'money', type: 'number', multipleOf: 0.01 } } }))).toEqual([]);
  });

  it('reports a weighted distribution naming values outside the enum, and x-null-rate without null', () => {
    expect(codesAt(record({ a: { enum: ['x', 'y'], 'x-distribution': { type: 'weighted', weights: { x: 1, z: 1 } } } }))).toEqual(['SCHEMA_BAD_DISTRIBUTION /properties/a/x-distribution']);
    expect(codesAt(record({ a: { type: 'string', 'x-null-rate': 0.2 } }))).toEqual(['SCHEMA_INVALID /properties/a/x-null-rate']);
  });

  it('reports unknown keywords that look like typos, and leaves foreign annotations alone', () => {
    const issues = checkSchema(record({ a: { type: 'integer', minimun: 1, example: 3, 'x-fakr': 'person.firstName' } }));
    expect(issues.map((i) => `${i.path} ${i.message}`)).toEqual([
      '/properties/a/minimun unknown keyword "minimun" (did you mean "minimum"?)',
      '/properties/a/x-fakr unknown keyword "x-fakr" (did you mean "x-faker"?)',
    ]);
  });

  it('reports unresolved $ref, unknown format and unknown faker with near matches', () => {
    const issues = checkSchema(record({ a: { $ref: '#/$defs/nope' }, b: { type: 'string', format: 'emial' }, c: { type: 'string', 'x-faker': 'person.firstname' }, d: { faker: 'name.firstName' } }));
    expect(issues.map((i) => `${i.code} ${i.path}`)).toEqual([
      'SCHEMA_REF_UNRESOLVED /properties/a/$ref',
      'SCHEMA_UNKNOWN_FORMAT /properties/b/format',
      'SCHEMA_UNKNOWN_FAKER /properties/c/x-faker',
      'SCHEMA_UNKNOWN_FAKER /properties/d/faker',
    ]);
    expect(issues[1]!.message).toContain('did you mean "email"');
    expect(issues[1]!.message).toContain('phone');
    expect(issues[2]!.message).toContain('person.firstName');
    expect(issues[3]!.message).toMatch(/person\.firstName/);
  });

  it('accepts x-faker with arguments, in our form and in json-schema-faker\'s', () => {
    expect(checkSchema(record({ a: { type: 'string', 'x-faker': { method: 'string.alpha', args: [{ length: 5 }] } } }))).toEqual([]);
    expect(checkSchema(record({ a: { type: 'number', faker: { 'finance.amount': [100, 1000, 2] } } }))).toEqual([]);
    expect(codesAt(record({ a: { type: 'number', faker: { 'finance.amont': [1] } } }))).toEqual(['SCHEMA_UNKNOWN_FAKER /properties/a/faker']);
    expect(fakerCall({ 'finance.amount': [100, 1000, 2] })).toEqual({ method: 'finance.amount', args: [100, 1000, 2] });
    expect(fakerCall('person.firstName')).toEqual({ method: 'person.firstName', args: [] });
  });

  it.each([
    [{ type: 'integer', minimum: 10, maximum: 1 }, '/minimum'],
    [{ type: 'number', exclusiveMinimum: 5, maximum: 5 }, '/exclusiveMinimum'],
    [{ type: 'integer', exclusiveMinimum: 1, exclusiveMaximum: 2 }, '/exclusiveMinimum'],
    [{ type: 'number', minimum: 1.1, maximum: 1.9, multipleOf: 1 }, '/multipleOf'],
    [{ type: 'string', minLength: 5, maxLength: 2 }, '/minLength'],
    [{ type: 'array', minItems: 3, maxItems: 1 }, '/minItems'],
    [{ enum: [] }, '/enum'],
    [{ type: 'integer', enum: [1, 'two', 3] }, '/enum/1'],
    [{ type: 'integer', minimum: 0, maximum: 10, enum: [5, 50] }, '/enum/1'],
    [{ type: 'string', const: 3 }, '/const'],
    [{ enum: ['a', 'b'], const: 'c' }, '/const'],
    [{ type: 'string', pattern: '([a-z' }, '/pattern'],
    [{ type: 'string', pattern: '^[0-9]{5}$', maxLength: 3 }, '/pattern'],
    [{ type: 'string', pattern: '^[a-z]{2}$', minLength: 3 }, '/pattern'],
    [{ allOf: [{ type: 'string' }, { type: 'integer' }] }, '/allOf'],
    [{ allOf: [{ const: 1 }, { const: 2 }] }, '/allOf'],
    [{ allOf: [{ type: 'integer', minimum: 10 }, { maximum: 5 }] }, '/allOf'],
    [{ type: 'array', uniqueItems: true, minItems: 3, items: { type: 'boolean' } }, '/uniqueItems'],
    [{ type: 'array', uniqueItems: true, minItems: 3, items: { enum: ['a', 'b'] } }, '/uniqueItems'],
    [{ type: 'array', uniqueItems: true, minItems: 5, items: { type: 'integer', minimum: 1, maximum: 3 } }, '/uniqueItems'],
    [{ type: 'object', properties: { x: { type: 'string' } }, required: ['x', 'y'], additionalProperties: false }, '/required/1'],
    [{ type: 'string', format: 'date', formatMinimum: '2024-01-01', formatMaximum: '2023-01-01' }, '/formatMinimum'],
    [{ type: 'string', format: 'uuid', maxLength: 20 }, '/maxLength'],
    [{ type: 'string', format: 'date', 'x-after': '-18y', 'x-before': '-90y' }, '/x-after'],
    [{ type: 'string', format: 'date', 'x-after': '2024-02-01', 'x-before': '2024-01-01' }, '/x-after'],
    [{ type: 'string', format: 'date', minLength: 11 }, '/minLength'],
    [{ type: 'integer', minimum: 10, 'x-sequence': { start: 1 } }, '/x-sequence'],
    [{ type: 'integer', 'x-sequence': { start: 1, step: 0.5 } }, '/x-sequence'],
    [{ type: 'integer', multipleOf: 10, 'x-sequence': { start: 10, step: 5 } }, '/x-sequence'],
  ])('reports unsatisfiable %j at %s', (node, at) => {
    const issues = checkSchema(record({ p: node }));
    expect(issues.map((i) => `${i.code} ${i.path}`)).toEqual([`SCHEMA_UNSATISFIABLE /properties/p${at}`]);
  });

  it('reports x-unique over a value space smaller than the rows', () => {
    const schema = record({
      flag: { type: 'boolean', 'x-unique': true },
      tier: { enum: ['a', 'b', 'c'], 'x-unique': true },
      n: { type: 'integer', minimum: 1, maximum: 50, 'x-unique': true },
      k: { const: 'k', 'x-unique': true },
      big: { type: 'integer', minimum: 1, maximum: 1000, 'x-unique': true },
      text: { type: 'string', 'x-unique': true },
    });
    expect(codesAt(schema)).toEqual([]);
    const issues = checkSchema(schema, { rows: 100 });
    expect(issues.map((i) => `${i.code} ${i.path}`)).toEqual([
      'SCHEMA_UNIQUE_TOO_SMALL /properties/flag/x-unique',
      'SCHEMA_UNIQUE_TOO_SMALL /properties/tier/x-unique',
      'SCHEMA_UNIQUE_TOO_SMALL /properties/n/x-unique',
      'SCHEMA_UNIQUE_TOO_SMALL /properties/k/x-unique',
    ]);
    expect(issues[2]!.message).toBe('x-unique asks for 100 different values but only 50 exist here');
  });

  it('counts the values of small patterns and date ranges, and sequences that run out of range', () => {
    const schema = record({
      code: { type: 'string', pattern: '^[AB][0-9]$', 'x-unique': true },
      day: { type: 'string', format: 'date', formatMinimum: '2024-01-01', formatMaximum: '2024-01-31', 'x-unique': true },
      id: { type: 'integer', maximum: 50, 'x-sequence': true },
      free: { type: 'string', pattern: '^[a-z]+$', 'x-unique': true },
    });
    expect(codesAt(schema, { rows: 20 })).toEqual([]);
    expect(codesAt(schema, { rows: 100 })).toEqual([
      'SCHEMA_UNIQUE_TOO_SMALL /properties/code/x-unique',
      'SCHEMA_UNIQUE_TOO_SMALL /properties/day/x-unique',
      'SCHEMA_UNIQUE_TOO_SMALL /properties/id/x-sequence',
    ]);
  });

  it('reports a sequence on text and a numeric distribution on text', () => {
    expect(codesAt(record({ a: { type: 'string', 'x-sequence': true } }))).toEqual(['SCHEMA_INVALID /properties/a/x-sequence']);
    expect(codesAt(record({ a: { type: 'string', 'x-distribution': { type: 'normal', mean: 1, sd: 1 } } }))).toEqual(['SCHEMA_BAD_DISTRIBUTION /properties/a/x-distribution']);
  });

  it('reports bad expressions and names the cycle', () => {
    const issues = checkSchema(record({
      quantity: { type: 'integer' },
      total: { type: 'number', 'x-expression': 'subtotal * 1.2' },
      subtotal: { type: 'number', 'x-expression': 'total / 1.2' },
      a: { type: 'string', 'x-expression': 'shout(quantity)' },
      b: { type: 'string', 'x-expression': 'quantity +' },
      c: { type: 'number', 'x-expression': 'quantiy * 2' },
      d: { type: 'number', 'x-expression': 'round()' },
    }));
    const byPath = Object.fromEntries(issues.map((i) => [i.path, i]));
    expect(byPath['/properties/total/x-expression']).toMatchObject({ code: 'SCHEMA_EXPRESSION_CYCLE', message: expect.stringContaining('total -> subtotal -> total') });
    expect(byPath['/properties/a/x-expression']).toMatchObject({ code: 'SCHEMA_BAD_EXPRESSION', message: expect.stringContaining('unknown function "shout"') });
    expect(byPath['/properties/b/x-expression']).toMatchObject({ code: 'SCHEMA_BAD_EXPRESSION', message: expect.stringContaining('cannot be parsed') });
    expect(byPath['/properties/c/x-expression']!.message).toContain('unknown field "quantiy" (did you mean "quantity"');
    expect(byPath['/properties/d/x-expression']!.message).toContain('round() takes 1 to 2 arguments, got 0');
    expect(issues).toHaveLength(5);
  });

  it('reports every issue at once, in nested records too, and assertSchema carries them all', () => {
    const schema = record({
      a: { type: 'integer', minimum: 3, maximum: 1 },
      b: { type: 'string', format: 'zip' },
      nested: { type: 'object', properties: { c: { type: 'string', minLength: 9, maxLength: 1 }, d: { type: 'string', 'x-faker': 'nope.nope' } } },
      list: { type: 'array', items: { type: 'number', exclusiveMaximum: 0, minimum: 0 } },
    });
    const issues = checkSchema(schema);
    expect(issues.map((i) => i.path)).toEqual([
      '/properties/a/minimum',
      '/properties/b/format',
      '/properties/nested/properties/c/minLength',
      '/properties/nested/properties/d/x-faker',
      '/properties/list/items/minimum',
    ]);
    try {
      assertSchema(schema);
      expect.unreachable();
    } catch (e) {
      expect(isSynthError(e, 'SCHEMA_UNSATISFIABLE')).toBe(true);
      expect((e as { issues: unknown[] }).issues).toHaveLength(5);
      expect((e as { path: string }).path).toBe('/properties/a/minimum');
    }
  });
});
