/**
 * The one synthesizer interface. A synthesizer only learns parameters from encoded columns and samples encoded
 * columns back; validation, constraints, the "not fitted" guard, events and timing belong to the runner.
 */
import type { EventSink, Rng } from '../core/index.js';
import type { CategoricalSpec, EncodedTable, NumericSpec } from './columns.js';
import type { PrivacyBudget } from '../privacy/index.js';

/** Fixed values for some structured columns, by column index: a category code or a number. */
export type EncodedConditions = ReadonlyMap<number, number>;

/** What `fit` is given besides the data. */
export interface FitContext {
  readonly rng: Rng;
  readonly options: Readonly<Record<string, unknown>>;
  readonly onEvent: EventSink;
  /** Present when the user asked for differential privacy; the synthesizer spends from it. */
  readonly budget?: PrivacyBudget;
}

/** What `sample` is given besides the parameters. */
export interface SampleContext {
  readonly rng: Rng;
  readonly specs: readonly (NumericSpec | CategoricalSpec)[];
  readonly conditions: EncodedConditions;
}

/**
 * A synthesizer plugin. `fit` returns plain JSON parameters; `sample` returns one array per structured column
 * (Float64Array of numbers, NaN for null, or Int32Array of category codes), honouring `conditions`.
 */
export interface Synthesizer<P = unknown> {
  readonly name: string;
  /** One sentence for `--help` and listings. */
  readonly description: string;
  /** True when it can fit with an `epsilon` (differential privacy). */
  readonly supportsEpsilon: boolean;
  fit(data: EncodedTable, context: FitContext): P;
  sample(params: P, n: number, context: SampleContext): (Float64Array | Int32Array)[];
  /** Problems with hand-edited parameters, as [JSON pointer under /params, message] pairs. */
  validate(params: unknown, specs: readonly (NumericSpec | CategoricalSpec)[]): [string, string][];
}
