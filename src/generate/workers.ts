import type { Worker } from 'node:worker_threads';
import { recordBatch, SynthError, type Cell, type ErrorCode, type RecordBatch } from '../core/index.js';
import { unpackColumn, type PackedColumn } from './packing.js';
import type { Plan } from './plan.js';
import { startModuleWorker } from './start-worker.js';

/** Below this many rows a pool costs more (start-up, compiling the schema again) than it saves. */
export const MIN_ROWS_FOR_WORKERS = 50_000;

/** What a worker is told once: enough to compile the very same plan. */
export interface WorkerSetup {
  readonly schema: unknown;
  readonly options: { rows: number; seed: string | number | bigint; batchSize: number; locale: string; referenceDate: string };
}

/** A request for the rows [from, to), and the answer. */
export interface WorkerTask {
  readonly id: number;
  readonly from: number;
  readonly to: number;
}
export type WorkerReply =
  | { readonly id: number; readonly n: number; readonly columns: PackedColumn[] }
  | { readonly id: number; readonly error: { code: string; message: string; path?: string } };

/** Starts one worker on `worker-entry` beside this file. */
function startWorker(setup: WorkerSetup): Worker {
  return startModuleWorker(import.meta.url, 'worker-entry', setup);
}


/**
 * The batches of a plan made by a pool of worker threads. Each task is one batch-sized range of rows; the pool keeps
 * a few tasks ahead per worker and yields the answers in row order. Cells are pure functions of (seed, column,
 * block), so the bytes equal those of one thread.
 */
export async function* blocksInWorkers(plan: Plan, workers: number): AsyncGenerator<RecordBatch> {
  const { rows, batchSize } = plan.options;
  const setup: WorkerSetup = {
    schema: plan.source.schema,
    options: { rows, seed: plan.options.seed, batchSize, locale: plan.options.locale, referenceDate: plan.referenceDate },
  };
  const pool = Array.from({ length: workers }, () => startWorker(setup));
  const results = new Map<number, Cell[][]>();
  let failure: SynthError | undefined;
  let wake: (() => void) | undefined;
  const tasks: WorkerTask[] = [];
  for (let from = 0, id = 0; from < rows; from += batchSize, id++) tasks.push({ id, from, to: Math.min(rows, from + batchSize) });
  let next = 0;
  const idle: Worker[] = [];
  const inFlight = new Map<Worker, number>();
  const ahead = workers * 2;
  let yielded = 0;
  const canSend = (): boolean => next < tasks.length && next - yielded < ahead + 1;
  const dispatch = (w: Worker): void => {
    if (canSend()) {
      inFlight.set(w, (inFlight.get(w) ?? 0) + 1);
      w.postMessage(tasks[next++]);
    } else idle.push(w);
  };
  const fail = (e: SynthError): void => {
    failure ??= e;
    wake?.();
  };
  for (const w of pool) {
    w.on('message', (reply: WorkerReply) => {
      inFlight.set(w, (inFlight.get(w) ?? 1) - 1);
      if ('error' in reply) {
        const code = reply.error.code as ErrorCode;
        fail(new SynthError(code, reply.error.message, { path: reply.error.path }));
        return;
      }
      results.set(reply.id, reply.columns.map((c) => unpackColumn(c, reply.n)));
      dispatch(w);
      wake?.();
    });
    w.on('error', (e) => fail(new SynthError('GENERATE_WORKER_FAILED', `a generation worker failed: ${e.message}`, { cause: e })));
    w.on('exit', (code) => {
      if (code !== 0) fail(new SynthError('GENERATE_WORKER_FAILED', `a generation worker exited with code ${code}`));
    });
  }
  try {
    // Two tasks per worker to start, so each has the next one queued while it answers.
    for (const w of pool) {
      dispatch(w);
      dispatch(w);
    }
    for (let id = 0; id < tasks.length; id++) {
      while (!results.has(id)) {
        if (failure !== undefined) throw failure;
        await new Promise<void>((resolve) => (wake = resolve));
        wake = undefined;
      }
      if (failure !== undefined) throw failure;
      const columns = results.get(id)!;
      results.delete(id);
      yielded = id + 1;
      while (idle.length > 0 && canSend()) dispatch(idle.shift()!);
      yield recordBatch(plan.fields, columns);
    }
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
}
