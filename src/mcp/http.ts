import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { createMcpServer, type McpServerOptions } from './server.js';

/** A running streamable-HTTP MCP endpoint. */
export interface McpHttpServer {
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

/**
 * Serves MCP over streamable HTTP at `/mcp` on `host` (loopback by default), statelessly: every POST gets its own
 * server and transport, so calls never share session state and no session can leak between clients.
 */
export async function startMcpHttp(options: McpServerOptions & { port: number; host?: string }): Promise<McpHttpServer> {
  const host = options.host ?? '127.0.0.1';
  let hosts: string[] = [];
  const http: HttpServer = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path !== '/mcp') {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('synthdata MCP: the endpoint is /mcp\n');
      return;
    }
    if (req.method !== 'POST') {
      // Stateless mode has no standalone event stream and no session to delete.
      res.writeHead(405, { allow: 'POST', 'content-type': 'application/json' })
        .end(JSON.stringify({ jsonrpc: '2.0', error: { code: -32000, message: 'Method not allowed: POST JSON-RPC messages to /mcp' }, id: null }));
      return;
    }
    const server = createMcpServer(options);
    // A web page the user visits could otherwise reach this loopback port through a rebound DNS name.
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableDnsRebindingProtection: true, allowedHosts: hosts });
    res.on('close', () => {
      void transport.close();
      void server.close();
    });
    server.connect(transport)
      .then(() => transport.handleRequest(req, res))
      .catch((e: unknown) => {
        if (res.headersSent) return;
        res.writeHead(500, { 'content-type': 'application/json' })
          .end(JSON.stringify({ jsonrpc: '2.0', error: { code: -32603, message: e instanceof Error ? e.message : String(e) }, id: null }));
      });
  });
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.port, host, () => resolve());
  });
  const port = (http.address() as AddressInfo).port;
  hosts = [`${host}:${port}`, `localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`];
  return {
    url: `http://${host}:${port}/mcp`,
    port,
    close: () => new Promise<void>((resolve, reject) => {
      http.closeAllConnections();
      http.close((e) => (e ? reject(e) : resolve()));
    }),
  };
}
