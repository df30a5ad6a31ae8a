import { SynthError, type Cell, type Table } from '../core/index.js';
import { compileValidator } from './validator.js';
import { semanticHint } from './semantic.js';
import { looksLike } from './text-shape.js';
import type { Distribution, SchemaObject } from './types.js';

/** Options of {@link inferSchema}. */
export interface InferOptions {
  /** Columns with at most this many distinct values become an `enum` (default 20). */
  readonly maxEnum?: number;
  /** Add `x-faker`/`format` from the property name when the data says nothing more specific (default true). */
  readonly semantic?: boolean;
  /** The schema's `title`. */
  readonly title?: string;
}

/** Text that means "no value" in sample files. */
const MISSING = new Set(['', 'na', 'n/a', 'null', 'none', 'nan', '#n/a']);
const FORMAT_CANDIDATES = ['date', 'date-time', 'time', 'uuid', 'email', 'ipv4', 'ipv6', 'uri'] as const;
/** Date-times without a time zone (`2024-05-01 10:30:00`), common in CSV exports: read as UTC. */
const LOCAL_DATE_TIME = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/;

function toRfc3339(local: string): string {
  const [day, time] = local.split(/[ T]/);
  return `${day}T${time!.length === 5 ? `${time}:00` : time}Z`;
}

const KEY_NAME = /(^|[_\s-])(id|key|uuid|guid|code)$|[a-z]Id$|^id$/i;

type Scalar = string | number | boolean;

function toScalar(v: Cell): Scalar | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'bigint') return Number(v);
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v.toISOString();
  if (typeof v === 'string') return MISSING.has(v.trim().toLowerCase()) ? null : v;
  return JSON.stringify(v);
}

const NUMBER_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** Digits with a leading zero (`0150`, `007`) are codes, not numbers: converting would lose the zeros. */
const CODE_TEXT = /^[+-]?0\d/;

function asNumbers(values: Scalar[]): number[] | undefined {
  const out: number[] = [];
  for (const v of values) {
    if (typeof v === 'number') out.push(v);
    else if (typeof v === 'string' && NUMBER_TEXT.test(v.trim()) && !CODE_TEXT.test(v.trim())) out.push(Number(v));
    else return undefined;
  }
  return out;
}

function asBooleans(values: Scalar[]): boolean[] | undefined {
  const out: boolean[] = [];
  for (const v of values) {
    if (typeof v === 'boolean') out.push(v);
    else if (typeof v === 'string' && /^(true|false)$/i.test(v.trim())) out.push(v.trim().toLowerCase() === 'true');
    else return undefined;
  }
  return out;
}

function decimals(x: number): number {
  if (Number.isInteger(x)) return 0;
  const text = String(x);
  if (text.includes('e')) return 7;
  return text.split('.')[1]?.length ?? 0;
}

const round = (x: number, digits = 4): number => Number(x.toFixed(digits));

function moments(xs: number[]): { mean: number; sd: number; skew: number; kurt: number } {
  const n = xs.length;
  const mean = xs.reduce((a, b) => a + b, 0) / n;
  let m2 = 0;
  let m3 = 0;
  let m4 = 0;
  for (const x of xs) {
    const d = x - mean;
    m2 += d * d;
    m3 += d * d * d;
    m4 += d * d * d * d;
  }
  m2 /= n;
  m3 /= n;
  m4 /= n;
  const sd = Math.sqrt(m2);
  return { mean, sd, skew: sd > 0 ? m3 / sd ** 3 : 0, kurt: sd > 0 ? m4 / m2 ** 2 - 3 : 0 };
}

/** Picks the distribution shape that fits the sample best by its moments (skewed positive: lognormal; flat: uniform). */
function fitDistribution(xs: number[], min: number, max: number): Distribution | undefined {
  if (xs.length < 10 || min === max) return undefined;
  const m = moments(xs);
  if (min >= 0 && m.skew > 1 && (min === 0 || xs.filter((x) => x === min).length > xs.length / 10)) {
    // Many values at the floor (rain on dry days, spend of idle users): a waiting-time shape fits, a log shape does not.
    return { type: 'exponential', lambda: round(1 / Math.max(m.mean - min, 1e-9), 6), min, max };
  }
  if (min > 0 && m.skew > 1) {
    const logs = moments(xs.map(Math.log));
    return { type: 'lognormal', mu: round(logs.mean), sigma: round(Math.max(logs.sd, 1e-4)), min, max };
  }
  if (m.kurt < -1) return { type: 'uniform', min, max };
  return { type: 'normal', mean: round(m.mean), sd: round(Math.max(m.sd, 1e-4)), min, max };
}

function weightsOf(values: Scalar[]): Record<string, number> {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(String(v), (counts.get(String(v)) ?? 0) + 1);
  const sorted = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return Object.fromEntries(sorted.map(([k, c]) => [k, round(c / values.length)]));
}

function detectFormat(values: string[]): string | undefined {
  const sample = values.slice(0, 2000);
  for (const format of FORMAT_CANDIDATES) {
    const validate = compileValidator({ type: 'string', format });
    if (format === 'uri' && !sample.every((v) => /^[a-z][a-z0-9+.-]*:\/\//i.test(v))) continue;
    if (sample.every((v) => validate(v).valid)) return format;
  }
  return undefined;
}

type Opts = Required<Omit<InferOptions, 'title'>>;

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);

/** Nested JSON columns (objects or arrays in JSON, JSONL or YAML samples) are inferred one level at a time. */
function inferNested(name: string, cells: readonly Cell[], opts: Opts): { schema: SchemaObject; required: boolean } | undefined {
  const present = cells.filter((c) => c !== null && c !== undefined);
  if (present.length === 0) return undefined;
  const nullRate = (cells.length - present.length) / cells.length;
  let schema: SchemaObject;
  if (present.every(isPlainObject)) {
    const records = present as Record<string, unknown>[];
    const keys = [...new Set(records.flatMap((r) => Object.keys(r)))];
    const properties: Record<string, SchemaObject> = {};
    const required: string[] = [];
    for (const k of keys) {
      const inner = inferColumn(k, records.map((r) => (r[k] === undefined ? null : (r[k] as Cell))), opts);
      properties[k] = inner.schema;
      if (inner.required && records.every((r) => Object.hasOwn(r, k))) required.push(k);
    }
    schema = { type: 'object', properties, required };
  } else if (present.every(Array.isArray)) {
    const lists = present as unknown[][];
    const items = inferColumn(`${name}_item`, lists.flat() as Cell[], opts).schema;
    const lengths = lists.map((l) => l.length);
    schema = { type: 'array', items, minItems: Math.min(...lengths), maxItems: Math.max(...lengths) };
  } else {
    return undefined;
  }
  if (nullRate > 0) {
    schema.type = [schema.type as 'object' | 'array', 'null'];
    schema['x-null-rate'] = round(nullRate);
  }
  return { schema, required: nullRate === 0 };
}

function inferColumn(name: string, cells: readonly Cell[], opts: Opts): { schema: SchemaObject; required: boolean } {
  const nested = inferNested(name, cells, opts);
  if (nested !== undefined) return nested;
  const all = cells.map(toScalar);
  const values = all.filter((v): v is Scalar => v !== null);
  const nullRate = all.length === 0 ? 0 : (all.length - values.length) / all.length;
  const s: SchemaObject = {};
  let type: 'string' | 'number' | 'integer' | 'boolean' | 'null';
  const distinct = new Set(values.map((v) => String(v)));
  const lowCardinality = distinct.size <= opts.maxEnum && distinct.size < Math.max(2, values.length / 2);
  const bools = values.length > 0 ? asBooleans(values) : undefined;
  const nums = values.length > 0 && bools === undefined ? asNumbers(values) : undefined;
  if (values.length === 0) {
    type = 'null';
  } else if (bools !== undefined) {
    type = 'boolean';
    const share = bools.filter(Boolean).length / bools.length;
    if (share > 0 && share < 1) s['x-distribution'] = { type: 'weighted', weights: { true: round(share), false: round(1 - share) } };
  } else if (nums !== undefined) {
    const integer = nums.every(Number.isInteger);
    type = integer ? 'integer' : 'number';
    // Loops, not Math.min(...nums): a spread of a large sample overflows the call stack.
    let min = Number.POSITIVE_INFINITY;
    let max = Number.NEGATIVE_INFINITY;
    let places = 0;
    for (const x of nums) {
      if (x < min) min = x;
      if (x > max) max = x;
      places = Math.max(places, decimals(x));
    }
    const unique = distinct.size === values.length;
    const sorted = [...nums].sort((a, b) => a - b);
    const step = sorted.length > 1 ? sorted[1]! - sorted[0]! : 1;
    const consecutive = integer && unique && nums.length >= 5 && step > 0 && sorted.every((x, i) => x === sorted[0]! + i * step);
    s.minimum = min;
    s.maximum = max;
    if (!integer && places <= 6) s.multipleOf = Number((10 ** -places).toFixed(places));
    if (consecutive) {
      s['x-unique'] = true;
      s['x-sequence'] = { start: sorted[0]!, step };
    } else if (lowCardinality) {
      s.enum = [...new Set(nums)].sort((a, b) => a - b);
      s['x-distribution'] = { type: 'weighted', weights: weightsOf(nums) };
    } else {
      if (unique && KEY_NAME.test(name) && integer) s['x-unique'] = true;
      const d = fitDistribution(nums, min, max);
      if (d !== undefined) s['x-distribution'] = d;
    }
  } else {
    type = 'string';
    const texts = values.map(String);
    const local = texts.length > 0 && texts.every((t) => LOCAL_DATE_TIME.test(t));
    const format = local ? 'date-time' : detectFormat(texts);
    const lengths = texts.map((t) => [...t].length);
    if (format !== undefined) {
      s.format = format;
      if (format === 'date' || format === 'date-time') {
        // Chronological, not textual, order: date-times may carry different offsets.
        const times = texts.map((t) => Date.parse(local ? `${t.replace(' ', 'T')}Z` : format === 'date' ? `${t}T00:00:00Z` : t));
        const lo = texts[times.indexOf(Math.min(...times))]!;
        const hi = texts[times.indexOf(Math.max(...times))]!;
        s.formatMinimum = local ? toRfc3339(lo) : lo;
        s.formatMaximum = local ? toRfc3339(hi) : hi;
      }
    } else if (lowCardinality) {
      s.enum = [...distinct].sort();
      s['x-distribution'] = { type: 'weighted', weights: weightsOf(texts) };
    } else {
      s.minLength = Math.min(...lengths);
      s.maxLength = Math.max(...lengths);
    }
    if (distinct.size === values.length && values.length >= 5 && (format === 'uuid' || KEY_NAME.test(name))) s['x-unique'] = true;
    if (opts.semantic && s.enum === undefined) {
      const hint = semanticHint(name, 'string');
      // A format shared with the hint is evidence enough; otherwise the values must look like the Faker method's.
      if (hint?.faker !== undefined && ((hint.format !== undefined && hint.format === format) || looksLike(texts, hint.faker))) s['x-faker'] = hint.faker;
      if (hint?.format !== undefined && s.format === undefined && format === undefined && hint.format === 'email') s.format = hint.format;
    }
  }
  // An enum restricts null too, so a nullable enum column lists it.
  if (nullRate > 0 && Array.isArray(s.enum)) s.enum = [...s.enum, null];
  const out: SchemaObject = { type: nullRate > 0 && type !== 'null' ? [type, 'null'] : type, ...s };
  if (nullRate > 0 && type !== 'null') out['x-null-rate'] = round(nullRate);
  return { schema: out, required: nullRate === 0 };
}

/**
 * A reviewable schema inferred from a sample table: per column the type, `format`, range, decimals as
 * `multipleOf`, an `enum` for few distinct values, `x-null-rate`, `x-unique`/`x-sequence` for key-like columns,
 * an `x-distribution` fitted from the data, `x-faker` from the column's name, and `required`.
 * @example inferSchema(await readTable('penguins.csv'))
 */
export function inferSchema(table: Table, options: InferOptions = {}): SchemaObject {
  if (table.fields.length === 0) {
    throw new SynthError('SCHEMA_INFER_FAILED', 'the table has no columns to infer a schema from', { hint: 'Check that the file has a header row.' });
  }
  const opts = { maxEnum: options.maxEnum ?? 20, semantic: options.semantic ?? true };
  const properties: Record<string, SchemaObject> = {};
  const required: string[] = [];
  table.fields.forEach((f, i) => {
    const { schema, required: isRequired } = inferColumn(f.name, table.columns[i] ?? [], opts);
    properties[f.name] = schema;
    if (isRequired) required.push(f.name);
  });
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    ...(options.title !== undefined ? { title: options.title } : {}),
    description: `Inferred from ${table.length} sample row${table.length === 1 ? '' : 's'}; review before use.`,
    type: 'object',
    additionalProperties: false,
    required,
    properties,
  };
}
