import { canonicalJson, SynthError, type Kind } from '../core/index.js';
import { categoricalCumulative, type DistributionSpec } from './distributions.js';
import type { At, CompileFn, Compiled, Domain, Env, ValueGen } from './env.js';
import { compileArray } from './compile-array.js';
import { compileNumber, multiples } from './compile-number.js';
import { compileObject, conditionSplit } from './compile-object.js';
import { compileString, fakerCall, fakerHint } from './compile-string.js';
import { compileExpression } from './expression.js';
import { probe } from './probe.js';
import { compileValidator, mergeSchemas, semanticHint, type JsonSchema, type SchemaObject, type SemanticHint } from './schema-api.js';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** How many tries a verify-and-retry generator makes before it gives up. */
const TRIES = 32;

/** The share of nullable values that are null when the schema does not say (`x-null-rate`). */
const DEFAULT_NULL_RATE = 0.1;

function typesOf(node: SchemaObject): string[] {
  const t = node.type;
  if (typeof t === 'string') return [t];
  if (Array.isArray(t)) return (t as unknown[]).filter((x): x is string => typeof x === 'string');
  return [];
}

/** The JSON type a node is about when `type` is absent, read from its other keywords. */
function impliedType(node: SchemaObject): string | undefined {
  if (isRecord(node.properties) || Array.isArray(node.required) || node.additionalProperties !== undefined) return 'object';
  if (node.items !== undefined || node.prefixItems !== undefined || node.minItems !== undefined || node.maxItems !== undefined) return 'array';
  if (node.minLength !== undefined || node.maxLength !== undefined || node.pattern !== undefined || node.format !== undefined) return 'string';
  if (node.minimum !== undefined || node.maximum !== undefined || node.exclusiveMinimum !== undefined || node.exclusiveMaximum !== undefined || node.multipleOf !== undefined) return 'number';
  if (fakerHint(node) !== undefined) return 'string';
  return undefined;
}

function kindOfValues(values: readonly unknown[]): Kind {
  const nn = values.filter((v) => v !== null);
  if (nn.length === 0) return 'string';
  if (nn.every((v) => typeof v === 'string')) return 'string';
  if (nn.every((v) => typeof v === 'boolean')) return 'boolean';
  if (nn.every((v) => typeof v === 'number')) return nn.every((v) => Number.isInteger(v)) ? 'integer' : 'number';
  return 'json';
}

/** Deep-copies JSON values handed out from the schema (enum, const, examples), so no two cells share an object. */
function copier(v: unknown): () => unknown {
  if (typeof v !== 'object' || v === null) return () => v;
  const text = JSON.stringify(v);
  return () => JSON.parse(text) as unknown;
}

/** A key that tells JSON values apart (for uniqueness). */
export function valueKey(v: unknown): string {
  return typeof v === 'string' ? 's' + v : typeof v === 'object' && v !== null ? 'j' + canonicalJson(v) : 'p' + String(v);
}

function unsatisfiable(pointer: string, message: string): SynthError {
  return new SynthError('SCHEMA_UNSATISFIABLE', message, { path: pointer });
}

/** The pointer and other place details for a child node. */
export function child(at: At, pointer: string, name?: string, depth = at.depth): At {
  return { pointer, name, locale: at.locale, roles: at.roles, depth };
}

/**
 * Compiles one schema node into a value generator. Handles const, enum, null, `x-` extensions, oneOf/anyOf,
 * if/then/else and not (verify and retry), then dispatches on type. Throws SCHEMA_* errors for nodes no value
 * can satisfy, naming the pointer.
 */
export function compileNode(schema: JsonSchema | undefined, env: Env, at: At): Compiled {
  if (schema !== undefined && typeof schema !== 'boolean' && !isRecord(schema)) throw new SynthError('SCHEMA_INVALID', 'a schema must be an object or a boolean', { path: at.pointer });
  if (schema === false) throw unsatisfiable(at.pointer, 'this schema is `false`: no value is allowed');
  const node: SchemaObject = schema === undefined || schema === true ? {} : schema;
  if (isRecord(node.not) && Object.keys(node.not).length === 0) throw unsatisfiable(at.pointer, 'no value satisfies this schema (its constraints contradict each other)');
  const locale = typeof node['x-locale'] === 'string' ? node['x-locale'] : at.locale;
  const here: At = locale === at.locale ? at : { ...at, locale };
  const compiled = compileBase(node, env, here);
  return withPool(node, withNulls(node, compiled));
}

function compileBase(node: SchemaObject, env: Env, at: At): Compiled {
  if (typeof node['x-expression'] === 'string') return compileDerived(node, env, at);
  if (node['x-sequence'] !== undefined && (node['x-sequence'] as unknown) !== false && at.depth === 0) return compileSequence(node);
  if (Array.isArray(node.oneOf) || Array.isArray(node.anyOf) || node.if !== undefined || node.not !== undefined || Array.isArray(node.allOf)) {
    const objectIf = node.if !== undefined && !Array.isArray(node.oneOf) && !Array.isArray(node.anyOf) && node.not === undefined && !Array.isArray(node.allOf) && !conditionSplit(node).overlap;
    if (!objectIf || (typesOf(node)[0] ?? impliedType(node)) !== 'object') return compileComposite(node, env, at);
  }
  if ('const' in node) {
    const make = copier(node.const);
    const kind = kindOfValues([node.const]);
    return { gen: make, kind, nullable: node.const === null, deps: [], domain: { size: 1, at: make } };
  }
  if (Array.isArray(node.enum)) return compileEnum(node, at);
  const weighted = weightedValues(node);
  if (weighted) return compileEnum({ ...node, enum: weighted }, at);
  return compileTyped(node, env, at);
}

/**
 * The values of a weighted `x-distribution` on a string or boolean without an enum: the weights name the values
 * (`{"gold": 0.1, ...}`, or `{"true": 0.2, "false": 0.8}` for a boolean), so they are the enum.
 */
function weightedValues(node: SchemaObject): unknown[] | undefined {
  const dist = node['x-distribution'];
  if (!isRecord(dist) || dist.type !== 'weighted' || !isRecord(dist.weights)) return undefined;
  const type = typesOf(node).filter((t) => t !== 'null')[0] ?? 'string';
  const keys = Object.keys(dist.weights);
  if (type === 'string') return keys;
  if (type === 'boolean' && keys.every((k) => k === 'true' || k === 'false')) return keys.map((k) => k === 'true');
  return undefined;
}

function compileTyped(node: SchemaObject, env: Env, at: At): Compiled {
  let types = typesOf(node).filter((t) => t !== 'null');
  const allowsNull = typesOf(node).includes('null');
  if (types.length === 0) {
    if (allowsNull) return { gen: () => null, kind: 'string', nullable: true, deps: [] };
    const implied = impliedType(node) ?? (at.name !== undefined ? semanticHint(at.name, undefined)?.type : undefined);
    types = [implied ?? 'string'];
  }
  if (types.length === 1) return compileType(types[0]!, node, env, at);
  // Several types: one per value, each compiled with the node's keywords.
  const parts = types.map((t) => compileType(t, node, env, at));
  const deps = [...new Set(parts.flatMap((p) => p.deps))];
  return {
    gen: (rng, ctx) => parts[Math.floor(rng.next() * parts.length)]!.gen(rng, ctx),
    kind: 'json',
    nullable: false,
    deps,
  };
}

function hintFor(node: SchemaObject, at: At, type: string): SemanticHint | undefined {
  if (at.name === undefined) return undefined;
  const hint = semanticHint(at.name, type);
  if (hint === undefined) return undefined;
  if (hint.type !== undefined && hint.type !== type && !(type === 'number' && hint.type === 'integer')) return undefined;
  return hint;
}

function compileType(type: string, node: SchemaObject, env: Env, at: At): Compiled {
  switch (type) {
    case 'string': {
      return compileString(node, hintFor(node, at, 'string'), env, at);
    }
    case 'integer':
    case 'number':
      return compileNumeric(type, node, env, at);
    case 'boolean': {
      const p = typeof node['x-true-rate'] === 'number' ? node['x-true-rate'] : 0.5;
      return { gen: (rng) => rng.next() < p, kind: 'boolean', nullable: false, deps: [], domain: { size: 2, at: (i) => i === 1 } };
    }
    case 'null':
      return { gen: () => null, kind: 'string', nullable: true, deps: [] };
    case 'array':
      return compileArray(node, env, at, compileNode as CompileFn);
    case 'object':
      return compileObject(node, env, at, compileNode as CompileFn);
    default:
      throw new SynthError('SCHEMA_INVALID', `unknown type "${type}"`, { path: at.pointer + '/type', received: type });
  }
}

function compileNumeric(type: 'integer' | 'number', node: SchemaObject, env: Env, at: At): Compiled {
  const explicitFaker = fakerHint(node);
  if (explicitFaker !== undefined) {
    const call = fakerCall(env, at, explicitFaker.method, explicitFaker.args, at.pointer + '/x-faker');
    const check = compileValidator({ ...node, type });
    return {
      gen: (rng) => {
        for (let i = 0; i < TRIES; i++) {
          const raw = call(rng);
          const v = typeof raw === 'number' ? raw : Number(raw);
          const out = type === 'integer' ? Math.round(v) : v;
          if (check(out).valid) return out;
        }
        throw new SynthError('GENERATE_EXHAUSTED', `x-faker "${explicitFaker.method}" gave no value inside this schema's bounds`, { path: at.pointer });
      },
      kind: type,
      nullable: false,
      deps: [],
      role: explicitFaker.method,
    };
  }
  const unbounded = node.minimum === undefined && node.maximum === undefined && node.exclusiveMinimum === undefined && node.exclusiveMaximum === undefined;
  const hint = hintFor(node, at, type);
  const useHint = hint !== undefined && unbounded;
  // An unbounded top-level `id` reads best as 1, 2, 3... (the hint's sequence), unique by construction.
  const hintedSequence = useHint ? (hint as { sequence?: unknown }).sequence : undefined;
  if (hintedSequence !== undefined && at.depth === 0 && node.multipleOf === undefined && node['x-distribution'] === undefined) {
    return compileSequence({ ...node, 'x-sequence': hintedSequence as SchemaObject['x-sequence'] });
  }
  const integer = type === 'integer' || (useHint && hint.type === 'integer');
  const dist = (node['x-distribution'] as DistributionSpec | undefined) ?? (useHint ? (hint.distribution as DistributionSpec | undefined) : undefined);
  if (dist?.type === 'weighted') return compileWeightedNumber(node, dist, integer, at);
  const n = compileNumber({
    integer,
    minimum: node.minimum ?? (useHint ? hint.minimum : undefined),
    maximum: node.maximum ?? (useHint ? hint.maximum : undefined),
    exclusiveMinimum: node.exclusiveMinimum,
    exclusiveMaximum: node.exclusiveMaximum,
    multipleOf: node.multipleOf ?? (useHint && node.multipleOf === undefined ? hint.multipleOf : undefined),
    distribution: dist,
    pointer: at.pointer,
  });
  return { gen: n.gen, kind: integer ? 'integer' : 'number', nullable: false, deps: [], ...(n.domain ? { domain: n.domain } : {}) };
}

function compileWeightedNumber(node: SchemaObject, dist: DistributionSpec, integer: boolean, at: At): Compiled {
  const names = Object.keys((dist.weights ?? {}) as object);
  const check = compileValidator({ ...node, type: integer ? 'integer' : 'number' });
  const values = names.map(Number).filter((v) => Number.isFinite(v) && check(v).valid);
  if (values.length === 0) throw new SynthError('SCHEMA_BAD_DISTRIBUTION', 'x-distribution weights name no number this schema allows', { path: at.pointer + '/x-distribution' });
  const cumulative = categoricalCumulative(dist, values.map(String), at.pointer + '/x-distribution')!;
  return { gen: (rng) => values[rng.pickCumulative(cumulative)]!, kind: integer ? 'integer' : 'number', nullable: false, deps: [] };
}

function compileEnum(node: SchemaObject, at: At): Compiled {
  const values = node.enum!;
  if (values.length === 0) throw unsatisfiable(at.pointer + '/enum', 'enum is empty: no value is allowed');
  const makers = values.map(copier);
  const dist = node['x-distribution'] as DistributionSpec | undefined;
  const cumulative = dist ? categoricalCumulative(dist, values.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))), at.pointer + '/x-distribution') : undefined;
  const n = values.length;
  const gen: ValueGen = cumulative ? (rng) => makers[rng.pickCumulative(cumulative)]!() : (rng) => makers[Math.floor(rng.next() * n)]!();
  const nonNull = makers.filter((_, i) => values[i] !== null);
  const domain: Domain = { size: nonNull.length, at: (i) => nonNull[i]!() };
  return { gen, kind: kindOfValues(values), nullable: values.includes(null), deps: [], domain };
}

function compileSequence(node: SchemaObject): Compiled {
  const spec = isRecord(node['x-sequence']) ? (node['x-sequence'] as { start?: number; step?: number }) : {};
  const start = spec.start ?? (typeof node.minimum === 'number' ? node.minimum : 1);
  const step = spec.step ?? 1;
  const asString = typesOf(node).includes('string') && !typesOf(node).includes('integer');
  const at_ = Number.isInteger(step) && Number.isInteger(start) ? (k: number) => start + k * step : multiplesFrom(start, step);
  return {
    gen: asString ? (_rng, ctx) => String(at_(ctx.row)) : (_rng, ctx) => at_(ctx.row),
    kind: asString ? 'string' : Number.isInteger(step) && Number.isInteger(start) ? 'integer' : 'number',
    nullable: false,
    deps: [],
    role: 'sequence',
  };
}

function multiplesFrom(start: number, step: number): (k: number) => number {
  const m = multiples(step);
  return (k) => Number((start + m(k)).toPrecision(15));
}

function compileDerived(node: SchemaObject, env: Env, at: At): Compiled {
  const fields = at.siblings ?? [];
  const expr = compileExpression(node['x-expression'] as string, fields, at.pointer + '/x-expression', env.opts.referenceMs);
  const types = typesOf(node);
  const rest: SchemaObject = { ...node };
  delete rest['x-expression'];
  const check = compileValidator(rest);
  const coerce = coercer(types, node);
  const evaluate = expr.evaluate;
  return {
    gen: (_rng, ctx) => {
      const v = coerce(evaluate((name) => ctx.get(name)));
      if (!check(v).valid) {
        throw new SynthError('GENERATE_EXHAUSTED', `x-expression "${String(node['x-expression'])}" gave ${JSON.stringify(v)}, which this property's schema does not allow`, {
          path: at.pointer + '/x-expression',
          received: v,
          hint: 'Make the expression fit the property (round(), clamp(), string()), or relax the property.',
        });
      }
      return v;
    },
    kind: types.includes('integer') ? 'integer' : types.includes('number') ? 'number' : types.includes('boolean') ? 'boolean' : node.format === 'date' ? 'date' : node.format === 'date-time' ? 'datetime' : types.includes('string') ? 'string' : 'json',
    nullable: types.includes('null'),
    deps: expr.deps,
  };
}

/** Turns an expression's result into the property's type: integers rounded, numbers without float noise, text. */
function coercer(types: string[], node: SchemaObject): (v: unknown) => unknown {
  const step = typeof node.multipleOf === 'number' ? node.multipleOf : undefined;
  const snap = step !== undefined ? multiples(step) : undefined;
  return (v) => {
    if (v === undefined || (typeof v === 'number' && !Number.isFinite(v))) return null;
    if (v === null) return null;
    if (typeof v === 'number') {
      if (types.includes('integer') && !types.includes('number')) return Math.round(v);
      if (snap !== undefined) return snap(Math.round(v / step!));
      if (types.includes('string') && !types.includes('number')) return String(v);
      return Number(v.toPrecision(12));
    }
    if (typeof v === 'string' && (types.includes('number') || types.includes('integer')) && !types.includes('string') && v.trim() !== '' && Number.isFinite(Number(v))) {
      return types.includes('integer') && !types.includes('number') ? Math.round(Number(v)) : Number(v);
    }
    if (typeof v === 'boolean' && types.includes('string') && !types.includes('boolean')) return String(v);
    return v;
  };
}

function compileComposite(node: SchemaObject, env: Env, at: At): Compiled {
  const base: SchemaObject = { ...node };
  for (const k of ['oneOf', 'anyOf', 'if', 'then', 'else', 'not', 'allOf', 'default', 'examples']) delete base[k];
  const alternatives: { schema: SchemaObject; pointer: string }[] = [];
  const list = Array.isArray(node.oneOf) ? node.oneOf : Array.isArray(node.anyOf) ? node.anyOf : undefined;
  const listKey = Array.isArray(node.oneOf) ? 'oneOf' : 'anyOf';
  // allOf parts left after resolving (two patterns...) cannot be merged: generate from the rest, check against all.
  if (list !== undefined) {
    (list as JsonSchema[]).forEach((b, i) => alternatives.push({ schema: mergeSchemas(base, b), pointer: `${at.pointer}/${listKey}/${i}` }));
  } else {
    alternatives.push({ schema: base, pointer: at.pointer });
  }
  // if/then/else: a then-candidate is built to satisfy `if` as well; an else-candidate must fail it (checked below).
  const withCondition: { schema: SchemaObject; pointer: string }[] = [];
  for (const alt of alternatives) {
    if (node.if === undefined) {
      withCondition.push(alt);
      continue;
    }
    withCondition.push({ schema: mergeSchemas(alt.schema, node.if as JsonSchema, (node.then as JsonSchema | undefined) ?? true), pointer: `${at.pointer}/then` });
    withCondition.push({ schema: mergeSchemas(alt.schema, (node.else as JsonSchema | undefined) ?? true), pointer: `${at.pointer}/else` });
  }
  const branches: Compiled[] = [];
  let firstError: unknown;
  for (const alt of withCondition) {
    try {
      branches.push(compileNode(alt.schema, env, { ...at, pointer: alt.pointer }));
    } catch (e) {
      if (!(e instanceof SynthError) || (e.code !== 'SCHEMA_UNSATISFIABLE' && e.code !== 'SCHEMA_UNIQUE_TOO_SMALL')) throw e;
      firstError ??= e;
    }
  }
  if (branches.length === 0) throw firstError ?? unsatisfiable(at.pointer, 'no branch of this schema can be satisfied');
  const full: SchemaObject = { ...node };
  for (const k of ['default', 'examples']) delete full[k];
  const check = compileValidator(full);
  const deps = [...new Set(branches.flatMap((b) => b.deps))];
  // Unmerged allOf parts are met only by chance: give them more tries.
  const tries = Array.isArray(node.allOf) ? TRIES * 8 : TRIES;
  const gen: ValueGen = (rng, ctx) => {
    for (let i = 0; i < tries; i++) {
      const v = branches[Math.floor(rng.next() * branches.length)]!.gen(rng, ctx);
      if (check(v).valid) return v;
    }
    throw new SynthError('GENERATE_EXHAUSTED', `no value found for ${list !== undefined ? listKey : node.if !== undefined ? 'if/then/else' : 'this schema'} after ${tries} tries`, {
      path: at.pointer,
      hint: list !== undefined && listKey === 'oneOf' ? 'oneOf needs values that match exactly one branch; make the branches exclusive (e.g. a const tag).' : undefined,
    });
  };
  probe(gen, at.pointer, deps.length === 0);
  const kinds = new Set(branches.map((b) => b.kind));
  return { gen, kind: kinds.size === 1 ? branches[0]!.kind : 'json', nullable: branches.some((b) => b.nullable), deps };
}

function withNulls(node: SchemaObject, c: Compiled): Compiled {
  const allowsNull = typesOf(node).includes('null') || (Array.isArray(node.enum) && node.enum.includes(null));
  if (!allowsNull || c.gen === undefined || 'const' in node || Array.isArray(node.enum)) return c;
  if (typesOf(node).every((t) => t === 'null')) return c;
  const rate = typeof node['x-null-rate'] === 'number' ? node['x-null-rate'] : DEFAULT_NULL_RATE;
  if (rate <= 0) return { ...c, nullable: true };
  const inner = c.gen;
  return { ...c, nullable: true, gen: (rng, ctx) => (rng.next() < rate ? null : inner(rng, ctx)) };
}

/** Now and then a value from `examples`/`default` (those the schema accepts): real-looking anchors among the generated. */
function withPool(node: SchemaObject, c: Compiled): Compiled {
  const candidates = [...(Array.isArray(node.examples) ? node.examples : []), ...('default' in node ? [node.default] : [])];
  if (candidates.length === 0 || node['x-unique'] === true || typeof node['x-expression'] === 'string' || node['x-sequence'] !== undefined) return c;
  const bare: SchemaObject = { ...node };
  for (const k of ['default', 'examples']) delete bare[k];
  let check: ReturnType<typeof compileValidator>;
  try {
    check = compileValidator(bare);
  } catch {
    return c;
  }
  const pool = candidates.filter((v) => check(v).valid).map(copier);
  if (pool.length === 0) return c;
  const inner = c.gen;
  return { ...c, gen: (rng, ctx) => (rng.next() < 0.2 ? pool[Math.floor(rng.next() * pool.length)]!() : inner(rng, ctx)) };
}
