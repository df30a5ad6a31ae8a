import { describe, expect, it } from 'vitest';
import { isSynthError } from '../core/index.js';
import { detectPii, resolveOverlaps } from './detect.js';
import type { PiiFinding } from './types.js';

const types = (text: string, options = {}): string[] => detectPii(text, options).map((f) => f.type);

describe('detectPii', () => {
  it('finds each type in one mixed text, with exact offsets', () => {
    const text = 'Mail jane.doe@example.com, call (212) 555-0187, SSN 536-22-1234, card 4111 1111 1111 1111, '
      + 'IBAN DE89 3704 0044 0532 0130 00, host 192.168.1.20, nic 00:1a:2b:3c:4d:5e, db postgres://app:s3cret@db.local/app, '
      + 'key AKIAIOSFODNN7EXAMPLE. Dr. Jane Goodall lives at 742 Evergreen Terrace, Springfield, IL 62704. DOB: 1984-03-12.';
    const found = detectPii(text);
    expect(found.map((f) => f.type)).toEqual([
      'email', 'phone', 'ssn', 'credit_card', 'iban', 'ip_address', 'mac_address', 'url_credentials', 'secret', 'person_name', 'address', 'date_of_birth',
    ]);
    for (const f of found) expect(text.slice(f.start, f.end)).toBe(f.value);
    expect(found.find((f) => f.type === 'address')!.value).toBe('742 Evergreen Terrace, Springfield, IL 62704');
  });

  it('lets a URL with credentials win over the e-mail-shaped part inside it', () => {
    expect(types('postgres://admin:pw1234@db.example.com/app')).toEqual(['url_credentials']);
  });

  it('rejects numbers of the right shape that fail their checks', () => {
    expect(types('SSN 666-12-3456, card 4111 1111 1111 1112, IBAN GB82 WEST 1234 5698 7654 33, ip 256.1.1.1')).toEqual([]);
  });

  it('does not read dates, versions or order numbers as phones', () => {
    expect(types('Order 1234567890 shipped 2024-03-12 10:30; kernel 2.4.18; 24.07.2002 15:00')).toEqual([]);
  });

  it('reads a bare 9-digit SSN only with context', () => {
    expect(types('ref 536221234')).toEqual([]);
    expect(types('ssn: 536221234')).toEqual(['ssn']);
    expect(types('536221234', { mode: 'value', column: 'ssn' })).toEqual(['ssn']);
  });

  it('takes any phone-shaped value in a phone column, made-up numbers included, but not dates or decimals', () => {
    // 595 is not an assigned US area code: text mode validates against the number plan, a phone column does not.
    expect(types('595-736-8079 x727')).toEqual([]);
    expect(types('595-736-8079 x727', { mode: 'value', column: 'phone' })).toEqual(['phone']);
    expect(types('+44 20 7946 0958', { mode: 'value', column: 'mobile' })).toEqual(['phone']);
    expect(types('2024-03-12', { mode: 'value', column: 'phone' })).toEqual([]);
    expect(types('12345.678', { mode: 'value', column: 'phone' })).toEqual([]);
    expect(types('12-34', { mode: 'value', column: 'phone' })).toEqual([]);
  });

  it('filters by detector ids, types and confidence', () => {
    const text = 'mail a.b@example.com or call +44 20 7946 0958';
    expect(types(text, { detectors: ['phone'] })).toEqual(['phone']);
    expect(types(text, { types: ['email'] })).toEqual(['email']);
    expect(types(text, { minConfidence: 0.99 })).toEqual([]);
  });

  it('rejects unknown detectors and types, listing the valid ones', () => {
    for (const options of [{ detectors: ['emial'] }, { types: ['emails'] }]) {
      try {
        detectPii('x', options as never);
        expect.unreachable();
      } catch (e) {
        expect(isSynthError(e, 'UNKNOWN_NAME')).toBe(true);
        expect((e as Error).message).toMatch(/email/);
      }
    }
  });

  it('reads national phone numbers for the default country, and rejects an unknown country', () => {
    expect(types('ring 020 7946 0958 today')).toEqual([]);
    expect(types('ring 020 7946 0958 today', { defaultCountry: 'GB' })).toEqual(['phone']);
    expect(() => detectPii('x', { defaultCountry: 'XX' })).toThrow(/ISO 3166/);
  });

  it('resolves overlaps by confidence, then length', () => {
    const f = (type: PiiFinding['type'], start: number, end: number, confidence: number): PiiFinding => ({ type, start, end, value: '', confidence, detector: 't' });
    expect(resolveOverlaps([f('phone', 0, 10, 0.8), f('ssn', 2, 8, 0.9), f('email', 12, 20, 0.5)]).map((x) => x.type)).toEqual(['ssn', 'email']);
    expect(resolveOverlaps([f('phone', 0, 10, 0.9), f('ssn', 2, 8, 0.9)]).map((x) => x.type)).toEqual(['phone']);
  });
});
