import { batchRows, recordBatch, SynthError, type Cell, type RecordBatch } from '../core/index.js';
import { batchesInProcess, BlockRunner, rangeColumns, withProgress } from './execute.js';
import type { GenerateOptions } from './options.js';
import { compilePlan, type Plan } from './plan.js';
import { blocksInWorkers, MIN_ROWS_FOR_WORKERS } from './workers.js';

/**
 * Generates `options.rows` records of `schema` as a stream of columnar batches, in this thread. The schema is checked
 * and compiled first: a bad or unsatisfiable schema throws a SynthError before any row is made.
 * @example for (const batch of generateSync(schema, { rows: 1000, seed: 42 })) write(batch)
 */
export function* generateSync(schema: unknown, options: GenerateOptions): Generator<RecordBatch> {
  const plan = compilePlan(schema, options);
  yield* runSync(plan);
}

/** The batches of a plan compiled with {@link compilePlan}, in this thread (compile once, check early, then run). */
export function* runSync(plan: Plan): Generator<RecordBatch> {
  yield* withProgress(plan, batchesInProcess(plan));
}

/**
 * Generates `options.rows` records of `schema` as an async stream of columnar batches; with `workers > 1` the
 * blocks are made in worker threads and yielded in row order, byte-identical to one thread. The schema is compiled
 * (and rejected, when bad) before the first batch.
 * @example for await (const batch of generate(schema, { rows: 1_000_000, seed: 42, workers: 2 })) await write(batch)
 */
export function generate(schema: unknown, options: GenerateOptions): AsyncIterable<RecordBatch> {
  const plan = compilePlan(schema, options);
  return runAsync(plan);
}

/**
 * The batches of a plan compiled with {@link compilePlan}, asynchronously: worker threads when `options.workers > 1`
 * and the plan allows it, byte-identical to {@link runSync}.
 * @example const plan = compilePlan(schema, opts); const w = await openWriter(target, 'csv', plan.fields); for await (const b of runAsync(plan)) await w.write(b)
 */
export async function* runAsync(plan: Plan): AsyncGenerator<RecordBatch> {
  const workers = plan.options.workers;
  if (workers > 1 && !plan.ordered && plan.options.rows >= MIN_ROWS_FOR_WORKERS) {
    if (plan.options.onEvent !== undefined) {
      let done = 0;
      for await (const b of blocksInWorkers(plan, workers)) {
        done += b.length;
        yield b;
        plan.options.onEvent({ type: 'progress', step: 'generate', done, total: plan.options.rows, unit: 'rows' });
      }
      return;
    }
    yield* blocksInWorkers(plan, workers);
    return;
  }
  if (workers > 1 && plan.ordered) {
    plan.options.onEvent?.({ type: 'warning', step: 'generate', message: 'x-unique on values without a finite value space is kept in one thread; workers were not used' });
  }
  for (const batch of runSync(plan)) {
    yield batch;
    // Let timers and I/O run between batches (progress bars, cancellation).
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

/**
 * The batches of rows [from, to) of a plan, in this thread: exactly those rows of {@link runSync}, so separate threads
 * can make separate ranges and their outputs be joined. A plan with set-based `x-unique` (`plan.ordered`) keeps
 * state across rows and can only be run from row 0.
 * @example for (const b of runRange(plan, 8192, 16384)) encode(b)
 */
export function* runRange(plan: Plan, from: number, to: number): Generator<RecordBatch> {
  const { rows, batchSize } = plan.options;
  if (!Number.isSafeInteger(from) || !Number.isSafeInteger(to) || from < 0 || to < from || to > rows) {
    throw new SynthError('INVALID_ARGUMENT', `the row range must lie within 0..${rows}, got ${from}..${to}`, { path: 'from', received: [from, to] });
  }
  if (plan.ordered && from > 0) {
    throw new SynthError('INVALID_ARGUMENT', 'this plan keeps x-unique values in a set across rows; run it from row 0', { path: 'from', received: from });
  }
  const runner = new BlockRunner(plan);
  const cache = { b: -1, cols: undefined as Cell[][] | undefined };
  for (let s = from; s < to; s += batchSize) yield recordBatch(plan.fields, rangeColumns(runner, plan.fields.length, s, Math.min(to, s + batchSize), cache));
}

/** Generates a few records as plain objects (absent optional properties left out): for tests and small counts. */
export function generateRows(schema: unknown, options: GenerateOptions): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (const batch of generateSync(schema, options)) out.push(...batchRows(batch));
  return out;
}
