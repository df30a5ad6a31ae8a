import { describe, expect, it } from 'vitest';
import { isSynthError } from '../core/index.js';
import { REF_DEPTH_LIMIT, resolveSchema } from './index.js';

describe('resolveSchema', () => {
  it('inlines local refs, drops $defs and never mutates the input', () => {
    const schema = {
      type: 'object',
      properties: { home: { $ref: '#/$defs/address' }, work: { $ref: '#/definitions/address', description: 'office' } },
      $defs: { address: { type: 'object', properties: { city: { type: 'string', 'x-faker': 'location.city' } }, required: ['city'] } },
      definitions: { address: { $ref: '#/$defs/address' } },
    };
    const before = JSON.stringify(schema);
    const out = resolveSchema(schema);
    expect(JSON.stringify(schema)).toBe(before);
    expect(out).toEqual({
      type: 'object',
      properties: {
        home: { type: 'object', properties: { city: { type: 'string', 'x-faker': 'location.city' } }, required: ['city'] },
        work: { description: 'office', type: 'object', properties: { city: { type: 'string', 'x-faker': 'location.city' } }, required: ['city'] },
      },
    });
    expect(out.properties!.home).not.toBe(schema.$defs.address);
  });

  it('follows refs with escaped pointer segments', () => {
    const out = resolveSchema({ type: 'object', properties: { a: { $ref: '#/$defs/a~1b' } }, $defs: { 'a/b': { type: 'integer' } } });
    expect(out.properties!.a).toEqual({ type: 'integer' });
  });

  it('cuts recursive refs at the documented depth', () => {
    const out = resolveSchema({ type: 'object', properties: { root: { $ref: '#/$defs/node' } }, $defs: { node: { type: 'object', properties: { value: { type: 'integer' }, children: { type: 'array', items: { $ref: '#/$defs/node' } }, parent: { $ref: '#/$defs/node' } } } } });
    let depth = 0;
    let node = out.properties!.root as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    while (node.properties?.children?.items && node.properties.children.items !== false) {
      node = node.properties.children.items;
      depth++;
    }
    expect(depth).toBe(REF_DEPTH_LIMIT - 1);
    expect(node.properties.children).toEqual({ type: 'array', items: false, maxItems: 0 });
    expect(node.properties.parent).toBe(false);
  });

  it('merges allOf: types, bounds, lengths, enums, required and properties', () => {
    const out = resolveSchema({
      type: 'object',
      properties: {
        n: { allOf: [{ type: 'number', minimum: 0, maximum: 100, multipleOf: 2 }, { type: 'integer', minimum: 10, maximum: 200, multipleOf: 3 }] },
        s: { allOf: [{ type: ['string', 'null'], minLength: 2, enum: ['ab', 'abc', 'abcd', null] }, { type: 'string', maxLength: 3, enum: ['abc', 'abcd', 'ab'] }] },
        o: {
          allOf: [
            { type: 'object', properties: { a: { type: 'integer', minimum: 0 } }, required: ['a'] },
            { properties: { a: { maximum: 9 }, b: { type: 'string' } }, required: ['b'], title: 'kept' },
          ],
        },
      },
    });
    expect(out.properties!.n).toEqual({ type: 'integer', minimum: 10, maximum: 100, multipleOf: 6 });
    expect(out.properties!.s).toEqual({ type: 'string', minLength: 2, maxLength: 3, enum: ['ab', 'abc', 'abcd'] });
    expect(out.properties!.o).toEqual({
      type: 'object',
      properties: { a: { type: 'integer', minimum: 0, maximum: 9 }, b: { type: 'string' } },
      required: ['a', 'b'],
      title: 'kept',
    });
  });

  it('keeps what cannot be merged under allOf, and keeps oneOf/anyOf/if/then/else/not/default/examples', () => {
    const out = resolveSchema({
      type: 'object',
      properties: {
        p: { allOf: [{ type: 'string', pattern: '^a' }, { pattern: 'z$' }] },
        q: { oneOf: [{ type: 'string' }, { type: 'integer' }], default: 1, examples: [1, 'x'] },
        r: { if: { minimum: 0 }, then: { maximum: 5 }, else: { not: { const: -1 } } },
      },
    });
    expect(out.properties!.p).toEqual({ type: 'string', pattern: '^a', allOf: [{ pattern: 'z$' }] });
    expect(out.properties!.q).toEqual({ oneOf: [{ type: 'string' }, { type: 'integer' }], default: 1, examples: [1, 'x'] });
    expect(out.properties!.r).toEqual({ if: { minimum: 0 }, then: { maximum: 5 }, else: { not: { const: -1 } } });
  });

  it('merges a $ref with its sibling keywords and drops properties closed off by additionalProperties: false', () => {
    const out = resolveSchema({
      type: 'object',
      properties: {
        age: { $ref: '#/$defs/count', maximum: 120 },
        o: { allOf: [{ type: 'object', properties: { a: { type: 'string' } }, additionalProperties: false }, { properties: { b: { type: 'string' } } }] },
      },
      $defs: { count: { type: 'integer', minimum: 0 } },
    });
    expect(out.properties!.age).toEqual({ type: 'integer', minimum: 0, maximum: 120 });
    expect(out.properties!.o).toEqual({ type: 'object', properties: { a: { type: 'string' } }, additionalProperties: false });
  });

  it('throws SCHEMA_REF_UNRESOLVED naming every unresolved ref', () => {
    try {
      resolveSchema({ type: 'object', properties: { a: { $ref: '#/$defs/x' }, b: { $ref: 'https://example.com/s.json' } } });
      expect.unreachable();
    } catch (e) {
      expect(isSynthError(e, 'SCHEMA_REF_UNRESOLVED')).toBe(true);
      expect((e as { issues: { path: string }[] }).issues.map((i) => i.path)).toEqual(['/properties/a/$ref', '/properties/b/$ref']);
    }
  });
});
