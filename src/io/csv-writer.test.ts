import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { field, recordBatch, type Cell, type Field } from '../core/index.js';
import { csvEncoder } from './csv-writer.js';

function csv(fields: Field[], columns: Cell[][], options = {}): string {
  const enc = csvEncoder(fields, options);
  const n = columns[0]?.length ?? 0;
  return enc.head() + enc.encode(columns, n, 0).toString('utf8') + enc.tail(n);
}

describe('csvEncoder', () => {
  it('quotes only fields holding the delimiter, a quote, CR or LF, doubling inner quotes (RFC 4180)', () => {
    const text = csv([field('s', 'string')], [['plain', 'a,b', 'say "hi"', 'two\nlines', 'cr\rhere', ' spaced ', '']]);
    expect(text).toBe('s\nplain\n"a,b"\n"say ""hi"""\n"two\nlines"\n"cr\rhere"\n spaced \n\n');
  });

  it('writes null and absent as empty, booleans as true/false, numbers via String, bigint exactly, json as text', () => {
    const fields = [field('i', 'integer', true), field('x', 'number', true), field('b', 'boolean', true), field('j', 'json', true), field('d', 'date', true)];
    const text = csv(fields, [
      [1, null, 12345678901234567890n],
      [1.5, undefined, Number.NaN],
      [true, false, null],
      [{ a: [1, 'x,y'] }, [1, 2], null],
      ['2024-05-01', new Date(Date.UTC(2020, 0, 2)), undefined],
    ]);
    expect(text).toBe('i,x,b,j,d\n1,1.5,true,"{""a"":[1,""x,y""]}",2024-05-01\n,,false,"[1,2]",2020-01-02T00:00:00.000Z\n12345678901234567890,,,,\n');
  });

  it('honours the delimiter, CRLF line endings and header: false', () => {
    const fields = [field('a', 'string'), field('b', 'string')];
    expect(csv(fields, [['x;y', 'z'], ['1', '2']], { delimiter: ';', lineEnding: '\r\n' })).toBe('a;b\r\n"x;y";1\r\nz;2\r\n');
    expect(csv(fields, [['x'], ['1']], { header: false })).toBe('x,1\n');
    expect(csv([field('a|b', 'string')], [['p|q']], { delimiter: '|' })).toBe('"a|b"\n"p|q"\n');
  });

  it('rejects delimiters that cannot work', () => {
    expect(() => csvEncoder([field('a', 'string')], { delimiter: '"' })).toThrow(RangeError);
    expect(() => csvEncoder([field('a', 'string')], { delimiter: ',,' })).toThrow(RangeError);
  });

  it('round-trips awkward strings through csv-parse exactly', () => {
    const values = ['', 'a', 'a,b', '"', '""', 'x\r\ny', 'é ü 日本', '  lead', 'trail  ', '\ttab', ',', '\n'];
    const fields = [field('v', 'string'), field('w', 'string')];
    const text = csv(fields, [values, [...values].reverse()]);
    const rows = parse(text, { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r.v)).toEqual(values);
    expect(rows.map((r) => r.w)).toEqual([...values].reverse());
  });

  it('cuts long batches into several chunks without losing rows', () => {
    const n = 20_000;
    const col = Array.from({ length: n }, (_, i) => `row-${i}-${'x'.repeat(i % 7)}`);
    const batch = recordBatch([field('v', 'string')], [col]);
    const text = csv([...batch.fields], [col]);
    const lines = text.split('\n');
    expect(lines.length).toBe(n + 2);
    expect(lines[n]).toBe(col[n - 1]);
  });
});
