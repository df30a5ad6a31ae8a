import { describe, expect, it } from 'vitest';
import { SynthError } from '../core/index.js';
import { compileValidator, expressionDependencies, expressionOrder, EXPRESSION_FUNCTIONS, fakerMethodPaths, parseSchemaText, patternCount, patternLengths } from './index.js';

function thrown(fn: () => unknown): SynthError {
  try {
    fn();
  } catch (e) {
    if (e instanceof SynthError) return e;
    throw e;
  }
  throw new Error('expected a SynthError');
}

describe('parseSchemaText', () => {
  it('parses JSON, with or without a byte order mark', () => {
    expect(parseSchemaText('{"type":"object"}')).toEqual({ type: 'object' });
    expect(parseSchemaText('\ufeff{"a":1}')).toEqual({ a: 1 });
  });

  it('throws SCHEMA_NOT_JSON with source:line:column', () => {
    const e = thrown(() => parseSchemaText('{\n  "type": "object",\n  "properties": {,\n}', 'user.json'));
    expect(e.code).toBe('SCHEMA_NOT_JSON');
    expect(e.path).toBe('user.json:3:18');
    expect(e.message).toContain('line 3, column 18');
    expect(thrown(() => parseSchemaText('{"a": 1', 's.json')).path).toBe('s.json:1:8');
    expect(thrown(() => parseSchemaText('', 'empty.json')).hint).toContain('empty');
  });
});

describe('compileValidator', () => {
  const schema = { type: 'object', required: ['email'], properties: { email: { type: 'string', format: 'email', 'x-faker': 'internet.email' }, phone: { type: 'string', format: 'phone' }, price: { type: 'number', multipleOf: 0.01 } } };

  it('validates values with formats, treats x- keywords as annotations and is cached', () => {
    const validate = compileValidator(schema);
    expect(validate({ email: 'a@b.org', phone: '+1 (555) 010-2030', price: 19.99 })).toEqual({ valid: true, issues: [] });
    const bad = validate({ email: 'nope', phone: 'call me' });
    expect(bad.valid).toBe(false);
    expect(bad.issues.map((i) => i.path)).toEqual(['/email', '/phone']);
    expect(validate({}).issues[0]!.message).toContain('missing "email"');
    expect(compileValidator(JSON.parse(JSON.stringify(schema)))({ email: 'x' }).valid).toBe(false);
  });
});

describe('expressions', () => {
  it('lists dependencies in order of first use, without function names', () => {
    expect(expressionDependencies('round(quantity * unit_price, 2)')).toEqual(['quantity', 'unit_price']);
    expect(expressionDependencies("concat(lower(first_name), '.', last_name, '@', domain)")).toEqual(['first_name', 'last_name', 'domain']);
    expect(expressionDependencies('age >= 18 ? address.city : coalesce(x, y ?? z)')).toEqual(['age', 'address', 'x', 'y', 'z']);
    expect(() => expressionDependencies('a +')).toThrow(SynthError);
  });

  it('orders derived fields after the fields they read', () => {
    const props = { total: { 'x-expression': 'subtotal + tax' }, tax: { 'x-expression': 'subtotal * 0.2' }, subtotal: { 'x-expression': 'qty * price' }, qty: {}, price: {} };
    expect(expressionOrder(props)).toEqual(['subtotal', 'tax', 'total']);
    expect(thrown(() => expressionOrder({ a: { 'x-expression': 'b' }, b: { 'x-expression': 'a' } })).code).toBe('SCHEMA_EXPRESSION_CYCLE');
  });

  it('exposes the allowed functions as data', () => {
    for (const name of ['lower', 'upper', 'concat', 'slugify', 'round', 'addDays', 'yearsBetween', 'now', 'if', 'coalesce', 'pad']) expect(EXPRESSION_FUNCTIONS).toContain(name);
  });
});

describe('faker method paths and patterns', () => {
  it('walks the English faker instance once', () => {
    const paths = fakerMethodPaths();
    expect(paths).toContain('person.firstName');
    expect(paths).toContain('finance.iban');
    expect(paths).not.toContain('person.constructor');
    expect(fakerMethodPaths()).toBe(paths);
  });

  it('measures the lengths a pattern can match', () => {
    expect(patternLengths('^[a-z]{2,4}(x|yy)?$')).toEqual({ min: 2, max: 6, anchored: true });
    expect(patternLengths('ab+')).toEqual({ min: 2, max: Infinity, anchored: false });
    expect(patternCount('^[ab]{2}$')).toBe(4);
    expect(patternCount('^(x|[0-9]{2})-?$')).toBe(202);
    expect(patternCount('^[a-z]+$')).toBe(Infinity);
    expect(patternCount('[ab]')).toBe(Infinity);
  });
});
