/**
 * A profile as a reviewable schema in our JSON Schema dialect: one property per column with its type, range,
 * format, null-ability and categories, so a person can read and edit what was learned.
 */
import type { ColumnProfile, TableProfile } from './profile.js';

/** A JSON Schema document (object) describing one record. */
export type ProfileSchema = Record<string, unknown>;

const DAY = 86_400_000;

/**
 * Turns a table profile into a JSON Schema of one record.
 * @example profileToSchema(profileTable(table)).properties.age // { type: 'integer', minimum: 0, maximum: 90 }
 */
export function profileToSchema(profile: TableProfile, title = 'table'): ProfileSchema {
  const properties: Record<string, unknown> = {};
  const required: string[] = [];
  for (const c of profile.columns) {
    properties[c.name] = columnSchema(c);
    if (c.nullCount === 0) required.push(c.name);
  }
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema', title, description: `Profiled from ${profile.rows} sample rows; review before use.`,
    type: 'object', additionalProperties: false, required, properties,
  };
}

function nullable(type: string, c: ColumnProfile): string | string[] {
  return c.nullCount > 0 ? [type, 'null'] : type;
}

// What the profile found, in words: the dialect has no keyword for a column's kind or cardinality.
function describe(c: ColumnProfile): string {
  const nulls = c.nullCount > 0 ? `, ${c.nullCount} null (${(c.nullRate * 100).toFixed(1)}%)` : '';
  const pii = c.pii ? `, holds ${c.pii} (personal data)` : '';
  return `${c.kind}; ${c.distinct} distinct of ${c.count - c.nullCount}${nulls}${pii}`;
}

function columnSchema(c: ColumnProfile): Record<string, unknown> {
  const base = { description: describe(c), ...(c.nullCount > 0 ? { 'x-null-rate': round(c.nullRate) } : {}) };
  switch (c.kind) {
    case 'continuous':
      return { type: nullable('number', c), minimum: c.min, maximum: c.max, ...(c.decimals ? { multipleOf: Number((10 ** -c.decimals).toFixed(c.decimals)) } : {}), ...base };
    case 'integer':
      return { type: nullable('integer', c), minimum: c.min, maximum: c.max, ...base };
    case 'boolean':
    case 'categorical': {
      const values = (c.top ?? []).map(([v]) => v);
      const complete = c.distinct <= values.length;
      const type = typeof values[0] === 'number' ? 'number' : typeof values[0] === 'boolean' ? 'boolean' : 'string';
      return { type: nullable(type, c), ...(complete ? { enum: c.nullCount > 0 ? [...values, null] : values } : { examples: values }), ...base };
    }
    case 'datetime': {
      const dt = c.datetime!;
      const day = dt.unitMs >= DAY;
      const iso = dt.pattern === 'YYYY-MM-DD' ? 'date' : /^YYYY-MM-DDTHH:mm:ss/.test(dt.pattern) ? 'date-time' : undefined;
      const bound = (ms: number): string => new Date(ms).toISOString().slice(0, day ? 10 : 19);
      return {
        type: nullable('string', c), ...(iso ? { format: iso } : {}), 'x-after': bound(c.min!), 'x-before': bound(c.max!), ...base,
        description: `${describe(c)}; written as ${dt.pattern}${dt.offset !== null ? ` at UTC offset ${dt.offset} min` : ''}`,
      };
    }
    case 'id':
      return { type: nullable('string', c), ...(c.uniqueness === 1 ? { 'x-unique': true } : {}), ...base };
    case 'text':
      return { type: nullable('string', c), ...base };
    case 'constant':
      return { const: c.value, ...base };
    case 'empty':
      return { type: 'null', ...base };
  }
}

function round(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}
