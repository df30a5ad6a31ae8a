/**
 * Profiling: what each column of a sample table holds (its kind, nulls, range, precision, cardinality), the facts a
 * synthesizer and a reviewable schema are built from.
 */
import { SynthError, type Cell, type Table } from '../core/index.js';
import { detectDatetime } from './datetime-format.js';
import { detectPiiColumn } from './pii-text.js';

/** The kinds of column the profiler tells apart. */
export const COLUMN_KINDS = ['continuous', 'integer', 'categorical', 'boolean', 'datetime', 'id', 'text', 'constant', 'empty'] as const;

/** One of {@link COLUMN_KINDS}. */
export type ColumnKind = (typeof COLUMN_KINDS)[number];

/** A JSON-safe scalar cell, as profiles and models keep them. */
export type Scalar = string | number | boolean | null;

/** The profile of one column. */
export interface ColumnProfile {
  readonly name: string;
  readonly kind: ColumnKind;
  readonly count: number;
  readonly nullCount: number;
  readonly nullRate: number;
  /** Distinct non-null values. */
  readonly distinct: number;
  /** distinct / non-null count: 1 means one row per value. */
  readonly uniqueness: number;
  /** Numbers and datetimes (as epoch ms). */
  readonly min?: number;
  readonly max?: number;
  /** The most decimals any value shows (numbers). */
  readonly decimals?: number;
  /** Datetimes: the token pattern, its unit and the zone offset (minutes) written back. */
  readonly datetime?: { readonly pattern: string; readonly unitMs: number; readonly offset: number | null };
  /** Booleans: the spelling of false and of true, as the table writes them. */
  readonly booleanLabels?: readonly [Scalar, Scalar];
  /** Constant columns: the one value. */
  readonly value?: Scalar;
  /** The personal-data type the values carry, when one is recognised. */
  readonly pii?: string;
  /** Up to 10 most frequent values with their counts (categorical and boolean columns). */
  readonly top?: readonly (readonly [Scalar, number])[];
}

/** The profile of a whole table. */
export interface TableProfile {
  readonly rows: number;
  readonly columns: readonly ColumnProfile[];
}

const BOOLEAN_PAIRS: readonly (readonly [string, string])[] = [
  ['false', 'true'], ['no', 'yes'], ['n', 'y'], ['f', 't'], ['0', '1'], ['off', 'on'],
];
const NUMBER_RE = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;
const ID_NAME_RE = /(^|[_\s.-])(id|key|uuid|guid)$|^id$|Id$/;

/** Turns a raw cell into a scalar: empty strings and undefined become null, Dates their ISO text. */
export function toScalar(cell: Cell): Scalar {
  if (cell === undefined || cell === null || cell === '') return null;
  if (typeof cell === 'string' || typeof cell === 'number' || typeof cell === 'boolean') return cell;
  if (typeof cell === 'bigint') return cell.toString();
  if (cell instanceof Date) return cell.toISOString();
  return JSON.stringify(cell);
}

/** Digits after the decimal point in a number's shortest text. */
export function decimalsOf(text: string): number {
  const e = /[eE]([-+]?\d+)$/.exec(text);
  const mantissa = e ? text.slice(0, e.index) : text;
  const dot = mantissa.indexOf('.');
  const frac = dot < 0 ? 0 : mantissa.length - dot - 1;
  return Math.max(0, frac - (e ? Number(e[1]) : 0));
}

/**
 * Profiles every column of `table`. Throws LEARN_BAD_TABLE when the table has no rows or no columns.
 * @example profileTable(table).columns.map((c) => c.kind) // ['categorical', 'continuous', ...]
 */
export function profileTable(table: Table): TableProfile {
  if (table.fields.length === 0) throw new SynthError('LEARN_BAD_TABLE', 'the table has no columns', { path: '/', hint: 'Check the header row.' });
  if (table.length === 0) throw new SynthError('LEARN_BAD_TABLE', 'the table has a header but no data rows', { path: '/', hint: 'Provide at least one data row.' });
  const seen = new Set<string>();
  for (const f of table.fields) {
    if (seen.has(f.name)) throw new SynthError('IO_DUPLICATE_COLUMN', `two columns are named "${f.name}"`, { path: `/${f.name}`, hint: 'Rename one of them.' });
    seen.add(f.name);
  }
  return { rows: table.length, columns: table.fields.map((f, c) => profileColumn(f.name, table.columns[c]!)) };
}

/** Profiles one column of raw cells. */
export function profileColumn(name: string, cells: readonly Cell[]): ColumnProfile {
  let values: Scalar[] = [];
  let nullCount = 0;
  for (const cell of cells) {
    const v = toScalar(cell);
    if (v === null) nullCount++;
    else values.push(v);
  }
  const isNum = (v: Scalar): boolean => typeof v === 'number' || (typeof v === 'string' && NUMBER_RE.test(v.trim()) && !/^[-+]?0\d/.test(v.trim()));
  checkMixed(name, cells, values, isNum);
  if (values.length > 0 && !values.every(isNum) && values.every((v) => isNum(v) || isNullMarker(v))) {
    // Numbers with NA-style markers: the markers are nulls (encoding turns them into NaN too).
    const kept = values.filter(isNum);
    nullCount += values.length - kept.length;
    values = kept;
  }
  const count = cells.length;
  const base = { name, count, nullCount, nullRate: count === 0 ? 0 : nullCount / count };
  if (values.length === 0) return { ...base, kind: 'empty', distinct: 0, uniqueness: 0, value: null };
  const freq = new Map<Scalar, number>();
  for (const v of values) freq.set(v, (freq.get(v) ?? 0) + 1);
  const distinct = freq.size;
  const stats = { ...base, distinct, uniqueness: distinct / values.length };
  if (distinct === 1) return { ...stats, kind: 'constant', value: values[0]! };

  const texts = values.map((v) => String(v));
  const lowered = [...new Set(texts.map((t) => t.toLowerCase()))];
  if (distinct === 2 && lowered.length === 2) {
    const pair = BOOLEAN_PAIRS.find((p) => lowered.includes(p[0]) && lowered.includes(p[1]));
    if (pair || values.every((v) => typeof v === 'boolean')) {
      const keys = [...freq.keys()];
      const isTrue = (v: Scalar): boolean => v === true || (pair !== undefined && String(v).toLowerCase() === pair[1]);
      const labels: [Scalar, Scalar] = isTrue(keys[0]!) ? [keys[1]!, keys[0]!] : [keys[0]!, keys[1]!];
      return { ...stats, kind: 'boolean', booleanLabels: labels, top: topOf(freq) };
    }
  }

  if (values.every(isNum)) {
    const nums = values.map(Number);
    const allInt = nums.every(Number.isInteger);
    const unsafe = allInt && nums.some((n) => !Number.isSafeInteger(n));
    if (unsafe || (allInt && ID_NAME_RE.test(name) && distinct === values.length)) return { ...stats, kind: 'id' };
    let min = Infinity, max = -Infinity, decimals = 0;
    for (let i = 0; i < nums.length; i++) {
      const n = nums[i]!;
      if (n < min) min = n;
      if (n > max) max = n;
      if (!allInt) decimals = Math.max(decimals, decimalsOf(typeof values[i] === 'string' ? (values[i] as string).trim() : String(n)));
    }
    return { ...stats, kind: allInt ? 'integer' : 'continuous', min, max, decimals: Math.min(decimals, 12) };
  }

  if (values.every((v) => typeof v === 'string')) {
    const dt = detectDatetime(texts);
    if (dt) {
      let min = Infinity, max = -Infinity;
      for (const t of dt.values) {
        if (t < min) min = t;
        if (t > max) max = t;
      }
      return { ...stats, kind: 'datetime', min, max, datetime: { pattern: dt.format.pattern, unitMs: dt.format.unitMs, offset: dt.offset ?? null } };
    }
  } else if (!values.every((v) => typeof v === 'number' || typeof v === 'string')) {
    throw new SynthError('LEARN_BAD_TABLE', `column "${name}" mixes types (${[...new Set(values.map((v) => typeof v))].join(', ')})`, {
      path: `/${name}`, hint: 'Make every value of the column the same type, or write it as text.',
    });
  }

  const pii = detectPiiColumn(texts, name);
  const words = texts.reduce((s, t) => s + countWords(t), 0) / texts.length;
  const unique = distinct === values.length;
  const spaced = texts.some((t) => /\s/.test(t));
  let kind: ColumnKind;
  if (pii !== undefined && !spaced) kind = 'id';
  else if (unique && !spaced && values.length >= 5 && texts.every((t) => t.length <= 64)) kind = 'id';
  else if (ID_NAME_RE.test(name) && stats.uniqueness > 0.95 && !spaced) kind = 'id';
  else if (pii !== undefined || words >= 3 || (stats.uniqueness > 0.5 && distinct > 20)) kind = 'text';
  else kind = 'categorical';
  const out: ColumnProfile = { ...stats, kind, ...(pii === undefined ? {} : { pii }) };
  return kind === 'categorical' ? { ...out, top: topOf(freq) } : out;
}

function countWords(t: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < t.length; i++) {
    const space = t.charCodeAt(i) <= 32;
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}

function topOf(freq: Map<Scalar, number>): (readonly [Scalar, number])[] {
  return [...freq.entries()].sort((a, b) => b[1] - a[1]).slice(0, 10);
}

const NULL_MARKERS = new Set(['na', 'n/a', 'nan', 'null', 'none', '-', '?', '.']);

function isNullMarker(v: Scalar): boolean {
  return typeof v === 'string' && NULL_MARKERS.has(v.trim().toLowerCase());
}

// A column of numbers with a few stray words is a mistake worth stopping for, not a category.
function checkMixed(name: string, cells: readonly Cell[], values: readonly Scalar[], isNum: (v: Scalar) => boolean): void {
  let numeric = 0;
  for (const v of values) if (isNum(v)) numeric++;
  const others = values.length - numeric;
  if (others === 0 || numeric < 0.95 * values.length) return;
  const row = cells.findIndex((c) => {
    const v = toScalar(c);
    return v !== null && !isNum(v) && !isNullMarker(v);
  });
  if (row < 0) return;
  throw new SynthError('LEARN_BAD_TABLE', `column "${name}" holds numbers but row ${row + 1} has ${JSON.stringify(toScalar(cells[row]!))} (${others} of ${values.length} values are not numbers)`, {
    path: `/${name}/${row}`, expected: 'a number or an empty cell', received: toScalar(cells[row]!), hint: 'Fix or empty those cells, or make the whole column text.',
  });
}
