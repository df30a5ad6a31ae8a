import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import { SynthError } from '../core/index.js';

const requireHere = createRequire(import.meta.url);

/**
 * Starts a worker thread on the module `entry` (a name without extension) beside `callerUrl`: the compiled `.js`, or,
 * when running from the `.ts` sources (tests, tsx), a small bootstrap that registers tsx's loader in the thread and then
 * imports the `.ts` entry.
 * `resourceLimits` caps the thread's heap (a thread that exceeds it stops with ERR_WORKER_OUT_OF_MEMORY).
 * @example startModuleWorker(import.meta.url, 'worker-entry', setup)
 */
export function startModuleWorker(callerUrl: string, entry: string, workerData: unknown, resourceLimits?: ResourceLimits): Worker {
  const limits = resourceLimits === undefined ? {} : { resourceLimits };
  if (callerUrl.endsWith('.ts')) {
    const tsxApi = pathToFileURL(path.join(path.dirname(requireHere.resolve('tsx/package.json')), 'dist/esm/api/index.mjs')).href;
    const target = new URL(`./${entry}.ts`, callerUrl).href;
    const boot = `import(${JSON.stringify(tsxApi)}).then((m) => { m.register(); return import(${JSON.stringify(target)}); });`;
    return new Worker(boot, { eval: true, workerData, ...limits });
  }
  const js = new URL(`./${entry}.js`, callerUrl);
  if (!existsSync(fileURLToPath(js))) throw new SynthError('GENERATE_WORKER_FAILED', `the worker script ${fileURLToPath(js)} is missing`);
  return new Worker(js, { workerData, ...limits });
}
