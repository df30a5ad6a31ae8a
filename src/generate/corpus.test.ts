import { describe, expect, it } from 'vitest';
import { compileValidator } from '../schema/index.js';
import { generateRows } from './index.js';
import { CORPUS } from './test-fixtures/corpus.js';

const OPTIONS = { rows: 150, seed: 'corpus', referenceDate: '2025-06-01' } as const;

describe('every row of the corpus validates against its schema', () => {
  it('has at least 40 schemas', () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(40);
  });

  it('uses every keyword and extension the engine honours', () => {
    const text = JSON.stringify(CORPUS.map((c) => c.schema));
    const keywords = [
      'type', 'enum', 'const', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf', 'minLength', 'maxLength',
      'pattern', 'format', 'properties', 'items', 'prefixItems', 'minItems', 'maxItems', 'uniqueItems', 'required', '$ref', '$defs',
      'oneOf', 'anyOf', 'allOf', 'if', 'then', 'else', 'not', 'default', 'examples', 'x-faker', 'faker', 'x-locale', 'x-distribution',
      'x-null-rate', 'x-unique', 'x-sequence', 'x-expression',
    ];
    for (const k of keywords) expect(text, k).toContain(`"${k}"`);
    for (const f of ['email', 'uri', 'uuid', 'date', 'date-time', 'time', 'ipv4', 'ipv6', 'hostname', 'duration']) expect(text, f).toContain(`"format":"${f}"`);
    for (const d of ['uniform', 'normal', 'lognormal', 'exponential', 'poisson', 'zipf', 'weighted']) expect(text, d).toContain(`"type":"${d}"`);
  });

  for (const { name, schema } of CORPUS) {
    it(name, () => {
      const rows = generateRows(schema, OPTIONS);
      expect(rows).toHaveLength(OPTIONS.rows);
      const validate = compileValidator(schema);
      const failures = rows.map((row) => ({ row, result: validate(row) })).filter((f) => !f.result.valid);
      expect(failures.slice(0, 3)).toEqual([]);
    });
  }
});
