import type { FastifyReply } from 'fastify';
import { ERROR_CODES, toSynthError, type ErrorCode, type SynthError } from '../core/index.js';

/** HTTP status of each error code that is not a plain 400 (input) or 500 (internal). */
const STATUS: Partial<Record<ErrorCode, number>> = {
  NOT_FOUND: 404,
  IO_NOT_FOUND: 404,
  TEMPLATE_NOT_FOUND: 404,
  AUTH_REQUIRED: 401,
  AUTH_FORBIDDEN: 403,
  PII_BLOCKED: 409,
  REQUEST_TOO_LARGE: 413,
  TOO_MANY_REQUESTS: 429,
  IO_UNKNOWN_FORMAT: 415,
  SCHEMA_INVALID: 422,
  SCHEMA_UNSATISFIABLE: 422,
  DESCRIBE_LLM_FAILED: 502,
};

/** The HTTP status for an error code: the table above, else 400 for input errors and 500 for internal faults. */
export function statusFor(code: ErrorCode): number {
  return STATUS[code] ?? (ERROR_CODES[code].kind === 'input' ? 400 : 500);
}

/** An RFC 9457 problem document for an error (never a stack trace). */
export function problemOf(err: SynthError, instance?: string): Record<string, unknown> {
  const status = statusFor(err.code);
  const body: Record<string, unknown> = {
    type: `https://synthdata.dev/errors#${err.code}`,
    title: ERROR_CODES[err.code].description,
    status,
    detail: status >= 500 && err.code === 'INTERNAL' ? 'An internal error occurred; it has been logged.' : err.message,
    code: err.code,
  };
  if (instance) body.instance = instance;
  if (err.path !== undefined) body.path = err.path;
  if (err.hint !== undefined) body.hint = err.hint;
  if (err.issues.length > 0) body.issues = err.issues;
  return body;
}

/** Sends anything thrown as problem+json with the mapped status. */
export function sendProblem(reply: FastifyReply, e: unknown, instance?: string): FastifyReply {
  const err = toSynthError(e);
  const body = problemOf(err, instance);
  if (err.code === 'TOO_MANY_REQUESTS') void reply.header('retry-after', '5');
  return reply.code(body.status as number).type('application/problem+json').send(body);
}
