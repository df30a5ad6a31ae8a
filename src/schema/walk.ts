import type { JsonSchema, SchemaObject } from './types.js';

/** Keywords whose value is one subschema. */
const SINGLE = ['items', 'additionalProperties', 'contains', 'not', 'if', 'then', 'else', 'propertyNames', 'unevaluatedItems', 'unevaluatedProperties', 'additionalItems'] as const;
/** Keywords whose value is an array of subschemas. */
const ARRAY = ['prefixItems', 'allOf', 'anyOf', 'oneOf'] as const;
/** Keywords whose value is a map of name -> subschema. */
const MAP = ['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas'] as const;

/** Escapes one JSON pointer segment (RFC 6901). */
export function escapePointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Joins a pointer and segments: `joinPointer('/properties', 'a/b')` is `/properties/a~1b`. */
export function joinPointer(base: string, ...segments: (string | number)[]): string {
  return base + segments.map((s) => '/' + escapePointer(String(s))).join('');
}

/** True when `value` is a plain object (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** True for a schema node (a boolean or a plain object). */
export function isSchema(value: unknown): value is JsonSchema {
  return typeof value === 'boolean' || isRecord(value);
}

/** Visits every object node of a schema, depth first, with its JSON pointer; `visit` returning false skips children. */
export function walkSchema(schema: unknown, visit: (node: SchemaObject, pointer: string) => boolean | void, pointer = ''): void {
  if (!isRecord(schema)) return;
  if (visit(schema as SchemaObject, pointer) === false) return;
  for (const k of SINGLE) if (Object.hasOwn(schema, k)) walkSchema(schema[k], visit, joinPointer(pointer, k));
  for (const k of ARRAY) {
    const list = schema[k];
    if (Array.isArray(list)) list.forEach((s, i) => walkSchema(s, visit, joinPointer(pointer, k, i)));
  }
  for (const k of MAP) {
    const map = schema[k];
    if (isRecord(map)) for (const [name, s] of Object.entries(map)) walkSchema(s, visit, joinPointer(pointer, k, name));
  }
}

/** Resolves a JSON pointer (`/a/b~1c`) inside `root`; undefined when it leads nowhere. */
export function getPointer(root: unknown, pointer: string): unknown {
  if (pointer === '') return root;
  if (!pointer.startsWith('/')) return undefined;
  let node: unknown = root;
  for (const raw of pointer.slice(1).split('/')) {
    const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(node)) {
      if (!/^\d+$/.test(seg)) return undefined;
      node = node[Number(seg)];
    } else if (isRecord(node)) {
      if (!Object.prototype.hasOwnProperty.call(node, seg)) return undefined;
      node = node[seg];
    } else {
      return undefined;
    }
  }
  return node;
}

/** Resolves a local `$ref` (`#`, `#/$defs/x`) in `root`; undefined for refs that lead nowhere or are not local. */
export function resolveLocalRef(root: unknown, ref: string): unknown {
  if (!ref.startsWith('#')) return undefined;
  let fragment: string;
  try {
    fragment = decodeURIComponent(ref.slice(1));
  } catch {
    return undefined;
  }
  if (fragment === '' || fragment.startsWith('/')) return getPointer(root, fragment);
  // A plain-name fragment names an $anchor (or $dynamicAnchor) somewhere in the schema.
  let found: unknown;
  walkSchema(root, (node) => {
    if (found !== undefined) return false;
    if (node.$anchor === fragment || node.$dynamicAnchor === fragment) found = node;
    return undefined;
  });
  return found;
}

/** The `type` keyword of a node as a list (empty when absent). */
export function typeList(node: SchemaObject): string[] {
  const t = node.type;
  if (typeof t === 'string') return [t];
  if (Array.isArray(t)) return (t as unknown[]).filter((x): x is string => typeof x === 'string');
  return [];
}
