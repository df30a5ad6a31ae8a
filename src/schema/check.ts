import { SynthError, fingerprint, nearMatches, type Issue } from '../core/index.js';
import { ajv, ajvIssues, keywordValidator } from './ajv.js';
import { checkRecordExpressions } from './expression.js';
import { fakerMethodPaths, isFakerMethod } from './faker-paths.js';
import { EXTENSION_KEYWORDS, SUPPORTED_FORMATS, fakerCall } from './keywords.js';
import { resolveNodeWithProblems, resolveSchemaWithProblems } from './resolve.js';
import { checkSatisfiable, numericRange } from './satisfiable.js';
import type { SchemaObject } from './types.js';
import { isRecord, joinPointer, resolveLocalRef, typeList, walkSchema } from './walk.js';

/** Options of {@link checkSchema}. */
export interface CheckOptions {
  /** The number of rows to be generated: enables the `x-unique` value-space check. */
  readonly rows?: number;
}

const DIALECT = 'https://json-schema.org/draft/2020-12/schema';

/** Every keyword of JSON Schema 2020-12 (core, applicator, validation, meta-data, format, content, unevaluated). */
const STANDARD_KEYWORDS = [
  '$schema', '$id', '$ref', '$anchor', '$dynamicRef', '$dynamicAnchor', '$vocabulary', '$comment', '$defs', 'definitions',
  'prefixItems', 'items', 'contains', 'additionalProperties', 'properties', 'patternProperties', 'dependentSchemas', 'propertyNames',
  'if', 'then', 'else', 'allOf', 'anyOf', 'oneOf', 'not', 'unevaluatedItems', 'unevaluatedProperties',
  'type', 'const', 'enum', 'multipleOf', 'maximum', 'exclusiveMaximum', 'minimum', 'exclusiveMinimum', 'maxLength', 'minLength', 'pattern',
  'maxItems', 'minItems', 'uniqueItems', 'maxContains', 'minContains', 'maxProperties', 'minProperties', 'required', 'dependentRequired',
  'title', 'description', 'default', 'deprecated', 'readOnly', 'writeOnly', 'examples', 'format', 'contentEncoding', 'contentMediaType', 'contentSchema',
  // ajv-formats: bounds for date, date-time and time values
  'formatMinimum', 'formatMaximum', 'formatExclusiveMinimum', 'formatExclusiveMaximum',
];
const KNOWN_KEYWORDS = [...STANDARD_KEYWORDS, ...Object.keys(EXTENSION_KEYWORDS)];
/** Keywords other dialects use that we read as plain annotations, never as typos. */
const FOREIGN_ANNOTATIONS = new Set(['example', 'nullable', 'discriminator', 'xml', 'externalDocs', 'id', 'dependencies', 'chance', 'x-ref-cut']);

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = row[j]!;
      row[j] = Math.min(up + 1, row[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return row[b.length]!;
}

/** A keyword that is unknown but within two edits (or a case change) of a known one is almost surely a typo. */
function typoOf(keyword: string): string | undefined {
  if (KNOWN_KEYWORDS.includes(keyword) || FOREIGN_ANNOTATIONS.has(keyword) || keyword.length < 4) return undefined;
  let best: string | undefined;
  let bestD = Infinity;
  for (const k of KNOWN_KEYWORDS) {
    const d = k.toLowerCase() === keyword.toLowerCase() ? 0.5 : distance(keyword, k);
    if (d < bestD) [best, bestD] = [k, d];
  }
  return bestD <= (keyword.length >= 7 ? 2 : 1) ? best : undefined;
}

function checkExtensions(node: SchemaObject, pointer: string, issues: Issue[]): void {
  for (const keyword of Object.keys(node)) {
    if (!Object.hasOwn(EXTENSION_KEYWORDS, keyword)) {
      const typo = typoOf(keyword);
      if (typo !== undefined) issues.push({ code: 'SCHEMA_INVALID', path: joinPointer(pointer, keyword), message: `unknown keyword "${keyword}" (did you mean "${typo}"?)` });
      continue;
    }
    const validate = keywordValidator(keyword)!;
    const path = joinPointer(pointer, keyword);
    if (!validate(node[keyword])) {
      const code = keyword === 'x-distribution' ? 'SCHEMA_BAD_DISTRIBUTION' : 'SCHEMA_INVALID';
      const found = ajvIssues(validate.errors, path, code).map((i) => ({ ...i, message: `${keyword}: ${i.message}` }));
      issues.push(...found);
      continue;
    }
    if (keyword === 'x-faker' || keyword === 'faker') {
      const method = fakerCall(node[keyword])!.method;
      if (!isFakerMethod(method)) {
        const near = nearMatches(method, fakerMethodPaths(), 5);
        issues.push({
          code: 'SCHEMA_UNKNOWN_FAKER',
          path,
          message: `"${method}" is not a Faker method${near.length > 0 ? `; near matches: ${near.join(', ')}` : ''}`,
          received: method,
          ...(near.length > 0 ? { expected: near } : {}),
          hint: 'Method paths are module.method as in Faker\'s API, e.g. "person.firstName" or "finance.iban".',
        });
      }
    }
    if (keyword === 'x-distribution') checkDistribution(node, path, issues);
    if (keyword === 'x-sequence' && isRecord(node[keyword]) && (node[keyword] as { step?: unknown }).step === 0) {
      issues.push({ code: 'SCHEMA_INVALID', path: joinPointer(path, 'step'), message: 'x-sequence step is 0, so every value would be the same' });
    }
    if (keyword === 'x-null-rate' && (node['x-null-rate'] as number) > 0) {
      const types = typeList(node);
      if (types.length > 0 && !types.includes('null')) {
        issues.push({ code: 'SCHEMA_INVALID', path, message: `x-null-rate is above 0 but type ${JSON.stringify(node.type)} does not allow null`, hint: 'Add "null" to the type, e.g. ["string", "null"].' });
      }
    }
  }
}

function checkDistribution(node: SchemaObject, path: string, issues: Issue[]): void {
  const d = node['x-distribution'] as unknown as Record<string, unknown>;
  const bad = (message: string): void => void issues.push({ code: 'SCHEMA_BAD_DISTRIBUTION', path, message });
  if (typeof d.min === 'number' && typeof d.max === 'number' && d.min > d.max) bad(`x-distribution min ${d.min} is above max ${d.max}`);
  const types = typeList(node);
  const numeric = ['uniform', 'normal', 'lognormal', 'exponential', 'poisson'].includes(String(d.type));
  if (numeric && types.length > 0 && !types.includes('number') && !types.includes('integer') && !Array.isArray(node.enum)) {
    bad(`x-distribution "${String(d.type)}" shapes numbers, but the type is ${JSON.stringify(node.type)}`);
  }
  const { lo, hi } = numericRange(node);
  if (typeof d.mean === 'number' && (d.mean < lo || d.mean > hi) && d.type === 'normal') bad(`x-distribution mean ${d.mean} lies outside the property's range ${lo}..${hi}`);
  if (d.type === 'weighted' && isRecord(d.weights)) {
    const weights = Object.values(d.weights) as number[];
    if (weights.every((w) => w === 0)) bad('x-distribution weights are all 0');
    if (Array.isArray(node.enum)) {
      const values = node.enum.map(String);
      const stray = Object.keys(d.weights).filter((k) => !values.includes(k));
      if (stray.length > 0) bad(`x-distribution weights name ${stray.map((s) => `"${s}"`).join(', ')}, which ${stray.length === 1 ? 'is' : 'are'} not in the enum`);
    }
  }
}

function checkFormat(node: SchemaObject, pointer: string, issues: Issue[]): void {
  if (typeof node.format !== 'string' || (SUPPORTED_FORMATS as readonly string[]).includes(node.format)) return;
  const near = nearMatches(node.format, SUPPORTED_FORMATS, 3);
  issues.push({
    code: 'SCHEMA_UNKNOWN_FORMAT',
    path: joinPointer(pointer, 'format'),
    message: `format "${node.format}" is not one synthdata can generate${near.length > 0 ? ` (did you mean ${near.map((n) => `"${n}"`).join(', ')}?)` : ''}; supported: ${SUPPORTED_FORMATS.join(', ')}`,
    received: node.format,
    expected: SUPPORTED_FORMATS,
  });
}

function isRecordSchema(schema: Record<string, unknown>): boolean {
  const { schema: resolved } = resolveSchemaWithProblems(schema);
  if (!isRecord(resolved)) return false;
  const types = typeList(resolved as SchemaObject);
  return types.includes('object') || (types.length === 0 && isRecord(resolved.properties));
}

function metaIssues(schema: Record<string, unknown>): Issue[] {
  const target = typeof schema.$schema === 'string' && schema.$schema.replace(/#$/, '') !== DIALECT ? { ...schema, $schema: DIALECT } : schema;
  const engine = ajv();
  engine.validateSchema(target);
  return ajvIssues(engine.errors, '').map((i) => {
    const hint = OLDER_DRAFT_HINTS.find(([re]) => re.test(i.path))?.[1];
    return hint === undefined ? i : { ...i, hint };
  });
}

/** Keywords whose meaning changed since older drafts, with what 2020-12 says instead. */
const OLDER_DRAFT_HINTS: readonly (readonly [RegExp, string])[] = [
  [/\/items$/, 'In JSON Schema 2020-12 a tuple is "prefixItems": [...]; "items" is one schema for every (further) item.'],
  [/\/exclusive(Minimum|Maximum)$/, 'In JSON Schema 2020-12 exclusiveMinimum/exclusiveMaximum are numbers (the bound itself), not booleans.'],
  [/\/dependencies$/, 'In JSON Schema 2020-12 "dependencies" is split into "dependentRequired" and "dependentSchemas".'],
];

/**
 * Checks a schema of our dialect and returns every issue at once, each with a JSON pointer: not a record schema,
 * JSON Schema 2020-12 errors, bad `x-` values, unresolved `$ref`, unknown formats and Faker methods,
 * unsatisfiable constraints, bad or cyclic `x-expression`s, and `x-unique` over too few values for `rows`.
 * @example checkSchema({ type: 'object', properties: { age: { type: 'integer', minimum: 9, maximum: 1 } } })
 */
export function checkSchema(schema: unknown, options: CheckOptions = {}): Issue[] {
  // Generation checks its schema on every run; a schema already seen costs a fingerprint instead of a full check.
  let key: string;
  try {
    key = `${options.rows ?? ''}|${fingerprint(schema)}`;
  } catch {
    return [{ code: 'SCHEMA_NOT_JSON', path: '', message: 'the schema is not plain JSON: it contains itself, or values JSON cannot hold' }];
  }
  const hit = checked.get(key);
  if (hit !== undefined) return [...hit];
  const issues = checkUncached(schema, options);
  if (checked.size >= 256) checked.delete(checked.keys().next().value!);
  checked.set(key, Object.freeze([...issues]));
  return issues;
}

const checked = new Map<string, readonly Issue[]>();

function checkUncached(schema: unknown, options: CheckOptions): Issue[] {
  if (!isRecord(schema)) {
    return [{ code: 'SCHEMA_NOT_OBJECT', path: '', message: `the schema must be a JSON object describing one record, got ${Array.isArray(schema) ? 'an array' : schema === null ? 'null' : typeof schema}` }];
  }
  const issues: Issue[] = [];
  let recordLike = true;
  try {
    recordLike = isRecordSchema(schema);
  } catch {
    // A malformed schema: the meta-schema check below says where.
  }
  if (!recordLike) {
    issues.push({ code: 'SCHEMA_NOT_OBJECT', path: '/type', message: 'the root schema must describe one record: "type": "object" with "properties"', ...(schema.type !== undefined ? { received: schema.type } : {}) });
  }
  const meta = metaIssues(schema);
  issues.push(...meta);
  // A schema that breaks JSON Schema's own rules may trip the deeper checks; its problem is already reported.
  const guarded = (fn: () => void): void => {
    try {
      fn();
    } catch (e) {
      if (meta.length === 0) throw e;
    }
  };
  const allOfNodes: { node: SchemaObject; pointer: string }[] = [];
  walkSchema(schema, (node, pointer) => {
    guarded(() => {
      if (typeof node.$ref === 'string' && resolveLocalRef(schema, node.$ref) === undefined) {
        issues.push({ code: 'SCHEMA_REF_UNRESOLVED', path: joinPointer(pointer, '$ref'), message: `$ref "${node.$ref}" points to nothing in this schema`, received: node.$ref, hint: 'Point $ref at an existing "#/$defs/..." entry; only references inside the schema are followed.' });
      }
      checkExtensions(node, pointer, issues);
      checkFormat(node, pointer, issues);
      issues.push(...checkSatisfiable(node, pointer, options.rows));
      if (isRecord(node.properties)) issues.push(...checkRecordExpressions(node.properties, pointer));
      if (Array.isArray(node.allOf)) allOfNodes.push({ node, pointer });
    });
  });
  // Contradictions across allOf branches show only once the branches are merged.
  for (const { node, pointer } of allOfNodes) {
    const at = joinPointer(pointer, 'allOf');
    if (issues.some((i) => i.path.startsWith(at) || i.path === pointer)) continue;
    guarded(() => {
      const { schema: merged, problems } = resolveNodeWithProblems(schema, node, pointer);
      const conflicts = problems.filter((p) => p.kind === 'allOf' && p.path === at);
      for (const c of conflicts) issues.push({ code: 'SCHEMA_UNSATISFIABLE', path: at, message: c.message });
      if (conflicts.length === 0 && isRecord(merged)) {
        for (const i of checkSatisfiable(merged as SchemaObject, pointer, options.rows)) {
          issues.push({ ...i, path: at, message: `allOf, once merged: ${i.message}` });
        }
      }
    });
  }
  return dedupe(issues);
}

function dedupe(issues: Issue[]): Issue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const key = `${i.code}\u0000${i.path}\u0000${i.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Throws a SynthError carrying every issue when the schema has any: the first issue's code (SCHEMA_UNSATISFIABLE,
 * SCHEMA_UNKNOWN_FAKER...), its pointer as `path`, and all of them in `issues`.
 */
export function assertSchema(schema: unknown, options: CheckOptions = {}): void {
  const issues = checkSchema(schema, options);
  if (issues.length === 0) return;
  const first = issues[0]!;
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more issue${issues.length > 2 ? 's' : ''})` : '';
  throw new SynthError(first.code, `the schema is not usable: ${first.message}${more}`, {
    path: first.path,
    issues,
    hint: issues.length > 1 ? 'Run `synthdata schema check FILE` to see every issue.' : undefined,
  });
}
