/**
 * Column specs: how each profiled column enters a synthesizer (as numbers or category codes) and how sampled
 * numbers and codes become cells again, keeping ranges, integer-ness, decimals, datetime formats and spellings.
 * Id, text and constant columns never reach a synthesizer: the runner generates them itself.
 */
import { type Cell, type Rng } from '../core/index.js';
import { formatDatetime, parseDatetime } from './datetime-format.js';
import { fitIdModel, sampleIdModel, type IdModel } from './id-model.js';
import { toScalar, type ColumnProfile, type Scalar, type TableProfile } from './profile.js';
import { fitTextModel, textSampler, type TextModel } from './text-model.js';
import { fakerFor, isFakeable } from './pii-text.js';

/** A column a synthesizer learns as numbers (NaN is null): continuous, integer or datetime (epoch ms). */
export interface NumericSpec {
  readonly name: string;
  readonly kind: 'numeric';
  readonly role: 'continuous' | 'integer' | 'datetime';
  readonly min: number;
  readonly max: number;
  readonly decimals: number;
  readonly nullable: boolean;
  readonly datetime?: { readonly pattern: string; readonly unitMs: number; readonly offset: number | null };
}

/** A column a synthesizer learns as category codes; `levels[code]` is the value written (null is a level). */
export interface CategoricalSpec {
  readonly name: string;
  readonly kind: 'categorical';
  readonly role: 'categorical' | 'boolean';
  readonly levels: readonly Scalar[];
  /** The code standing for merged rare categories, if any were merged. */
  readonly rareCode?: number;
}

/** A column the runner fills itself: one value (or null) throughout. */
export interface ConstantSpec {
  readonly name: string;
  readonly kind: 'constant';
  readonly value: Scalar;
  readonly nullRate: number;
}

/** An id/key column regenerated in the same shape. */
export interface IdSpec {
  readonly name: string;
  readonly kind: 'id';
  readonly nullRate: number;
  readonly pii?: string;
  readonly model: IdModel;
}

/** A free-text column sampled from its n-gram model. */
export interface TextSpec {
  readonly name: string;
  readonly kind: 'text';
  readonly nullRate: number;
  readonly model: TextModel;
}

/** How one column of a model is learned and written back. */
export type ColumnSpec = NumericSpec | CategoricalSpec | ConstantSpec | IdSpec | TextSpec;

/** A structured column in the form synthesizers see. */
export type EncodedColumn =
  | { readonly spec: NumericSpec; readonly values: Float64Array }
  | { readonly spec: CategoricalSpec; readonly codes: Int32Array };

/** What synthesizers learn from: the structured columns only, already encoded. */
export interface EncodedTable {
  readonly rows: number;
  readonly columns: readonly EncodedColumn[];
}

/** Options of column encoding. */
export interface ColumnOptions {
  /** Categories seen in fewer rows than this are merged into one (default 5); 0 or 1 keeps them all. */
  readonly rareThreshold?: number;
  /** The value merged rare categories are written as (default "Other"). */
  readonly rareLabel?: string;
}

/** True for specs a synthesizer learns. */
export function isStructured(spec: ColumnSpec): spec is NumericSpec | CategoricalSpec {
  return spec.kind === 'numeric' || spec.kind === 'categorical';
}

/** Builds the spec of every column and encodes the structured ones. */
export function encodeTable(
  columns: readonly (readonly Cell[])[],
  profile: TableProfile,
  options: ColumnOptions = {},
): { specs: ColumnSpec[]; encoded: EncodedTable } {
  const specs: ColumnSpec[] = [];
  const encoded: EncodedColumn[] = [];
  const rare = options.rareThreshold ?? 5;
  profile.columns.forEach((p, c) => {
    const cells = columns[c]!.map(toScalar);
    const result = encodeColumn(p, cells, rare, options.rareLabel ?? 'Other');
    specs.push(result.spec);
    if (result.encoded) encoded.push(result.encoded);
  });
  return { specs, encoded: { rows: profile.rows, columns: encoded } };
}

function encodeColumn(p: ColumnProfile, cells: Scalar[], rare: number, rareLabel: string): { spec: ColumnSpec; encoded?: EncodedColumn } {
  const { name } = p;
  switch (p.kind) {
    case 'empty':
    case 'constant':
      return { spec: { name, kind: 'constant', value: p.value ?? null, nullRate: p.nullRate } };
    case 'id': {
      const values = cells.filter((v): v is string | number | boolean => v !== null).map(String);
      return { spec: { name, kind: 'id', nullRate: p.nullRate, ...(p.pii ? { pii: p.pii } : {}), model: fitIdModel(values, p.uniqueness === 1) } };
    }
    case 'text': {
      const values = cells.filter((v): v is string | number | boolean => v !== null).map(String);
      return { spec: { name, kind: 'text', nullRate: p.nullRate, model: fitTextModel(values) } };
    }
    case 'continuous':
    case 'integer':
    case 'datetime': {
      const values = new Float64Array(cells.length);
      const dt = p.datetime;
      for (let i = 0; i < cells.length; i++) {
        const v = cells[i];
        if (v === null || v === undefined) values[i] = NaN;
        else if (dt) values[i] = parseDatetime(String(v), { pattern: dt.pattern, unitMs: dt.unitMs })?.ms ?? NaN;
        else values[i] = Number(v);
      }
      const spec: NumericSpec = {
        name, kind: 'numeric', role: p.kind, min: p.min!, max: p.max!, decimals: p.decimals ?? 0, nullable: p.nullCount > 0,
        ...(dt ? { datetime: dt } : {}),
      };
      return { spec, encoded: { spec, values } };
    }
    case 'categorical':
    case 'boolean': {
      const freq = new Map<Scalar, number>();
      for (const v of cells) freq.set(v, (freq.get(v) ?? 0) + 1);
      const merge = p.kind === 'categorical' && rare > 1;
      let levels = [...freq.keys()].filter((v) => !merge || v === null || freq.get(v)! >= rare);
      levels.sort((a, b) => freq.get(b)! - freq.get(a)! || String(a).localeCompare(String(b)));
      const rareCount = freq.size - levels.length;
      let rareCode: number | undefined;
      if (rareCount > 0) {
        let label = rareLabel;
        while (levels.includes(label)) label += '*';
        rareCode = levels.length;
        levels = [...levels, label];
      }
      const index = new Map<Scalar, number>(levels.map((v, i) => [v, i]));
      const codes = new Int32Array(cells.length);
      for (let i = 0; i < cells.length; i++) codes[i] = index.get(cells[i]!) ?? rareCode!;
      const spec: CategoricalSpec = { name, kind: 'categorical', role: p.kind, levels, ...(rareCode === undefined ? {} : { rareCode }) };
      return { spec, encoded: { spec, codes } };
    }
  }
}

/** A fresh array of encoded output for `spec` with `n` rows. */
export function emptyEncoded(spec: NumericSpec | CategoricalSpec, n: number): Float64Array | Int32Array {
  return spec.kind === 'numeric' ? new Float64Array(n) : new Int32Array(n);
}

/** Turns one sampled numeric value into its cell: rounded to the column's unit and clamped to its range. */
export function decodeNumber(spec: NumericSpec, v: number): Cell {
  if (Number.isNaN(v)) return null;
  let x = v < spec.min ? spec.min : v > spec.max ? spec.max : v;
  if (spec.datetime) {
    const unit = spec.datetime.unitMs;
    const offsetMs = (spec.datetime.offset ?? 0) * 60_000;
    x = Math.round((x + offsetMs) / unit) * unit - offsetMs;
    return formatDatetime(x, { pattern: spec.datetime.pattern, unitMs: unit }, spec.datetime.offset ?? undefined);
  }
  if (spec.role === 'integer') return Math.round(x);
  const f = 10 ** spec.decimals;
  x = Math.round(x * f) / f;
  return Object.is(x, -0) ? 0 : x;
}

/** Fills the columns the runner generates itself (constant, id, text), `n` rows, from per-column streams of `rng`. */
export function sampleOwnColumn(spec: ConstantSpec | IdSpec | TextSpec, n: number, rng: Rng): Cell[] {
  const r = rng.fork(`col:${spec.name}`);
  const out: Cell[] = new Array(n);
  if (spec.kind === 'constant') {
    for (let i = 0; i < n; i++) out[i] = spec.nullRate > 0 && r.next() < spec.nullRate ? null : spec.value;
    return out;
  }
  if (spec.kind === 'id') {
    // Personal data (an e-mail column, say) gets realistic fakes; other keys keep their learned shape.
    if (spec.pii !== undefined && isFakeable(spec.pii)) {
      const type = spec.pii;
      const faker = fakerFor(r);
      for (let i = 0; i < n; i++) out[i] = spec.nullRate > 0 && r.next() < spec.nullRate ? null : faker.fake(type, `${type}#${i}`);
      return out;
    }
    return sampleIdModel(spec.model, n, spec.nullRate, r);
  }
  const draw = textSampler(spec.model);
  for (let i = 0; i < n; i++) out[i] = spec.nullRate > 0 && r.next() < spec.nullRate ? null : draw(r);
  return out;
}
