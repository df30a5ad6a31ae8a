/**
 * How well a planned schema covers the fields a person expected: the measure of the labelled description set
 * (test-fixtures/descriptions.json), shared by the test and bench/describe.
 */
import type { SchemaObject } from '../schema/index.js';
import { canonicalField, normalizeText, propertyServes } from './lexicon.js';

const stem = (w: string): string => w.replace(/(ies)$/, 'y').replace(/(es|s)$/, '');

/**
 * True when some property of `schema` is the expected field: the same words (singular or plural, in any order
 * as a subset: "tenure" is `tenure_months`), or the same lexicon field ("email address" is `email`).
 */
export function coversField(schema: SchemaObject, expected: string): boolean {
  const want = normalizeText(expected).split(' ').map(stem);
  const props = Object.entries(schema.properties ?? {});
  for (const [name] of props) {
    const have = normalizeText(name).split(' ').map(stem);
    if (want.every((w) => have.includes(w))) return true;
  }
  const field = canonicalField(expected.replace(/ /g, '_')) ?? canonicalField(expected);
  return field !== undefined && props.some(([name, node]) => propertyServes(name, (node as SchemaObject).type, field));
}

/** The share of `expected` fields the schema covers (1 when nothing was expected). */
export function fieldCoverage(schema: SchemaObject, expected: readonly string[]): { covered: number; missing: string[] } {
  const missing = expected.filter((e) => !coversField(schema, e));
  return { covered: expected.length === 0 ? 1 : (expected.length - missing.length) / expected.length, missing };
}
