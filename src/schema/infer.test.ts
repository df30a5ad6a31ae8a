import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { field, isSynthError, type Cell, type Table } from '../core/index.js';
import { checkSchema, compileValidator, inferSchema, type SchemaObject } from './index.js';

function csvTable(name: string): Table {
  const rows = parse(readFileSync(new URL(`../../test/fixtures/datasets/${name}`, import.meta.url), 'utf8')) as string[][];
  const header = rows[0]!;
  const body = rows.slice(1);
  return { fields: header.map((h) => field(h, 'string', true)), columns: header.map((_, c) => body.map((r) => r[c] ?? null)), length: body.length };
}

/** A sample row typed as the inferred schema reads it, so it can be validated. */
function typedRow(table: Table, schema: SchemaObject, i: number): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  table.fields.forEach((f, c) => {
    const v = table.columns[c]![i] as Cell;
    const prop = schema.properties![f.name] as SchemaObject;
    const t = Array.isArray(prop.type) ? prop.type[0] : prop.type;
    if (v === null || v === 'NA' || v === '') row[f.name] = null;
    else if (t === 'number' || t === 'integer') row[f.name] = Number(v);
    else if (t === 'boolean') row[f.name] = String(v).toLowerCase() === 'true';
    else row[f.name] = v;
  });
  return row;
}

describe('inferSchema', () => {
  const penguins = csvTable('penguins.csv');
  const schema = inferSchema(penguins, { title: 'penguins' });
  const props = schema.properties as Record<string, SchemaObject>;

  it('infers types, enums with weights, ranges, decimals, null rates and required from penguins.csv', () => {
    expect(schema).toMatchObject({ type: 'object', title: 'penguins', additionalProperties: false, required: ['Species', 'Island'] });
    expect(props.Species).toMatchObject({ type: 'string', enum: ['Adelie', 'Chinstrap', 'Gentoo'], 'x-distribution': { type: 'weighted' } });
    const weights = (props.Species!['x-distribution'] as { weights: Record<string, number> }).weights;
    expect(weights.Adelie).toBeCloseTo(152 / 344, 3);
    expect(props['Beak Length (mm)']).toMatchObject({ type: ['number', 'null'], minimum: 32.1, maximum: 59.6, multipleOf: 0.1, 'x-distribution': { type: 'normal' } });
    expect(props['Body Mass (g)']).toMatchObject({ type: ['integer', 'null'], minimum: 2700, maximum: 6300 });
    expect(props['Body Mass (g)']!['x-null-rate']).toBeCloseTo(2 / 344, 4);
    expect((props.Sex!.enum as unknown[]).includes(null)).toBe(true);
  });

  it('produces a schema that checks clean and that every sample row validates against', () => {
    expect(checkSchema(schema)).toEqual([]);
    const validate = compileValidator(schema);
    for (let i = 0; i < penguins.length; i++) expect(validate(typedRow(penguins, schema, i)).issues).toEqual([]);
  });

  it('detects formats, date ranges, keys, sequences, booleans and semantic hints', () => {
    const table: Table = {
      fields: ['id', 'uuid', 'email', 'day', 'at', 'ok', 'first_name', 'amount', 'home'].map((n) => field(n, 'string', true)),
      columns: [
        [1, 2, 3, 4, 5, 6],
        ['0b9f3d62-4a1e-4c43-9d1e-1f6b7c1b2a01', '1b9f3d62-4a1e-4c43-9d1e-1f6b7c1b2a02', '2b9f3d62-4a1e-4c43-9d1e-1f6b7c1b2a03', '3b9f3d62-4a1e-4c43-9d1e-1f6b7c1b2a04', '4b9f3d62-4a1e-4c43-9d1e-1f6b7c1b2a05', '5b9f3d62-4a1e-4c43-9d1e-1f6b7c1b2a06'],
        ['a@x.org', 'b@x.org', 'c@y.com', 'd@y.com', 'e@z.net', ''],
        ['2024-01-03', '2024-02-01', '2023-12-31', '2024-05-05', '2024-01-01', '2024-01-02'],
        ['2024-01-03T10:00:00Z', '2024-01-03T11:00:00Z', '2024-01-03T12:00:00Z', '2024-01-03T13:00:00Z', '2024-01-03T14:00:00Z', '2024-01-03T15:00:00Z'],
        ['true', 'false', 'TRUE', 'true', 'false', 'true'],
        ['Ann', 'Bob', 'Cy', 'Di', 'Ed', 'Flo'],
        ['10.50', '3.99', '120.00', '7.25', '15.10', '88.88'],
        ['https://a.example', 'https://b.example', 'https://c.example', 'https://d.example', 'https://e.example', 'https://f.example'],
      ],
      length: 6,
    };
    const s = inferSchema(table, { maxEnum: 2 });
    const p = s.properties as Record<string, SchemaObject>;
    expect(p.id).toMatchObject({ type: 'integer', 'x-unique': true, 'x-sequence': { start: 1, step: 1 } });
    expect(p.uuid).toMatchObject({ type: 'string', format: 'uuid', 'x-unique': true });
    expect(p.email).toMatchObject({ type: ['string', 'null'], format: 'email', 'x-faker': 'internet.email' });
    expect(p.day).toMatchObject({ format: 'date', formatMinimum: '2023-12-31', formatMaximum: '2024-05-05' });
    expect(p.at).toMatchObject({ format: 'date-time' });
    expect(p.ok).toMatchObject({ type: 'boolean', 'x-distribution': { type: 'weighted', weights: { true: 0.6667, false: 0.3333 } } });
    expect(p.first_name).toMatchObject({ type: 'string', 'x-faker': 'person.firstName' });
    expect(p.amount).toMatchObject({ type: 'number', minimum: 3.99, maximum: 120, multipleOf: 0.01 });
    expect(p.home).toMatchObject({ format: 'uri' });
    expect(s.required).not.toContain('email');
    expect(checkSchema(s)).toEqual([]);
  });

  it('gives a name hint only when the values look like it, and fits zero-heavy skewed columns with exponential', () => {
    const cars = inferSchema(csvTable('cars.csv'));
    expect((cars.properties as Record<string, SchemaObject>).Name!['x-faker']).toBeUndefined();
    const people: Table = { fields: [field('name', 'string')], columns: [['Ann Lee', 'Bob Stone', 'Cyd Marsh', 'Dina Wolf', 'Ed Ray', 'Flo Hart', 'Gus Lind', 'Hal Moss', 'Ida Page', 'Jo Ruiz']], length: 10 };
    expect((inferSchema(people).properties as Record<string, SchemaObject>).name!['x-faker']).toBe('person.fullName');
    const weather = inferSchema(csvTable('seattle_weather.csv'));
    expect((weather.properties as Record<string, SchemaObject>).precipitation!['x-distribution']).toMatchObject({ type: 'exponential', min: 0 });
  });

  it('reads zone-less date-times as UTC date-times, with chronological bounds', () => {
    const table: Table = { fields: [field('seen', 'datetime')], columns: [['2024-05-01 10:30:00', '2023-12-31 23:59', '2024-01-15 08:00:00']], length: 3 };
    const p = inferSchema(table).properties as Record<string, SchemaObject>;
    expect(p.seen).toMatchObject({ type: 'string', format: 'date-time', formatMinimum: '2023-12-31T23:59:00Z', formatMaximum: '2024-05-01T10:30:00Z' });
    expect(checkSchema(inferSchema(table))).toEqual([]);
  });

  it('infers nested objects and arrays from JSON-like columns', () => {
    const table: Table = {
      fields: [field('address', 'json', true), field('tags', 'json')],
      columns: [
        [{ city: 'Oslo', zip: '0150' }, { city: 'Rome', zip: '00118' }, null],
        [['a', 'b'], ['b'], []],
      ],
      length: 3,
    };
    const p = inferSchema(table).properties as Record<string, SchemaObject>;
    expect(p.address).toMatchObject({ type: ['object', 'null'], required: ['city', 'zip'], properties: { city: { type: 'string' }, zip: { type: 'string' } }, 'x-null-rate': 0.3333 });
    expect(p.tags).toMatchObject({ type: 'array', items: { type: 'string' }, minItems: 0, maxItems: 2 });
    expect(checkSchema(inferSchema(table))).toEqual([]);
  });

  it('fails cleanly on a table without columns', () => {
    try {
      inferSchema({ fields: [], columns: [], length: 0 });
      expect.unreachable();
    } catch (e) {
      expect(isSynthError(e, 'SCHEMA_INFER_FAILED')).toBe(true);
    }
  });
});
