/**
 * mcp: the Model Context Protocol adapter. Pipeline operations as MCP tools (their own JSON Schemas as input schemas)
 * and run artifacts as resources, over stdio (as the local user) or streamable HTTP (as the owner of an API key). The
 * only folder that imports the MCP SDK.
 * @module
 */
export { createMcpServer, formatError } from './server.js';
export type { McpServerOptions } from './server.js';
export { startMcpHttp } from './http.js';
export type { McpHttpServer, McpHttpOptions } from './http.js';
export { TOOLS } from './tools.js';
export { TOOL_ACCESS, RESOURCE_ACCESS } from './tool-access.js';
export type { ToolDefinition, ToolDeps } from './tools.js';
export { ARTIFACT_URI_TEMPLATE, artifactUri } from './resources.js';
