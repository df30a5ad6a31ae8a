import type { Worker } from 'node:worker_threads';
import { BLOCK_ROWS, SynthError, type ErrorCode } from '../core/index.js';
import { startModuleWorker, type Plan } from '../generate/index.js';
import { batchEncoder, ByteAppender, encodesInBatches, type TableFormat } from '../io/index.js';
import { encodeRange } from './encode-range.js';

/** Whole blocks per task: large enough that messages are few, small enough that the pool keeps memory flat. */
const TASK_BLOCKS = 2;

/**
 * A worker thread's young generation in MB. V8 rounds its semi-spaces to powers of two: 16 and 24 both give 8 MB;
 * 32 gives 16 MB and halves the thread's scavenges (0.9-1.2 s to 0.5 s of GC in a 3M-row run), but a 10M-row run
 * then peaked at 291-299 MB instead of 272-282, too close to the 300 MB it must stay under.
 */
const WORKER_YOUNG_MB = 16;

/** Tasks sent to a worker ahead of its answers (with two, a worker waited about 6% of its time for its next task). */
const QUEUED_PER_WORKER = 3;

/** Tasks done but not yet written that the pool may hold beyond those queued per thread (each about 1 MB of CSV). */
const AHEAD_TASKS = 4;

/** What an encoding worker is told once: enough to compile the very same plan, and the output format. */
export interface EncodeSetup {
  readonly schema: unknown;
  readonly options: { rows: number; seed: string | number | bigint; batchSize: number; locale: string; referenceDate: string };
  readonly format: TableFormat;
}

/** A request for the encoded rows [from, to), and the answer. */
export interface EncodeTask {
  readonly id: number;
  readonly from: number;
  readonly to: number;
}
export type EncodeReply =
  | { readonly id: number; readonly bytes: Uint8Array }
  | { readonly id: number; readonly error: { code: string; message: string; path?: string } };

/** True when a plan's rows can be generated and encoded in parts by {@link encodedInWorkers}. */
export function canEncodeInWorkers(plan: Plan, format: TableFormat, workers: number): boolean {
  return workers > 1 && !plan.ordered && encodesInBatches(format) && plan.options.rows > TASK_BLOCKS * BLOCK_ROWS;
}


/** Starts one worker on `generate-worker` beside this file, its old-generation heap capped at `heapMb` when given. */
function startWorker(setup: EncodeSetup, heapMb: number | undefined): Worker {
  // The young generation capped too, so the process stays under a few hundred MB whatever the row count.
  return startModuleWorker(import.meta.url, 'generate-worker', setup, heapMb === undefined ? undefined : { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: WORKER_YOUNG_MB });
}

/** True when a failure of {@link encodedInWorkers} is a worker that ran out of its heap. */
export function isWorkerOutOfMemory(e: unknown): boolean {
  return e instanceof SynthError && (e.cause as { code?: unknown } | undefined)?.code === 'ERR_WORKER_OUT_OF_MEMORY';
}

/**
 * The encoded body (no head or tail) of a plan's rows, made by this thread and `workers - 1` worker threads that
 * each generate and encode ranges of whole blocks; the parts are yielded in row order. This thread takes a task
 * whenever it would otherwise wait, so it works while the workers start and no extra thread idles. Cells are pure
 * functions of (seed, column, block) and a text format encodes a batch knowing only where it starts, so the bytes
 * equal those of one thread. The pool keeps a bounded number of tasks ahead, so memory stays flat whatever the row
 * count.
 */
export async function* encodedInWorkers(plan: Plan, format: TableFormat, workers: number, heapMb?: number): AsyncGenerator<{ bytes: Uint8Array; rows: number }> {
  const { rows, batchSize } = plan.options;
  const setup: EncodeSetup = {
    schema: plan.source.schema,
    options: { rows, seed: plan.options.seed, batchSize, locale: plan.options.locale, referenceDate: plan.referenceDate },
    format,
  };
  const tasks: EncodeTask[] = [];
  const step = TASK_BLOCKS * BLOCK_ROWS;
  for (let from = 0, id = 0; from < rows; from += step, id++) tasks.push({ id, from, to: Math.min(rows, from + step) });
  const pool = Array.from({ length: workers - 1 }, () => startWorker(setup, heapMb));
  const encoder = batchEncoder(format, plan.fields)!;
  const scratch = new ByteAppender();
  const results = new Map<number, Uint8Array>();
  const idle: Worker[] = [];
  // Room for this thread to run ahead while the workers start (about half a second: a few tasks).
  const ahead = workers * QUEUED_PER_WORKER + AHEAD_TASKS;
  let next = 0;
  let yielded = 0;
  let failure: SynthError | undefined;
  let wake: (() => void) | undefined;
  const canSend = (): boolean => next < tasks.length && next - yielded < ahead + 1;
  const dispatch = (w: Worker): void => {
    if (canSend()) w.postMessage(tasks[next++]);
    else idle.push(w);
  };
  const fail = (e: SynthError): void => {
    failure ??= e;
    wake?.();
  };
  for (const w of pool) {
    w.on('message', (reply: EncodeReply) => {
      if ('error' in reply) {
        fail(new SynthError(reply.error.code as ErrorCode, reply.error.message, { path: reply.error.path }));
        return;
      }
      results.set(reply.id, reply.bytes);
      dispatch(w);
      wake?.();
    });
    w.on('error', (e) => fail(new SynthError('GENERATE_WORKER_FAILED', `a generation worker failed: ${e.message}`, { cause: e })));
    w.on('exit', (code) => {
      if (code !== 0) fail(new SynthError('GENERATE_WORKER_FAILED', `a generation worker exited with code ${code}`));
    });
  }
  try {
    // Each worker keeps QUEUED_PER_WORKER tasks: its next ones wait in its queue while this thread, busy with a task
    // of its own, has not yet read the answer to the last.
    for (const w of pool) for (let k = 0; k < QUEUED_PER_WORKER; k++) dispatch(w);
    for (const task of tasks) {
      while (!results.has(task.id)) {
        if (failure !== undefined) throw failure;
        while (idle.length > 0 && canSend()) dispatch(idle.shift()!);
        if (canSend()) {
          const mine = tasks[next++]!;
          results.set(mine.id, encodeRange(plan, encoder, mine.from, mine.to, scratch));
          // Let the workers' answers in before deciding what to do next.
          await new Promise<void>((resolve) => setImmediate(resolve));
          continue;
        }
        await new Promise<void>((resolve) => (wake = resolve));
        wake = undefined;
      }
      if (failure !== undefined) throw failure;
      const bytes = results.get(task.id)!;
      results.delete(task.id);
      yielded = task.id + 1;
      while (idle.length > 0 && canSend()) dispatch(idle.shift()!);
      yield { bytes, rows: task.to - task.from };
    }
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
}
