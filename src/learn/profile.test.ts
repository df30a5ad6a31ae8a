import { describe, expect, it } from 'vitest';
import { isSynthError } from '../core/index.js';
import { checkSchema } from '../schema/index.js';
import { profileColumn, profileTable } from './profile.js';
import { profileToSchema } from './profile-schema.js';
import { fixtureTable, tableOf } from './test-tables.js';

function codeOf(f: () => unknown): string | undefined {
  try {
    f();
  } catch (e) {
    return isSynthError(e) ? e.code : 'other';
  }
  return undefined;
}

describe('profileTable', () => {
  it('tells the kinds of the fixture tables', () => {
    const kinds = (name: 'penguins' | 'cars' | 'seattle_weather') => Object.fromEntries(profileTable(fixtureTable(name)).columns.map((c) => [c.name, c.kind]));
    expect(kinds('penguins')).toEqual({
      Species: 'categorical', Island: 'categorical', 'Beak Length (mm)': 'continuous', 'Beak Depth (mm)': 'continuous',
      'Flipper Length (mm)': 'integer', 'Body Mass (g)': 'integer', Sex: 'categorical',
    });
    expect(kinds('cars')).toMatchObject({ Name: 'text', Cylinders: 'integer', Acceleration: 'continuous', Year: 'datetime', Origin: 'categorical' });
    expect(kinds('seattle_weather')).toMatchObject({ date: 'datetime', precipitation: 'continuous', weather: 'categorical' });
  });

  it('measures nulls, range, decimals, cardinality and uniqueness', () => {
    const beak = profileTable(fixtureTable('penguins')).columns[2]!;
    expect(beak).toMatchObject({ nullCount: 2, min: 32.1, max: 59.6, decimals: 1 });
    expect(beak.nullRate).toBeCloseTo(2 / 344);
    const date = profileTable(fixtureTable('seattle_weather')).columns[0]!;
    expect(date).toMatchObject({ kind: 'datetime', uniqueness: 1, datetime: { pattern: 'YYYY-MM-DD', offset: null } });
  });

  it('knows booleans in their spellings', () => {
    for (const [f, t] of [['no', 'yes'], ['FALSE', 'TRUE'], ['0', '1'], ['N', 'Y']] as const) {
      const p = profileColumn('b', [t, f, f, t, null, f]);
      expect(p.kind).toBe('boolean');
      expect(p.booleanLabels).toEqual([f, t]);
    }
    expect(profileColumn('b', [true, false, true]).booleanLabels).toEqual([false, true]);
  });

  it('keeps the format and zone of datetimes', () => {
    const p = profileColumn('at', ['2002-08-22T18:26:25+07:00', '2002-08-23T01:00:00+07:00', '2002-08-24T02:00:00-05:00']);
    expect(p.kind).toBe('datetime');
    expect(p.datetime).toEqual({ pattern: 'YYYY-MM-DDTHH:mm:ssZ', unitMs: 1000, offset: 420 });
    expect(profileColumn('d', ['Jun 12 1998', 'Aug 07 1998']).datetime?.pattern).toBe('MMM DD YYYY');
    expect(profileColumn('d', ['2001/01/01 00:47', '2001/01/01 01:10']).datetime?.pattern).toBe('YYYY/MM/DD HH:mm');
  });

  it('handles constant, all-null and one-row-per-value columns', () => {
    const t = tableOf({
      constant: ['x', 'x', 'x', 'x', 'x', 'x'],
      empty: [null, null, null, null, null, null],
      key: ['A-001', 'A-002', 'A-003', 'A-004', 'A-005', 'A-006'],
      note: ['the cat sat on the mat', 'a dog ran far away', 'it rained all day long', 'we ate soup for lunch', 'the bus was late again', 'nothing much happened here'],
    });
    expect(profileTable(t).columns.map((c) => c.kind)).toEqual(['constant', 'empty', 'id', 'text']);
  });

  it('reports bad tables cleanly', () => {
    expect(codeOf(() => profileTable({ fields: [], columns: [], length: 0 }))).toBe('LEARN_BAD_TABLE');
    expect(codeOf(() => profileTable(tableOf({ a: [] })))).toBe('LEARN_BAD_TABLE');
    const dup = { fields: [{ name: 'a', kind: 'string' as const, nullable: true }, { name: 'a', kind: 'string' as const, nullable: true }], columns: [[1], [2]], length: 1 };
    expect(codeOf(() => profileTable(dup))).toBe('IO_DUPLICATE_COLUMN');
    const mixed = Array.from({ length: 40 }, (_, i) => String(i));
    mixed[17] = 'twelve';
    expect(codeOf(() => profileColumn('age', mixed))).toBe('LEARN_BAD_TABLE');
    expect(codeOf(() => profileColumn('x', [1, 'a', true]))).toBe('LEARN_BAD_TABLE');
    expect(profileColumn('n', ['1', 'NA', '3', '4']).nullCount).toBe(1);
  });

  it('becomes a reviewable schema', () => {
    const schema = profileToSchema(profileTable(fixtureTable('penguins')), 'penguins') as { properties: Record<string, Record<string, unknown>>; required: string[] };
    expect(schema.properties['Body Mass (g)']).toMatchObject({ type: ['integer', 'null'], minimum: 2700, maximum: 6300 });
    expect(schema.properties.Species).toMatchObject({ type: 'string', enum: ['Adelie', 'Gentoo', 'Chinstrap'] });
    expect(schema.required).toEqual(['Species', 'Island']);
    for (const name of ['penguins', 'cars', 'seattle_weather'] as const) {
      expect(checkSchema(profileToSchema(profileTable(fixtureTable(name))))).toEqual([]);
    }
  });
});
