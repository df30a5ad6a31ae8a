import { SynthError, type Issue } from '../core/index.js';
import { ajvIssues, cachedValidator } from './ajv.js';

/** The outcome of validating one value. */
export interface ValidationResult {
  readonly valid: boolean;
  readonly issues: Issue[];
}

/**
 * Compiles a validator for values of `schema` (ajv 2020-12 with formats; our `x-` keywords are annotations),
 * cached by the schema's fingerprint. Issues carry the JSON pointer of the value that failed.
 * @example compileValidator(schema)({ id: 1 }).valid
 */
export function compileValidator(schema: unknown): (value: unknown) => ValidationResult {
  let validate: ReturnType<typeof cachedValidator>;
  try {
    validate = cachedValidator(schema);
  } catch (e) {
    throw new SynthError('SCHEMA_INVALID', `the schema cannot be compiled: ${(e as Error).message}`, {
      cause: e,
      hint: 'Run `synthdata schema check FILE` to see every issue.',
    });
  }
  return (value) => {
    if (validate(value)) return { valid: true, issues: [] };
    return { valid: false, issues: ajvIssues(validate.errors, '', 'SCHEMA_INVALID') };
  };
}
