import { describe, expect, it } from 'vitest';
import { PHONE_PATTERN } from '../schema/index.js';
import { generateRows } from './index.js';
import { multiples } from './compile-number.js';
import { CORPUS } from './test-fixtures/corpus.js';

const bench = CORPUS.find((c) => c.name === 'bench schema')!.schema;
const REF = '2025-06-01';
const rows = generateRows(bench, { rows: 2000, seed: 3, referenceDate: REF });

const ascii = (s: string): string => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9_-]/g, '');

describe('values look real, not just valid', () => {
  it('emails are built from the row\'s own first and last names', () => {
    let fitting = 0;
    for (const r of rows) {
      const local = String(r.email).split('@')[0]!;
      const first = ascii(String(r.first_name));
      const last = ascii(String(r.last_name));
      if (local.includes(first) || local.includes(last) || (local.startsWith(first[0]!) && local.includes(last))) fitting++;
    }
    expect(fitting).toBe(rows.length);
    const domains = new Set(rows.map((r) => String(r.email).split('@')[1]));
    expect([...domains].sort()).toEqual(['gmail.com', 'hotmail.com', 'yahoo.com']);
  });

  it('names come from the locale data, with variety', () => {
    expect(new Set(rows.map((r) => r.first_name)).size).toBeGreaterThan(500);
    for (const r of rows.slice(0, 50)) expect(String(r.first_name)).toMatch(/^[A-Z][a-zA-Z'-]+$/);
  });

  it('phones look like phones', () => {
    for (const r of rows) {
      expect(String(r.phone)).toMatch(PHONE_PATTERN);
      expect(String(r.phone).replace(/\D/g, '').length).toBeGreaterThanOrEqual(10);
    }
  });

  it('dates are in the past five years before the reference date, never in the future', () => {
    const ref = Date.parse(REF);
    const times = rows.map((r) => Date.parse(String(r.signup_date)));
    expect(Math.max(...times)).toBeLessThan(ref);
    expect(Math.min(...times)).toBeGreaterThan(ref - 5.01 * 365 * 86_400_000);
  });

  it('birth dates make adults; created_at is recent', () => {
    const people = generateRows(
      { type: 'object', properties: { date_of_birth: { type: 'string', format: 'date' }, created_at: { type: 'string', format: 'date-time' }, age: { type: 'integer' } }, required: ['date_of_birth', 'created_at', 'age'] },
      { rows: 500, seed: 1, referenceDate: REF },
    );
    for (const p of people) {
      const years = (Date.parse(REF) - Date.parse(String(p.date_of_birth))) / (365.25 * 86_400_000);
      expect(years).toBeGreaterThan(17.9);
      expect(years).toBeLessThan(90.1);
      expect(Date.parse(String(p.created_at))).toBeLessThan(Date.parse(REF));
      expect(p.age).toBeGreaterThanOrEqual(18);
      expect(p.age).toBeLessThanOrEqual(90);
    }
  });

  it('UUIDs are RFC 4122 version 4', () => {
    for (const r of rows) expect(String(r.id)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('money prints clean: 0.01 steps never give float noise, and every cent occurs', () => {
    const cents = new Set<string>();
    for (const r of rows) {
      const text = String(r.balance);
      expect(text).toMatch(/^\d+(\.\d{1,2})?$/);
      cents.add((text.split('.')[1] ?? '').padEnd(2, '0'));
    }
    expect(cents.size).toBeGreaterThan(95);
    const m = multiples(0.01);
    for (let k = 5_967_290; k < 5_967_300; k++) expect(String(m(k))).toMatch(/^\d+\.\d{1,2}$|^\d+$/);
    expect(m(5_967_295)).toBe(59672.95);
  });

  it('weighted categories follow their weights', () => {
    const tiers = generateRows(CORPUS.find((c) => c.name === 'x-distribution categorical')!.schema, { rows: 4000, seed: 5, referenceDate: REF });
    const share = (t: string): number => tiers.filter((r) => r.tier === t).length / tiers.length;
    expect(share('gold')).toBeGreaterThan(0.07);
    expect(share('gold')).toBeLessThan(0.13);
    expect(share('bronze')).toBeGreaterThan(0.55);
  });

  it('optional properties are sometimes absent, nullable ones sometimes null', () => {
    const out = generateRows({ type: 'object', properties: { a: { type: 'string' }, b: { type: ['integer', 'null'], minimum: 0, maximum: 9 } }, required: ['b'] }, { rows: 1000, seed: 2, referenceDate: REF });
    const absent = out.filter((r) => !('a' in r)).length;
    const nulls = out.filter((r) => r.b === null).length;
    expect(absent).toBeGreaterThan(100);
    expect(absent).toBeLessThan(350);
    expect(nulls).toBeGreaterThan(40);
    expect(nulls).toBeLessThan(200);
  });

  it('x-unique and x-sequence hold across blocks', () => {
    const schema = CORPUS.find((c) => c.name === 'x-unique integers and enums')!.schema;
    const out = generateRows(schema, { rows: 300, seed: 9, referenceDate: REF, batchSize: 77 });
    expect(new Set(out.map((r) => r.id)).size).toBe(300);
    expect(new Set(out.map((r) => r.code)).size).toBe(300);
    const emails = generateRows({ type: 'object', properties: { email: { type: 'string', format: 'email', 'x-unique': true }, first_name: { type: 'string', 'x-unique': true } }, required: ['email', 'first_name'] }, { rows: 9000, seed: 1, referenceDate: REF });
    expect(new Set(emails.map((r) => r.email)).size).toBe(9000);
    expect(new Set(emails.map((r) => r.first_name)).size).toBe(9000);
    const seq = generateRows(CORPUS.find((c) => c.name === 'x-sequence')!.schema, { rows: 5000, seed: 1 });
    expect(seq.map((r) => r.id)).toEqual(Array.from({ length: 5000 }, (_, i) => i + 1));
    expect(seq[4999]!.n).toBe(1000 + 4999 * 10);
  });

  it('x-locale draws from that locale', () => {
    const out = generateRows({ type: 'object', properties: { stadt: { type: 'string', 'x-faker': 'location.city', 'x-locale': 'de' } }, required: ['stadt'] }, { rows: 200, seed: 1 });
    expect(out.some((r) => /(dorf|burg|stadt|feld|heim|berg|hausen|ingen|Bad |Neu |Alt |Ost |West |Nord |Süd )/.test(String(r.stadt)))).toBe(true);
  });
});
