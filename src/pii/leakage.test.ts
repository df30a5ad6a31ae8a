import { describe, expect, it } from 'vitest';
import { field, type Table } from '../core/index.js';
import { checkLeakage } from './leakage.js';
import { redactLeaks, LEAKED_TEXT_TOKEN } from './leakage-redact.js';

const body = 'Thanks for the update on the quarterly numbers, I will forward them to the board tomorrow morning.';
const source: Table = {
  fields: [field('name', 'string'), field('email', 'string'), field('body', 'string')],
  columns: [
    ['Maria Gonzalez', 'Robert Johnson', 'Wei Zhang'],
    ['maria@example.com', 'rj@example.org', 'wei.zhang@example.net'],
    [body, 'Please send the signed contract back by Friday so we can start the project next week.', 'Short one.'],
  ],
  length: 3,
};

describe('checkLeakage', () => {
  it('finds nothing in an output that shares no values or long spans', () => {
    const output: Table = {
      fields: source.fields,
      columns: [['Ann Lee', 'Bo Chan'], ['ann@example.com', 'bo@example.com'], ['Thanks for the update on the plan, see you soon.', 'Short one.']],
      length: 2,
    };
    const r = checkLeakage(output, source);
    expect(r.leaked).toBe(false);
    expect(r.identifierColumns).toEqual(['name', 'email']);
    expect(r.textColumns).toEqual(['body']);
  });

  it('flags identifier values whole or inside text, and 8+ token spans copied from a source row', () => {
    const output: Table = {
      fields: [field('who', 'string'), field('mail', 'string'), field('text', 'string')],
      columns: [
        ['Ann Lee', ' maria gonzalez ', 'Bo Chan'],
        ['ann@example.com', 'x@example.com', 'y@example.com'],
        ['Hello. I will forward them to the board tomorrow morning as agreed.', 'nothing copied here at all', 'ping RJ@example.org today'],
      ],
      length: 3,
    };
    const r = checkLeakage(output, source);
    expect(r.leaked).toBe(true);
    expect(r.identifierLeaks.map((l) => [l.outputRow, l.outputColumn, l.sourceColumn, l.value])).toEqual([
      [1, 'who', 'name', ' maria gonzalez '],
      [2, 'text', 'email', 'RJ@example.org'],
    ]);
    expect(r.textLeaks).toHaveLength(1);
    const t = r.textLeaks[0]!;
    expect(t).toMatchObject({ outputRow: 0, outputColumn: 'text', sourceRow: 0, sourceColumn: 'body', tokens: 9 });
    expect(t.text).toBe('I will forward them to the board tomorrow morning');
    expect(r.leakedRows).toBe(3);
  });

  it('does not flag a shared span shorter than minTokens', () => {
    const output: Table = { fields: [field('text', 'string')], columns: [['we can start the project next week']], length: 1 };
    expect(checkLeakage(output, source).counts.text).toBe(0);
    expect(checkLeakage(output, source, { minTokens: 7 }).counts.text).toBe(1);
  });

  it('redacts leaks with tokens', () => {
    const output: Table = {
      fields: [field('who', 'string'), field('text', 'string')],
      columns: [['Wei Zhang', 'Ann Lee'], ['ok', `Note: ${body}`]],
      length: 2,
    };
    const r = checkLeakage(output, source, { maxLeaks: Infinity });
    const { table, redactedCells } = redactLeaks(output, r);
    expect(redactedCells).toBe(2);
    expect(table.columns[0]).toEqual(['[PERSON_NAME]', 'Ann Lee']);
    expect(table.columns[1]![1]).toBe(`Note: ${LEAKED_TEXT_TOKEN}.`);
  });
});
