import { describe, expect, it } from 'vitest';
import { SEMANTIC_NAMES, checkSchema, isFakerMethod, normalizeName, semanticHint, SUPPORTED_FORMATS } from './index.js';

describe('semanticHint', () => {
  it('normalizes snake_case, camelCase, kebab-case, spaces and acronyms', () => {
    expect(normalizeName('firstName')).toBe('first_name');
    expect(normalizeName('First Name')).toBe('first_name');
    expect(normalizeName('first-name')).toBe('first_name');
    expect(normalizeName('FIRST_NAME')).toBe('first_name');
    expect(normalizeName('userIPAddress')).toBe('user_ip_address');
    expect(normalizeName('Body Mass (g)')).toBe('body_mass_g');
  });

  it.each([
    ['first_name', 'string', 'person.firstName'],
    ['lastName', 'string', 'person.lastName'],
    ['Full Name', 'string', 'person.fullName'],
    ['name', 'string', 'person.fullName'],
    ['phone_number', 'string', 'phone.number'],
    ['street', 'string', 'location.streetAddress'],
    ['billingCity', 'string', 'location.city'],
    ['state', 'string', 'location.state'],
    ['zip', 'string', 'location.zipCode'],
    ['postal-code', 'string', 'location.zipCode'],
    ['country', 'string', 'location.country'],
    ['company', 'string', 'company.name'],
    ['job title', 'string', 'person.jobTitle'],
    ['iban', 'string', 'finance.iban'],
    ['credit_card', 'string', 'finance.creditCardNumber'],
    ['username', 'string', 'internet.username'],
    ['description', 'string', 'lorem.sentence'],
    ['product_name', 'string', 'commerce.productName'],
  ])('%s (%s) -> %s', (name, type, faker) => {
    expect(semanticHint(name, type)?.faker).toBe(faker);
  });

  it('maps formats, numbers and dates', () => {
    expect(semanticHint('customerEmail', 'string')).toMatchObject({ name: 'email', format: 'email' });
    expect(semanticHint('website', 'string')).toMatchObject({ format: 'uri' });
    expect(semanticHint('ip_address', 'string')).toMatchObject({ format: 'ipv4' });
    expect(semanticHint('guid', 'string')).toMatchObject({ format: 'uuid', unique: true });
    expect(semanticHint('id', 'string')).toMatchObject({ format: 'uuid' });
    expect(semanticHint('id', 'integer')).toMatchObject({ sequence: { start: 1, step: 1 }, unique: true });
    expect(semanticHint('unit_price', 'number')).toMatchObject({ name: 'price', minimum: 0, multipleOf: 0.01, distribution: { type: 'lognormal' } });
    expect(semanticHint('qty', 'integer')).toMatchObject({ name: 'quantity', minimum: 1 });
    expect(semanticHint('created_at', 'string')).toMatchObject({ format: 'date-time', before: '0d' });
    expect(semanticHint('dob', 'string')).toMatchObject({ format: 'date', after: '-90y', before: '-18y' });
    expect(semanticHint('age', 'integer')).toMatchObject({ minimum: 18, maximum: 90 });
    expect(semanticHint('is_active', 'boolean')).toMatchObject({ type: 'boolean' });
    expect(semanticHint('has_children', 'boolean')).toMatchObject({ name: 'flag', type: 'boolean' });
  });

  it('respects the type: a numeric name is not given a text generator', () => {
    expect(semanticHint('customer_id', 'integer')).toMatchObject({ minimum: 1 });
    expect(semanticHint('customer_id', 'string')).toMatchObject({ format: 'uuid' });
    expect(semanticHint('email', 'integer')).toBeUndefined();
    expect(semanticHint('city_population', 'integer')).toBeUndefined();
    expect(semanticHint('xyzzy', 'string')).toBeUndefined();
    expect(semanticHint('', 'string')).toBeUndefined();
  });

  it('keeps a table of 80+ entries whose hints are valid in our dialect', () => {
    expect(SEMANTIC_NAMES.length).toBeGreaterThanOrEqual(80);
    const names = SEMANTIC_NAMES.flatMap((e) => e.names);
    expect(names.length).toBeGreaterThan(300);
    for (const entry of SEMANTIC_NAMES) {
      const { faker, format, distribution, type, minimum, maximum, multipleOf, pattern, enum: values } = entry.hint;
      const path = typeof faker === 'string' ? faker : faker?.method;
      if (path !== undefined) expect(isFakerMethod(path), `${entry.names[0]}: ${path}`).toBe(true);
      if (format !== undefined) expect(SUPPORTED_FORMATS as readonly string[]).toContain(format);
      const node = {
        type: type ?? entry.types?.[0] ?? 'string',
        ...(minimum !== undefined ? { minimum } : {}),
        ...(maximum !== undefined ? { maximum } : {}),
        ...(multipleOf !== undefined ? { multipleOf } : {}),
        ...(pattern !== undefined ? { pattern } : {}),
        ...(values !== undefined ? { enum: values } : {}),
        ...(distribution !== undefined && (distribution.type !== 'weighted' || values !== undefined) ? { 'x-distribution': distribution } : {}),
        ...(format !== undefined ? { format } : {}),
      };
      expect(checkSchema({ type: 'object', properties: { p: node } }), entry.names[0]).toEqual([]);
    }
  });
});
