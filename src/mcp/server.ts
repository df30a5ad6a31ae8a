import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import {
  CallToolRequestSchema, ListToolsRequestSchema, ListResourcesRequestSchema, ListResourceTemplatesRequestSchema,
  ReadResourceRequestSchema, McpError, ErrorCode as McpErrorCode, type CallToolResult,
} from '@modelcontextprotocol/sdk/types.js';
import { SynthError, toSynthError, type EventSink } from '../core/index.js';
import { allows, requireRole, type OpContext } from '../pipeline/index.js';
import type { Actor } from '../store/index.js';
import { TOOLS, findTool } from './tools.js';
import { RESOURCE_ACCESS, TOOL_ACCESS } from './tool-access.js';
import { ARTIFACT_URI_TEMPLATE, listRunArtifacts, readRunArtifact } from './resources.js';

/** Options of {@link createMcpServer}. */
export interface McpServerOptions {
  /** The operation context; called on first use, so a server that only generates never opens the store. */
  readonly context: () => OpContext;
  readonly version?: string;
  /**
   * Who is calling, when the transport knows (an HTTP request's key): tools run as this actor and only the tools its
   * role may call are offered. Without it the context's own actor is the caller.
   */
  readonly caller?: Actor;
  /** The caller's network address, for the audit log. */
  readonly address?: string;
}

/**
 * The synthdata MCP server: one tool per pipeline operation (input schemas are the ops' own JSON Schemas) and run
 * artifacts as resources. Connect it to any transport (stdio, streamable HTTP, in-memory).
 */
export function createMcpServer(options: McpServerOptions): Server {
  const { caller, address } = options;
  const context: () => OpContext = caller === undefined ? options.context : () => ({ ...options.context(), actor: caller });
  // The caller is looked up only when needed, so listing tools over stdio never opens the store.
  const actor = (): Actor => caller ?? context().actor;
  const server = new Server(
    { name: 'synthdata', version: options.version ?? '0.0.0' },
    {
      capabilities: { tools: {}, resources: {} },
      instructions: 'synthdata generates, learns, evaluates, pictures and scans synthetic tables. Paths are read and written relative to the server\'s working folder.',
    },
  );

  server.setRequestHandler(ListToolsRequestSchema, () => ({
    tools: TOOLS.filter((t) => allows(TOOL_ACCESS[t.name], actor().role)).map((t) => ({ name: t.name, description: t.description, inputSchema: t.inputSchema })),
  }));

  server.setRequestHandler(CallToolRequestSchema, async (request, extra): Promise<CallToolResult> => {
    const tool = findTool(request.params.name);
    if (!tool) {
      return errorResult(new SynthError('NOT_FOUND', `no tool "${request.params.name}"; the tools are ${TOOLS.map((t) => t.name).join(', ')}`, { path: 'name' }));
    }
    try {
      await requireRole(() => context().store, actor(), TOOL_ACCESS[tool.name], { adapter: 'mcp', tool: tool.name }, address);
    } catch (e) {
      return errorResult(toSynthError(e));
    }
    const token = request.params._meta?.progressToken;
    const onEvent: EventSink | undefined = token === undefined ? undefined : (event) => {
      if (event.type !== 'progress') return;
      // Progress is best effort: a lost notification must never fail the call.
      extra.sendNotification({
        method: 'notifications/progress',
        params: { progressToken: token, progress: event.done, ...(event.total !== undefined ? { total: event.total } : {}), message: event.step },
      }).catch(() => {});
    };
    try {
      const result = await tool.run(request.params.arguments ?? {}, { context, onEvent });
      const structured = result !== null && typeof result === 'object' && !Array.isArray(result) ? (result as Record<string, unknown>) : { result };
      return { content: [{ type: 'text', text: JSON.stringify(result, null, 2) }], structuredContent: structured };
    } catch (e) {
      return errorResult(toSynthError(e));
    }
  });

  server.setRequestHandler(ListResourcesRequestSchema, async () => {
    try {
      await requireRole(() => context().store, actor(), RESOURCE_ACCESS, { adapter: 'mcp', resource: 'resources/list' }, address);
      return { resources: await listRunArtifacts(context()) };
    } catch (e) {
      throw mcpErrorOf(e);
    }
  });

  server.setRequestHandler(ListResourceTemplatesRequestSchema, () => ({
    resourceTemplates: [{
      uriTemplate: ARTIFACT_URI_TEMPLATE,
      name: 'run artifact',
      description: 'A file a pipeline run stored: its dataset, report or charts.',
    }],
  }));

  server.setRequestHandler(ReadResourceRequestSchema, async (request) => {
    try {
      await requireRole(() => context().store, actor(), RESOURCE_ACCESS, { adapter: 'mcp', resource: request.params.uri }, address);
      return { contents: [await readRunArtifact(context(), request.params.uri)] };
    } catch (e) {
      throw mcpErrorOf(e);
    }
  });

  return server;
}

/** `error[CODE]: message (at path)`, then further issues and the hint: the CLI's error format. */
export function formatError(err: SynthError): string {
  const lines = [`error[${err.code}]: ${err.message}${err.path ? ` (at ${err.path})` : ''}`];
  for (const issue of err.issues.slice(1, 50)) lines.push(`  - ${issue.message}${issue.path ? ` (at ${issue.path})` : ''}`);
  if (err.hint) lines.push(`  hint: ${err.hint}`);
  return lines.join('\n');
}

function mcpErrorOf(e: unknown): McpError {
  const err = toSynthError(e);
  return new McpError(err.isInputError ? McpErrorCode.InvalidParams : McpErrorCode.InternalError, formatError(err), { code: err.code, path: err.path });
}

function errorResult(err: SynthError): CallToolResult {
  return { isError: true, content: [{ type: 'text', text: formatError(err) }], structuredContent: { error: err.toJSON() } };
}
