/**
 * Schemas the engine must generate valid rows for: together they use every keyword and extension we honour.
 * Each entry names what it exercises.
 */
export interface CorpusEntry {
  readonly name: string;
  readonly schema: Record<string, unknown>;
}

const obj = (properties: Record<string, unknown>, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  type: 'object',
  properties,
  required: Object.keys(properties),
  ...extra,
});

export const CORPUS: readonly CorpusEntry[] = [
  { name: 'string types', schema: obj({ a: { type: 'string' }, b: { type: 'string', minLength: 5, maxLength: 8 }, c: { type: 'string', maxLength: 0 } }) },
  { name: 'nullable type arrays', schema: obj({ a: { type: ['string', 'null'] }, b: { type: ['integer', 'null'], minimum: 1, maximum: 3 }, c: { type: 'null' } }) },
  { name: 'mixed type arrays', schema: obj({ a: { type: ['string', 'integer', 'boolean'] } }) },
  { name: 'enum and const', schema: obj({ a: { enum: ['x', 'y', 'z'] }, b: { const: 42 }, c: { enum: [1, 'two', null, { three: 3 }] }, d: { type: 'string', const: 'fixed' } }) },
  { name: 'integer bounds', schema: obj({ a: { type: 'integer', minimum: -5, maximum: 5 }, b: { type: 'integer', exclusiveMinimum: 0, exclusiveMaximum: 3 }, c: { type: 'integer', minimum: 1000000 } }) },
  { name: 'number bounds', schema: obj({ a: { type: 'number', minimum: 0, maximum: 1 }, b: { type: 'number', exclusiveMinimum: 0, exclusiveMaximum: 0.001 }, c: { type: 'number', maximum: -10 } }) },
  { name: 'multipleOf', schema: obj({ a: { type: 'number', minimum: 0, maximum: 100000, multipleOf: 0.01 }, b: { type: 'number', multipleOf: 0.5, minimum: 0, maximum: 10 }, c: { type: 'integer', multipleOf: 7, minimum: 1, maximum: 100 }, d: { type: 'number', multipleOf: 0.05, minimum: -1, maximum: 1 }, e: { type: 'integer', multipleOf: 2.5, minimum: 0, maximum: 100 } }) },
  { name: 'pattern', schema: obj({ a: { type: 'string', pattern: '^[A-Z]{3}-[0-9]{4}$' }, b: { type: 'string', pattern: '\\d{3}' }, c: { type: 'string', pattern: '^(red|green|blue)$' }, d: { type: 'string', pattern: '^[a-z]+$', minLength: 12, maxLength: 16 } }) },
  { name: 'pattern with backreference and alternation', schema: obj({ a: { type: 'string', pattern: '^(ab|cd)\\1$' }, b: { type: 'string', pattern: '^\\+?[1-9]\\d{6,12}$' } }) },
  { name: 'formats', schema: obj({ email: { type: 'string', format: 'email' }, uri: { type: 'string', format: 'uri' }, uuid: { type: 'string', format: 'uuid' }, date: { type: 'string', format: 'date' }, dt: { type: 'string', format: 'date-time' }, time: { type: 'string', format: 'time' }, v4: { type: 'string', format: 'ipv4' }, v6: { type: 'string', format: 'ipv6' }, host: { type: 'string', format: 'hostname' }, dur: { type: 'string', format: 'duration' } }) },
  { name: 'format with length bounds', schema: obj({ email: { type: 'string', format: 'email', maxLength: 40 }, host: { type: 'string', format: 'hostname', minLength: 6 } }) },
  { name: 'nested objects', schema: obj({ address: obj({ street: { type: 'string' }, city: { type: 'string' }, geo: obj({ lat: { type: 'number', minimum: -90, maximum: 90 }, lng: { type: 'number', minimum: -180, maximum: 180 } }) }) }) },
  { name: 'arrays', schema: obj({ tags: { type: 'array', items: { type: 'string' }, minItems: 1, maxItems: 4 }, nums: { type: 'array', items: { type: 'integer', minimum: 0, maximum: 9 }, minItems: 3, maxItems: 3 } }) },
  { name: 'uniqueItems', schema: obj({ a: { type: 'array', items: { enum: ['a', 'b', 'c', 'd'] }, minItems: 4, maxItems: 4, uniqueItems: true }, b: { type: 'array', items: { type: 'integer', minimum: 1, maximum: 5 }, uniqueItems: true, minItems: 2, maxItems: 5 } }) },
  { name: 'prefixItems', schema: obj({ point: { type: 'array', prefixItems: [{ type: 'number' }, { type: 'string', enum: ['N', 'S'] }], items: false, minItems: 2 } }) },
  { name: 'array of objects', schema: obj({ lines: { type: 'array', minItems: 1, maxItems: 3, items: obj({ sku: { type: 'string', pattern: '^[A-Z]{3}[0-9]{3}$' }, qty: { type: 'integer', minimum: 1, maximum: 9 } }) } }) },
  { name: 'optional properties', schema: { type: 'object', properties: { a: { type: 'string' }, b: { type: 'integer' }, c: { type: 'boolean' } }, required: ['a'] } },
  { name: 'additionalProperties false', schema: { type: 'object', additionalProperties: false, properties: { a: { type: 'string' }, b: { type: 'number' } }, required: ['a'] } },
  { name: '$ref and $defs', schema: { type: 'object', $defs: { money: { type: 'number', minimum: 0, maximum: 500, multipleOf: 0.01 }, person: obj({ name: { type: 'string' }, email: { type: 'string', format: 'email' } }) }, properties: { price: { $ref: '#/$defs/money' }, owner: { $ref: '#/$defs/person' } }, required: ['price', 'owner'] } },
  { name: 'recursive $ref', schema: { type: 'object', $defs: { node: { type: 'object', properties: { value: { type: 'integer' }, children: { type: 'array', items: { $ref: '#/$defs/node' }, maxItems: 2 } }, required: ['value'] } }, properties: { tree: { $ref: '#/$defs/node' } }, required: ['tree'] } },
  { name: 'allOf merged', schema: obj({ a: { allOf: [{ type: 'integer', minimum: 0 }, { maximum: 10 }, { multipleOf: 2 }] }, b: { allOf: [{ type: 'string' }, { minLength: 3 }, { maxLength: 5 }] } }) },
  { name: 'allOf with two patterns', schema: obj({ a: { type: 'string', allOf: [{ pattern: '^[a-z]+$' }, { pattern: '^.{4}$' }] } }) },
  { name: 'oneOf scalars', schema: obj({ a: { oneOf: [{ type: 'string', maxLength: 3 }, { type: 'integer', minimum: 0, maximum: 9 }] } }) },
  { name: 'oneOf overlapping ranges', schema: obj({ a: { type: 'integer', oneOf: [{ minimum: 0, maximum: 10 }, { minimum: 5, maximum: 20 }] } }) },
  { name: 'oneOf objects with tags', schema: obj({ payment: { oneOf: [obj({ kind: { const: 'card' }, number: { type: 'string', pattern: '^[0-9]{16}$' } }), obj({ kind: { const: 'iban' }, iban: { type: 'string', 'x-faker': 'finance.iban' } })] } }) },
  { name: 'anyOf', schema: obj({ a: { anyOf: [{ type: 'string', format: 'email' }, { type: 'null' }] }, b: { anyOf: [{ type: 'integer', minimum: 100 }, { type: 'integer', maximum: -100 }] } }) },
  { name: 'root oneOf', schema: { type: 'object', properties: { id: { type: 'integer', minimum: 1, maximum: 1000 } }, required: ['id'], oneOf: [{ properties: { kind: { const: 'a' }, a: { type: 'string' } }, required: ['kind', 'a'] }, { properties: { kind: { const: 'b' }, b: { type: 'number' } }, required: ['kind', 'b'] }] } },
  { name: 'root if/then/else', schema: { type: 'object', properties: { country: { enum: ['US', 'DE', 'FR'] }, zip: { type: 'string' } }, required: ['country', 'zip'], if: { properties: { country: { const: 'US' } } }, then: { properties: { zip: { pattern: '^[0-9]{5}$' } } }, else: { properties: { zip: { pattern: '^[A-Z0-9]{4,6}$' } } } } },
  { name: 'if/then/else on a value', schema: obj({ a: { type: 'integer', minimum: 0, maximum: 100, if: { minimum: 50 }, then: { multipleOf: 10 }, else: { multipleOf: 3 } } }) },
  { name: 'nested if/then/else', schema: obj({ account: { type: 'object', properties: { type: { enum: ['personal', 'business'] }, vat: { type: 'string' } }, required: ['type'], if: { properties: { type: { const: 'business' } }, required: ['type'] }, then: { required: ['vat'], properties: { vat: { pattern: '^[A-Z]{2}[0-9]{9}$' } } } } }) },
  { name: 'not', schema: obj({ a: { type: 'integer', minimum: 0, maximum: 10, not: { const: 5 } }, b: { type: 'string', enum: ['a', 'b', 'c'], not: { enum: ['a'] } } }) },
  { name: 'default and examples', schema: obj({ status: { type: 'string', default: 'active', examples: ['active', 'pending', 'closed'] }, n: { type: 'integer', minimum: 0, maximum: 5, default: 3, examples: [1, 99] } }) },
  { name: 'x-faker and faker alias', schema: obj({ a: { type: 'string', 'x-faker': 'person.jobTitle' }, b: { type: 'string', faker: 'company.name' }, c: { type: 'string', 'x-faker': { method: 'string.alpha', args: [{ length: 6 }] } }, d: { type: 'integer', 'x-faker': { method: 'number.int', args: [{ min: 5, max: 9 }] } }, e: { type: 'string', 'x-faker': 'date.past', format: 'date-time' } }) },
  { name: 'x-locale', schema: obj({ city: { type: 'string', 'x-faker': 'location.city', 'x-locale': 'de' }, name: { type: 'string', 'x-faker': 'person.fullName', 'x-locale': 'fr' } }) },
  { name: 'x-distribution numeric', schema: obj({ u: { type: 'number', minimum: 0, maximum: 10, 'x-distribution': { type: 'uniform' } }, n: { type: 'number', minimum: 0, maximum: 100, 'x-distribution': { type: 'normal', mean: 50, sd: 10 } }, l: { type: 'number', minimum: 1, maximum: 10000, multipleOf: 0.01, 'x-distribution': { type: 'lognormal', mu: 4, sigma: 1 } }, e: { type: 'number', minimum: 0, maximum: 50, 'x-distribution': { type: 'exponential', lambda: 0.2 } }, p: { type: 'integer', minimum: 0, maximum: 30, 'x-distribution': { type: 'poisson', lambda: 4 } }, z: { type: 'integer', minimum: 1, maximum: 100, 'x-distribution': { type: 'zipf', s: 1.2 } } }) },
  { name: 'x-distribution categorical', schema: obj({ tier: { enum: ['gold', 'silver', 'bronze'], 'x-distribution': { type: 'weighted', weights: { gold: 0.1, silver: 0.3, bronze: 0.6 } } }, rank: { enum: ['a', 'b', 'c', 'd'], 'x-distribution': { type: 'zipf', s: 1 } } }) },
  { name: 'x-null-rate', schema: obj({ a: { type: ['string', 'null'], 'x-null-rate': 0.5 }, b: { type: ['number', 'null'], minimum: 0, maximum: 1, 'x-null-rate': 0 } }) },
  { name: 'x-unique integers and enums', schema: obj({ id: { type: 'integer', minimum: 1, maximum: 500, 'x-unique': true }, code: { enum: Array.from({ length: 300 }, (_, i) => `C${i}`), 'x-unique': true } }) },
  { name: 'x-unique strings', schema: obj({ email: { type: 'string', format: 'email', 'x-unique': true }, user: { type: 'string', 'x-faker': 'person.firstName', 'x-unique': true } }) },
  { name: 'x-sequence', schema: obj({ id: { type: 'integer', 'x-sequence': true }, n: { type: 'integer', 'x-sequence': { start: 1000, step: 10 } } }) },
  { name: 'x-expression arithmetic', schema: obj({ quantity: { type: 'integer', minimum: 1, maximum: 10 }, unit_price: { type: 'number', minimum: 1, maximum: 100, multipleOf: 0.01 }, total: { type: 'number', multipleOf: 0.01, 'x-expression': 'quantity * unit_price' } }) },
  { name: 'x-expression text and dates', schema: obj({ first_name: { type: 'string' }, last_name: { type: 'string' }, display: { type: 'string', 'x-expression': "first_name + ' ' + upper(last_name)" }, start_date: { type: 'string', format: 'date' }, end_date: { type: 'string', format: 'date', 'x-expression': 'addDays(start_date, 30)' }, birth_date: { type: 'string', format: 'date' }, age: { type: 'integer', 'x-expression': 'yearsBetween(birth_date, referenceDate())' } }) },
  { name: 'x-expression ternary and coalesce', schema: obj({ score: { type: 'integer', minimum: 0, maximum: 100 }, grade: { type: 'string', 'x-expression': "score >= 50 ? 'pass' : 'fail'" }, note: { type: ['string', 'null'] }, label: { type: 'string', 'x-expression': "coalesce(note, 'none')" } }) },
  { name: 'semantic names', schema: obj({ first_name: { type: 'string' }, last_name: { type: 'string' }, email: { type: 'string' }, phone: { type: 'string' }, city: { type: 'string' }, zip_code: { type: 'string' }, company: { type: 'string' }, price: { type: 'number' }, quantity: { type: 'integer' }, created_at: { type: 'string', format: 'date-time' }, date_of_birth: { type: 'string' }, description: { type: 'string' } }) },
  { name: 'semantic names with bounds', schema: obj({ name: { type: 'string', maxLength: 12 }, email: { type: 'string', minLength: 10, maxLength: 30 }, price: { type: 'number', minimum: 5, maximum: 10 }, age: { type: 'number' } }) },
  { name: 'untyped nodes', schema: obj({ a: {}, b: true, c: { minLength: 2 }, d: { minimum: 3 } }) },
  { name: 'min/max properties', schema: { type: 'object', properties: { a: { type: 'string' }, b: { type: 'string' }, c: { type: 'string' }, d: { type: 'string' } }, minProperties: 3, maxProperties: 3 } },
  { name: 'dependentRequired', schema: { type: 'object', properties: { card: { type: 'string', pattern: '^[0-9]{4}$' }, cvv: { type: 'string', pattern: '^[0-9]{3}$' } }, dependentRequired: { card: ['cvv'] } } },
  { name: 'bench schema', schema: { type: 'object', additionalProperties: false, required: ['id', 'first_name', 'last_name', 'email', 'age', 'signup_date', 'country', 'balance', 'is_active', 'phone'], properties: { id: { type: 'string', format: 'uuid' }, first_name: { type: 'string', faker: 'person.firstName' }, last_name: { type: 'string', faker: 'person.lastName' }, email: { type: 'string', format: 'email', faker: 'internet.email' }, age: { type: 'integer', minimum: 18, maximum: 90 }, signup_date: { type: 'string', format: 'date-time' }, country: { type: 'string', enum: ['United States', 'Canada', 'Mexico'] }, balance: { type: 'number', minimum: 0, maximum: 100000, multipleOf: 0.01 }, is_active: { type: 'boolean' }, phone: { type: 'string', faker: 'phone.number' } } } },
];
