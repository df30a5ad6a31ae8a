/**
 * Shapes of our JSON Schema dialect as the rest of synthdata sees them. A schema is plain JSON: these types name
 * the keywords we read, and leave everything else open.
 */

/** A JSON Schema 2020-12 node of our dialect (a boolean schema is `true` or `false`). */
export type JsonSchema = boolean | SchemaObject;

/** The object form of a schema node, with the standard keywords and our `x-` extensions named. */
export interface SchemaObject {
  $schema?: string;
  $id?: string;
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
  definitions?: Record<string, JsonSchema>;
  type?: JsonType | JsonType[];
  enum?: unknown[];
  const?: unknown;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  multipleOf?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  properties?: Record<string, JsonSchema>;
  patternProperties?: Record<string, JsonSchema>;
  additionalProperties?: JsonSchema;
  required?: string[];
  minProperties?: number;
  maxProperties?: number;
  items?: JsonSchema;
  prefixItems?: JsonSchema[];
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  contains?: JsonSchema;
  allOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  not?: JsonSchema;
  if?: JsonSchema;
  then?: JsonSchema;
  else?: JsonSchema;
  default?: unknown;
  examples?: unknown[];
  title?: string;
  description?: string;
  'x-faker'?: FakerHint;
  faker?: FakerHint;
  'x-locale'?: string;
  'x-distribution'?: Distribution;
  'x-null-rate'?: number;
  'x-unique'?: boolean;
  'x-sequence'?: true | { start?: number; step?: number };
  'x-expression'?: string;
  [keyword: string]: unknown;
}

/** The JSON types of the `type` keyword. */
export type JsonType = 'string' | 'number' | 'integer' | 'boolean' | 'object' | 'array' | 'null';

/** An `x-faker` value: a method path, or a path with arguments. */
export type FakerHint = string | { method: string; args?: unknown[] };

/** The distributions `x-distribution` accepts. */
export const DISTRIBUTIONS = ['uniform', 'normal', 'lognormal', 'exponential', 'poisson', 'zipf', 'weighted'] as const;

/** One of {@link DISTRIBUTIONS}. */
export type DistributionType = (typeof DISTRIBUTIONS)[number];

/** An `x-distribution` value: the type and its parameters (see docs/schema.md for which apply to which). */
export interface Distribution {
  type: DistributionType;
  min?: number;
  max?: number;
  mean?: number;
  sd?: number;
  /** lognormal: mean and sd of the underlying normal (log scale). */
  mu?: number;
  sigma?: number;
  lambda?: number;
  /** zipf exponent. */
  s?: number;
  /** zipf: the number of ranks (defaults to the enum length or max - min + 1). */
  n?: number;
  /** weighted: category -> weight (need not sum to 1). */
  weights?: Record<string, number>;
}

/**
 * A schema after {@link resolveSchema}: local `$ref`s inlined, `allOf` merged where it could be, `$defs` dropped.
 * The generation engine compiles from this shape.
 */
export type ResolvedSchema = SchemaObject & { readonly __resolved?: never };

/** A realistic generator for a property, inferred from its name: keywords of our dialect to apply when absent. */
export interface SemanticHint {
  /** The canonical name of the table entry that matched (e.g. `first_name`). */
  readonly name: string;
  readonly faker?: FakerHint;
  readonly format?: string;
  readonly type?: JsonType;
  readonly distribution?: Distribution;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly multipleOf?: number;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly pattern?: string;
  readonly enum?: readonly unknown[];
  /** A date or date-time range as ISO strings or relative `-18y`/`+30d` offsets from the reference date. */
  readonly after?: string;
  readonly before?: string;
  readonly unique?: boolean;
  /** Auto-increment values, as `x-sequence`. */
  readonly sequence?: { readonly start: number; readonly step: number };
}
