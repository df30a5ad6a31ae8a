import { nearMatches, SynthError } from '../core/index.js';
import { DAY_MS, isoDate } from './formats.js';
import { EXPRESSION_FUNCTIONS, parseExpression, type ExpressionNode } from './schema-api.js';

/** A compiled expression: reads sibling fields through `get`. */
export type Evaluator = (get: (name: string) => unknown) => unknown;

/** The result of compiling an `x-expression`: the evaluator and the fields it reads. */
export interface CompiledExpression {
  readonly evaluate: Evaluator;
  readonly deps: readonly string[];
}

type Fn = (...args: unknown[]) => unknown;
type Node = ExpressionNode & Record<string, unknown>;

const isDateOnly = (s: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(s);

function toMs(v: unknown): number {
  if (typeof v === 'number') return v;
  if (typeof v !== 'string') return Number.NaN;
  return Date.parse(isDateOnly(v) ? v + 'T00:00:00Z' : v);
}

/** Formats ms like the input it came from: a date stays a date, a date-time stays a date-time. */
function likeInput(input: unknown, ms: number): unknown {
  if (!Number.isFinite(ms)) return null;
  if (typeof input === 'string' && isDateOnly(input)) return isoDate(ms);
  const iso = new Date(ms).toISOString();
  return typeof input === 'string' && !/\.\d{3}/.test(input) ? iso.replace('.000Z', 'Z') : iso;
}

function addMonths(d: unknown, n: number): unknown {
  const ms = toMs(d);
  if (!Number.isFinite(ms)) return null;
  const t = new Date(ms);
  const day = t.getUTCDate();
  t.setUTCDate(1);
  t.setUTCMonth(t.getUTCMonth() + Math.trunc(n));
  const last = new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth() + 1, 0)).getUTCDate();
  t.setUTCDate(Math.min(day, last));
  return likeInput(d, t.getTime());
}

function yearsBetween(a: unknown, b: unknown): number | null {
  const x = toMs(a);
  const y = toMs(b);
  if (!Number.isFinite(x) || !Number.isFinite(y)) return null;
  const [lo, hi, sign] = x <= y ? [new Date(x), new Date(y), 1] : [new Date(y), new Date(x), -1];
  let years = hi.getUTCFullYear() - lo.getUTCFullYear();
  const beforeAnniversary = hi.getUTCMonth() < lo.getUTCMonth() || (hi.getUTCMonth() === lo.getUTCMonth() && hi.getUTCDate() < lo.getUTCDate());
  if (beforeAnniversary) years--;
  return sign * years;
}

const text = (v: unknown): string => (v === null || v === undefined ? '' : typeof v === 'string' ? v : typeof v === 'object' ? JSON.stringify(v) : String(v));

function roundHalfAway(x: number, digits: number): number {
  const f = 10 ** digits;
  const r = Math.sign(x) * Math.round(Math.abs(x) * f);
  return r / f;
}

/** The implementations of every function schema/ allows (EXPRESSION_FUNCTIONS). */
function functions(referenceMs: number): Record<string, Fn> {
  return {
    lower: (s) => text(s).toLowerCase(),
    upper: (s) => text(s).toUpperCase(),
    trim: (s) => text(s).trim(),
    concat: (...a) => a.filter((x) => x !== null && x !== undefined).map(text).join(''),
    join: (sep, ...a) => a.filter((x) => x !== null && x !== undefined).map(text).join(text(sep)),
    slugify: (s) => text(s).normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, ''),
    substring: (s, a, b) => Array.from(text(s)).slice(Number(a), b === undefined ? undefined : Number(b)).join(''),
    replace: (s, f, w) => text(s).split(text(f)).join(text(w)),
    len: (s) => (Array.isArray(s) ? s.length : Array.from(text(s)).length),
    pad: (v, w, fill) => text(v).padStart(Number(w), fill === undefined ? '0' : text(fill)),
    string: (v) => text(v),
    number: (v) => (v === null || v === undefined || v === '' ? null : Number(v)),
    round: (x, d) => (x === null || x === undefined ? null : roundHalfAway(Number(x), d === undefined ? 0 : Number(d))),
    floor: (x) => Math.floor(Number(x)),
    ceil: (x) => Math.ceil(Number(x)),
    abs: (x) => Math.abs(Number(x)),
    min: (...a) => Math.min(...a.map(Number)),
    max: (...a) => Math.max(...a.map(Number)),
    clamp: (x, lo, hi) => Math.min(Number(hi), Math.max(Number(lo), Number(x))),
    sqrt: (x) => Math.sqrt(Number(x)),
    pow: (x, y) => Number(x) ** Number(y),
    date: (v) => {
      const ms = toMs(v);
      return Number.isFinite(ms) ? isoDate(ms) : null;
    },
    now: () => new Date(referenceMs).toISOString(),
    referenceDate: () => isoDate(referenceMs),
    addDays: (d, n) => likeInput(d, toMs(d) + Math.round(Number(n)) * DAY_MS),
    addMonths: (d, n) => addMonths(d, Number(n)),
    addYears: (d, n) => addMonths(d, Number(n) * 12),
    daysBetween: (a, b) => {
      const x = toMs(a);
      const y = toMs(b);
      return Number.isFinite(x) && Number.isFinite(y) ? Math.trunc((y - x) / DAY_MS) : null;
    },
    yearsBetween,
    year: (d) => (Number.isFinite(toMs(d)) ? new Date(toMs(d)).getUTCFullYear() : null),
    month: (d) => (Number.isFinite(toMs(d)) ? new Date(toMs(d)).getUTCMonth() + 1 : null),
    day: (d) => (Number.isFinite(toMs(d)) ? new Date(toMs(d)).getUTCDate() : null),
    if: (c, a, b) => (c ? a : b),
    coalesce: (...a) => a.find((x) => x !== null && x !== undefined) ?? null,
  };
}

const plus = (a: unknown, b: unknown): unknown => (typeof a === 'string' || typeof b === 'string' ? text(a) + text(b) : Number(a) + Number(b));

const BINARY: Record<string, (a: unknown, b: unknown) => unknown> = {
  '+': plus,
  '-': (a, b) => Number(a) - Number(b),
  '*': (a, b) => Number(a) * Number(b),
  '/': (a, b) => Number(a) / Number(b),
  '%': (a, b) => Number(a) % Number(b),
  '**': (a, b) => Number(a) ** Number(b),
  '==': (a, b) => a === b || (a !== null && b !== null && a !== undefined && b !== undefined && String(a) === String(b) && typeof a !== 'object'),
  '!=': (a, b) => !BINARY['==']!(a, b),
  '===': (a, b) => a === b,
  '!==': (a, b) => a !== b,
  '<': (a, b) => (a as number) < (b as number),
  '>': (a, b) => (a as number) > (b as number),
  '<=': (a, b) => (a as number) <= (b as number),
  '>=': (a, b) => (a as number) >= (b as number),
};

const FORBIDDEN_MEMBERS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Compiles an `x-expression` into a closure over a whitelist of operators and functions (never eval): jsep parses,
 * each node becomes a small function. Unknown functions or fields are SCHEMA_BAD_EXPRESSION errors.
 * @example compileExpression('quantity * unit_price', ['quantity', 'unit_price'], '/properties/total', Date.UTC(2025, 0, 1))
 */
export function compileExpression(source: string, fields: readonly string[], pointer: string, referenceMs: number): CompiledExpression {
  const ast = parseExpression(source, pointer) as Node;
  const fns = functions(referenceMs);
  const deps: string[] = [];
  const bad = (message: string, hint?: string): SynthError =>
    new SynthError('SCHEMA_BAD_EXPRESSION', `x-expression "${source}": ${message}`, { path: pointer, received: source, ...(hint ? { hint } : {}) });
  const build = (n: Node): Evaluator => {
    switch (n.type) {
      case 'Literal': {
        const v = n.value;
        return () => v;
      }
      case 'Identifier': {
        const name = n.name as string;
        if (name === 'null') return () => null;
        if (name === 'true') return () => true;
        if (name === 'false') return () => false;
        if (!fields.includes(name)) {
          const near = nearMatches(name, fields);
          throw bad(`"${name}" is not a field of this record`, near.length > 0 ? `Did you mean ${near.map((x) => `"${x}"`).join(', ')}?` : undefined);
        }
        if (!deps.includes(name)) deps.push(name);
        return (get) => {
          const v = get(name);
          return v === undefined ? null : v;
        };
      }
      case 'MemberExpression': {
        const obj = build(n.object as Node);
        const prop = n.property as Node;
        if (n.computed) {
          const key = build(prop);
          return (get) => member(obj(get), key(get));
        }
        const name = prop.name as string;
        return (get) => member(obj(get), name);
      }
      case 'UnaryExpression': {
        const arg = build(n.argument as Node);
        switch (n.operator) {
          case '-':
            return (get) => -Number(arg(get));
          case '+':
            return (get) => Number(arg(get));
          case '!':
            return (get) => !arg(get);
          default:
            throw bad(`the operator "${String(n.operator)}" is not allowed`);
        }
      }
      case 'BinaryExpression':
      case 'LogicalExpression': {
        const left = build(n.left as Node);
        const right = build(n.right as Node);
        const op = n.operator as string;
        if (op === '&&') return (get) => left(get) && right(get);
        if (op === '||') return (get) => left(get) || right(get);
        if (op === '??') return (get) => left(get) ?? right(get);
        const f = BINARY[op];
        if (f === undefined) throw bad(`the operator "${op}" is not allowed`);
        return (get) => f(left(get), right(get));
      }
      case 'ConditionalExpression': {
        const test = build(n.test as Node);
        const yes = build(n.consequent as Node);
        const no = build(n.alternate as Node);
        return (get) => (test(get) ? yes(get) : no(get));
      }
      case 'CallExpression': {
        const callee = n.callee as Node;
        const name = callee.type === 'Identifier' ? (callee.name as string) : '';
        const fn = fns[name];
        if (fn === undefined || !EXPRESSION_FUNCTIONS.includes(name)) {
          const near = nearMatches(name, EXPRESSION_FUNCTIONS);
          throw bad(`"${name || 'this call'}" is not an allowed function`, near.length > 0 ? `Did you mean ${near.join(', ')}?` : undefined);
        }
        const args = (n.arguments as Node[]).map(build);
        if (name === 'if') {
          const [c, a, b] = args;
          return (get) => (c!(get) ? a!(get) : b!(get));
        }
        return (get) => fn(...args.map((a) => a(get)));
      }
      case 'ArrayExpression': {
        const items = (n.elements as Node[]).map(build);
        return (get) => items.map((i) => i(get));
      }
      default:
        throw bad(`"${String(n.type)}" is not allowed in expressions`);
    }
  };
  const evaluate = build(ast);
  return { evaluate, deps };
}

function member(obj: unknown, key: unknown): unknown {
  if (obj === null || obj === undefined || typeof obj !== 'object') return null;
  const k = String(key);
  if (FORBIDDEN_MEMBERS.has(k) || !Object.prototype.hasOwnProperty.call(obj, k)) return null;
  return (obj as Record<string, unknown>)[k];
}
