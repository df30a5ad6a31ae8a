import type { Cell, Field, Rng } from '../core/index.js';

/** How a column is pictured: bins on a number line, bins on a time line, or counts of values. */
export type ColumnRole = 'numeric' | 'datetime' | 'categorical';

/** The number of the cell for binning: a finite number, an epoch-milliseconds time, or undefined when missing or unusable. */
export function numericValue(cell: Cell, role: ColumnRole): number | undefined {
  if (cell === null || cell === undefined) return undefined;
  if (role === 'datetime') {
    if (cell instanceof Date) return Number.isFinite(cell.getTime()) ? cell.getTime() : undefined;
    if (typeof cell === 'number') return Number.isFinite(cell) ? cell : undefined;
    if (typeof cell === 'string') return parseUtc(cell);
    return undefined;
  }
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : undefined;
  if (typeof cell === 'bigint') return Number(cell);
  if (typeof cell === 'boolean') return cell ? 1 : 0;
  if (typeof cell === 'string' && cell.trim() !== '') {
    const n = Number(cell);
    return Number.isFinite(n) ? n : undefined;
  }
  return undefined;
}

const LOCAL_DATETIME = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)$/;

/** Epoch milliseconds of a date or datetime text; a datetime without a zone is read as UTC so charts do not depend on the machine's zone. */
export function parseUtc(text: string): number | undefined {
  const m = LOCAL_DATETIME.exec(text.trim());
  const t = m === null ? Date.parse(text) : Date.parse(`${m[1]}T${m[2]}Z`);
  return Number.isFinite(t) ? t : undefined;
}

/** The role of a field from its kind: numbers are binned, dates and datetimes are binned in time, the rest is counted. */
export function columnRole(f: Field): ColumnRole | undefined {
  switch (f.kind) {
    case 'integer':
    case 'number':
      return 'numeric';
    case 'date':
    case 'datetime':
      return 'datetime';
    case 'string':
    case 'boolean':
    case 'time':
      return 'categorical';
    default:
      return undefined;
  }
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const NUMBER_TEXT = /^\s*[-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?\s*$/i;
const INTEGER_TEXT = /^\s*[-+]?\d+\s*$/;

/**
 * The role of a text column read without types (a CSV read as strings): numeric when every value looked at is a
 * number, datetime when every one is an ISO date or datetime, else categorical. Looks at up to `limit` values.
 */
export function inferTextRole(cells: readonly Cell[], limit = 2000): { role: ColumnRole; integer: boolean } {
  let seen = 0;
  let numbers = 0;
  let integers = 0;
  let dates = 0;
  const step = Math.max(1, Math.floor(cells.length / limit));
  for (let i = 0; i < cells.length && seen < limit; i += step) {
    const v = cells[i];
    if (v === null || v === undefined || v === '') continue;
    seen++;
    if (typeof v === 'number' || typeof v === 'bigint') {
      numbers++;
      if (Number.isInteger(Number(v))) integers++;
    } else if (typeof v === 'string') {
      if (NUMBER_TEXT.test(v)) {
        numbers++;
        if (INTEGER_TEXT.test(v)) integers++;
      } else if (ISO_DATE.test(v)) dates++;
    }
  }
  if (seen > 0 && numbers === seen) return { role: 'numeric', integer: integers === seen };
  if (seen > 0 && dates === seen) return { role: 'datetime', integer: false };
  return { role: 'categorical', integer: false };
}

/** The smallest and largest value seen; feed it column after column, batch after batch (O(1) memory). */
export class RangeAccumulator {
  min = Number.POSITIVE_INFINITY;
  max = Number.NEGATIVE_INFINITY;
  count = 0;

  /** Adds every usable cell of `cells`. */
  add(cells: readonly Cell[], role: ColumnRole): this {
    for (let i = 0; i < cells.length; i++) {
      const v = numericValue(cells[i], role);
      if (v === undefined) continue;
      if (v < this.min) this.min = v;
      if (v > this.max) this.max = v;
      this.count++;
    }
    return this;
  }
}

/** Equal-width bins over a range, with edges on round numbers. */
export interface BinGrid {
  readonly start: number;
  readonly step: number;
  readonly count: number;
}

/** Round bin edges covering [min, max] with about `target` bins (the "nice numbers" rule: steps of 1, 2 or 5 times a power of ten). */
export function niceBins(min: number, max: number, target: number, integer = false): BinGrid {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return { start: 0, step: 1, count: 1 };
  if (max <= min) {
    const step = integer ? 1 : Math.abs(min) > 0 ? 10 ** Math.floor(Math.log10(Math.abs(min))) / 10 : 1;
    return { start: min - step / 2, step, count: 1 };
  }
  const raw = (max - min) / Math.max(1, target);
  const mag = 10 ** Math.floor(Math.log10(raw));
  const norm = raw / mag;
  let step = (norm <= 1 ? 1 : norm <= 2 ? 2 : norm <= 5 ? 5 : 10) * mag;
  if (integer && step < 1) step = 1;
  const start = Math.floor(min / step) * step;
  const count = Math.max(1, Math.ceil((max - start) / step + 1e-9));
  // The last edge must lie strictly above max so max falls inside a bin.
  return { start, step, count: start + count * step <= max ? count + 1 : count };
}

/** The numbers of a column as a typed array, NaN where a cell is missing or unusable: converted once, then every aggregate runs on plain floats. */
export function toNumbers(cells: readonly Cell[], role: ColumnRole): Float64Array {
  const out = new Float64Array(cells.length);
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i];
    out[i] = typeof c === 'number' && role === 'numeric' ? c : (numericValue(c, role) ?? Number.NaN);
  }
  return out;
}

/** Counts values into the bins of a grid; feed it batch after batch (O(bins) memory). */
export class BinCounter {
  readonly counts: number[];
  total = 0;
  missing = 0;

  constructor(readonly grid: BinGrid) {
    this.counts = new Array<number>(grid.count).fill(0);
  }

  /** Adds every cell of `cells`; missing ones are counted apart. */
  add(cells: readonly Cell[], role: ColumnRole): this {
    const { start, step, count } = this.grid;
    for (let i = 0; i < cells.length; i++) {
      const v = numericValue(cells[i], role);
      if (v === undefined) {
        this.missing++;
        continue;
      }
      let b = Math.floor((v - start) / step);
      if (b < 0) b = 0;
      else if (b >= count) b = count - 1;
      this.counts[b]!++;
      this.total++;
    }
    return this;
  }

  /** Adds every number of `values` (from {@link toNumbers}); NaN counts as missing. */
  addNumbers(values: Float64Array): this {
    const { start, step, count } = this.grid;
    const counts = this.counts;
    let missing = 0;
    for (let i = 0; i < values.length; i++) {
      const v = values[i]!;
      if (v !== v) {
        missing++;
        continue;
      }
      let b = Math.floor((v - start) / step);
      if (b < 0) b = 0;
      else if (b >= count) b = count - 1;
      counts[b]!++;
    }
    this.missing += missing;
    this.total += values.length - missing;
    return this;
  }
}

/** The text a categorical cell is counted under; null and absent cells are counted as missing. */
export function categoryKey(cell: Cell): string | undefined {
  // An empty text is how CSV writes a missing value.
  if (cell === null || cell === undefined || cell === '') return undefined;
  if (typeof cell === 'string') return cell;
  if (typeof cell === 'object') return JSON.stringify(cell);
  return String(cell);
}

/** Counts of each distinct value; feed it batch after batch. Memory grows with the number of distinct values. */
export class ValueCounter {
  readonly counts = new Map<string, number>();
  total = 0;
  missing = 0;

  /** Adds every cell of `cells`. */
  add(cells: readonly Cell[]): this {
    for (let i = 0; i < cells.length; i++) {
      const k = categoryKey(cells[i]);
      if (k === undefined) {
        this.missing++;
        continue;
      }
      this.counts.set(k, (this.counts.get(k) ?? 0) + 1);
      this.total++;
    }
    return this;
  }
}

/** Pearson correlation of two columns over the rows where both are numbers; undefined with fewer than 3 such rows or no spread. */
export function pearson(a: readonly Cell[], b: readonly Cell[], roleA: ColumnRole, roleB: ColumnRole): number | undefined {
  let n = 0;
  let sa = 0;
  let sb = 0;
  let saa = 0;
  let sbb = 0;
  let sab = 0;
  const len = Math.min(a.length, b.length);
  for (let i = 0; i < len; i++) {
    const x = numericValue(a[i], roleA);
    if (x === undefined) continue;
    const y = numericValue(b[i], roleB);
    if (y === undefined) continue;
    n++;
    sa += x;
    sb += y;
    saa += x * x;
    sbb += y * y;
    sab += x * y;
  }
  if (n < 3) return undefined;
  const cov = sab - (sa * sb) / n;
  const va = saa - (sa * sa) / n;
  const vb = sbb - (sb * sb) / n;
  if (va <= 0 || vb <= 0) return undefined;
  const r = cov / Math.sqrt(va * vb);
  return Math.max(-1, Math.min(1, r));
}

/** Pearson correlation of two typed columns over the rows where both are numbers (see {@link pearson}). */
export function pearsonNumbers(a: Float64Array, b: Float64Array): number | undefined {
  let n = 0;
  let sa = 0;
  let sb = 0;
  let saa = 0;
  let sbb = 0;
  let sab = 0;
  const len = Math.min(a.length, b.length);
  for (let i = 0; i < len; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x !== x || y !== y) continue;
    n++;
    sa += x;
    sb += y;
    saa += x * x;
    sbb += y * y;
    sab += x * y;
  }
  if (n < 3) return undefined;
  const cov = sab - (sa * sb) / n;
  const va = saa - (sa * sa) / n;
  const vb = sbb - (sb * sb) / n;
  if (va <= 0 || vb <= 0) return undefined;
  return Math.max(-1, Math.min(1, cov / Math.sqrt(va * vb)));
}

/** Row indices of a seeded uniform sample of `k` rows out of `n` (all rows, in order, when n <= k). */
export function sampleIndices(n: number, k: number, rng: Rng): number[] {
  if (n <= k) return Array.from({ length: n }, (_, i) => i);
  // Floyd's algorithm: k draws, no n-sized array, so a 1M-row table costs only k steps.
  const chosen = new Set<number>();
  for (let j = n - k; j < n; j++) {
    const t = rng.int(0, j);
    chosen.add(chosen.has(t) ? j : t);
  }
  return [...chosen].sort((x, y) => x - y);
}
