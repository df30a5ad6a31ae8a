import { describe, expect, it } from 'vitest';
import { generateRows } from './index.js';
import { compileExpression } from './expression.js';

const REF = Date.UTC(2025, 5, 1);
const run = (expr: string, row: Record<string, unknown>): unknown => compileExpression(expr, Object.keys(row), '/x', REF).evaluate((n) => row[n]);

describe('x-expression', () => {
  it('arithmetic, text, comparison and ternaries', () => {
    expect(run('quantity * unit_price', { quantity: 3, unit_price: 2.5 })).toBe(7.5);
    expect(run("first + ' ' + last", { first: 'Ada', last: 'Lovelace' })).toBe('Ada Lovelace');
    expect(run("x > 2 ? 'big' : 'small'", { x: 3 })).toBe('big');
    expect(run('lower(concat(a, "_", b))', { a: 'X', b: 'Y' })).toBe('x_y');
    expect(run('round(a / 3, 2)', { a: 10 })).toBe(3.33);
    expect(run('coalesce(a, b, 1)', { a: null, b: null })).toBe(1);
    expect(run('a ?? 5', { a: null })).toBe(5);
    expect(run('!(a == 1) && true', { a: 2 })).toBe(true);
  });

  it('date helpers', () => {
    expect(run('addDays(d, 30)', { d: '2024-01-15' })).toBe('2024-02-14');
    expect(run('addMonths(d, 1)', { d: '2024-01-31' })).toBe('2024-02-29');
    expect(run('addYears(d, -1)', { d: '2024-02-29T10:00:00Z' })).toBe('2023-02-28T10:00:00Z');
    expect(run('yearsBetween(b, referenceDate())', { b: '2000-06-02' })).toBe(24);
    expect(run('yearsBetween(b, referenceDate())', { b: '2000-06-01' })).toBe(25);
    expect(run('daysBetween(a, b)', { a: '2024-01-01', b: '2024-03-01' })).toBe(60);
    expect(run('year(d) * 100 + month(d)', { d: '2023-07-04' })).toBe(202307);
    expect(run('now()', {})).toBe('2025-06-01T00:00:00.000Z');
  });

  it('never evaluates code: members of prototypes are out of reach', () => {
    expect(run('a.constructor', { a: 'text' })).toBe(null);
    expect(run('o.__proto__', { o: {} })).toBe(null);
    expect(() => run('this', {})).toThrow(/not allowed|not a field/);
    expect(() => run('Function("x")', {})).toThrow(/not an allowed function/);
  });

  it('derived fields stay consistent in generated rows', () => {
    const schema = {
      type: 'object',
      required: ['start_date', 'end_date', 'birth_date', 'age', 'quantity', 'unit_price', 'total', 'first_name', 'last_name', 'email'],
      properties: {
        total: { type: 'number', multipleOf: 0.01, 'x-expression': 'quantity * unit_price' },
        quantity: { type: 'integer', minimum: 1, maximum: 20 },
        unit_price: { type: 'number', minimum: 0.5, maximum: 300, multipleOf: 0.01 },
        start_date: { type: 'string', format: 'date' },
        end_date: { type: 'string', format: 'date', 'x-expression': 'addDays(start_date, 1 + quantity)' },
        birth_date: { type: 'string', format: 'date' },
        age: { type: 'integer', 'x-expression': 'yearsBetween(birth_date, referenceDate())' },
        first_name: { type: 'string' },
        last_name: { type: 'string' },
        email: { type: 'string', format: 'email', 'x-expression': "lower(first_name + '.' + last_name) + '@example.com'" },
      },
    };
    const rows = generateRows(schema, { rows: 500, seed: 4, referenceDate: '2025-06-01' });
    for (const r of rows) {
      expect(r.total).toBe(Math.round((r.quantity as number) * (r.unit_price as number) * 100) / 100);
      expect(String(r.total)).toMatch(/^\d+(\.\d{1,2})?$/);
      expect(Date.parse(String(r.end_date))).toBeGreaterThan(Date.parse(String(r.start_date)));
      expect(r.age).toBeGreaterThanOrEqual(18);
      expect(String(r.email).startsWith(String(r.first_name).toLowerCase())).toBe(true);
    }
  });
});
