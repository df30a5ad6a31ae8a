import { canonicalJson, field, Rng, SynthError, type Field, type Kind } from '../core/index.js';
import { compileNode, valueKey } from './compile-node.js';
import { compileProperties, conditionSplit, type PropGen } from './compile-object.js';
import { localeFaker } from './faker-source.js';
import { Env, type CompileFn, type Compiled, type ValueGen } from './env.js';
import { resolveOptions, type GenerateOptions, type ResolvedOptions } from './options.js';
import { permutation } from './permutation.js';
import { assertSchema, compileValidator, resolveSchema, type JsonSchema, type SchemaObject } from './schema-api.js';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** One output column as the executor runs it. */
export interface ColumnPlan {
  readonly name: string;
  /** The cell generator (undefined = absent). */
  readonly cell: ValueGen;
  readonly deps: readonly string[];
  /** Uniqueness kept by a set across rows: such a plan must run its blocks in order, in one thread. */
  readonly setUnique: boolean;
  /** Checks a repaired unique value against the property's schema. */
  readonly accepts?: (v: unknown) => boolean;
}

/**
 * A schema compiled once for a run: the output fields and the column generators. Build it with {@link compilePlan};
 * the executor turns it into batches.
 */
export interface Plan {
  /** Top-level properties in schema order (nested objects and arrays are one `json` field each). */
  readonly fields: readonly Field[];
  readonly options: ResolvedOptions;
  /** The reference date the run used (record it to replay the run). */
  readonly referenceDate: string;
  /** The run's root Rng; per-cell streams derive from it by (column, block). */
  readonly rng: Rng;
  /** Columnar mode: the columns in schema order and the order to generate them in. */
  readonly columns: readonly ColumnPlan[];
  readonly order: readonly number[];
  /** Row mode (root oneOf/anyOf/not, entangled if/then/else...): one generator per whole record. */
  readonly rowGen?: ValueGen;
  readonly rowUnique?: readonly string[];
  /** True when blocks must be generated in order in one thread (set-based x-unique). */
  readonly ordered: boolean;
  /** The schema and options, for worker threads to compile the same plan. */
  readonly source: { readonly schema: unknown; readonly options: GenerateOptions };
}

const ROW_MODE_KEYS = ['oneOf', 'anyOf', 'not', 'allOf', 'dependentSchemas', 'dependentRequired', 'minProperties', 'maxProperties', 'propertyNames', 'unevaluatedProperties'];

function kindOf(node: JsonSchema | undefined): { kind: Kind; nullable: boolean } {
  if (!isRecord(node)) return { kind: 'json', nullable: true };
  const types = typeof node.type === 'string' ? [node.type] : Array.isArray(node.type) ? (node.type as string[]) : [];
  const nn = types.filter((t) => t !== 'null');
  const nullable = types.includes('null');
  if (nn.length !== 1) return { kind: nn.length === 0 && 'const' in node ? 'string' : 'json', nullable };
  const t = nn[0]!;
  if (t === 'string') return { kind: node.format === 'date' ? 'date' : node.format === 'date-time' ? 'datetime' : node.format === 'time' ? 'time' : 'string', nullable };
  if (t === 'integer' || t === 'number' || t === 'boolean') return { kind: t, nullable };
  return { kind: 'json', nullable };
}

function fieldOf(name: string, compiled: Compiled, node: JsonSchema, required: boolean): Field {
  const meta: Record<string, unknown> = { required };
  if (isRecord(node) && typeof node.format === 'string') meta.format = node.format;
  if (compiled.role !== undefined) meta.generator = compiled.role;
  return field(name, compiled.kind, compiled.nullable, meta);
}

/**
 * Compiles a schema once into a plan: checks it (every issue at once), resolves `$ref`/`allOf`, and builds one
 * generator per column. Throws a SynthError before anything is generated when the schema is bad or cannot be
 * satisfied, including `x-unique` over fewer values than `options.rows`.
 * @example const plan = compilePlan(schema, { rows: 1000, seed: 42 }); plan.fields.map((f) => f.name)
 */
export function compilePlan(schema: unknown, options: GenerateOptions): Plan {
  const opts = resolveOptions(options);
  const root = checkedSchema(schema, opts.rows);
  if (!isRecord(root.properties) && !Array.isArray(root.oneOf) && !Array.isArray(root.anyOf)) {
    throw new SynthError('SCHEMA_NOT_OBJECT', 'the root schema must describe one record: "type": "object" with "properties"', { path: '' });
  }
  localeFaker(opts.locale, 'locale');
  const env = new Env(opts);
  const rng = new Rng(opts.seed);
  const compile = compileNode as CompileFn;
  const at = { pointer: '', name: undefined, locale: opts.locale, roles: {}, depth: -1 };
  const rowMode = ROW_MODE_KEYS.some((k) => k in root) || (root.if !== undefined && conditionSplit(root).overlap);
  const source = { schema, options };
  if (rowMode) return rowPlan(root, env, at, rng, opts, source);
  const { props, order } = compileProperties(root, env, at, compile, 0);
  const columns = props.map((p) => columnOf(p, rng, opts.rows));
  const fields = props.map((p) => fieldOf(p.name, p.compiled, p.node, p.required));
  return { fields, options: opts, referenceDate: opts.referenceDate, rng, columns, order, ordered: columns.some((c) => c.setUnique), source };
}

const checked = new Map<string, SchemaObject>();

/**
 * Checks and resolves a schema, remembering the result by its canonical text and the row count (the only option
 * the check reads), so generating again from the same schema skips the validation work.
 */
function checkedSchema(schema: unknown, rows: number): SchemaObject {
  let key: string | undefined;
  try {
    key = `${rows}|${canonicalJson(schema)}`;
  } catch {
    key = undefined;
  }
  const hit = key === undefined ? undefined : checked.get(key);
  if (hit !== undefined) return hit;
  assertSchema(schema, { rows });
  const root = resolveSchema(schema) as SchemaObject;
  if (key !== undefined) {
    if (checked.size >= 64) checked.delete(checked.keys().next().value!);
    checked.set(key, root);
  }
  return root;
}

function columnOf(p: PropGen, rng: Rng, rows: number): ColumnPlan {
  const node = p.node;
  const unique = isRecord(node) && node['x-unique'] === true && typeof node['x-expression'] !== 'string' && p.compiled.role !== 'sequence';
  if (!unique) return { name: p.name, cell: p.cell, deps: p.deps, setUnique: false };
  const domain = p.compiled.domain;
  if (domain !== undefined) {
    if (domain.size < rows) {
      throw new SynthError('SCHEMA_UNIQUE_TOO_SMALL', `x-unique asks for ${rows} different values of "${p.name}" but only ${domain.size} exist`, {
        path: `/properties/${p.name}/x-unique`,
        expected: rows,
        received: domain.size,
      });
    }
    // A keyed permutation of the value space: unique by construction, computed per row, the same in any worker.
    const perm = permutation(domain.size, rng.fork(`unique:${p.name}`));
    const at = domain.at;
    return { name: p.name, cell: (_rng, ctx) => at(perm(ctx.row)), deps: p.deps, setUnique: false };
  }
  const check = compileValidator(node);
  return { name: p.name, cell: p.cell, deps: p.deps, setUnique: true, accepts: (v) => check(v).valid };
}

function rowPlan(root: SchemaObject, env: Env, at: { pointer: string; name: undefined; locale: string; roles: object; depth: number }, rng: Rng, opts: ResolvedOptions, source: Plan['source']): Plan {
  const compiled = compileNode(root, env, at);
  const names: string[] = [];
  const nodes = new Map<string, JsonSchema>();
  const collect = (s: unknown): void => {
    if (!isRecord(s)) return;
    if (isRecord(s.properties)) {
      for (const [k, v] of Object.entries(s.properties)) {
        if (!names.includes(k)) names.push(k);
        if (!nodes.has(k)) nodes.set(k, v as JsonSchema);
      }
    }
    for (const key of ['oneOf', 'anyOf', 'allOf']) if (Array.isArray(s[key])) (s[key] as unknown[]).forEach(collect);
    for (const key of ['then', 'else']) collect(s[key]);
  };
  collect(root);
  const required = new Set(Array.isArray(root.required) ? root.required : []);
  const fields = names.map((n) => {
    const k = kindOf(nodes.get(n));
    return field(n, k.kind, k.nullable, { required: required.has(n) });
  });
  const uniques = names.filter((n) => isRecord(nodes.get(n)) && (nodes.get(n) as SchemaObject)['x-unique'] === true);
  return {
    fields,
    options: opts,
    referenceDate: opts.referenceDate,
    rng,
    columns: [],
    order: [],
    rowGen: compiled.gen,
    rowUnique: uniques,
    ordered: uniques.length > 0,
    source,
  };
}

export { valueKey };
