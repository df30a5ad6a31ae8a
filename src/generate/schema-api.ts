/**
 * The parts of schema/ the engine uses, in one place: validation, resolution, semantic hints and expressions.
 */
export {
  assertSchema,
  resolveSchema,
  semanticHint,
  compileValidator,
  fakerMethodPaths,
  parseExpression,
  expressionDependencies,
  EXPRESSION_FUNCTIONS,
} from '../schema/index.js';
export type { JsonSchema, SchemaObject, SemanticHint, ExpressionNode } from '../schema/index.js';

import { resolveSchema as resolve } from '../schema/index.js';
import type { JsonSchema as Schema, SchemaObject as Obj } from '../schema/index.js';

/** The intersection of schemas (an allOf, merged by schema/'s resolver); `{ not: {} }` when nothing fits. */
export function mergeSchemas(...schemas: Schema[]): Obj {
  return resolve({ allOf: schemas }) as Obj;
}
