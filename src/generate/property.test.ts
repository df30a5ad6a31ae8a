import fc from 'fast-check';
import { describe, it } from 'vitest';
import { isSynthError } from '../core/index.js';
import { compileValidator } from '../schema/index.js';
import { generateRows } from './index.js';

const SEED = Number(process.env.FC_SEED ?? Math.floor(Math.random() * 2 ** 31));

const num = fc.integer({ min: -1000, max: 1000 });
const leaf: fc.Arbitrary<Record<string, unknown>> = fc.oneof(
  fc.record({ type: fc.constant('string'), minLength: fc.option(fc.nat(12), { nil: undefined }), maxLength: fc.option(fc.nat(30), { nil: undefined }) }, { requiredKeys: ['type'] }),
  fc.record({ type: fc.constant('string'), format: fc.constantFrom('email', 'uri', 'uuid', 'date', 'date-time', 'time', 'ipv4', 'ipv6', 'hostname', 'duration') }),
  fc.record({ type: fc.constant('string'), pattern: fc.constantFrom('^[a-z]{3,8}$', '^[A-Z]{2}[0-9]{4}$', '\\d+', '^(x|y|z)-[0-9]$', '^.{2}$', '^[0-9]{3}-[0-9]{2}$') }, { requiredKeys: ['type', 'pattern'] }),
  fc.record({ type: fc.constantFrom('integer', 'number'), minimum: fc.option(num, { nil: undefined }), maximum: fc.option(num, { nil: undefined }), multipleOf: fc.option(fc.constantFrom(1, 2, 5, 0.5, 0.25, 0.01, 0.1, 3), { nil: undefined }) }, { requiredKeys: ['type'] }),
  fc.record({ type: fc.constantFrom('integer', 'number'), exclusiveMinimum: num, exclusiveMaximum: num }),
  fc.record({ enum: fc.uniqueArray(fc.oneof(fc.string({ maxLength: 5 }), fc.integer(), fc.boolean(), fc.constant(null)), { minLength: 0, maxLength: 5, selector: (v) => JSON.stringify(v) }) }),
  fc.record({ const: fc.oneof(fc.string({ maxLength: 5 }), fc.integer(), fc.boolean()) }),
  fc.record({ type: fc.constant('boolean') }),
  fc.record({ type: fc.constant(['string', 'null']), 'x-null-rate': fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({ type: fc.constant('string'), 'x-faker': fc.constantFrom('person.firstName', 'location.city', 'company.name', 'finance.iban', 'lorem.word', 'person.middleName') }),
);

const node: fc.Arbitrary<Record<string, unknown>> = fc.letrec<{ node: Record<string, unknown> }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    leaf,
    fc.record({ type: fc.constant('array'), items: tie('node'), minItems: fc.nat(3), maxItems: fc.option(fc.nat(5), { nil: undefined }), uniqueItems: fc.option(fc.boolean(), { nil: undefined }) }, { requiredKeys: ['type', 'items'] }),
    fc.dictionary(fc.constantFrom('a', 'b', 'c', 'email', 'first_name', 'price'), tie('node'), { maxKeys: 3 }).chain((properties) =>
      fc.subarray(Object.keys(properties)).map((required) => ({ type: 'object', properties, required })),
    ),
    fc.record({ oneOf: fc.array(tie('node'), { minLength: 1, maxLength: 3 }) }),
    fc.record({ anyOf: fc.array(tie('node'), { minLength: 1, maxLength: 3 }) }),
    fc.record({ allOf: fc.array(leaf, { minLength: 1, maxLength: 2 }) }),
  ),
})).node;

const rootSchema = fc
  .dictionary(fc.constantFrom('id', 'name', 'email', 'first_name', 'last_name', 'age', 'price', 'created_at', 'x', 'y', 'tags'), node, { minKeys: 1, maxKeys: 5 })
  .chain((properties) => fc.record({ properties: fc.constant(properties), required: fc.subarray(Object.keys(properties)), unique: fc.option(fc.constantFrom(...Object.keys(properties)), { nil: undefined }) }))
  .map(({ properties, required, unique }) => {
    const props = { ...properties };
    if (unique !== undefined) props[unique] = { ...props[unique], 'x-unique': true };
    return { type: 'object', properties: props, required };
  });

describe('random schemas: valid rows or a clean SynthError', () => {
  it(`never another exception (fast-check seed ${SEED})`, () => {
    console.log(`fast-check seed: ${SEED} (rerun with FC_SEED=${SEED})`);
    fc.assert(
      fc.property(rootSchema, fc.nat(1000), (schema, seed) => {
        let rows: Record<string, unknown>[];
        try {
          rows = generateRows(schema, { rows: 25, seed, referenceDate: '2025-06-01' });
        } catch (e) {
          if (isSynthError(e) && e.code !== 'INTERNAL') return true;
          throw e;
        }
        const validate = compileValidator(schema);
        for (const row of rows) {
          const r = validate(row);
          if (!r.valid) throw new Error(`invalid row ${JSON.stringify(row)}: ${JSON.stringify(r.issues)} for ${JSON.stringify(schema)}`);
        }
        return true;
      }),
      { seed: SEED, numRuns: 150 },
    );
  });
});
