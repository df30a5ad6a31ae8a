import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { canonicalJson, isSynthError } from '../core/index.js';
import { checkSchema } from '../schema/index.js';
import { fieldCoverage } from './coverage.js';
import { planOffline } from './offline.js';

interface Case {
  domain: string;
  description: string;
  expected: string[];
  absent?: string[];
  rows?: number;
}
const fixtures = JSON.parse(readFileSync(new URL('./test-fixtures/descriptions.json', import.meta.url), 'utf8')) as { cases: Case[] };

describe('the labelled descriptions', () => {
  const results = fixtures.cases.map((c) => ({ c, plan: planOffline({ description: c.description }) }));

  it('has at least 60 descriptions over at least 12 domains', () => {
    expect(fixtures.cases.length).toBeGreaterThanOrEqual(60);
    expect(new Set(fixtures.cases.map((c) => c.domain)).size).toBeGreaterThanOrEqual(12);
  });

  it('plans a valid schema for every one', () => {
    for (const { c, plan } of results) expect(checkSchema(plan.schema, { rows: 1000 }), c.description).toEqual([]);
  });

  it('covers at least 85% of the expected fields on average', () => {
    const coverage = results.map(({ c, plan }) => fieldCoverage(plan.schema, c.expected).covered);
    const average = coverage.reduce((a, b) => a + b, 0) / coverage.length;
    expect(average).toBeGreaterThanOrEqual(0.85);
  });

  it('picks the labelled domain, reads the row counts and drops what was excluded', () => {
    const right = results.filter(({ c, plan }) => plan.template?.startsWith(`${c.domain}/`)).length;
    expect(right / results.length).toBeGreaterThanOrEqual(0.9);
    for (const { c, plan } of results) {
      if (c.rows !== undefined) expect(plan.rows, c.description).toBe(c.rows);
      for (const a of c.absent ?? []) expect(Object.keys(plan.schema.properties!).some((p) => p.includes(a)), `${c.description}: ${a}`).toBe(false);
    }
  });

  it('explains every field', () => {
    for (const { plan } of results) for (const name of Object.keys(plan.schema.properties!)) expect(plan.rationale[name]).toBeTruthy();
  });
});

describe('planOffline', () => {
  it('is deterministic', () => {
    const a = planOffline({ description: 'customers with purchase history but without emails, 10k records' });
    const b = planOffline({ description: 'customers with purchase history but without emails, 10k records' });
    expect(canonicalJson(a)).toBe(canonicalJson(b));
    expect(a.rows).toBe(10_000);
  });

  it.each(['', '   ', 'asdf qwerty', 'I need some data', '1000 rows'])('refuses %j with DESCRIBE_EMPTY instead of a random table', (text) => {
    try {
      planOffline({ description: text });
      expect.unreachable();
    } catch (e) {
      expect(isSynthError(e, 'DESCRIBE_EMPTY')).toBe(true);
      expect((e as Error).message).toMatch(/what the records are about|e\.g\./);
      if (text === '1000 rows') expect((e as Error).message).toContain('rows: 1000');
    }
  });

  it('plans what it understands of another language and reports the rest', () => {
    const plan = planOffline({ description: 'datos de clientes con correo y ciudad, zumbido 500 filas' });
    expect(plan.template).toBe('e-commerce/customers');
    expect(plan.rows).toBe(500);
    expect(plan.schema['x-locale']).toBe('es');
    expect(plan.understood.some((u) => u.startsWith('language: Spanish'))).toBe(true);
    expect(plan.notUnderstood).toContain('zumbido');
  });

  it('adds the fields asked for and removes the ones refused, cascading to derived fields', () => {
    const plan = planOffline({ description: 'patients with diagnosis and medication but no first names' });
    const props = Object.keys(plan.schema.properties!);
    expect(props).toEqual(expect.arrayContaining(['diagnosis', 'medication']));
    expect(props).not.toContain('first_name');
    const customers = planOffline({ description: 'online store customers without first name' });
    expect(Object.keys(customers.schema.properties!)).not.toContain('email');
    expect(customers.warnings.join(' ')).toMatch(/also removed email/);
  });

  it('builds a generic table from fields alone', () => {
    const plan = planOffline({ description: 'a list of names and emails' });
    expect(plan.template).toBeUndefined();
    expect(Object.keys(plan.schema.properties!)).toEqual(['id', 'full_name', 'email']);
    expect(checkSchema(plan.schema)).toEqual([]);
  });

  it('adds list items the semantic name table knows, and reports the others', () => {
    const plan = planOffline({ description: 'a table of cars with make, model, year and price' });
    expect(plan.schema.properties!.make).toMatchObject({ 'x-faker': 'vehicle.manufacturer' });
    expect(plan.schema.properties!.year).toMatchObject({ type: 'integer' });
    expect(plan.notUnderstood).toContain('model');
    expect(checkSchema(plan.schema)).toEqual([]);
    const hotel = planOffline({ description: 'hotel bookings with check-in date and price' });
    expect(hotel.schema.properties!.check_in_date).toMatchObject({ format: 'date' });
  });

  it('applies ranges, rates and locales from the text', () => {
    const old = planOffline({ description: 'patients over 65' });
    expect((old.schema.properties!.birth_date as Record<string, unknown>)['x-before']).toBe('-65y');
    const people = planOffline({ description: 'german people aged between 18 and 30' });
    expect(people.schema.properties!.age).toMatchObject({ minimum: 18, maximum: 30 });
    expect(people.schema['x-locale']).toBe('de');
    const fraud = planOffline({ description: 'card transactions with 5% fraud' });
    expect((fraud.schema.properties!.is_fraud as Record<string, unknown>)['x-distribution']).toEqual({ type: 'weighted', weights: { true: 0.05, false: 0.95 } });
  });

  it('does not take the scene for a field ("for a telecom company" adds no company column)', () => {
    const plan = planOffline({ description: 'customer churn data for a telecom company, 1000 rows' });
    expect(plan.template).toBe('telecom/churn');
    expect(Object.keys(plan.schema.properties!)).not.toContain('company');
  });
});
