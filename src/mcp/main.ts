#!/usr/bin/env node
// The MCP server's own entry point: `synthdata mcp` starts it as a process, so the CLI never imports the MCP SDK.
// stdio by default: the server is a child process of the user's own MCP client, so every call runs as the local user
// and no key is asked for. `--http [--port N] [--host H]` (or SYNTHDATA_MCP_PORT, SYNTHDATA_MCP_HOST) serves
// streamable HTTP at /mcp, on 127.0.0.1 unless told otherwise, where calls run as the owner of their API key.
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { SynthError, systemClock, toSynthError } from '../core/index.js';
import { LOCAL_ACTOR, loadConfig, type OpContext } from '../pipeline/index.js';
import { openSqliteStore, type Store } from '../store/index.js';
import { createMcpServer } from './server.js';
import { startMcpHttp } from './http.js';

/** The HTTP port when none is given. */
const DEFAULT_MCP_PORT = 8765;

/** The HTTP address when none is given: only this machine can connect. */
const DEFAULT_MCP_HOST = '127.0.0.1';

function parseArgs(argv: readonly string[], env: NodeJS.ProcessEnv): { http: boolean; port: number; host: string } {
  let http = false;
  let port: string | undefined = env.SYNTHDATA_MCP_PORT || undefined;
  let host: string | undefined = env.SYNTHDATA_MCP_HOST || undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--http') http = true;
    else if (arg === '--stdio') http = false;
    else if (arg === '--port') {
      port = argv[++i];
      http = true;
    } else if (arg === '--host') {
      host = argv[++i];
      http = true;
      if (!host) throw new SynthError('INVALID_ARGUMENT', '--host needs an address, e.g. --host 0.0.0.0', { path: '--host' });
    } else throw new SynthError('INVALID_ARGUMENT', `unknown argument "${arg}"; use --http, --port N, --host H or --stdio`, { path: arg });
  }
  if (port !== undefined) http = true;
  const n = port === undefined ? DEFAULT_MCP_PORT : Number(port);
  if (!Number.isInteger(n) || n < 0 || n > 65535) {
    throw new SynthError('INVALID_ARGUMENT', `the MCP port must be a whole number from 0 to 65535, got "${port}"`, { path: '--port' });
  }
  return { http, port: n, host: host ?? DEFAULT_MCP_HOST };
}

try {
  const args = parseArgs(process.argv.slice(2), process.env);
  const config = loadConfig();
  let store: Store | undefined;
  let ctx: OpContext | undefined;
  // The store is opened on first use: a client that only generates files never creates the data folder.
  const context = (): OpContext => {
    store ??= openSqliteStore({ dir: config.dataDir });
    ctx ??= { store, actor: LOCAL_ACTOR, config, clock: systemClock };
    return ctx;
  };
  const version = process.env.npm_package_version;
  let stop: () => Promise<void>;
  if (args.http) {
    const http = await startMcpHttp({ context, version, port: args.port, host: args.host, config });
    const access = config.server.localMode
      ? 'local single-user mode is ON: requests from this machine without a key run as the local admin; others need an API key'
      : 'every request needs an API key (local mode is off)';
    process.stderr.write(`synthdata MCP serving streamable HTTP on ${http.url} (data in ${config.dataDir}; ${access}; send keys as "Authorization: Bearer KEY" or "X-API-Key: KEY")\n`);
    stop = () => http.close();
  } else {
    const server = createMcpServer({ context, version, caller: LOCAL_ACTOR });
    await server.connect(new StdioServerTransport());
    stop = () => server.close();
    process.stdin.on('end', () => void shutdown());
  }
  const shutdown = async (): Promise<void> => {
    await stop().catch(() => {});
    await store?.close().catch(() => {});
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown());
  process.on('SIGTERM', () => void shutdown());
} catch (e) {
  const err = toSynthError(e);
  process.stderr.write(`error[${err.code}]: ${err.message}${err.path ? ` (at ${err.path})` : ''}\n`);
  process.exit(err.isInputError ? 2 : 1);
}
