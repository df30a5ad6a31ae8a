import { parentPort, workerData } from 'node:worker_threads';
import type { Cell } from '../core/index.js';
import { BlockRunner, rangeColumns } from './execute.js';
import { packColumn } from './packing.js';
import { compilePlan } from './plan.js';
import type { WorkerReply, WorkerSetup, WorkerTask } from './workers.js';

// A generation worker: compiles the same plan as the parent once, then answers row ranges with their columns.
const setup = workerData as WorkerSetup;
let runner: BlockRunner | undefined;
let width = 0;
const cache = { b: -1, cols: undefined as Cell[][] | undefined };

parentPort!.on('message', (task: WorkerTask) => {
  let reply: WorkerReply;
  try {
    if (runner === undefined) {
      const plan = compilePlan(setup.schema, { ...setup.options, workers: 1 });
      runner = new BlockRunner(plan);
      width = plan.fields.length;
    }
    const columns = rangeColumns(runner, width, task.from, task.to, cache);
    const transfer: ArrayBuffer[] = [];
    const n = task.to - task.from;
    reply = { id: task.id, n, columns: columns.map((c) => packColumn(c, n, transfer)) };
    parentPort!.postMessage(reply, transfer);
    return;
  } catch (e) {
    const err = e as { code?: string; message?: string; path?: string };
    reply = { id: task.id, error: { code: typeof err.code === 'string' ? err.code : 'GENERATE_WORKER_FAILED', message: err.message ?? String(e), ...(err.path ? { path: err.path } : {}) } };
  }
  parentPort!.postMessage(reply);
});
