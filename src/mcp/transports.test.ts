import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { systemClock } from '../core/index.js';
import { DEFAULT_CONFIG, LOCAL_ACTOR, type OpContext } from '../pipeline/index.js';
import { openSqliteStore, type Store } from '../store/index.js';
import { startMcpHttp, TOOLS, type McpHttpServer } from './index.js';

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'synthdata-mcp-transport-'));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('MCP over stdio (the entry point as its own process)', () => {
  it('starts, lists the tools and answers a call', async () => {
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: ['--import', 'tsx', 'src/mcp/main.ts'],
      env: { ...process.env, SYNTHDATA_DATA_DIR: join(dir, 'stdio-data') } as Record<string, string>,
      stderr: 'pipe',
    });
    const client = new Client({ name: 'synthdata-stdio-test', version: '1.0.0' });
    await client.connect(transport);
    try {
      const { tools } = await client.listTools();
      expect(tools.map((t) => t.name)).toEqual(TOOLS.map((t) => t.name));
      const history = (await client.callTool({ name: 'pipeline_history', arguments: {} })) as CallToolResult;
      expect(history.isError).toBeFalsy();
      expect(history.structuredContent).toEqual({ items: [], next: null });
    } finally {
      await client.close();
    }
  }, 30_000);
});

describe('MCP over streamable HTTP', () => {
  let store: Store;
  let http: McpHttpServer;

  beforeAll(async () => {
    store = openSqliteStore({ dir: join(dir, 'http-data') });
    const ctx: OpContext = { store, actor: LOCAL_ACTOR, config: { ...DEFAULT_CONFIG, dataDir: join(dir, 'http-data') }, clock: systemClock };
    http = await startMcpHttp({ context: () => ctx, port: 0 });
  });

  afterAll(async () => {
    await http.close();
    await store.close();
  });

  it('serves /mcp on loopback to the SDK client', async () => {
    expect(http.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/mcp$/);
    const client = new Client({ name: 'synthdata-http-test', version: '1.0.0' });
    await client.connect(new StreamableHTTPClientTransport(new URL(http.url)));
    try {
      expect((await client.listTools()).tools).toHaveLength(TOOLS.length);
      const bad = (await client.callTool({ name: 'generate_dataset', arguments: { rows: -1, schema: {} } })) as CallToolResult;
      expect(bad.isError).toBe(true);
      expect(bad.content[0]).toMatchObject({ type: 'text', text: expect.stringMatching(/^error\[REQUEST_INVALID\]/) });
    } finally {
      await client.close();
    }
  });

  it('answers other paths with 404 and GET /mcp with 405', async () => {
    expect((await fetch(http.url.replace('/mcp', '/'))).status).toBe(404);
    expect((await fetch(http.url)).status).toBe(405);
  });

  it('refuses a request for another host name (DNS rebinding) unless it carries a valid key', async () => {
    expect(await postWithHost('evil.example:80')).toBe(403);
    const { secret } = await store.createKey({ user: 'ann', role: 'qa-engineer', project: 'p1' });
    // A rebound page cannot know a key, and a keyed client may reach the endpoint by any name.
    expect(await postWithHost('mcp.example:80', { authorization: `Bearer ${secret}` })).toBe(200);
  });

  function postWithHost(host: string, headers: Record<string, string> = {}): Promise<number> {
    return new Promise<number>((resolve, reject) => {
      const req = request(http.url, { method: 'POST', headers: { ...headers, host, 'content-type': 'application/json', accept: 'application/json, text/event-stream' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end(JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }));
    });
  }

});

describe('the HTTP entry point', () => {
  it('binds --host and says on stderr that keys are required when local mode is off', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/mcp/main.ts', '--http', '--port', '0', '--host', '127.0.0.1'], {
      env: { ...process.env, SYNTHDATA_DATA_DIR: join(dir, 'entry-data'), SYNTHDATA_LOCAL_MODE: 'false' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    try {
      const line = await new Promise<string>((resolve, reject) => {
        let err = '';
        child.stderr.on('data', (chunk: Buffer) => {
          err += chunk.toString();
          if (err.includes('\n')) resolve(err.split('\n')[0]!);
        });
        child.once('exit', (code) => reject(new Error(`exited with ${code}: ${err}`)));
      });
      expect(line).toMatch(/^synthdata MCP serving streamable HTTP on http:\/\/127\.0\.0\.1:\d+\/mcp /);
      expect(line).toMatch(/every request needs an API key/);
      const url = /(http:\S+\/mcp)/.exec(line)![1]!;
      const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream' }, body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }) });
      expect(res.status).toBe(401);
    } finally {
      child.kill('SIGTERM');
    }
  }, 30_000);
});
