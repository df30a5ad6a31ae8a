import { nearMatches, SynthError, type Kind, type Rng } from '../core/index.js';
import type { Compiled, Env, At, ValueGen, RowCtx } from './env.js';
import { fakerMethod } from './faker-source.js';
import { DAY_MS, DayNames, dateTimeOf, duration, hexString, ipv4, ipv6, isoDate, isoDateTime, isoTime, parseDateBound, resolveDateSpec, uuidV4 } from './formats.js';
import { emailForName, emailLocalPart, type TextGen } from './locale-data.js';
import { codePoints, compilePattern } from './pattern.js';
import { probe } from './probe.js';
import { compileValidator, fakerMethodPaths, type SchemaObject, type SemanticHint } from './schema-api.js';

/** The Faker hint of a node: `x-faker` or json-schema-faker's `faker`, as a path and arguments. */
export function fakerHint(node: SchemaObject | SemanticHint | undefined): { method: string; args: unknown[] } | undefined {
  if (node === undefined) return undefined;
  const raw = (node as Record<string, unknown>)['x-faker'] ?? (node as Record<string, unknown>).faker;
  if (typeof raw === 'string') return { method: raw, args: [] };
  if (typeof raw === 'object' && raw !== null && typeof (raw as { method?: unknown }).method === 'string') {
    const r = raw as { method: string; args?: unknown[] };
    return { method: r.method, args: Array.isArray(r.args) ? r.args : [] };
  }
  return undefined;
}

/** The format a Faker method's values always have, so they need no check against it. */
const NATURAL_FORMAT: Record<string, string> = {
  'internet.email': 'email',
  'internet.exampleEmail': 'email',
  'string.uuid': 'uuid',
  'internet.ipv4': 'ipv4',
  'internet.ip': 'ipv4',
  'internet.ipv6': 'ipv6',
  'internet.url': 'uri',
  'internet.domainName': 'hostname',
  'phone.number': 'phone',
};

const DATE_KINDS: Record<string, Kind> = { date: 'date', 'date-time': 'datetime', time: 'time' };

/** Converts whatever a Faker method returned into the string the node wants. */
function asText(v: unknown, format: string | undefined): string {
  if (v instanceof Date) return format === 'date' ? isoDate(v.getTime()) : isoDateTime(v.getTime());
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  return JSON.stringify(v);
}

/** A generator calling a Faker method through the driven instance (any method, with arguments). */
export function fakerCall(env: Env, at: At, method: string, args: unknown[], pointer: string): (rng: Rng) => unknown {
  const driven = env.faker(at.locale);
  const fn = fakerMethod(driven.faker, method);
  if (fn === undefined) {
    const near = nearMatches(method, fakerMethodPaths());
    throw new SynthError('SCHEMA_UNKNOWN_FAKER', `"${method}" is not a Faker method${near.length > 0 ? `; did you mean ${near.map((n) => `"${n}"`).join(', ')}?` : ''}`, {
      path: pointer,
      received: method,
      expected: near,
    });
  }
  return (rng) => {
    driven.use(rng);
    return fn(...args);
  };
}

/** Fast, data-driven generators for the Faker methods that matter most; undefined when the method has none. */
function fastText(env: Env, at: At, method: string): { gen: ValueGen; deps: string[] } | undefined {
  const text = env.text(at.locale);
  switch (method) {
    case 'string.uuid':
      return { gen: uuidV4, deps: [] };
    case 'internet.email':
    case 'internet.exampleEmail':
      return emailGen(env, at, method === 'internet.exampleEmail');
    case 'internet.ipv4':
    case 'internet.ip':
      return { gen: ipv4, deps: [] };
    case 'internet.ipv6':
      return { gen: ipv6, deps: [] };
    case 'internet.domainName': {
      const d = domainGen(env, at);
      return { gen: d, deps: [] };
    }
    case 'internet.url': {
      const d = domainGen(env, at);
      return { gen: (rng) => 'https://' + d(rng), deps: [] };
    }
    default: {
      const t = text.method(method);
      return t === undefined ? undefined : { gen: t, deps: [] };
    }
  }
}

function domainGen(env: Env, at: At): TextGen {
  const text = env.text(at.locale);
  const words = text.list('lorem.word') ?? env.text('en').list('lorem.word')!;
  const last = text.method('person.lastName') ?? words;
  const suffixes = (text.lookup('internet.domain_suffix') as string[] | undefined) ?? ['com', 'net', 'org'];
  return (rng) => {
    let w = emailLocalPart(rng.bool(0.5) ? last(rng) : words(rng)).replace(/_/g, '');
    if (w === '' || w.startsWith('-') || w.endsWith('-')) w = 'site' + rng.int(1, 999);
    return w + '.' + suffixes[Math.floor(rng.next() * suffixes.length)]!;
  };
}

function emailGen(env: Env, at: At, example: boolean): { gen: ValueGen; deps: string[] } {
  const text = env.text(at.locale);
  const first = text.method('person.firstName')!;
  const last = text.method('person.lastName')!;
  const listed = text.lookup(example ? 'internet.example_email' : 'internet.free_email');
  const domains = Array.isArray(listed) && listed.length > 0 ? (listed as string[]) : ['gmail.com', 'yahoo.com', 'hotmail.com'];
  const { firstName, lastName, fullName } = at.roles;
  const self = at.name;
  const f = firstName !== self ? firstName : undefined;
  const l = lastName !== self ? lastName : undefined;
  const full = fullName !== self ? fullName : undefined;
  if (f !== undefined || l !== undefined) {
    return {
      deps: [f, l].filter((x): x is string => x !== undefined),
      gen: (rng: Rng, ctx: RowCtx) => {
        const fv = f === undefined ? undefined : ctx.get(f);
        const lv = l === undefined ? undefined : ctx.get(l);
        return emailForName(rng, typeof fv === 'string' ? fv : first(rng), typeof lv === 'string' ? lv : last(rng), domains);
      },
    };
  }
  if (full !== undefined) {
    return {
      deps: [full],
      gen: (rng: Rng, ctx: RowCtx) => {
        const v = ctx.get(full);
        const parts = typeof v === 'string' ? v.split(' ').filter((p) => p.length > 1 && !p.endsWith('.')) : [];
        if (parts.length >= 2) return emailForName(rng, parts[0]!, parts[parts.length - 1]!, domains);
        return emailForName(rng, first(rng), last(rng), domains);
      },
    };
  }
  return { deps: [], gen: (rng: Rng) => emailForName(rng, first(rng), last(rng), domains) };
}

/** The date range of a date/date-time node: explicit bounds, then the hint's, then the last five years. */
function dateRange(node: SchemaObject, hint: SemanticHint | undefined, env: Env): [number, number] {
  const ref = env.opts.referenceMs;
  const spec = (v: unknown): number | undefined => (typeof v === 'string' ? resolveDateSpec(v, ref) : undefined);
  let lo = parseDateBound(node.formatMinimum) ?? parseDateBound(node.formatExclusiveMinimum) ?? spec(node['x-after']) ?? spec(hint?.after);
  let hi = parseDateBound(node.formatMaximum) ?? parseDateBound(node.formatExclusiveMaximum) ?? spec(node['x-before']) ?? spec(hint?.before);
  if (lo === undefined && hi === undefined) [lo, hi] = [ref - 5 * 365 * DAY_MS, ref - 1];
  else if (lo === undefined) lo = Math.min(hi!, ref) - 5 * 365 * DAY_MS;
  else if (hi === undefined) hi = Math.max(lo + DAY_MS, ref - 1);
  if (hi! < lo) [lo, hi] = [hi!, lo];
  if (node.formatExclusiveMinimum !== undefined) lo += 1000;
  if (node.formatExclusiveMaximum !== undefined) hi! -= 1000;
  return [lo, hi!];
}

function formatGen(format: string, node: SchemaObject, hint: SemanticHint | undefined, env: Env, at: At): { gen: ValueGen; deps: string[] } | undefined {
  switch (format) {
    case 'uuid':
      return { gen: uuidV4, deps: [] };
    case 'email':
    case 'idn-email':
      return emailGen(env, at, false);
    case 'date':
    case 'date-time': {
      const [lo, hi] = dateRange(node, hint, env);
      const d0 = Math.floor(lo / DAY_MS);
      const d1 = Math.floor(hi / DAY_MS);
      const names = new DayNames(d0, d1 - d0 + 1);
      if (format === 'date') {
        const first = Math.ceil(lo / DAY_MS);
        const days = Math.max(1, d1 - first + 1);
        const skip = first - d0;
        return { gen: (rng) => names.at(skip + Math.floor(rng.next() * days)), deps: [] };
      }
      // Whole seconds: realistic timestamps, and fewer bytes than milliseconds.
      const s0 = Math.ceil(lo / 1000);
      const span = Math.max(1, Math.floor(hi / 1000) - s0 + 1);
      return {
        gen: (rng) => {
          const s = s0 + Math.floor(rng.next53() * span);
          const day = Math.floor(s / 86400);
          return dateTimeOf(names.at(day - d0), s - day * 86400);
        },
        deps: [],
      };
    }
    case 'time':
    case 'iso-time':
      return { gen: (rng) => isoTime(Math.floor(rng.next() * 86400)), deps: [] };
    case 'ipv4':
      return { gen: ipv4, deps: [] };
    case 'ipv6':
      return { gen: ipv6, deps: [] };
    case 'hostname':
    case 'idn-hostname':
      return { gen: domainGen(env, at), deps: [] };
    case 'uri':
    case 'url':
    case 'iri':
    case 'uri-reference':
    case 'iri-reference': {
      const d = domainGen(env, at);
      const words = env.text('en').list('lorem.word')!;
      return { gen: (rng) => 'https://www.' + d(rng) + (rng.bool(0.6) ? '/' + emailLocalPart(words(rng)) : ''), deps: [] };
    }
    case 'duration':
      return { gen: duration, deps: [] };
    case 'phone': {
      const p = env.text(at.locale).method('phone.number') ?? env.text('en').method('phone.number')!;
      return { gen: p, deps: [] };
    }
    case 'byte':
      return { gen: (rng) => Buffer.from(hexString(rng, 16), 'hex').toString('base64'), deps: [] };
    case 'json-pointer':
      return { gen: (rng) => '/' + hexString(rng, 6), deps: [] };
    case 'regex':
      return { gen: () => '^[a-z]+$', deps: [] };
    default:
      return undefined;
  }
}

/** Plain words, sized to the length bounds: readable filler for strings with no other hint. */
function wordsGen(env: Env, minLength: number, maxLength: number): (rng: Rng) => string {
  const words = env.text('en').list('lorem.word')!;
  const hi = Math.min(maxLength, Math.max(minLength, 12) + 12);
  return (rng) => {
    const target = minLength + Math.floor(rng.next() * (hi - minLength + 1));
    if (target === 0) return '';
    let s = words(rng);
    while (s.length < target) s += ' ' + words(rng);
    s = s.slice(0, target);
    if (s.endsWith(' ')) s = s.slice(0, -1) + String.fromCharCode(97 + Math.floor(rng.next() * 26));
    return s;
  };
}

/** Compiles a string node: x-faker, format, pattern, semantic hint or plain words, within the length bounds. */
export function compileString(node: SchemaObject, hint: SemanticHint | undefined, env: Env, at: At): Compiled {
  const minLength = typeof node.minLength === 'number' ? node.minLength : 0;
  const maxLength = typeof node.maxLength === 'number' ? node.maxLength : Infinity;
  const pattern = typeof node.pattern === 'string' ? node.pattern : undefined;
  const format = typeof node.format === 'string' ? node.format : undefined;
  const explicit = fakerHint(node);
  const kind: Kind = (format !== undefined ? DATE_KINDS[format] : undefined) ?? 'string';
  let source: { gen: ValueGen; deps: string[] } | undefined;
  let role: string | undefined;
  let exact = false;
  let fromPattern = false;
  const tryFaker = (h: { method: string; args: unknown[] }, pointer: string): void => {
    role = h.method;
    if (h.args.length === 0) source = fastText(env, at, h.method);
    if (source === undefined) {
      const call = fakerCall(env, at, h.method, h.args, pointer);
      source = { gen: (rng) => asText(call(rng), format), deps: [] };
    }
  };
  if (explicit !== undefined) tryFaker(explicit, at.pointer + ('x-faker' in node ? '/x-faker' : '/faker'));
  else if (format !== undefined) {
    source = formatGen(format, node, hint, env, at);
    if (source === undefined) {
      throw new SynthError('SCHEMA_UNKNOWN_FORMAT', `format "${format}" cannot be generated`, { path: at.pointer + '/format', received: format });
    }
    exact = true;
    if (format === 'email') role = 'internet.email';
  } else if (pattern !== undefined) {
    source = { gen: compilePattern(pattern, minLength, maxLength, at.pointer), deps: [] };
    exact = true;
    fromPattern = true;
  } else if (hint !== undefined && node.enum === undefined) {
    const h = fakerHint(hint);
    if (h !== undefined) tryFaker(h, at.pointer);
    else if (hint.format !== undefined) source = formatGen(hint.format, node, hint, env, at);
    else if (hint.pattern !== undefined) source = { gen: compilePattern(hint.pattern, minLength, maxLength, at.pointer), deps: [] };
    else if (hint.enum !== undefined && hint.enum.length > 0) {
      const values = hint.enum.map(String);
      source = { gen: (rng) => values[Math.floor(rng.next() * values.length)], deps: [] };
    }
  }
  const plain = wordsGen(env, minLength, maxLength);
  if (source === undefined) return { gen: plain, kind, nullable: false, deps: [] };
  const re = pattern !== undefined && !fromPattern ? new RegExp(pattern, 'u') : undefined;
  if (!exact && format !== undefined && NATURAL_FORMAT[role ?? ''] === format) exact = true;
  const formatOk = !exact && format !== undefined ? compileValidator({ type: 'string', format }) : undefined;
  const needsCheck = formatOk !== undefined || re !== undefined || minLength > 0 || maxLength < Infinity;
  const base = source.gen;
  if (!needsCheck) return { gen: base, kind, nullable: false, deps: source.deps, ...(role ? { role } : {}) };
  const fallback = pattern !== undefined && !fromPattern ? compilePattern(pattern, minLength, maxLength, at.pointer) : format === undefined ? plain : undefined;
  const fullFormat = format !== undefined && formatOk === undefined && fallback !== undefined ? compileValidator({ type: 'string', format }) : formatOk;
  const ok = (s: unknown): s is string => {
    if (typeof s !== 'string') return false;
    const n = codePoints(s);
    return n >= minLength && n <= maxLength && (re === undefined || re.test(s)) && (formatOk === undefined || formatOk(s).valid);
  };
  const gen: ValueGen = (rng, ctx) => {
    for (let i = 0; i < 8; i++) {
      const s = base(rng, ctx);
      if (ok(s)) return s;
    }
    // The other way round: candidates of the pattern (or plain words), checked against the format too.
    if (fallback !== undefined) {
      for (let i = 0; i < 8; i++) {
        const s = fallback(rng);
        if (ok(s) && (fullFormat === undefined || fullFormat(s).valid)) return s;
      }
    }
    throw new SynthError('GENERATE_EXHAUSTED', `could not generate a ${format ?? 'string'} value of length ${minLength} to ${maxLength}${pattern !== undefined ? ` matching /${pattern}/` : ''}`, { path: at.pointer });
  };
  if (source.deps.length === 0) probe(gen, at.pointer, true);
  return { gen, kind, nullable: false, deps: source.deps, ...(role ? { role } : {}) };
}
