/**
 * schema: our JSON Schema 2020-12 dialect with `x-` extensions. Parse, check (every issue at once), resolve
 * (`$ref` inlined, `allOf` merged), validate values, map property names to realistic generators, and infer a
 * schema from a sample table.
 * @module
 */
export { parseSchemaText } from './parse.js';
export { checkSchema, assertSchema } from './check.js';
export type { CheckOptions } from './check.js';
export { resolveSchema, REF_DEPTH_LIMIT } from './resolve.js';
export { compileValidator } from './validator.js';
export type { ValidationResult } from './validator.js';
export { semanticHint, normalizeName } from './semantic.js';
export { SEMANTIC_NAMES } from './semantic-names.js';
export type { SemanticEntry } from './semantic-names.js';
export { inferSchema } from './infer.js';
export type { InferOptions } from './infer.js';
export { expressionDependencies, expressionOrder, parseExpression } from './expression.js';
export type { ExpressionNode } from './expression.js';
export { EXPRESSION_FUNCTIONS, EXPRESSION_FUNCTION_LIST } from './expression-functions.js';
export type { ExpressionFunction } from './expression-functions.js';
export { EXTENSION_KEYWORDS, EXTENSION_DOCS, SUPPORTED_FORMATS, DISTRIBUTION_PARAMETERS, PHONE_PATTERN, fakerCall } from './keywords.js';
export type { SupportedFormat } from './keywords.js';
export { fakerMethodPaths, isFakerMethod } from './faker-paths.js';
export { domainSize, numericRange } from './satisfiable.js';
export { patternLengths, patternCount } from './pattern.js';
export { DISTRIBUTIONS } from './types.js';
export type { JsonSchema, SchemaObject, JsonType, FakerHint, Distribution, DistributionType, ResolvedSchema, SemanticHint } from './types.js';
