import { createServer, type IncomingMessage, type Server as HttpServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { toSynthError } from '../core/index.js';
import { apiKeyOf, resolveActor, type SynthConfig } from '../pipeline/index.js';
import type { Actor } from '../store/index.js';
import { createMcpServer, formatError, type McpServerOptions } from './server.js';

/** A running streamable-HTTP MCP endpoint. */
export interface McpHttpServer {
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

/** Options of {@link startMcpHttp}. */
export interface McpHttpOptions extends Omit<McpServerOptions, 'caller' | 'address'> {
  readonly port: number;
  /** The address to bind; loopback when not given. */
  readonly host?: string;
  /** Where local mode is read from; the context's config when not given (which opens the store). */
  readonly config?: SynthConfig;
}

/**
 * Serves MCP over streamable HTTP at `/mcp` on `host` (loopback by default), statelessly: every POST gets its own
 * server and transport, so calls never share session state and no session can leak between clients. Each POST runs as
 * the owner of its API key (`Authorization: Bearer KEY` or `X-API-Key: KEY`); without a key only a loopback caller in
 * local single-user mode is let in, as the local user. Anything else gets HTTP 401 and an AccessDenied audit entry.
 */
export async function startMcpHttp(options: McpHttpOptions): Promise<McpHttpServer> {
  const host = options.host ?? '127.0.0.1';
  let hosts: string[] = [];
  const localMode = (): boolean => (options.config ?? options.context().config).server.localMode;
  const http: HttpServer = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path !== '/mcp') {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('synthdata MCP: the endpoint is /mcp\n');
      return;
    }
    if (req.method !== 'POST') {
      // Stateless mode has no standalone event stream and no session to delete.
      sendRpcError(res, 405, -32000, 'Method not allowed: POST JSON-RPC messages to /mcp', { allow: 'POST' });
      return;
    }
    const secret = apiKeyOf(req.headers);
    const address = req.socket.remoteAddress;
    resolveActor({ store: () => options.context().store, localMode: localMode() }, { secret, address }, { adapter: 'mcp', route: 'POST /mcp' })
      .then((caller) => serve(req, res, caller, secret === undefined), (e: unknown) => {
        const err = toSynthError(e);
        if (err.code !== 'AUTH_REQUIRED') throw e;
        sendRpcError(res, 401, -32000, formatError(err), { 'www-authenticate': 'Bearer realm="synthdata"' }, { code: err.code });
      })
      .catch((e: unknown) => {
        if (!res.headersSent) sendRpcError(res, 500, -32603, e instanceof Error ? e.message : String(e));
      });
  });

  async function serve(req: IncomingMessage, res: ServerResponse, caller: Actor, withoutKey: boolean): Promise<void> {
    const server = createMcpServer({ context: options.context, version: options.version, caller, address: req.socket.remoteAddress });
    // A web page the user visits could reach a loopback port through a rebound DNS name and be let in as the local
    // user; a caller with a key proved who it is, so its Host header may be any name the endpoint is reached by.
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableDnsRebindingProtection: withoutKey, allowedHosts: hosts });
    res.on('close', () => {
      void transport.close();
      void server.close();
    });
    await server.connect(transport);
    await transport.handleRequest(req, res);
  }

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.port, host, () => resolve());
  });
  const port = (http.address() as AddressInfo).port;
  const hostPort = `${host.includes(':') ? `[${host}]` : host}:${port}`;
  hosts = [hostPort, `localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`];
  return {
    url: `http://${hostPort}/mcp`,
    port,
    close: () => new Promise<void>((resolve, reject) => {
      http.closeAllConnections();
      http.close((e) => (e ? reject(e) : resolve()));
    }),
  };
}

function sendRpcError(res: ServerResponse, status: number, code: number, message: string, headers: Record<string, string> = {}, data?: unknown): void {
  res.writeHead(status, { ...headers, 'content-type': 'application/json' })
    .end(JSON.stringify({ jsonrpc: '2.0', error: { code, message, ...(data === undefined ? {} : { data }) }, id: null }));
}
