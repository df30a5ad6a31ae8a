import { describe, expect, it } from 'vitest';
import { field, recordBatch, type RecordBatch, type Table } from '../core/index.js';
import { scanTable } from './scan.js';

const people: Table = {
  fields: [field('id', 'integer'), field('full_name', 'string'), field('email', 'string'), field('notes', 'string', true)],
  columns: [
    [1, 2, 3, 4],
    ['Maria Gonzalez', 'Robert Johnson', 'Wei Zhang', 'Susan Miller'],
    ['maria@example.com', 'rj@example.org', 'wei.zhang@example.net', 'susan.m@example.com'],
    ['called from (212) 555-0187', null, 'card 4111 1111 1111 1111 on file', 'nothing to note'],
  ],
  length: 4,
};

describe('scanTable', () => {
  it('classifies columns and finds free-text PII with row and column', async () => {
    const r = await scanTable(people);
    expect(r.format).toBe('synthdata.pii-scan');
    expect(r.rows).toBe(4);
    const cls = Object.fromEntries(r.columns.map((c) => [c.name, c.classification?.type ?? null]));
    expect(cls).toEqual({ id: null, full_name: 'person_name', email: 'email', notes: null });
    expect(r.counts).toEqual({ person_name: 4, email: 4, phone: 1, credit_card: 1 });
    const phone = r.findings.find((f) => f.type === 'phone')!;
    expect(phone).toMatchObject({ row: 0, column: 'notes', value: '(212) 555-0187' });
    expect(r.findings.find((f) => f.type === 'credit_card')).toMatchObject({ row: 2, column: 'notes' });
    expect(r.columns.find((c) => c.name === 'notes')!.cellsWithPii).toBe(2);
    expect(r.totalFindings).toBe(10);
    expect(r.truncated).toBe(false);
  });

  it('gives the same result for a stream of batches, with rows counted across batches', async () => {
    async function* batches(): AsyncGenerator<RecordBatch> {
      yield recordBatch(people.fields, people.columns.map((c) => c.slice(0, 2)));
      yield recordBatch(people.fields, people.columns.map((c) => c.slice(2)));
    }
    const streamed = await scanTable(batches());
    const whole = await scanTable(people);
    expect(streamed.counts).toEqual(whole.counts);
    expect(streamed.findings.find((f) => f.type === 'credit_card')!.row).toBe(2);
  });

  it('keeps at most maxFindings findings but counts them all', async () => {
    const r = await scanTable(people, { maxFindings: 3 });
    expect(r.findings).toHaveLength(3);
    expect(r.totalFindings).toBe(10);
    expect(r.truncated).toBe(true);
  });

  it('takes hints from field meta (pii type or JSON Schema format)', async () => {
    const t: Table = { fields: [field('c1', 'string', false, { pii: 'ssn' }), field('c2', 'string', false, { format: 'email' })], columns: [['536221234', '412551234'], ['a@example.org', 'b@example.org']], length: 2 };
    const r = await scanTable(t);
    expect(r.columns.map((c) => c.classification?.type)).toEqual(['ssn', 'email']);
  });

  it('handles an empty table and emits progress events', async () => {
    const events: string[] = [];
    const r = await scanTable({ fields: [field('a', 'string')], columns: [[]], length: 0 }, { onEvent: (e) => events.push(e.type) });
    expect(r.totalFindings).toBe(0);
    expect(r.columns[0]!.classification).toBeUndefined();
    expect(events).toContain('step');
  });
});
