import type { Command } from 'commander';
import { parsePositiveInt } from '../options.js';
import { runEntry } from '../spawn-entry.js';

/** `synthdata serve`: the REST API on the local store (its own process: adapters never import each other). */
export function register(program: Command): void {
  program
    .command('serve')
    .description('start the REST API server')
    .option('--port <port>', 'port to listen on (default 8080, or SYNTHDATA_PORT)')
    .option('--host <host>', 'address to listen on (default 127.0.0.1, or SYNTHDATA_HOST)')
    .action(async (flags: { port?: string; host?: string }) => {
      const env: Record<string, string | undefined> = {};
      if (flags.port !== undefined) env.SYNTHDATA_PORT = String(parsePositiveInt('--port', flags.port));
      if (flags.host !== undefined) env.SYNTHDATA_HOST = flags.host;
      process.exitCode = await runEntry('../server/main', env);
    });
}
