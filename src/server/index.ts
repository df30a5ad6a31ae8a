/**
 * server: the REST API over the pipeline ops (fastify). Only this folder imports fastify.
 * @module
 */
export { buildApp } from './app.js';
export type { AppDeps } from './app.js';
export { ACCESS_MATRIX, mayCall } from './access-matrix.js';
export { statusFor, problemOf } from './problem.js';
export { openApiDocument } from './routes/openapi.js';
