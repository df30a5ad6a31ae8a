import { systemClock } from '../core/index.js';
import { loadConfig, LOCAL_ACTOR, type OpContext } from '../pipeline/index.js';
import { openSqliteStore } from '../store/index.js';

/**
 * Opens the local store from the configuration and runs `fn` with an op context as the local user; the store is
 * closed afterwards whatever happens.
 */
export async function withLocalContext<T>(fn: (ctx: OpContext) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const store = openSqliteStore({ dir: config.dataDir, clock: systemClock });
  try {
    return await fn({ store, actor: LOCAL_ACTOR, config, clock: systemClock });
  } finally {
    await store.close();
  }
}
