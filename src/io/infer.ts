import type { Cell, Field, Kind } from '../core/index.js';
import { DATE_FORMATS, dateFormatsOf, matchesDateFormat } from './date-formats.js';

/**
 * How a reader's cells arrive: `text` (CSV: every value a string, numbers to be parsed) or `typed` (JSON, YAML,
 * XLSX, Parquet: numbers and booleans already typed; strings stay strings even when they look numeric), or `raw`
 * (no type inference: strings are never looked into).
 */
export type CellMode = 'text' | 'typed' | 'raw';

const INT_TEXT = /^[-+]?\d+$/;
const NUM_TEXT = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;
// "007", "-012", "00.5": codes whose leading zeros are data, so they stay text.
const LEADING_ZERO = /^[-+]?0\d/;

// Spellings of true/false; a column is boolean only when all its values fall in one pair. 0/1 is not here:
// it is as often a count or a code as a flag, so it reads as an integer (the profiler can still call it boolean).
const BOOLEAN_PAIRS: readonly { readonly t: string; readonly f: string; readonly needBoth: boolean }[] = [
  { t: 'true', f: 'false', needBoth: false },
  { t: 'yes', f: 'no', needBoth: false },
  { t: 'y', f: 'n', needBoth: true },
  { t: 't', f: 'f', needBoth: true },
];

function booleanPair(values: readonly string[]): (typeof BOOLEAN_PAIRS)[number] | undefined {
  for (const pair of BOOLEAN_PAIRS) {
    let sawT = false;
    let sawF = false;
    let ok = true;
    for (const v of values) {
      const l = v.toLowerCase();
      if (l === pair.t) sawT = true;
      else if (l === pair.f) sawF = true;
      else {
        ok = false;
        break;
      }
    }
    if (ok && (!pair.needBoth || (sawT && sawF))) return pair;
  }
  return undefined;
}

function spellings(values: readonly string[]): string {
  return [...new Set(values)].sort().join('/');
}

/** The kind and meta of a column of strings, or undefined when nothing more specific than string fits. */
function inferStrings(values: readonly string[], parseNumbers: boolean): { kind: Kind; meta: Record<string, unknown> } | undefined {
  if (values.length === 0) return undefined;
  if (parseNumbers) {
    let allInt = true;
    let allNum = true;
    let numericText = false;
    let decimals = 0;
    for (const v of values) {
      if (INT_TEXT.test(v)) {
        if (LEADING_ZERO.test(v) || !Number.isSafeInteger(Number(v))) numericText = true;
        continue;
      }
      allInt = false;
      if (!NUM_TEXT.test(v)) {
        allNum = false;
        break;
      }
      if (LEADING_ZERO.test(v)) numericText = true;
      const dot = v.indexOf('.');
      if (dot >= 0) {
        const e = v.search(/[eE]/);
        decimals = Math.max(decimals, (e < 0 ? v.length : e) - dot - 1);
      }
    }
    if (allNum && numericText) return { kind: 'string', meta: { numericText: true } };
    if (allInt) return { kind: 'integer', meta: {} };
    if (allNum) return { kind: 'number', meta: { decimals } };
  }
  const pair = booleanPair(values);
  if (pair !== undefined) return { kind: 'boolean', meta: { format: spellings(values) } };
  const formats = dateFormatsOf(values);
  if (formats.length > 0) {
    const f = formats[0]!;
    const meta: Record<string, unknown> = { format: f.name };
    if (f.name === 'MM/DD/YYYY' && formats.some((g) => g.name === 'DD/MM/YYYY')) meta.ambiguous = 'MM/DD/YYYY or DD/MM/YYYY';
    return { kind: f.kind, meta };
  }
  return undefined;
}

/**
 * Infers a column's field from its values. Empty text is null already. Kinds are decided from the whole of
 * `values`; `partial` says more values may follow (streaming), so the field is marked nullable to be safe.
 */
export function inferField(name: string, values: readonly Cell[], mode: CellMode, baseMeta: Record<string, unknown>, partial: boolean): Field {
  let nulls = 0;
  let strings = 0;
  let numbers = 0;
  let bigints = 0;
  let booleans = 0;
  let objects = 0;
  let allIntegers = true;
  const texts: string[] = [];
  for (const v of values) {
    if (v === null || v === undefined) nulls++;
    else if (typeof v === 'string') {
      strings++;
      texts.push(v);
    } else if (typeof v === 'number') {
      numbers++;
      if (!Number.isInteger(v)) allIntegers = false;
    } else if (typeof v === 'bigint') bigints++;
    else if (typeof v === 'boolean') booleans++;
    else objects++;
  }
  const nullable = partial || nulls > 0;
  const make = (kind: Kind, meta: Record<string, unknown> = {}): Field => ({ name, kind, nullable, meta: { ...baseMeta, ...meta } });
  const nonNull = values.length - nulls;
  if (nonNull === 0) return make('string');
  if (objects > 0) return make('json', objects === nonNull ? {} : { mixed: true });
  if (strings === nonNull) {
    if (mode === 'raw') return make('string');
    const found = inferStrings(texts, mode === 'text');
    return found === undefined ? make('string') : make(found.kind, found.meta);
  }
  if (booleans === nonNull) return make('boolean');
  if (numbers + bigints === nonNull) {
    if (bigints > 0) {
      if (!allIntegers) return make('number');
      let safe = true;
      for (const v of values) if (typeof v === 'bigint' && (v > BigInt(Number.MAX_SAFE_INTEGER) || v < -BigInt(Number.MAX_SAFE_INTEGER))) safe = false;
      return safe ? make('integer') : make('string', { numericText: true });
    }
    return allIntegers ? make('integer') : make('number');
  }
  return make('string', { mixed: true });
}

/** Marks a value that does not fit its column's kind. */
export const MISFIT: unique symbol = Symbol('misfit');

/** Turns a cell read from a file into the value its field's kind says; MISFIT when it does not fit. */
export type CellConverter = (v: Cell) => Cell | typeof MISFIT;

function isUnsafe(v: bigint): boolean {
  return v > BigInt(Number.MAX_SAFE_INTEGER) || v < -BigInt(Number.MAX_SAFE_INTEGER);
}

/** The converter for a field: parses numbers out of text, checks booleans and dates stay in their format. */
export function cellConverter(field: Field, mode: CellMode): CellConverter {
  const meta = field.meta ?? {};
  switch (field.kind) {
    case 'integer':
      return (v) => {
        if (v === null || v === undefined) return v;
        if (typeof v === 'number') return Number.isInteger(v) ? v : MISFIT;
        if (typeof v === 'bigint') return isUnsafe(v) ? MISFIT : Number(v);
        if (mode === 'text' && typeof v === 'string' && INT_TEXT.test(v) && !LEADING_ZERO.test(v)) {
          const n = Number(v);
          return Number.isSafeInteger(n) ? n : MISFIT;
        }
        return MISFIT;
      };
    case 'number':
      return (v) => {
        if (v === null || v === undefined || typeof v === 'number') return v;
        if (typeof v === 'bigint') return Number(v);
        if (mode === 'text' && typeof v === 'string' && NUM_TEXT.test(v) && !LEADING_ZERO.test(v)) return Number(v);
        return MISFIT;
      };
    case 'boolean': {
      const pair = booleanPair(String(meta.format ?? 'true/false').split('/'));
      return (v) => {
        if (v === null || v === undefined || typeof v === 'boolean') return v;
        if (typeof v === 'string' && pair !== undefined) {
          const l = v.toLowerCase();
          return l === pair.t || l === pair.f ? v : MISFIT;
        }
        return MISFIT;
      };
    }
    case 'date':
    case 'datetime':
    case 'time': {
      const format = DATE_FORMATS.find((f) => f.name === meta.format);
      return (v) => {
        if (v === null || v === undefined) return v;
        if (typeof v !== 'string') return MISFIT;
        return format === undefined || matchesDateFormat(format, v) ? v : MISFIT;
      };
    }
    case 'json':
      return (v) => v;
    default:
      return (v) => {
        if (v === null || v === undefined || typeof v === 'string') return v;
        if (typeof v === 'object') return MISFIT;
        return String(v);
      };
  }
}

/** The field a column widens to when `value` does not fit `field`: integer to number when it can, else string (json for objects). */
export function widenField(field: Field, value: Cell, mode: CellMode): Field {
  const meta: Record<string, unknown> = { ...(field.meta ?? {}), widenedFrom: field.kind };
  delete meta.format;
  if (field.kind === 'integer' && cellConverter({ ...field, kind: 'number' }, mode)(value) !== MISFIT) {
    return { ...field, kind: 'number', nullable: true, meta };
  }
  if (value !== null && typeof value === 'object') return { ...field, kind: 'json', nullable: true, meta };
  return { ...field, kind: 'string', nullable: true, meta };
}
