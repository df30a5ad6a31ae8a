/**
 * pipeline: one function per operation, each with its input and output JSON Schema. The CLI, the REST API and MCP
 * call these and nothing below them.
 * @module
 */
export { generateToFile, loadSchemaFile, DEFAULT_MAX_ROWS, generateToFileInputSchema, generateToFileOutputSchema } from './ops/generate.js';
export type { GenerateToFileInput, GenerateToFileOutput } from './ops/generate.js';
