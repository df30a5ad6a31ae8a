import { SynthError, type Rng } from '../core/index.js';
import type { At, CompileFn, Compiled, Env, NameRoles, RowCtx, ValueGen } from './env.js';
import { fakerHint } from './compile-string.js';
import { compileValidator, mergeSchemas, semanticHint, type JsonSchema, type SchemaObject } from './schema-api.js';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** How often an optional property is present. */
export const PRESENCE_RATE = 0.8;

/** One property of a record, compiled: its value generator, whether it may be absent, and what it reads. */
export interface PropGen {
  readonly name: string;
  readonly compiled: Compiled;
  readonly required: boolean;
  /** The cell: the value, or undefined when an optional property is left out. */
  readonly cell: ValueGen;
  readonly deps: readonly string[];
  /** The schema node after hints (for fields' metadata). */
  readonly node: JsonSchema;
}

/** The properties of a record in schema order, plus the order to generate them in (each after what it reads). */
export interface PropsPlan {
  readonly props: readonly PropGen[];
  readonly order: readonly number[];
}

function typeOf(node: JsonSchema): string | undefined {
  if (!isRecord(node)) return undefined;
  const t = node.type;
  return typeof t === 'string' ? t : Array.isArray(t) ? (t.find((x) => x !== 'null') as string | undefined) : undefined;
}

/** Which properties hold first, last and full names (explicitly or by their names), so emails can fit them. */
export function nameRoles(properties: Record<string, JsonSchema>): NameRoles {
  const roles: { firstName?: string; lastName?: string; fullName?: string } = {};
  for (const [name, s] of Object.entries(properties)) {
    if (!isRecord(s) || typeof s['x-expression'] === 'string') continue;
    const explicit = fakerHint(s as SchemaObject)?.method;
    const type = typeOf(s);
    const hinted = explicit ?? (s.format === undefined && s.pattern === undefined && s.enum === undefined && s.const === undefined && (type === 'string' || type === undefined) ? fakerHint(semanticHint(name, 'string'))?.method : undefined);
    if (hinted === 'person.firstName') roles.firstName ??= name;
    else if (hinted === 'person.lastName') roles.lastName ??= name;
    else if (hinted === 'person.fullName') roles.fullName ??= name;
  }
  return roles;
}

/** The properties `if` looks at, and those `then`/`else` change: if the two overlap the record is generated whole and checked. */
export function conditionSplit(node: SchemaObject): { cond: string[]; branch: string[]; overlap: boolean } {
  const keys = (s: unknown): string[] => (isRecord(s) ? [...Object.keys(isRecord(s.properties) ? s.properties : {}), ...(Array.isArray(s.required) ? (s.required as string[]) : [])] : []);
  const cond = [...new Set(keys(node.if))];
  const branch = [...new Set([...keys(node.then), ...keys(node.else)])];
  const onlyProps = (s: unknown): boolean => !isRecord(s) || Object.keys(s).every((k) => k === 'properties' || k === 'required' || k === 'type');
  const overlap = branch.some((b) => cond.includes(b)) || !onlyProps(node.then) || !onlyProps(node.else) || !onlyProps(node.if) || cond.length === 0;
  return { cond, branch, overlap };
}

function presenceCell(compiled: Compiled, required: boolean, rate: number): ValueGen {
  const gen = compiled.gen;
  if (required) return gen;
  return (rng, ctx) => (rng.next() < rate ? gen(rng, ctx) : undefined);
}

/**
 * Compiles the properties of a record node. Names and types give semantic hints; emails read the name properties;
 * `if`/`then`/`else` over separate properties becomes a per-record choice between two compiled versions.
 */
export function compileProperties(node: SchemaObject, env: Env, at: At, compile: CompileFn, depth: number): PropsPlan {
  const properties = (isRecord(node.properties) ? node.properties : {}) as Record<string, JsonSchema>;
  const names = Object.keys(properties);
  const required = new Set(Array.isArray(node.required) ? node.required : []);
  const split = node.if !== undefined ? conditionSplit(node) : undefined;
  // Properties named only by then/else (or required there) join the record after the base ones.
  if (split !== undefined) for (const b of split.branch) if (!names.includes(b)) names.push(b);
  const roles = nameRoles(properties);
  const propAt = (name: string, pointer: string): At => ({ pointer, name, locale: at.locale, roles, depth, siblings: names });
  const build = (obj: SchemaObject, name: string, pointerBase: string): { compiled: Compiled; required: boolean; node: JsonSchema } => {
    const props = (isRecord(obj.properties) ? obj.properties : {}) as Record<string, JsonSchema>;
    const s = props[name] ?? true;
    const req = Array.isArray(obj.required) && obj.required.includes(name);
    if (s === false) {
      if (req) throw new SynthError('SCHEMA_UNSATISFIABLE', `"${name}" is required but its schema is false`, { path: `${pointerBase}/properties/${name}` });
      return { compiled: { gen: () => undefined, kind: 'string', nullable: false, deps: [] }, required: false, node: s };
    }
    return { compiled: compile(s, env, propAt(name, `${pointerBase}/properties/${escape(name)}`)), required: req, node: s };
  };
  const props: PropGen[] = [];
  if (split === undefined) {
    for (const name of names) {
      const b = build(node, name, at.pointer);
      props.push({ name, compiled: b.compiled, required: b.required || required.has(name), cell: presenceCell(b.compiled, b.required, PRESENCE_RATE), deps: b.compiled.deps, node: b.node });
    }
  } else {
    const base: SchemaObject = { ...node };
    for (const k of ['if', 'then', 'else']) delete base[k];
    const thenObj = mergeSchemas(base, (node.then as JsonSchema | undefined) ?? true);
    const elseObj = mergeSchemas(base, (node.else as JsonSchema | undefined) ?? true);
    const ifSchema: SchemaObject = isRecord(node.if) ? { ...(node.if as SchemaObject) } : {};
    const ifCheck = compileValidator(ifSchema);
    const cond = split.cond;
    for (const name of names) {
      if (!split.branch.includes(name)) {
        const b = build(base, name, at.pointer);
        props.push({ name, compiled: b.compiled, required: b.required, cell: presenceCell(b.compiled, b.required, PRESENCE_RATE), deps: b.compiled.deps, node: b.node });
        continue;
      }
      const t = build(thenObj, name, `${at.pointer}/then`);
      const e = build(elseObj, name, `${at.pointer}/else`);
      const tCell = presenceCell(t.compiled, t.required, PRESENCE_RATE);
      const eCell = presenceCell(e.compiled, e.required, PRESENCE_RATE);
      const cell: ValueGen = (rng: Rng, ctx: RowCtx) => {
        const partial: Record<string, unknown> = {};
        for (const c of cond) {
          const v = ctx.get(c);
          if (v !== undefined) partial[c] = v;
        }
        return ifCheck(partial).valid ? tCell(rng, ctx) : eCell(rng, ctx);
      };
      const deps = [...new Set([...cond, ...t.compiled.deps, ...e.compiled.deps])];
      const compiled: Compiled = { ...t.compiled, nullable: t.compiled.nullable || e.compiled.nullable, deps };
      props.push({ name, compiled, required: t.required && e.required, cell, deps, node: t.node });
    }
  }
  return { props, order: generationOrder(props, at.pointer) };
}

function escape(name: string): string {
  return name.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Each property after the ones it reads; a cycle is an error naming it. */
export function generationOrder(props: readonly PropGen[], pointer: string): number[] {
  const index = new Map(props.map((p, i) => [p.name, i]));
  const state = new Array<number>(props.length).fill(0);
  const order: number[] = [];
  const stack: string[] = [];
  const visit = (i: number): void => {
    if (state[i] === 2) return;
    const p = props[i]!;
    if (state[i] === 1) {
      const cycle = [...stack.slice(stack.indexOf(p.name)), p.name];
      throw new SynthError('SCHEMA_EXPRESSION_CYCLE', `derived fields depend on each other in a cycle: ${cycle.join(' -> ')}`, {
        path: `${pointer}/properties/${escape(p.name)}`,
        received: cycle,
        hint: 'Make one of these fields a plain generated value.',
      });
    }
    state[i] = 1;
    stack.push(p.name);
    for (const d of p.deps) {
      const j = index.get(d);
      if (j !== undefined && j !== i) visit(j);
    }
    stack.pop();
    state[i] = 2;
    order.push(i);
  };
  for (let i = 0; i < props.length; i++) visit(i);
  return order;
}

/** Compiles an object node: properties (with presence), minProperties/maxProperties, checked when keywords need it. */
export function compileObject(node: SchemaObject, env: Env, at: At, compile: CompileFn): Compiled {
  const plan = compileProperties(node, env, at, compile, at.depth + 1);
  const { props, order } = plan;
  const minP = typeof node.minProperties === 'number' ? node.minProperties : 0;
  const maxP = typeof node.maxProperties === 'number' ? node.maxProperties : Infinity;
  const needsCheck = ['dependentRequired', 'dependentSchemas', 'propertyNames', 'unevaluatedProperties', 'patternProperties', 'minProperties', 'maxProperties'].some((k) => k in node);
  const check = needsCheck ? compileValidator(node) : undefined;
  const once = (rng: Rng, outer: RowCtx): Record<string, unknown> => {
    const values: unknown[] = new Array(props.length);
    const ctx: RowCtx = { row: outer.row, get: (name) => { const i = props.findIndex((p) => p.name === name); return i < 0 ? undefined : values[i]; } };
    for (const i of order) values[i] = props[i]!.cell(rng, ctx);
    let count = values.filter((v) => v !== undefined).length;
    for (let i = 0; i < props.length && count < minP; i++) {
      if (values[i] === undefined) {
        const v = props[i]!.compiled.gen(rng, ctx);
        if (v !== undefined) [values[i], count] = [v, count + 1];
      }
    }
    for (let i = props.length - 1; i >= 0 && count > maxP; i--) {
      if (values[i] !== undefined && !props[i]!.required && !props.some((p) => p.deps.includes(props[i]!.name))) [values[i], count] = [undefined, count - 1];
    }
    const out: Record<string, unknown> = {};
    for (let i = 0; i < props.length; i++) if (values[i] !== undefined) out[props[i]!.name] = values[i];
    return out;
  };
  const gen: ValueGen =
    check === undefined
      ? once
      : (rng, ctx) => {
          for (let i = 0; i < 32; i++) {
            const v = once(rng, ctx);
            if (check(v).valid) return v;
          }
          throw new SynthError('GENERATE_EXHAUSTED', 'could not generate an object that satisfies this schema', { path: at.pointer });
        };
  return { gen, kind: 'json', nullable: false, deps: [] };
}
