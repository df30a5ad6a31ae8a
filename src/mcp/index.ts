/**
 * mcp: the Model Context Protocol adapter. Pipeline operations as MCP tools (their own JSON Schemas as input schemas)
 * and run artifacts as resources, over stdio or streamable HTTP. The only folder that imports the MCP SDK.
 * @module
 */
export { createMcpServer, formatError } from './server.js';
export type { McpServerOptions } from './server.js';
export { startMcpHttp } from './http.js';
export type { McpHttpServer } from './http.js';
export { TOOLS } from './tools.js';
export type { ToolDefinition, ToolDeps } from './tools.js';
export { ARTIFACT_URI_TEMPLATE, artifactUri } from './resources.js';
