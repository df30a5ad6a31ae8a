import type { Command } from 'commander';
import { parsePositiveInt } from '../options.js';
import { runEntry } from '../spawn-entry.js';

/** `synthdata mcp`: the MCP server over stdio, or streamable HTTP at /mcp (its own process: adapters never import each other). */
export function register(program: Command): void {
  program
    .command('mcp')
    .description('start the MCP server (stdio by default; --http serves /mcp on 127.0.0.1)')
    .option('--http', 'serve streamable HTTP instead of stdio')
    .option('--port <port>', 'HTTP port (default 8765, or SYNTHDATA_MCP_PORT); implies --http')
    .option('--host <host>', 'HTTP address to bind (default 127.0.0.1, or SYNTHDATA_MCP_HOST); beyond loopback every call needs an API key; implies --http')
    .action(async (flags: { http?: boolean; port?: string; host?: string }) => {
      // The entry reads the port and host from the environment; either means HTTP.
      const env: Record<string, string | undefined> = {};
      if (flags.host !== undefined) env.SYNTHDATA_MCP_HOST = flags.host;
      if (flags.port !== undefined) env.SYNTHDATA_MCP_PORT = String(parsePositiveInt('--port', flags.port));
      else if ((flags.http || flags.host !== undefined) && !process.env.SYNTHDATA_MCP_PORT) env.SYNTHDATA_MCP_PORT = '8765';
      process.exitCode = await runEntry('../mcp/main', env);
    });
}
