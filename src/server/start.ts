import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { systemClock } from '../core/index.js';
import type { SynthConfig } from '../pipeline/index.js';
import { buildApp } from './app.js';
import { openSqliteStore } from '../store/index.js';

/** Opens the store, marks runs interrupted by a crash as failed, and serves until SIGINT/SIGTERM. */
export async function startServer(config: SynthConfig): Promise<void> {
  const store = openSqliteStore({ dir: config.dataDir, clock: systemClock });
  const interrupted = await store.failInterruptedRuns('the server stopped while this run was in progress');
  // Half-written datasets of interrupted runs are never served; remove them.
  await rm(join(config.dataDir, 'staging'), { recursive: true, force: true });
  for (const runId of interrupted) {
    await store.appendAudit({ event: 'RunInterrupted', user: 'system', role: 'admin', project: 'system', runId, fields: {} });
  }
  const app = await buildApp({ config, store, clock: systemClock });
  const address = await app.listen({ port: config.server.port, host: config.server.host });
  const local = config.server.localMode ? 'local single-user mode is ON: requests from this machine need no API key' : 'every request needs an API key (local mode is off)';
  process.stderr.write(`synthdata serving on ${address} (data in ${config.dataDir}; ${local})\n`);
  if (interrupted.length) process.stderr.write(`marked ${interrupted.length} interrupted run(s) as failed\n`);
  const stop = async () => {
    await app.close();
    await store.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}
