import { parentPort, workerData } from 'node:worker_threads';
import { compilePlan, type Plan } from '../generate/index.js';
import { batchEncoder, ByteAppender, type TextEncoding } from '../io/index.js';
import type { EncodeReply, EncodeSetup, EncodeTask } from './encode-in-workers.js';
import { encodeRange } from './encode-range.js';

// An encoding worker: compiles the same plan as the parent once, then answers row ranges with their encoded bytes.
const setup = workerData as EncodeSetup;
let plan: Plan | undefined;
let encoder: TextEncoding | undefined;
const scratch = new ByteAppender();

parentPort!.on('message', (task: EncodeTask) => {
  let reply: EncodeReply;
  try {
    plan ??= compilePlan(setup.schema, { ...setup.options, workers: 1 });
    encoder ??= batchEncoder(setup.format, plan.fields);
    if (encoder === undefined) throw new Error(`the format "${setup.format}" cannot be encoded in parts`);
    const bytes = encodeRange(plan, encoder, task.from, task.to, scratch);
    reply = { id: task.id, bytes };
    parentPort!.postMessage(reply, [bytes.buffer]);
    return;
  } catch (e) {
    const err = e as { code?: string; message?: string; path?: string };
    reply = { id: task.id, error: { code: typeof err.code === 'string' ? err.code : 'GENERATE_WORKER_FAILED', message: err.message ?? String(e), ...(err.path ? { path: err.path } : {}) } };
  }
  parentPort!.postMessage(reply);
});
