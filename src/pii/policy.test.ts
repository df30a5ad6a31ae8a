import { describe, expect, it } from 'vitest';
import { collectRows, field, isSynthError, recordBatch, Rng, type Table } from '../core/index.js';
import { applyPolicy, redactBatches, redactText, textRedactor, type RedactStreamSummary } from './policy.js';
import { detectPii } from './detect.js';

const table: Table = {
  fields: [field('email', 'string'), field('phone', 'integer'), field('comment', 'string')],
  columns: [
    ['ann@example.org', 'bo@example.com', 'cy@example.net'],
    [4158675309, 2125550142, 6175551234],
    ['ok', 'write to Dr. Jane Goodall at jane@example.com', 'fine'],
  ],
  length: 3,
};

describe('redactText', () => {
  it('replaces findings with typed tokens', () => {
    expect(redactText('mail jane@example.com or call (212) 555-0187')).toBe('mail [EMAIL] or call [PHONE]');
    expect(redactText('nothing here')).toBe('nothing here');
  });

  it('replaces with seeded fakes: same seed same text, same value same fake, and the fake is not the original', () => {
    const text = 'jane@example.com wrote to jane@example.com; SSN 536-22-1234';
    const a = redactText(text, { style: 'fake', rng: new Rng(7) });
    const b = redactText(text, { style: 'fake', rng: new Rng(7) });
    const c = redactText(text, { style: 'fake', rng: new Rng(8) });
    expect(a).toBe(b);
    expect(a).not.toBe(c);
    expect(a).not.toContain('jane@example.com');
    expect(a).not.toContain('536-22-1234');
    const emails = detectPii(a, { types: ['email'] }).map((f) => f.value);
    expect(emails).toHaveLength(2);
    expect(emails[0]).toBe(emails[1]);
    // Fake SSNs use the never-issued 9xx area, so they cannot be anyone's.
    expect(a).toMatch(/SSN 9\d\d-\d\d-\d{4}/);
  });

  it('textRedactor gives the same fakes as redactText, reusing one set-up for many texts', () => {
    const redact = textRedactor({ style: 'fake', rng: new Rng(7) });
    const text = 'jane@example.com wrote to jane@example.com; SSN 536-22-1234';
    expect(redact(text)).toBe(redactText(text, { style: 'fake', rng: new Rng(7) }));
    expect(redact('no pii')).toBe('no pii');
  });

  it('asks for an Rng when fakes are wanted', () => {
    expect(() => redactText('jane@example.com', { style: 'fake' })).toThrow(/Rng/);
  });
});

describe('applyPolicy', () => {
  it('report leaves the table as it is', async () => {
    const r = await applyPolicy(table, { policy: 'report' });
    expect(r.table).toBe(table);
    expect(r.scan.totalFindings).toBeGreaterThan(0);
  });

  it('redact replaces classified columns whole and free-text spans, changing kinds to string', async () => {
    const r = await applyPolicy(table, { policy: 'redact' });
    expect(r.table.columns[0]).toEqual(['[EMAIL]', '[EMAIL]', '[EMAIL]']);
    expect(r.table.columns[1]).toEqual(['[PHONE]', '[PHONE]', '[PHONE]']);
    expect(r.table.fields[1]!.kind).toBe('string');
    expect(r.table.columns[2]).toEqual(['ok', 'write to Dr. [PERSON_NAME] at [EMAIL]', 'fine']);
    expect(r.redactedCells).toBe(7);
    // The input is untouched.
    expect(table.columns[0]![0]).toBe('ann@example.org');
  });

  it('redact with fakes is reproducible with a seed', async () => {
    const a = await applyPolicy(table, { policy: 'redact', style: 'fake', rng: new Rng(1) });
    const b = await applyPolicy(table, { policy: 'redact', style: 'fake', rng: new Rng(1) });
    expect(a.table.columns).toEqual(b.table.columns);
    expect(String(a.table.columns[0]![0])).toMatch(/@example\.(com|org|net)$/);
  });

  it('block throws PII_BLOCKED naming types and columns', async () => {
    try {
      await applyPolicy(table, { policy: 'block' });
      expect.unreachable();
    } catch (e) {
      expect(isSynthError(e, 'PII_BLOCKED')).toBe(true);
      expect((e as Error).message).toMatch(/email \d+ \(email, comment\)/);
    }
    const clean: Table = { fields: [field('n', 'integer')], columns: [[1, 2, 3]], length: 3 };
    await expect(applyPolicy(clean, { policy: 'block' })).resolves.toMatchObject({ policy: 'block' });
  });

  it('rejects an unknown policy', async () => {
    await expect(applyPolicy(table, { policy: 'delete' as never })).rejects.toThrow(/report, redact, block/);
  });
});

describe('redactBatches', () => {
  it('redacts a stream batch by batch with the classes of the first batch, and fills the summary', async () => {
    const fields = [field('email', 'string'), field('ref', 'integer'), field('note', 'string')];
    const batches = [
      recordBatch(fields, [['ann@example.org', 'bo@example.com'], [1, 2], ['hi', 'mail cy@example.net']]),
      recordBatch(fields, [['dee@example.org', null], [4158675309, 3], ['ok', 'fine']]),
    ];
    const summary: RedactStreamSummary = { scan: undefined, redactedCells: 0 };
    const rows = await collectRows(redactBatches(batches, {}, summary));
    expect(rows).toEqual([
      { email: '[EMAIL]', ref: 1, note: 'hi' },
      { email: '[EMAIL]', ref: 2, note: 'mail [EMAIL]' },
      { email: '[EMAIL]', ref: 4158675309, note: 'ok' },
      { email: null, ref: 3, note: 'fine' },
    ]);
    // A bare 10-digit number in a column not named like a phone is not read as one.
    expect(summary.redactedCells).toBe(4);
    expect(summary.scan!.rows).toBe(4);
    expect(summary.scan!.counts).toEqual({ email: 4 });
  });
});
