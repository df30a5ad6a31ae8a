import type { Rng } from '../core/index.js';
import type { DrivenFaker, LocaleData } from './faker-source.js';

/** A generator of one string from a per-cell Rng. */
export type TextGen = (rng: Rng) => string;

type Weighted = { readonly value: string; readonly weight: number };

const scratch = Buffer.alloc(256);

/** Replaces `#` with a digit and `!` with a digit 2-9 (Faker's symbols in numeric patterns), as one flat string. */
export function fillDigits(rng: Rng, pattern: string): string {
  const n = pattern.length;
  if (n > scratch.length) return pattern.replace(/[#!]/g, (c) => String(c === '#' ? rng.int(0, 9) : rng.int(2, 9)));
  // One 32-bit draw gives nine decimal digits.
  let pool = 0;
  let left = 0;
  for (let i = 0; i < n; i++) {
    const c = pattern.charCodeAt(i);
    if (c === 35 || c === 33) {
      if (left === 0) {
        pool = rng.uint32();
        left = 9;
      }
      const digit = pool % 10;
      pool = (pool - digit) / 10;
      left--;
      scratch[i] = c === 35 ? 48 + digit : 50 + (digit & 7);
    } else if (c < 128) scratch[i] = c;
    else return pattern.replace(/[#!]/g, (ch) => String(ch === '#' ? rng.int(0, 9) : rng.int(2, 9)));
  }
  return scratch.toString('latin1', 0, n);
}

function toSnake(name: string): string {
  return name.replace(/[A-Z]/g, (c) => '_' + c.toLowerCase());
}

function isWeightedList(v: unknown): v is Weighted[] {
  return Array.isArray(v) && v.length > 0 && typeof v[0] === 'object' && v[0] !== null && 'weight' in (v[0] as object);
}

function pickFrom(list: readonly string[]): TextGen {
  const n = list.length;
  return (rng) => list[Math.floor(rng.next() * n)]!;
}

/**
 * Fast generators over Faker's locale data: names, phones, places, companies. Built once per locale, they pick
 * from the data arrays with our Rng and expand Faker's `{{module.entry}}` templates, so no Faker call sits in the
 * hot loop. A template part we do not know is delegated to the driven Faker (correct, slower).
 */
export class LocaleText {
  private readonly cache = new Map<string, TextGen | null>();

  constructor(
    private readonly data: LocaleData,
    private readonly fallback: DrivenFaker,
  ) {}

  /** The generator for a Faker method path or a data path, or undefined when there is no fast one. */
  method(path: string): TextGen | undefined {
    if (this.cache.has(path)) return this.cache.get(path) ?? undefined;
    this.cache.set(path, null);
    const gen = this.build(path);
    this.cache.set(path, gen ?? null);
    return gen;
  }

  private build(path: string): TextGen | undefined {
    switch (path) {
      case 'person.firstName':
        return this.list('person.first_name');
      case 'person.lastName':
        return this.patterned('person.last_name_pattern') ?? this.list('person.last_name');
      case 'person.middleName':
        return this.list('person.middle_name');
      case 'person.fullName':
        return this.patterned('person.name');
      case 'person.jobTitle':
        return this.patterned('person.job_title_pattern');
      case 'person.jobArea':
        return this.list('person.job_area');
      case 'person.jobType':
        return this.list('person.job_type');
      case 'person.jobDescriptor':
        return this.list('person.job_descriptor');
      case 'phone.number':
        return this.digitsFrom('phone_number.format.human') ?? this.digitsFrom('phone_number.format');
      case 'location.city':
        return this.patterned('location.city_pattern');
      case 'location.street':
        return this.patterned('location.street_pattern');
      case 'location.streetAddress': {
        const pattern = (this.data.location as Record<string, unknown> | undefined)?.street_address;
        const normal = typeof pattern === 'object' && pattern !== null ? (pattern as Record<string, unknown>).normal : undefined;
        return typeof normal === 'string' ? this.template(normal) : undefined;
      }
      case 'location.zipCode':
        return this.digitsFrom('location.postcode');
      case 'location.buildingNumber':
        return this.digitsFrom('location.building_number');
      case 'location.secondaryAddress':
        return this.digitsFrom('location.secondary_address');
      case 'location.state':
        return this.list('location.state');
      case 'location.county':
        return this.list('location.county');
      case 'location.country':
        return this.list('location.country');
      case 'location.countryCode': {
        const codes = this.lookup('location.country_code');
        if (!Array.isArray(codes)) return undefined;
        const alpha2 = codes.map((c) => (typeof c === 'object' && c !== null ? String((c as Record<string, unknown>).alpha2) : String(c)));
        return pickFrom(alpha2);
      }
      case 'company.name':
        return this.patterned('company.name_pattern');
      case 'commerce.department':
        return this.list('commerce.department');
      case 'lorem.word':
        return this.list('lorem.word');
      default:
        return undefined;
    }
  }

  /** The raw entry at a dotted data path, or undefined. */
  lookup(path: string): unknown {
    let node: unknown = this.data;
    for (const part of path.split('.')) {
      if (typeof node !== 'object' || node === null || Array.isArray(node)) return undefined;
      node = (node as Record<string, unknown>)[part];
    }
    return node;
  }

  /** A picker over a data entry (an array, or a group whose `generic` or merged members are arrays). */
  list(path: string): TextGen | undefined {
    const v = this.lookup(path);
    if (Array.isArray(v) && v.length > 0 && typeof v[0] === 'string') return pickFrom(v as string[]);
    if (typeof v === 'object' && v !== null && !Array.isArray(v)) {
      // Like Faker without a sex given: every group (generic, female, male) together.
      const group = v as Record<string, unknown>;
      const merged = Object.values(group).filter(Array.isArray).flat().filter((x): x is string => typeof x === 'string');
      if (merged.length > 0) return pickFrom([...new Set(merged)]);
    }
    return undefined;
  }

  private digitsFrom(path: string): TextGen | undefined {
    const v = this.lookup(path);
    let list: string[] | undefined;
    if (Array.isArray(v)) list = v.filter((x): x is string => typeof x === 'string');
    else if (typeof v === 'object' && v !== null) list = Object.values(v).filter(Array.isArray).flat().filter((x): x is string => typeof x === 'string');
    if (list === undefined || list.length === 0) return undefined;
    const templates = list.map((p) => (p.includes('{{') ? this.template(p) : undefined));
    const n = list.length;
    return (rng) => {
      const i = Math.floor(rng.next() * n);
      const t = templates[i];
      return fillDigits(rng, t === undefined ? list[i]! : t(rng));
    };
  }

  /** A generator over a list of templates, weighted (`{ value, weight }`) or plain, or a group with `generic`. */
  private patterned(path: string): TextGen | undefined {
    let v = this.lookup(path);
    if (typeof v === 'object' && v !== null && !Array.isArray(v)) v = (v as Record<string, unknown>).generic;
    if (isWeightedList(v)) {
      const gens = v.map((w) => this.template(w.value));
      const cumulative: number[] = [];
      let total = 0;
      for (const w of v) cumulative.push((total += w.weight));
      return (rng) => gens[rng.pickCumulative(cumulative)]!(rng);
    }
    if (Array.isArray(v) && v.length > 0 && typeof v[0] === 'string') {
      const gens = (v as string[]).map((p) => this.template(p));
      const n = gens.length;
      return (rng) => gens[Math.floor(rng.next() * n)]!(rng);
    }
    return undefined;
  }

  /** Compiles a Faker template (`{{person.firstName}} {{location.city_suffix}}`) once into a generator. */
  template(pattern: string): TextGen {
    const parts: (string | TextGen)[] = [];
    const re = /\{\{\s*([^}]+?)\s*\}\}/g;
    let last = 0;
    for (let m = re.exec(pattern); m !== null; m = re.exec(pattern)) {
      if (m.index > last) parts.push(pattern.slice(last, m.index));
      parts.push(this.part(m[1]!));
      last = m.index + m[0].length;
    }
    if (last < pattern.length) parts.push(pattern.slice(last));
    if (parts.length === 1 && typeof parts[0] === 'string') {
      const s = parts[0];
      return () => s;
    }
    return (rng) => {
      let out = '';
      for (let i = 0; i < parts.length; i++) {
        const p = parts[i]!;
        out += typeof p === 'string' ? p : p(rng);
      }
      return out;
    };
  }

  private part(expr: string): TextGen {
    if (!expr.includes('(')) {
      const fast = this.method(expr);
      if (fast !== undefined) return fast;
      const [mod, name, sub] = expr.split('.');
      if (mod !== undefined && name !== undefined) {
        const direct = this.list(sub === undefined ? `${mod}.${name}` : `${mod}.${name}.${sub}`) ?? this.list(`${mod}.${toSnake(name)}`);
        if (direct !== undefined) return direct;
        const patterned = this.patterned(`${mod}.${toSnake(name)}_pattern`);
        if (patterned !== undefined) return patterned;
      }
    }
    const fallback = this.fallback;
    const token = `{{${expr}}}`;
    return (rng) => fallback.use(rng).helpers.fake(token);
  }
}

/** Letters, digits, dots, dashes and underscores only: a name made safe for the local part of an email. */
export function emailLocalPart(name: string): string {
  const hit = localParts.get(name);
  if (hit !== undefined) return hit;
  const out = computeLocalPart(name);
  // Names repeat (they come from finite lists): remember them, within bounds.
  if (localParts.size > 50_000) localParts.clear();
  localParts.set(name, out);
  return out;
}

const localParts = new Map<string, string>();

function computeLocalPart(name: string): string {
  const ascii = name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  let out = '';
  for (let i = 0; i < ascii.length; i++) {
    const c = ascii.charCodeAt(i);
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 45 || c === 95) out += ascii[i]!;
  }
  return out;
}

const SEPARATORS = ['.', '_', ''];

/** An email address that fits a person's name, the way people pick them (first.last, first_last42...). */
export function emailForName(rng: Rng, first: string, last: string, domains: readonly string[]): string {
  let f = emailLocalPart(first);
  let l = emailLocalPart(last);
  if (f === '') f = 'user';
  if (l === '') l = String(rng.int(10, 9999));
  const r = rng.uint32();
  const domain = domains[(r >>> 8) % domains.length]!;
  let local: string;
  switch (r & 7) {
    case 0:
    case 1:
      local = f + '.' + l;
      break;
    case 2:
      local = f + SEPARATORS[(r >>> 4) % 3]! + l + ((r >>> 20) % 100);
      break;
    case 3:
      local = f[0]! + l;
      break;
    case 4:
      local = f + ((r >>> 20) % 1000);
      break;
    case 5:
      local = f + '_' + l;
      break;
    case 6:
      local = l + '.' + f;
      break;
    default:
      local = f[0]! + '.' + l + ((r >>> 20) % 100);
  }
  return local + '@' + domain;
}
