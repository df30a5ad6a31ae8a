import { parentPort, workerData } from 'node:worker_threads';
import { compilePlan, runRange, type Plan } from '../generate/index.js';
import { batchEncoder, type TextEncoding } from '../io/index.js';
import type { EncodeReply, EncodeSetup, EncodeTask } from './encode-in-workers.js';

// An encoding worker: compiles the same plan as the parent once, then answers row ranges with their encoded bytes.
const setup = workerData as EncodeSetup;
let plan: Plan | undefined;
let encoder: TextEncoding | undefined;

parentPort!.on('message', (task: EncodeTask) => {
  let reply: EncodeReply;
  try {
    plan ??= compilePlan(setup.schema, { ...setup.options, workers: 1 });
    encoder ??= batchEncoder(setup.format, plan.fields);
    if (encoder === undefined) throw new Error(`the format "${setup.format}" cannot be encoded in parts`);
    const parts: Buffer[] = [];
    let size = 0;
    for (const batch of runRange(plan, task.from, task.to)) {
      const bytes = encoder.encode(batch.columns, batch.length);
      parts.push(bytes);
      size += bytes.length;
    }
    // One fresh buffer of our own to transfer: encoder output may be a slice of Node's shared pool.
    const bytes = new Uint8Array(size);
    let at = 0;
    for (const p of parts) {
      bytes.set(p, at);
      at += p.length;
    }
    reply = { id: task.id, bytes };
    parentPort!.postMessage(reply, [bytes.buffer]);
    return;
  } catch (e) {
    const err = e as { code?: string; message?: string; path?: string };
    reply = { id: task.id, error: { code: typeof err.code === 'string' ? err.code : 'GENERATE_WORKER_FAILED', message: err.message ?? String(e), ...(err.path ? { path: err.path } : {}) } };
  }
  parentPort!.postMessage(reply);
});
