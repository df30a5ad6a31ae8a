/**
 * Our `x-` extension keywords, each with the meta-schema its value must match, and the formats we can generate.
 * Data first: docs/schema.md and the validator are both driven from these tables.
 */

const num = { type: 'number' } as const;
const positive = { type: 'number', exclusiveMinimum: 0 } as const;

/** The parameters each distribution accepts (beyond `type`), as JSON Schema. */
export const DISTRIBUTION_PARAMETERS = {
  uniform: { min: num, max: num },
  normal: { mean: num, sd: positive, min: num, max: num },
  lognormal: { mu: num, sigma: positive, mean: positive, sd: positive, min: num, max: num },
  exponential: { lambda: positive, mean: positive, min: num, max: num },
  poisson: { lambda: positive, min: num, max: num },
  zipf: { s: positive, n: { type: 'integer', minimum: 1 }, min: num, max: num },
  weighted: { weights: { type: 'object', minProperties: 1, additionalProperties: { type: 'number', minimum: 0 } } },
} as const;

const distributionSchema = {
  type: 'object',
  required: ['type'],
  properties: { type: { enum: Object.keys(DISTRIBUTION_PARAMETERS) } },
  allOf: Object.entries(DISTRIBUTION_PARAMETERS).map(([type, params]) => ({
    if: { properties: { type: { const: type } } },
    then: {
      properties: { type: true, ...params },
      additionalProperties: false,
      ...(type === 'weighted' ? { required: ['weights'] } : {}),
    },
  })),
};

const fakerSchema = {
  anyOf: [
    { type: 'string', minLength: 1 },
    {
      type: 'object',
      required: ['method'],
      properties: { method: { type: 'string', minLength: 1 }, args: { type: 'array' } },
      additionalProperties: false,
    },
    // json-schema-faker's own form: { "finance.amount": [100, 1000, 2] }
    { type: 'object', minProperties: 1, maxProperties: 1, propertyNames: { not: { enum: ['method', 'args'] } } },
  ],
};

/**
 * The method and arguments of an `x-faker`/`faker` value in any of its forms: `"person.firstName"`,
 * `{ "method": "string.alpha", "args": [{ "length": 5 }] }` or json-schema-faker's `{ "finance.amount": [1, 9, 2] }`.
 * @example fakerCall({ 'finance.amount': [100, 1000, 2] }) // { method: 'finance.amount', args: [100, 1000, 2] }
 */
export function fakerCall(value: unknown): { method: string; args: unknown[] } | undefined {
  if (typeof value === 'string') return { method: value, args: [] };
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const record = value as Record<string, unknown>;
  if (typeof record.method === 'string') return { method: record.method, args: Array.isArray(record.args) ? record.args : [] };
  const keys = Object.keys(record);
  if (keys.length !== 1) return undefined;
  const args = record[keys[0]!];
  return { method: keys[0]!, args: Array.isArray(args) ? args : [args] };
}

/** A date bound: an ISO date or date-time, or an offset from the run's reference date (`-18y`, `+30d`, `0d`, `-12h`). */
const dateBoundSchema = { type: 'string', pattern: '^([+-]?[0-9]+(\\.[0-9]+)? ?[hdwmy]|[0-9]{4}-[0-9]{2}-[0-9]{2}([Tt ][0-9:.]+([Zz]|[+-][0-9]{2}:?[0-9]{2})?)?)$' };

/** Every `x-` keyword (plus json-schema-faker's `faker` alias) and the meta-schema of its value. */
export const EXTENSION_KEYWORDS: Readonly<Record<string, object>> = {
  'x-faker': fakerSchema,
  faker: fakerSchema,
  'x-locale': { type: 'string', pattern: '^[a-z]{2,3}(_[A-Za-z]{2,4})*$' },
  'x-distribution': distributionSchema,
  'x-null-rate': { type: 'number', minimum: 0, maximum: 1 },
  'x-unique': { type: 'boolean' },
  'x-sequence': {
    oneOf: [
      { const: true },
      { type: 'object', properties: { start: { type: 'number' }, step: { type: 'number' } }, additionalProperties: false },
    ],
  },
  'x-expression': { type: 'string', minLength: 1 },
  'x-after': dateBoundSchema,
  'x-before': dateBoundSchema,
};

/** One-line documentation of each extension keyword, for docs and error hints. */
export const EXTENSION_DOCS: Readonly<Record<string, string>> = {
  'x-faker': 'a Faker method path ("person.firstName"), { "method": "...", "args": [...] } or { "module.method": [args] }',
  faker: 'json-schema-faker\'s spelling of x-faker; read the same way',
  'x-locale': 'a Faker locale for this property and below ("de", "fr_CA")',
  'x-distribution': '{ "type": uniform|normal|lognormal|exponential|poisson|zipf|weighted, ...parameters }',
  'x-null-rate': 'the share of rows that are null, 0 to 1 (the type must allow null)',
  'x-unique': 'true: every row has a different value',
  'x-sequence': 'true, or { "start": 1, "step": 1 }: auto-increment values',
  'x-expression': 'a value computed from other fields of the same record ("quantity * unit_price")',
  'x-after': 'dates and date-times: the earliest value, an ISO date or an offset from the reference date ("-18y", "-30d", "-12h")',
  'x-before': 'dates and date-times: the latest value, an ISO date or an offset from the reference date ("0d", "+1y")',
};

/**
 * The `format`s synthdata can generate and validate. `phone` is ours: an international or national phone number
 * (digits, spaces, dashes, dots, parentheses, an optional leading `+` and an optional extension).
 */
export const SUPPORTED_FORMATS = ['email', 'uri', 'url', 'uuid', 'date', 'date-time', 'time', 'ipv4', 'ipv6', 'hostname', 'duration', 'phone'] as const;

/** One of {@link SUPPORTED_FORMATS}. */
export type SupportedFormat = (typeof SUPPORTED_FORMATS)[number];

/** The regular expression the `phone` format is validated with. */
export const PHONE_PATTERN = /^\+?[0-9()][0-9 ().-]{5,22}[0-9]( ?(x|ext\.?) ?[0-9]{1,6})?$/;
