import { describe, expect, it } from 'vitest';
import { classifyColumn } from './classify.js';
import { columnHints } from './column-hints.js';

describe('columnHints', () => {
  it('splits names and finds the type they point at', () => {
    expect([...columnHints('customerEmail')]).toEqual(['email']);
    expect([...columnHints('from_name')]).toEqual(['person_name']);
    expect([...columnHints('Home Address')]).toEqual(['address']);
    expect([...columnHints('email_address')]).toEqual(['email']);
    expect([...columnHints('product_name')]).toEqual([]);
    expect([...columnHints('DOB')]).toEqual(['date_of_birth']);
  });
});

describe('classifyColumn', () => {
  it('classifies by values even with an uninformative name, and gives sample positions', () => {
    const c = classifyColumn('col_7', ['ann@example.org', null, 'bo@example.com', 'cy@example.net', ''])!;
    expect(c.type).toBe('email');
    expect(c.nameHint).toBe(false);
    expect(c.sampled).toBe(3);
    expect(c.samples).toEqual([0, 2, 3]);
    expect(c.confidence).toBeGreaterThan(0.9);
  });

  it('uses the column name to accept looser values (names, bare SSNs, birth dates, passwords)', () => {
    expect(classifyColumn('name', ['Bennett, Mrs. Harriet Louise', 'Okafor, Mr. Chidi', 'Robert Elz', 'Steve Burt'])?.type).toBe('person_name');
    expect(classifyColumn('ssn', ['536221234', '412-55-1234', '123-45-6780'])?.type).toBe('ssn');
    expect(classifyColumn('dob', ['1984-03-12', '1990-11-02', '1975-06-30'])?.type).toBe('date_of_birth');
    expect(classifyColumn('password', ['hunter2!x', 'c0rrect-horse', 'Tr0ub4dor&3'])?.type).toBe('secret');
    // The same dates under a neutral name are just dates.
    expect(classifyColumn('created', ['1984-03-12', '1990-11-02', '1975-06-30'])).toBeUndefined();
  });

  it('reads numeric phone and card columns', () => {
    expect(classifyColumn('phone', [4158675309, 2125550187, 6175551234])?.type).toBe('phone');
    expect(classifyColumn('x', ['4111111111111111', '5555555555554444', '378282246310005'])?.type).toBe('credit_card');
  });

  it('leaves free text, categories and empty columns unclassified', () => {
    expect(classifyColumn('notes', ['The shipment arrived late, and we wrote to jane@example.com about it several times over the last two weeks without any answer at all.'])).toBeUndefined();
    expect(classifyColumn('status', ['open', 'closed', 'open'])).toBeUndefined();
    expect(classifyColumn('empty', [null, undefined, ''])).toBeUndefined();
  });

  it('samples evenly rather than the head of a sorted column', () => {
    const values = [...Array.from({ length: 500 }, () => 'n/a'), ...Array.from({ length: 500 }, (_, i) => `user${i}@example.com`)];
    const c = classifyColumn('contact_email', values, { sampleSize: 100 })!;
    expect(c.type).toBe('email');
    expect(c.sampled).toBe(100);
  });
});
