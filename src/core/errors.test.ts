import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { ERROR_CODES, renderErrorsMarkdown } from './error-codes.js';
import { SynthError, isSynthError, nearMatches, throwIfIssues, toSynthError } from './errors.js';

describe('error catalogue', () => {
  it('is in step with docs/errors.md (run `npm run docs:errors` after adding a code)', () => {
    const doc = readFileSync(new URL('../../docs/errors.md', import.meta.url), 'utf8');
    expect(doc).toBe(renderErrorsMarkdown());
  });

  it('uses upper-case stable codes with a description and a way to solve each', () => {
    for (const [code, info] of Object.entries(ERROR_CODES)) {
      expect(code).toMatch(/^[A-Z][A-Z0-9_]+$/);
      expect(info.description.length).toBeGreaterThan(10);
      expect(info.solve.length).toBeGreaterThan(5);
    }
  });
});

describe('SynthError', () => {
  it('carries code, path and issues, and serializes without a stack', () => {
    const e = new SynthError('SCHEMA_INVALID', 'bad', { path: '/properties/age', hint: 'fix it' });
    expect(e.isInputError).toBe(true);
    expect(isSynthError(e, 'SCHEMA_INVALID')).toBe(true);
    expect(e.toJSON()).toEqual({ code: 'SCHEMA_INVALID', message: 'bad', path: '/properties/age', hint: 'fix it' });
    expect(new SynthError('INTERNAL', 'x').isInputError).toBe(false);
  });

  it('wraps foreign errors as INTERNAL and keeps SynthErrors', () => {
    const e = new SynthError('IO_EMPTY', 'empty');
    expect(toSynthError(e)).toBe(e);
    const w = toSynthError(new TypeError('boom'));
    expect(w.code).toBe('INTERNAL');
    expect(w.cause).toBeInstanceOf(TypeError);
  });

  it('throws every issue at once with the first one as the headline', () => {
    const issues = [
      { code: 'SCHEMA_INVALID' as const, path: '/a', message: 'first' },
      { code: 'SCHEMA_INVALID' as const, path: '/b', message: 'second' },
    ];
    try {
      throwIfIssues(issues, 'schema is invalid');
      expect.unreachable();
    } catch (e) {
      expect(isSynthError(e)).toBe(true);
      const err = e as SynthError;
      expect(err.message).toBe('schema is invalid: first (and 1 more issue)');
      expect(err.issues).toHaveLength(2);
      expect(err.path).toBe('/a');
    }
    expect(() => throwIfIssues([], 'x')).not.toThrow();
  });

  it('suggests near matches for misspelt names', () => {
    const names = ['person.firstName', 'person.lastName', 'internet.email', 'finance.iban'];
    expect(nearMatches('person.firstname', names)[0]).toBe('person.firstName');
    expect(nearMatches('finance.ibn', names)[0]).toBe('finance.iban');
    expect(nearMatches('zzzzzzzzzzzzzzzz', names)).toEqual([]);
  });
});
