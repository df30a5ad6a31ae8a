import { Ajv2020, type ValidateFunction, type ErrorObject } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { SynthError, type Issue } from '../core/index.js';

// ajv-formats is CommonJS; its default export arrives as the module object under NodeNext.
const addFormats = (addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule;

const ajv = new Ajv2020({ allErrors: true, strict: false, coerceTypes: false, useDefaults: true });
(addFormats as unknown as (a: Ajv2020) => void)(ajv);
const cache = new WeakMap<object, ValidateFunction>();

/**
 * Checks an operation's input against its JSON Schema and throws REQUEST_INVALID listing every issue with its JSON
 * pointer. Defaults in the schema are filled in.
 */
export function validateOpInput<T>(schema: object, value: unknown, what = 'input'): T {
  let validate = cache.get(schema);
  if (!validate) {
    validate = ajv.compile(schema);
    cache.set(schema, validate);
  }
  if (validate(value)) return value as T;
  const issues: Issue[] = (validate.errors ?? []).map(toIssue);
  const first = issues[0];
  throw new SynthError('REQUEST_INVALID', `${what} is invalid: ${first ? first.message : 'does not match its schema'}${issues.length > 1 ? ` (and ${issues.length - 1} more)` : ''}`, {
    path: first?.path, issues,
  });
}

function toIssue(e: ErrorObject): Issue {
  const path = e.instancePath || '/';
  let message = `${path} ${e.message ?? 'is invalid'}`;
  if (e.keyword === 'additionalProperties') message = `${path === '/' ? 'the body' : path} has an unknown field "${String((e.params as { additionalProperty: string }).additionalProperty)}"`;
  if (e.keyword === 'enum') message = `${path} must be one of ${JSON.stringify((e.params as { allowedValues: unknown[] }).allowedValues)}`;
  return { code: 'REQUEST_INVALID', path, message };
}
