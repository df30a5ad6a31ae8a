import type { Issue } from '../core/index.js';
import { cachedValidator } from './ajv.js';
import { jsonEqual } from './merge.js';
import { patternCount, patternError, patternLengths } from './pattern.js';
import type { SchemaObject } from './types.js';
import { isRecord, joinPointer, typeList } from './walk.js';

/** The keywords an enum or const value is checked against (the node's own scalar constraints). */
const VALUE_KEYWORDS = ['type', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf', 'minLength', 'maxLength', 'pattern', 'format', 'minItems', 'maxItems', 'uniqueItems', 'minProperties', 'maxProperties', 'required'];

const unsat = (path: string, message: string, extra: Partial<Issue> = {}): Issue => ({ code: 'SCHEMA_UNSATISFIABLE', path, message, ...extra });

/** The numeric range of a node: lower and upper bound, each with whether it is exclusive. */
export function numericRange(node: SchemaObject): { lo: number; loEx: boolean; hi: number; hiEx: boolean } {
  let lo = -Infinity;
  let loEx = false;
  let hi = Infinity;
  let hiEx = false;
  if (typeof node.minimum === 'number') lo = node.minimum;
  if (typeof node.exclusiveMinimum === 'number' && node.exclusiveMinimum >= lo) {
    lo = node.exclusiveMinimum;
    loEx = true;
  }
  if (typeof node.maximum === 'number') hi = node.maximum;
  if (typeof node.exclusiveMaximum === 'number' && node.exclusiveMaximum <= hi) {
    hi = node.exclusiveMaximum;
    hiEx = true;
  }
  return { lo, loEx, hi, hiEx };
}

/** How many multiples of `step` lie in the node's range (Infinity when unbounded). */
function countMultiples(node: SchemaObject, step: number): number {
  const { lo, loEx, hi, hiEx } = numericRange(node);
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return Infinity;
  const eps = 1e-9;
  let first = Math.ceil(lo / step - eps);
  if (loEx && Math.abs(first * step - lo) < eps * Math.max(1, Math.abs(lo))) first++;
  let last = Math.floor(hi / step + eps);
  if (hiEx && Math.abs(last * step - hi) < eps * Math.max(1, Math.abs(hi))) last--;
  return Math.max(0, last - first + 1);
}

/**
 * How many distinct non-null values a node allows, when that is small enough to matter and can be computed
 * (const, enum, boolean, bounded integers or multiples); undefined otherwise.
 */
export function domainSize(node: unknown): number | undefined {
  if (node === false) return 0;
  if (!isRecord(node)) return undefined;
  const s = node as SchemaObject;
  if (Object.hasOwn(s, 'const')) return s.const === null ? 0 : 1;
  if (Array.isArray(s.enum)) return new Set(s.enum.filter((v) => v !== null).map((v) => JSON.stringify(v))).size;
  const types = typeList(s).filter((t) => t !== 'null');
  if (types.length !== 1) return types.length === 0 && typeList(s).length > 0 ? 0 : undefined;
  if (types[0] === 'boolean') return 2;
  if (types[0] === 'integer') {
    const step = typeof s.multipleOf === 'number' && Number.isInteger(s.multipleOf) ? s.multipleOf : 1;
    const n = countMultiples(s, step);
    return Number.isFinite(n) ? n : undefined;
  }
  if (types[0] === 'number' && typeof s.multipleOf === 'number') {
    const n = countMultiples(s, s.multipleOf);
    return Number.isFinite(n) ? n : undefined;
  }
  if (types[0] === 'string') {
    if (s.maxLength === 0) return 1;
    if (typeof s.pattern === 'string' && patternError(s.pattern) === undefined) {
      const n = patternCount(s.pattern);
      if (Number.isFinite(n)) return n;
    }
    if (s.format === 'date' && typeof s.formatMinimum === 'string' && typeof s.formatMaximum === 'string') {
      const days = (Date.parse(s.formatMaximum) - Date.parse(s.formatMinimum)) / 86_400_000;
      if (Number.isFinite(days)) return Math.max(0, Math.floor(days) + 1);
    }
  }
  return undefined;
}

function checkNumbers(node: SchemaObject, pointer: string, issues: Issue[]): void {
  const { lo, loEx, hi, hiEx } = numericRange(node);
  const types = typeList(node);
  const numeric = types.length === 0 || types.includes('number') || types.includes('integer');
  if (!numeric || !Number.isFinite(lo) || !Number.isFinite(hi)) {
    if (numeric && typeof node.multipleOf === 'number' && node.multipleOf <= 0) issues.push(unsat(joinPointer(pointer, 'multipleOf'), 'multipleOf must be above 0'));
    return;
  }
  const loKey = loEx ? 'exclusiveMinimum' : 'minimum';
  const hiKey = hiEx ? 'exclusiveMaximum' : 'maximum';
  if (lo > hi || (lo === hi && (loEx || hiEx))) {
    issues.push(unsat(joinPointer(pointer, loKey), `${loKey} ${lo} is not below ${hiKey} ${hi}: no number fits`, { expected: `${loKey} < ${hiKey}`, received: { [loKey]: lo, [hiKey]: hi } }));
    return;
  }
  const onlyIntegers = types.length > 0 && types.every((t) => t === 'integer' || t === 'null');
  if (typeof node.multipleOf === 'number' && node.multipleOf > 0 && countMultiples(node, node.multipleOf) === 0) {
    issues.push(unsat(joinPointer(pointer, 'multipleOf'), `no multiple of ${node.multipleOf} lies between ${lo} and ${hi}`));
  } else if (onlyIntegers && countMultiples(node, 1) === 0) {
    issues.push(unsat(joinPointer(pointer, loKey), `no integer lies between ${lo} and ${hi}`));
  }
}

function checkPair(node: SchemaObject, pointer: string, min: string, max: string, what: string, issues: Issue[]): void {
  const lo = node[min];
  const hi = node[max];
  if (typeof lo === 'number' && typeof hi === 'number' && lo > hi) {
    issues.push(unsat(joinPointer(pointer, min), `${min} ${lo} is above ${max} ${hi}: no ${what} fits`, { expected: `${min} <= ${max}`, received: { [min]: lo, [max]: hi } }));
  }
}

/** Shortest and longest text of the formats whose length is bounded. */
const FORMAT_LENGTHS: Readonly<Record<string, readonly [number, number]>> = {
  uuid: [36, 36],
  date: [10, 10],
  'date-time': [20, 35],
  time: [8, 21],
  ipv4: [7, 15],
  ipv6: [2, 45],
  email: [6, 254],
  hostname: [1, 253],
};

function checkFormatLength(node: SchemaObject, pointer: string, issues: Issue[]): void {
  const range = typeof node.format === 'string' ? FORMAT_LENGTHS[node.format] : undefined;
  if (range === undefined) return;
  if (typeof node.maxLength === 'number' && node.maxLength < range[0]) {
    issues.push(unsat(joinPointer(pointer, 'maxLength'), `a ${node.format} has at least ${range[0]} characters but maxLength is ${node.maxLength}`));
  } else if (typeof node.minLength === 'number' && node.minLength > range[1]) {
    issues.push(unsat(joinPointer(pointer, 'minLength'), `a ${node.format} has at most ${range[1]} characters but minLength is ${node.minLength}`));
  }
}

function checkSequence(node: SchemaObject, pointer: string, rows: number | undefined, issues: Issue[]): void {
  const seq = node['x-sequence'];
  if (seq === undefined || (seq as unknown) === false) return;
  const path = joinPointer(pointer, 'x-sequence');
  const types = typeList(node);
  if (types.length > 0 && !types.includes('integer') && !types.includes('number')) {
    issues.push({ code: 'SCHEMA_INVALID', path, message: `x-sequence makes numbers, but the type is ${JSON.stringify(node.type)}`, hint: 'Use "type": "integer", or an x-expression such as "concat(\'ID-\', pad(n, 6))" over a sequence field.' });
    return;
  }
  const start = isRecord(seq) && typeof seq.start === 'number' ? seq.start : 1;
  const step = isRecord(seq) && typeof seq.step === 'number' ? seq.step : 1;
  if (types.length > 0 && !types.includes('number') && (!Number.isInteger(start) || !Number.isInteger(step))) {
    issues.push(unsat(path, `x-sequence start ${start} and step ${step} must be whole numbers for an integer property`));
    return;
  }
  const { lo, loEx, hi, hiEx } = numericRange(node);
  if (start < lo || (loEx && start === lo) || start > hi || (hiEx && start === hi)) {
    issues.push(unsat(path, `x-sequence starts at ${start}, outside the property's range ${lo}..${hi}`));
    return;
  }
  if (typeof node.multipleOf === 'number' && node.multipleOf > 0 && (Math.abs(start / node.multipleOf - Math.round(start / node.multipleOf)) > 1e-9 || Math.abs(step / node.multipleOf - Math.round(step / node.multipleOf)) > 1e-9)) {
    issues.push(unsat(path, `x-sequence start ${start} and step ${step} are not both multiples of ${node.multipleOf}`));
    return;
  }
  if (rows !== undefined && rows > 1) {
    const last = start + step * (rows - 1);
    if (last > hi || (hiEx && last === hi) || last < lo || (loEx && last === lo)) {
      issues.push({ code: 'SCHEMA_UNIQUE_TOO_SMALL', path, message: `x-sequence reaches ${last} after ${rows} rows, outside the property's range ${lo}..${hi}`, hint: 'Ask for fewer rows, or widen the range.' });
    }
  }
}

const UNIT_DAYS: Readonly<Record<string, number>> = { h: 1 / 24, d: 1, w: 7, m: 30.44, y: 365.25 };

/** Days from the reference date for an offset (`-18y`), or epoch days for an ISO date; the two never compared. */
function dateBoundDays(v: unknown): { relative: boolean; days: number } | undefined {
  if (typeof v !== 'string') return undefined;
  const m = /^([+-]?)(\d+(?:\.\d+)?) ?([hdwmy])$/.exec(v.trim());
  if (m) return { relative: true, days: (m[1] === '-' ? -1 : 1) * Number(m[2]) * UNIT_DAYS[m[3]!]! };
  const ms = Date.parse(v.length === 10 ? `${v}T00:00:00Z` : v);
  return Number.isFinite(ms) ? { relative: false, days: ms / 86_400_000 } : undefined;
}

function checkDateOffsets(node: SchemaObject, pointer: string, issues: Issue[]): void {
  const a = dateBoundDays(node['x-after']);
  const b = dateBoundDays(node['x-before']);
  if (a === undefined || b === undefined || a.relative !== b.relative || a.days <= b.days) return;
  issues.push(unsat(joinPointer(pointer, 'x-after'), `x-after "${String(node['x-after'])}" is later than x-before "${String(node['x-before'])}": no date fits`));
}

function checkFormatBounds(node: SchemaObject, pointer: string, issues: Issue[]): void {
  checkDateOffsets(node, pointer, issues);
  const lo = node.formatMinimum ?? node.formatExclusiveMinimum;
  const hi = node.formatMaximum ?? node.formatExclusiveMaximum;
  if (typeof lo !== 'string' || typeof hi !== 'string') return;
  const exclusive = node.formatExclusiveMinimum !== undefined || node.formatExclusiveMaximum !== undefined;
  // ISO dates, date-times and times of one shape order like their text.
  if (lo > hi || (lo === hi && exclusive)) {
    const key = node.formatMinimum !== undefined ? 'formatMinimum' : 'formatExclusiveMinimum';
    issues.push(unsat(joinPointer(pointer, key), `${key} "${lo}" is after the upper bound "${hi}": no ${String(node.format ?? 'value')} fits`));
  }
}

function checkPattern(node: SchemaObject, pointer: string, issues: Issue[]): boolean {
  if (typeof node.pattern !== 'string') return true;
  const err = patternError(node.pattern);
  const path = joinPointer(pointer, 'pattern');
  if (err !== undefined) {
    issues.push(unsat(path, `pattern does not compile as a Unicode regular expression: ${err}`, { received: node.pattern }));
    return false;
  }
  const len = patternLengths(node.pattern);
  if (len === undefined) return true;
  if (typeof node.maxLength === 'number' && len.min > node.maxLength) {
    issues.push(unsat(path, `pattern needs at least ${len.min} characters but maxLength is ${node.maxLength}`));
  } else if (len.anchored && typeof node.minLength === 'number' && len.max < node.minLength) {
    issues.push(unsat(path, `pattern matches at most ${len.max} characters but minLength is ${node.minLength}`));
  }
  return true;
}

function checkValues(node: SchemaObject, pointer: string, issues: Issue[]): void {
  const hasEnum = Array.isArray(node.enum);
  if (hasEnum && node.enum!.length === 0) {
    issues.push(unsat(joinPointer(pointer, 'enum'), 'enum is empty: no value is allowed'));
    return;
  }
  const rules: Record<string, unknown> = {};
  for (const k of VALUE_KEYWORDS) if (Object.hasOwn(node, k)) rules[k] = node[k];
  if (hasEnum && Object.hasOwn(node, 'const') && !node.enum!.some((v) => jsonEqual(v, node.const))) {
    issues.push(unsat(joinPointer(pointer, 'const'), `const ${JSON.stringify(node.const)} is not one of the enum values`));
  }
  if (Object.keys(rules).length === 0) return;
  let validate: ReturnType<typeof cachedValidator>;
  try {
    validate = cachedValidator(rules);
  } catch {
    return;
  }
  const bad = (value: unknown): string | undefined => (validate(value) ? undefined : (validate.errors ?? []).map((e) => `${e.keyword} ${e.message ?? ''}`.trim()).join('; '));
  if (Object.hasOwn(node, 'const')) {
    const why = bad(node.const);
    if (why !== undefined) issues.push(unsat(joinPointer(pointer, 'const'), `const ${JSON.stringify(node.const)} breaks this schema's own rules (${why})`));
  }
  if (hasEnum) {
    const failures = node.enum!.map((v, i) => ({ v, i, why: bad(v) })).filter((f) => f.why !== undefined);
    for (const f of failures.slice(0, 10)) {
      issues.push(unsat(joinPointer(pointer, 'enum', f.i), `enum value ${JSON.stringify(f.v)} breaks this schema's own rules (${f.why})`));
    }
  }
}

function checkArrays(node: SchemaObject, pointer: string, issues: Issue[]): void {
  if (node.uniqueItems !== true || typeof node.minItems !== 'number' || node.minItems < 2) return;
  const size = node.items === undefined ? undefined : domainSize(node.items);
  if (size !== undefined && size + (isRecord(node.items) && typeList(node.items).includes('null') ? 1 : 0) < node.minItems) {
    issues.push(unsat(joinPointer(pointer, 'uniqueItems'), `uniqueItems needs ${node.minItems} different items but the items allow only ${size} value${size === 1 ? '' : 's'}`));
  }
}

function checkObjects(node: SchemaObject, pointer: string, issues: Issue[]): void {
  if (node.additionalProperties !== false || !Array.isArray(node.required)) return;
  const props = isRecord(node.properties) ? Object.keys(node.properties) : [];
  const patterns = isRecord(node.patternProperties) ? Object.keys(node.patternProperties) : [];
  node.required.forEach((name, i) => {
    if (typeof name !== 'string' || props.includes(name)) return;
    if (patterns.some((p) => patternError(p) === undefined && new RegExp(p, 'u').test(name))) return;
    issues.push(unsat(joinPointer(pointer, 'required', i), `"${name}" is required but not in properties, and additionalProperties is false`));
  });
  if (isRecord(node.properties)) {
    const required = new Set(node.required);
    for (const [name, s] of Object.entries(node.properties)) {
      if (s === false && required.has(name)) issues.push(unsat(joinPointer(pointer, 'properties', name), `"${name}" is required but its schema is false`));
    }
  }
}

/** Checks one schema node for constraints no value can meet; `rows` enables the x-unique value-space check. */
export function checkSatisfiable(node: SchemaObject, pointer: string, rows?: number): Issue[] {
  const issues: Issue[] = [];
  checkNumbers(node, pointer, issues);
  checkPair(node, pointer, 'minLength', 'maxLength', 'string', issues);
  checkPair(node, pointer, 'minItems', 'maxItems', 'array', issues);
  checkPair(node, pointer, 'minProperties', 'maxProperties', 'object', issues);
  checkPair(node, pointer, 'minContains', 'maxContains', 'array', issues);
  checkFormatBounds(node, pointer, issues);
  checkFormatLength(node, pointer, issues);
  checkSequence(node, pointer, rows, issues);
  const patternOk = checkPattern(node, pointer, issues);
  if (patternOk && issues.length === 0) checkValues(node, pointer, issues);
  checkArrays(node, pointer, issues);
  checkObjects(node, pointer, issues);
  if (node['x-unique'] === true && rows !== undefined && issues.length === 0) {
    const size = domainSize(node);
    if (size !== undefined && size < rows) {
      issues.push({
        code: 'SCHEMA_UNIQUE_TOO_SMALL',
        path: joinPointer(pointer, 'x-unique'),
        message: `x-unique asks for ${rows} different values but only ${size} exist here`,
        expected: `at least ${rows} possible values`,
        received: size,
        hint: 'Ask for fewer rows, widen the range or enum, or drop x-unique.',
      });
    }
  }
  return issues;
}
