import { canonicalJson } from '../core/index.js';
import type { JsonSchema, SchemaObject } from './types.js';
import { isRecord, typeList } from './walk.js';

/** Why two schemas of an `allOf` cannot both hold, and which keyword says so. */
export interface MergeConflict {
  readonly keyword: string;
  readonly message: string;
}

/** The result of intersecting schemas: one schema, what could not be folded in, and contradictions found. */
export interface MergeResult {
  readonly schema: JsonSchema;
  /** Parts that cannot be expressed in one node (two patterns, two oneOfs...): they stay under `allOf`. */
  readonly leftovers: SchemaObject[];
  readonly conflicts: MergeConflict[];
}

const LOWER = ['minimum', 'exclusiveMinimum', 'minLength', 'minItems', 'minProperties', 'minContains'];
const UPPER = ['maximum', 'exclusiveMaximum', 'maxLength', 'maxItems', 'maxProperties', 'maxContains'];
/** Keywords that are notes, not constraints: the first branch that has one wins. */
const ANNOTATIONS = new Set(['title', 'description', 'default', 'examples', '$comment', '$schema', '$id', '$anchor', 'deprecated', 'readOnly', 'writeOnly', 'contentMediaType', 'contentEncoding']);

/** Deep equality of JSON values (key order ignored). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  return a === b || canonicalJson(a) === canonicalJson(b);
}

/** The intersection of two `type` lists; `integer` is inside `number`. */
export function intersectTypes(a: readonly string[], b: readonly string[]): string[] {
  const out: string[] = [];
  for (const t of a) {
    if (b.includes(t)) out.push(t);
    else if (t === 'integer' && b.includes('number')) out.push('integer');
    else if (t === 'number' && b.includes('integer')) out.push('integer');
  }
  return [...new Set(out)];
}

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}

function isMultiple(a: number, b: number): boolean {
  const q = a / b;
  return Math.abs(q - Math.round(q)) < 1e-9;
}

/** Intersects `b` into `a` (both object schemas), returning a new schema; never mutates either. */
function mergeObjects(a: SchemaObject, b: SchemaObject, leftovers: SchemaObject[], conflicts: MergeConflict[]): JsonSchema {
  const out: SchemaObject = { ...a };
  for (const [key, bv] of Object.entries(b)) {
    if (bv === undefined || key === '__proto__') continue;
    if (!Object.hasOwn(out, key) || out[key] === undefined) {
      out[key] = bv;
      continue;
    }
    const av = out[key];
    if (jsonEqual(av, bv)) continue;
    if (ANNOTATIONS.has(key) || key.startsWith('x-') || key === 'faker') continue;
    if (key === 'type') {
      const t = intersectTypes(typeList(a), typeList(b));
      if (t.length === 0) conflicts.push({ keyword: 'type', message: `allOf asks for type ${JSON.stringify(av)} and type ${JSON.stringify(bv)} at once` });
      out.type = (t.length === 1 ? t[0] : t) as SchemaObject['type'];
    } else if (key === 'enum') {
      const values = (av as unknown[]).filter((x) => (bv as unknown[]).some((y) => jsonEqual(x, y)));
      if (values.length === 0) conflicts.push({ keyword: 'enum', message: 'the enums of allOf have no value in common' });
      out.enum = values;
    } else if (key === 'const') {
      conflicts.push({ keyword: 'const', message: `allOf asks for const ${JSON.stringify(av)} and const ${JSON.stringify(bv)} at once` });
    } else if (LOWER.includes(key) && typeof av === 'number' && typeof bv === 'number') {
      out[key] = Math.max(av, bv);
    } else if (UPPER.includes(key) && typeof av === 'number' && typeof bv === 'number') {
      out[key] = Math.min(av, bv);
    } else if (key === 'multipleOf' && typeof av === 'number' && typeof bv === 'number') {
      if (isMultiple(av, bv)) out.multipleOf = av;
      else if (isMultiple(bv, av)) out.multipleOf = bv;
      else if (Number.isInteger(av) && Number.isInteger(bv)) out.multipleOf = (av / gcd(av, bv)) * bv;
      else leftovers.push({ multipleOf: bv });
    } else if (key === 'required' && Array.isArray(av) && Array.isArray(bv)) {
      out.required = [...new Set([...(av as string[]), ...(bv as string[])])];
    } else if (key === 'uniqueItems') {
      out.uniqueItems = Boolean(av) || Boolean(bv);
    } else if ((key === 'properties' || key === 'patternProperties' || key === 'dependentSchemas') && isRecord(av) && isRecord(bv)) {
      const merged = new Map(Object.entries(av as Record<string, JsonSchema>));
      for (const [name, s] of Object.entries(bv as Record<string, JsonSchema>)) {
        const prev = merged.get(name);
        merged.set(name, prev !== undefined ? mergeInto(prev, s, leftovers, conflicts, `${key}/${name}`) : s);
      }
      out[key] = Object.fromEntries(merged);
    } else if ((key === 'items' || key === 'additionalProperties' || key === 'propertyNames' || key === 'unevaluatedProperties' || key === 'unevaluatedItems') && isSchemaLike(av) && isSchemaLike(bv)) {
      out[key] = mergeInto(av as JsonSchema, bv as JsonSchema, leftovers, conflicts, key);
    } else if (key === 'dependentRequired' && isRecord(av) && isRecord(bv)) {
      const merged: Record<string, string[]> = { ...(av as Record<string, string[]>) };
      for (const [name, list] of Object.entries(bv as Record<string, string[]>)) merged[name] = [...new Set([...(merged[name] ?? []), ...list])];
      out.dependentRequired = merged;
    } else {
      // pattern, format, oneOf, anyOf, not, if/then/else, contains, prefixItems: no single-node intersection.
      leftovers.push({ [key]: bv } as SchemaObject);
    }
  }
  closeProperties(out, a, b, conflicts);
  closeProperties(out, b, a, conflicts);
  return out;
}

/** When `closed` forbids other properties, properties only `other` lists must be absent (or are contradictory). */
function closeProperties(out: SchemaObject, closed: SchemaObject, other: SchemaObject, conflicts: MergeConflict[]): void {
  if (closed.additionalProperties !== false || !isRecord(other.properties) || !isRecord(out.properties)) return;
  const known = new Set(Object.keys(closed.properties ?? {}));
  const patterns = Object.keys(closed.patternProperties ?? {}).map((p) => {
    try {
      return new RegExp(p, 'u');
    } catch {
      return undefined;
    }
  });
  const properties = { ...out.properties };
  for (const name of Object.keys(other.properties)) {
    if (known.has(name) || patterns.some((re) => re?.test(name))) continue;
    if (Array.isArray(out.required) && out.required.includes(name)) {
      conflicts.push({ keyword: 'additionalProperties', message: `"${name}" is required by one allOf branch but forbidden by another's additionalProperties: false` });
    } else {
      delete properties[name];
    }
  }
  out.properties = properties;
}

function isSchemaLike(v: unknown): boolean {
  return typeof v === 'boolean' || isRecord(v);
}

function mergeInto(a: JsonSchema, b: JsonSchema, leftovers: SchemaObject[], conflicts: MergeConflict[], where: string): JsonSchema {
  const inner: SchemaObject[] = [];
  const innerConflicts: MergeConflict[] = [];
  const merged = mergeTwo(a, b, inner, innerConflicts);
  for (const c of innerConflicts) conflicts.push({ keyword: `${where}/${c.keyword}`, message: c.message });
  if (inner.length === 0 || typeof merged === 'boolean') return merged;
  // Nested parts that could not be merged stay with the nested schema, as its own allOf.
  return { ...merged, allOf: [...(Array.isArray(merged.allOf) ? merged.allOf : []), ...inner] };
}

/** Intersects two schemas (booleans included). */
export function mergeTwo(a: JsonSchema, b: JsonSchema, leftovers: SchemaObject[], conflicts: MergeConflict[]): JsonSchema {
  if (a === true) return b;
  if (b === true) return a;
  if (a === false || b === false) {
    conflicts.push({ keyword: 'false', message: 'a schema of allOf is `false`, which nothing satisfies' });
    return false;
  }
  return mergeObjects(a, b, leftovers, conflicts);
}

/** Intersects a list of schemas, left to right. */
export function mergeAll(schemas: readonly JsonSchema[]): MergeResult {
  const leftovers: SchemaObject[] = [];
  const conflicts: MergeConflict[] = [];
  let schema: JsonSchema = true;
  for (const s of schemas) schema = mergeTwo(schema, s, leftovers, conflicts);
  return { schema, leftovers, conflicts };
}
