import { SynthError } from '../core/index.js';
import { mergeAll, type MergeConflict } from './merge.js';
import type { JsonSchema, ResolvedSchema, SchemaObject } from './types.js';
import { isRecord, joinPointer, resolveLocalRef } from './walk.js';

/**
 * How many times one `$ref` may be entered on a single path before the recursion is cut. At the cut the
 * reference becomes `false` (no value): a property that is `false` is never present, and array items that are
 * `false` get `maxItems: 0`, so a tree schema yields trees at most this deep.
 */
export const REF_DEPTH_LIMIT = 3;

const SUBSCHEMA_SINGLE = new Set(['items', 'additionalProperties', 'contains', 'not', 'if', 'then', 'else', 'propertyNames', 'unevaluatedItems', 'unevaluatedProperties', 'additionalItems']);
const SUBSCHEMA_ARRAY = new Set(['prefixItems', 'allOf', 'anyOf', 'oneOf']);
const SUBSCHEMA_MAP = new Set(['properties', 'patternProperties', 'dependentSchemas']);

/** A problem met while resolving, with the pointer of the node in the input schema. */
export interface ResolveProblem extends MergeConflict {
  readonly path: string;
  readonly kind: 'ref' | 'allOf';
}

interface Context {
  readonly root: unknown;
  readonly problems: ResolveProblem[];
  /** How often each ref is on the current path. */
  readonly active: Map<string, number>;
}

function cloneJson<T>(v: T): T {
  return v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T);
}

function inline(node: unknown, pointer: string, ctx: Context): JsonSchema {
  if (typeof node === 'boolean') return node;
  if (!isRecord(node)) return true;
  let out: SchemaObject = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === '$ref' || key === '$defs' || key === 'definitions' || key === '__proto__') continue;
    if (SUBSCHEMA_SINGLE.has(key)) out[key] = inline(value, joinPointer(pointer, key), ctx);
    else if (SUBSCHEMA_ARRAY.has(key) && Array.isArray(value)) out[key] = value.map((s, i) => inline(s, joinPointer(pointer, key, i), ctx));
    else if (SUBSCHEMA_MAP.has(key) && isRecord(value)) {
      out[key] = Object.fromEntries(Object.entries(value).map(([k, s]) => [k, inline(s, joinPointer(pointer, key, k), ctx)]));
    } else out[key] = cloneJson(value);
  }
  if (typeof node.$ref === 'string') {
    const ref = node.$ref;
    const target = resolveLocalRef(ctx.root, ref);
    if (target === undefined || !(typeof target === 'boolean' || isRecord(target))) {
      ctx.problems.push({ kind: 'ref', path: joinPointer(pointer, '$ref'), keyword: '$ref', message: `$ref "${ref}" points to nothing in this schema` });
    } else {
      const depth = ctx.active.get(ref) ?? 0;
      let resolved: JsonSchema;
      if (depth >= REF_DEPTH_LIMIT) {
        resolved = false;
      } else {
        ctx.active.set(ref, depth + 1);
        resolved = inline(target, ref.slice(1), ctx);
        ctx.active.set(ref, depth);
      }
      // In 2020-12 a $ref applies beside its sibling keywords: the two are intersected like an allOf.
      if (Object.keys(out).length === 0) return resolved;
      out = { ...out, allOf: [resolved, ...(Array.isArray(out.allOf) ? (out.allOf as JsonSchema[]) : [])] };
    }
  }
  return mergeAllOf(out, pointer, ctx);
}

function mergeAllOf(node: SchemaObject, pointer: string, ctx: Context): JsonSchema {
  const branches = node.allOf;
  if (!Array.isArray(branches)) return tidy(node);
  const rest: SchemaObject = { ...node };
  delete rest.allOf;
  const flat: JsonSchema[] = [rest];
  const queue = [...branches];
  while (queue.length > 0) {
    const b = queue.shift()!;
    if (isRecord(b) && Array.isArray(b.allOf)) {
      const inner: SchemaObject = { ...b };
      delete inner.allOf;
      flat.push(inner);
      queue.unshift(...(b.allOf as JsonSchema[]));
    } else flat.push(b);
  }
  const result = mergeAll(flat);
  for (const c of result.conflicts) ctx.problems.push({ kind: 'allOf', path: joinPointer(pointer, 'allOf'), keyword: c.keyword, message: c.message });
  // Branches that contradict each other admit no value: the node becomes `false`, as JSON Schema reads it.
  if (result.conflicts.length > 0 || typeof result.schema === 'boolean') return result.conflicts.length > 0 ? false : result.schema;
  const kept = Array.isArray(result.schema.allOf) ? result.schema.allOf : [];
  const merged: SchemaObject = result.leftovers.length > 0 ? { ...result.schema, allOf: [...kept, ...result.leftovers] } : result.schema;
  return tidy(merged);
}

/** Arrays whose items can never exist are empty: `maxItems: 0` says so where a generator looks first. */
function tidy(node: SchemaObject): SchemaObject {
  if (node.items === false && !Array.isArray(node.prefixItems)) return { ...node, maxItems: 0 };
  return node;
}

/** Resolves a schema and also returns the problems met (unresolved refs, contradictory allOf). */
export function resolveSchemaWithProblems(schema: unknown): { schema: JsonSchema; problems: ResolveProblem[] } {
  const ctx: Context = { root: schema, problems: [], active: new Map() };
  return { schema: inline(schema, '', ctx), problems: ctx.problems };
}

/** Resolves one node of `root` (its refs against `root`), e.g. an allOf node, with the problems met. */
export function resolveNodeWithProblems(root: unknown, node: unknown, pointer: string): { schema: JsonSchema; problems: ResolveProblem[] } {
  const ctx: Context = { root, problems: [], active: new Map() };
  return { schema: inline(node, pointer, ctx), problems: ctx.problems };
}

/**
 * A new schema with local `$ref`s inlined (recursion cut at {@link REF_DEPTH_LIMIT}), `allOf` merged into one node
 * wherever the keywords allow, and `$defs` dropped; `oneOf`/`anyOf`/`if`/`then`/`else`/`not`, `default` and
 * `examples` are kept. Never mutates the input. Throws SCHEMA_REF_UNRESOLVED for a `$ref` that leads nowhere.
 * @example resolveSchema({ type: 'object', properties: { a: { $ref: '#/$defs/n' } }, $defs: { n: { type: 'integer' } } })
 */
export function resolveSchema(schema: unknown): ResolvedSchema {
  let resolved: ReturnType<typeof resolveSchemaWithProblems>;
  try {
    resolved = resolveSchemaWithProblems(schema);
  } catch (e) {
    // Only a schema that breaks JSON Schema's own rules gets here; checkSchema names the place.
    throw new SynthError('SCHEMA_INVALID', `the schema is malformed and cannot be resolved: ${(e as Error).message}`, { cause: e, hint: 'Run `synthdata schema check FILE` to see every issue.' });
  }
  const { schema: out, problems } = resolved;
  const refs = problems.filter((p) => p.kind === 'ref');
  if (refs.length > 0) {
    throw new SynthError('SCHEMA_REF_UNRESOLVED', refs[0]!.message, {
      path: refs[0]!.path,
      issues: refs.map((p) => ({ code: 'SCHEMA_REF_UNRESOLVED' as const, path: p.path, message: p.message })),
    });
  }
  if (typeof out === 'boolean') return out ? {} : { not: {} };
  return out as ResolvedSchema;
}
