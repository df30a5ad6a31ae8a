import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { loadConfig, type PartialConfig } from '../pipeline/index.js';
import { openSqliteStore, type Role, type Store } from '../store/index.js';
import { buildApp } from './app.js';

/** A server on a fresh temporary store, for tests (`app.inject()`); `close()` removes everything. */
export async function testApp(flags: PartialConfig = {}): Promise<{ app: FastifyInstance; store: Store; dir: string; key(role: Role, project?: string, user?: string): Promise<string>; close(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'synthdata-server-'));
  const config = loadConfig({ env: {}, flags: { dataDir: dir, ...flags } });
  const store = openSqliteStore({ dir });
  const app = await buildApp({ config, store });
  return {
    app,
    store,
    dir,
    async key(role, project = 'p1', user = `${role}-user`) {
      return (await store.createKey({ user, role, project })).secret;
    },
    async close() {
      await app.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
