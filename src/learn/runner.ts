/**
 * The runner owns a synthesizer's lifecycle: it profiles and validates the table, encodes columns, checks the
 * privacy budget, times the fit and emits events; on sampling it checks the model, turns conditions into codes,
 * generates id, text and constant columns itself, and writes every value back in its original form.
 */
import {
  SynthError, field, nearMatches, noEvents, normalizeSeed, seedFromClock, sha256, systemClock,
  Rng, type Cell, type Clock, type EventSink, type Field, type Kind, type Seed, type Table,
} from '../core/index.js';
import { PrivacyBudget, checkEpsilonRange } from '../privacy/index.js';
import {
  decodeNumber, encodeTable, isStructured, sampleOwnColumn,
  type CategoricalSpec, type ColumnSpec, type NumericSpec,
} from './columns.js';
import { parseDatetime } from './datetime-format.js';
import { MODEL_VERSION, parseModel, type ModelDocument } from './model.js';
import { profileTable, toScalar, type TableProfile } from './profile.js';
import { valueHash } from './id-model.js';
import { DEFAULT_SYNTHESIZER, getSynthesizer } from './registry.js';

/** Options of {@link fitModel}. */
export interface FitOptions {
  /** Default `cart`. */
  readonly synthesizer?: string;
  readonly seed?: Seed;
  /** Differential privacy: the total epsilon (0.1 to 10), for synthesizers that support it. */
  readonly epsilon?: number;
  /** Categories seen in fewer rows than this are merged (default 5); 0 keeps every category. */
  readonly rareThreshold?: number;
  /** Synthesizer-specific options, recorded in the model. */
  readonly options?: Readonly<Record<string, unknown>>;
  readonly onEvent?: EventSink;
  readonly clock?: Clock;
  /** A profile already computed for this table. */
  readonly profile?: TableProfile;
}

/** Options of {@link sampleModel}. */
export interface SampleOptions {
  /** Default: the model's seed. */
  readonly seed?: Seed;
  /** Fixed values for some columns, e.g. `{ status: 'churned' }`. */
  readonly conditions?: Readonly<Record<string, unknown>>;
  readonly onEvent?: EventSink;
  readonly clock?: Clock;
}

/**
 * Fits a synthesizer to `table` and returns the model document (plain JSON, the same as it reads back from a file).
 * @example const model = fitModel(table, { synthesizer: 'gaussian-copula', seed: 7 })
 */
export function fitModel(table: Table, options: FitOptions = {}): ModelDocument {
  const clock = options.clock ?? systemClock;
  const onEvent = options.onEvent ?? noEvents;
  const name = options.synthesizer ?? DEFAULT_SYNTHESIZER;
  const synth = getSynthesizer(name);
  const started = clock.now();
  onEvent({ type: 'step', step: 'fit', phase: 'start', detail: { synthesizer: name, rows: table.length } });
  let budget: PrivacyBudget | undefined;
  if (options.epsilon !== undefined) {
    checkEpsilonRange(options.epsilon);
    if (!synth.supportsEpsilon) {
      throw new SynthError('INVALID_ARGUMENT', `synthesizer "${name}" does not support --epsilon (differential privacy)`, {
        path: 'epsilon', hint: 'Use --synthesizer bayes-net for a differentially private model.',
      });
    }
    budget = new PrivacyBudget(options.epsilon);
  }
  const profile = options.profile ?? profileTable(table);
  if (table.fields.length < 2) {
    throw new SynthError('LEARN_BAD_TABLE', `the table has only one column ("${table.fields[0]!.name}"); a synthesizer learns how columns relate`, {
      path: `/${table.fields[0]!.name}`, hint: 'Provide a table with at least two columns.',
    });
  }
  const seed = normalizeSeed(options.seed ?? seedFromClock(clock.now()));
  const rareThreshold = options.rareThreshold ?? 5;
  const { specs, encoded } = encodeTable(table.columns, profile, { rareThreshold });
  onEvent({ type: 'progress', step: 'fit', done: 1, total: 3, unit: 'stages' });
  const rng = new Rng(seed).fork('fit');
  const synthOptions = { ...(options.options ?? {}) };
  const params = encoded.columns.length === 0
    ? null
    : synth.fit(encoded, { rng, options: synthOptions, onEvent, ...(budget ? { budget } : {}) });
  onEvent({ type: 'progress', step: 'fit', done: 2, total: 3, unit: 'stages' });
  // Differential privacy covers the structured columns; text and id models learn outside the budget.
  const uncovered = specs.filter((c) => c.kind === 'text' || c.kind === 'id').map((c) => c.name);
  if (budget && uncovered.length > 0) {
    onEvent({ type: 'warning', step: 'fit', message: `epsilon covers the structured columns only; ${uncovered.join(', ')} (text or id) are learned outside the privacy budget` });
  }
  const doc: ModelDocument = {
    format: 'synthdata.model',
    version: MODEL_VERSION,
    synthesizer: name,
    seed,
    options: { ...synthOptions, rareThreshold, ...(options.epsilon !== undefined ? { epsilon: options.epsilon } : {}) },
    sourceFingerprint: `sha256:${sha256(JSON.stringify([table.fields.map((f) => f.name), table.columns], (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)))}`,
    rows: table.length,
    columns: specs,
    ...(budget ? { privacy: { epsilon: budget.total, spent: budget.toJSON().spent, entries: budget.toJSON().entries, notCovered: uncovered } } : {}),
    params,
  };
  const guard = copyGuard(table, specs);
  if (guard !== undefined) (doc as { guard?: string }).guard = guard;
  // The model in memory is exactly the model a file gives back.
  const model = JSON.parse(JSON.stringify(doc)) as ModelDocument;
  onEvent({ type: 'step', step: 'fit', phase: 'end', ms: clock.now() - started, detail: { synthesizer: name, columns: specs.length } });
  return model;
}

/**
 * Samples `rows` rows from a model (checked first: a newer version or a hand-edited inconsistency is an error).
 * The same model, seed and row count give the same table.
 */
export function sampleModel(model: unknown, rows: number, options: SampleOptions = {}): Table {
  if (model === undefined || model === null) throw new SynthError('LEARN_NOT_FITTED', 'no model to sample from: fit one first', { hint: 'Run `synthdata fit DATA --out model.json`.' });
  if (!Number.isSafeInteger(rows) || rows < 0) throw new SynthError('INVALID_ARGUMENT', `rows must be a whole number >= 0, got ${rows}`, { path: 'rows' });
  const clock = options.clock ?? systemClock;
  const onEvent = options.onEvent ?? noEvents;
  const doc = parseModel(model);
  const synth = getSynthesizer(doc.synthesizer);
  const started = clock.now();
  onEvent({ type: 'step', step: 'sample', phase: 'start', detail: { rows } });
  const seed = normalizeSeed(options.seed ?? doc.seed);
  const rng = new Rng(seed).fork('sample');
  const structured = doc.columns.filter(isStructured);
  const { encodedConditions, forced } = encodeConditions(doc.columns, structured, options.conditions ?? {});
  const draw = (count: number, r: Rng): Cell[][] => {
    const sampled = structured.length === 0 || doc.params === null
      ? []
      : synth.sample(doc.params as never, count, { rng: r.fork('structured'), specs: structured, conditions: encodedConditions });
    const columns: Cell[][] = [];
    let s = 0;
    for (const spec of doc.columns) {
      let out: Cell[];
      if (isStructured(spec)) {
        const arr = sampled[s++]!;
        out = new Array<Cell>(count);
        if (spec.kind === 'numeric') {
          for (let i = 0; i < count; i++) out[i] = decodeNumber(spec, arr[i]!);
          if (count >= ANCHOR_ROWS && !forced.has(spec.name)) anchorRange(spec, arr, out);
        }
        else for (let i = 0; i < count; i++) out[i] = spec.levels[arr[i]!] ?? null;
      } else {
        out = sampleOwnColumn(spec, count, r);
      }
      if (forced.has(spec.name)) out.fill(forced.get(spec.name) as Cell);
      columns.push(out);
    }
    return columns;
  };
  const columns = draw(rows, rng);
  if (doc.guard) redrawCopies(columns, doc.guard, (count, round) => draw(count, rng.fork(`redraw:${round}`)));
  onEvent({ type: 'progress', step: 'sample', done: rows, total: rows, unit: 'rows' });
  onEvent({ type: 'step', step: 'sample', phase: 'end', ms: clock.now() - started, detail: { rows } });
  return { fields: doc.columns.map(fieldOf), columns, length: rows };
}

function fieldOf(spec: ColumnSpec): Field {
  let kind: Kind = 'string';
  let nullable = false;
  if (spec.kind === 'numeric') {
    // Only ISO-shaped datetimes are typed as dates; other formats stay text so writers keep them as written.
    const iso = spec.datetime?.pattern === 'YYYY-MM-DD' ? 'date' : spec.datetime?.pattern.startsWith('YYYY-MM-DDTHH') ? 'datetime' : 'string';
    kind = spec.datetime ? iso : spec.role === 'integer' ? 'integer' : 'number';
    nullable = spec.nullable;
  } else if (spec.kind === 'categorical') {
    const present = spec.levels.filter((v) => v !== null);
    nullable = present.length < spec.levels.length;
    if (present.every((v) => typeof v === 'boolean')) kind = 'boolean';
    else if (present.every((v) => typeof v === 'number')) kind = present.every(Number.isInteger) ? 'integer' : 'number';
  } else if (spec.kind === 'constant') {
    kind = typeof spec.value === 'number' ? 'number' : typeof spec.value === 'boolean' ? 'boolean' : 'string';
    nullable = spec.nullRate > 0 || spec.value === null;
  } else nullable = spec.nullRate > 0;
  return field(spec.name, kind, nullable);
}

function encodeConditions(
  all: readonly ColumnSpec[], structured: readonly (NumericSpec | CategoricalSpec)[], conditions: Readonly<Record<string, unknown>>,
): { encodedConditions: Map<number, number>; forced: Map<string, unknown> } {
  const encodedConditions = new Map<number, number>();
  const forced = new Map<string, unknown>();
  for (const [name, raw] of Object.entries(conditions)) {
    const spec = all.find((c) => c.name === name);
    const path = `where/${name}`;
    if (!spec) {
      const near = nearMatches(name, all.map((c) => c.name));
      throw new SynthError('LEARN_BAD_CONDITION', `condition on unknown column "${name}"; columns: ${all.map((c) => c.name).join(', ')}`, {
        path, received: name, ...(near.length > 0 ? { hint: `Did you mean "${near[0]}"?` } : {}),
      });
    }
    const bad = (why: string, expected: unknown): SynthError => new SynthError('LEARN_BAD_CONDITION', `condition ${name}=${String(raw)}: ${why}`, {
      path, expected, received: raw,
      ...(spec.kind === 'categorical' && spec.rareCode !== undefined ? { hint: 'Categories seen in fewer than 5 rows were merged; fit with --keep-rare to keep them.' } : {}),
    });
    const index = structured.indexOf(spec as NumericSpec | CategoricalSpec);
    if (spec.kind === 'categorical') {
      const text = String(raw);
      let code = spec.levels.findIndex((l) => l !== null && String(l) === text);
      if (code < 0) code = spec.levels.findIndex((l) => l !== null && String(l).toLowerCase() === text.toLowerCase());
      if (code < 0 && spec.role === 'boolean' && /^(true|false)$/i.test(text)) code = /^true$/i.test(text) ? 1 : 0;
      if (code < 0 || code === spec.rareCode) {
        const shown = spec.levels.filter((l, i) => l !== null && i !== spec.rareCode).slice(0, 20).map(String);
        throw bad(`the model never produces this value; it knows ${shown.join(', ')}${spec.levels.length > 21 ? ', ...' : ''}`, shown);
      }
      encodedConditions.set(index, code);
      forced.set(name, spec.levels[code]);
    } else if (spec.kind === 'numeric') {
      const v = spec.datetime ? parseDatetime(String(raw), { pattern: spec.datetime.pattern, unitMs: spec.datetime.unitMs })?.ms : Number(raw);
      if (v === undefined || !Number.isFinite(v)) throw bad(spec.datetime ? `not a datetime in the format ${spec.datetime.pattern}` : 'not a number', spec.datetime?.pattern ?? 'a number');
      if (v < spec.min || v > spec.max) throw bad(`outside the range the model learned (${String(decodeNumber(spec, spec.min))} to ${String(decodeNumber(spec, spec.max))})`, [spec.min, spec.max]);
      encodedConditions.set(index, v);
      forced.set(name, decodeNumber(spec, v));
    } else if (spec.kind === 'constant') {
      if (String(spec.value) !== String(raw)) throw bad(`the column is always ${JSON.stringify(spec.value)}`, spec.value);
    } else {
      forced.set(name, raw);
    }
  }
  return { encodedConditions, forced };
}

/** Rows redrawn at most this many times when they equal a real row. */
const REDRAW_ROUNDS = 6;

function rowKey(columns: readonly (readonly Cell[])[], i: number): string {
  let key = '';
  for (const col of columns) key += `${String(col[i] ?? '')}\u0001`;
  return key;
}

/**
 * Hashes of the real rows, when every column is structured or constant: sampled rows equal to one are drawn again,
 * so exact copies of real records are not emitted. Tables with id or text columns never reproduce a whole row.
 */
function copyGuard(table: Table, specs: readonly ColumnSpec[]): string | undefined {
  if (specs.some((s) => s.kind === 'id' || s.kind === 'text')) return undefined;
  const normal: Cell[][] = specs.map((spec, c) => table.columns[c]!.map((cell) => {
    const v = toScalar(cell);
    if (v === null || spec.kind !== 'numeric') return v;
    if (spec.datetime) {
      const ms = parseDatetime(String(v), { pattern: spec.datetime.pattern, unitMs: spec.datetime.unitMs })?.ms;
      return ms === undefined ? v : decodeNumber(spec, ms);
    }
    return Number(v);
  }));
  const hashes = new Set<string>();
  for (let i = 0; i < table.length; i++) hashes.add(valueHash(rowKey(normal, i)));
  return [...hashes].sort().join(' ');
}

function redrawCopies(columns: Cell[][], guard: string, draw: (count: number, round: number) => Cell[][]): void {
  const banned = new Set(guard.split(' '));
  let bad: number[] = [];
  for (let i = 0; i < (columns[0]?.length ?? 0); i++) if (banned.has(valueHash(rowKey(columns, i)))) bad.push(i);
  for (let round = 0; round < REDRAW_ROUNDS && bad.length > 0; round++) {
    const fresh = draw(bad.length, round);
    const still: number[] = [];
    bad.forEach((row, j) => {
      if (banned.has(valueHash(rowKey(fresh, j)))) still.push(row);
      else for (let c = 0; c < columns.length; c++) columns[c]![row] = fresh[c]![j]!;
    });
    bad = still;
  }
}

/** From this many rows a sample reaches its column's learned minimum and maximum. */
const ANCHOR_ROWS = 50;

/**
 * Moves the smallest and largest sampled values of a numeric column to the learned minimum and maximum, so the
 * synthetic column spans the same range as the real one (a range drawn short skews every histogram of it).
 */
function anchorRange(spec: NumericSpec, arr: Float64Array | Int32Array, out: Cell[]): void {
  let lo = -1;
  let hi = -1;
  for (let i = 0; i < arr.length; i++) {
    const v = arr[i]!;
    if (Number.isNaN(v)) continue;
    if (lo < 0 || v < arr[lo]!) lo = i;
    if (hi < 0 || v > arr[hi]!) hi = i;
  }
  if (lo < 0 || lo === hi) return;
  out[lo] = decodeNumber(spec, spec.min);
  out[hi] = decodeNumber(spec, spec.max);
}
