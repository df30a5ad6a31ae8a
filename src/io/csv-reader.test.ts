import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isSynthError, type SynthEvent, type Table } from '../core/index.js';
import { readBatches, readBatchesFromStream, readTable, sniffDelimiter } from './index.js';

const dir = mkdtempSync(join(tmpdir(), 'synthdata-io-csv-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const FIXTURES = new URL('../../test/fixtures/datasets/', import.meta.url).pathname;

let seq = 0;
function file(content: string | Buffer, ext = 'csv'): string {
  const p = join(dir, `t${seq++}.${ext}`);
  writeFileSync(p, content);
  return p;
}

function col(t: Table, name: string): unknown[] {
  const i = t.fields.findIndex((f) => f.name === name);
  expect(i).toBeGreaterThanOrEqual(0);
  return [...t.columns[i]!];
}

function kinds(t: Table): Record<string, string> {
  return Object.fromEntries(t.fields.map((f) => [f.name, f.kind]));
}

async function codeOf(p: Promise<unknown>): Promise<{ code: string; path: string | undefined; message: string }> {
  try {
    await p;
  } catch (e) {
    if (!isSynthError(e)) throw e;
    return { code: e.code, path: e.path, message: e.message };
  }
  throw new Error('expected an error');
}

describe('readTable on the fixture tables', () => {
  it('reads penguins with numbers, integers and nulls', async () => {
    const t = await readTable(join(FIXTURES, 'penguins.csv'));
    expect(t.length).toBe(344);
    expect(kinds(t)).toEqual({ Species: 'string', Island: 'string', 'Beak Length (mm)': 'number', 'Beak Depth (mm)': 'number', 'Flipper Length (mm)': 'integer', 'Body Mass (g)': 'integer', Sex: 'string' });
    expect(col(t, 'Beak Length (mm)')[0]).toBe(39.1);
    expect(col(t, 'Body Mass (g)').filter((v) => v === null)).toHaveLength(2);
    expect(col(t, 'Sex').filter((v) => v === null)).toHaveLength(10);
    expect(t.fields[0]!.meta).toMatchObject({ source: 'penguins.csv', encoding: 'utf8' });
  });

  it('reads cars and seattle_weather with their date columns and formats', async () => {
    const cars = await readTable(join(FIXTURES, 'cars.csv'));
    expect(cars.length).toBe(406);
    expect(cars.fields.find((f) => f.name === 'Year')).toMatchObject({ kind: 'date', meta: { format: 'YYYY-MM-DD' } });
    expect(col(cars, 'Year')[0]).toBe('1970-01-01');
    const w = await readTable(join(FIXTURES, 'seattle_weather.csv'));
    expect(w.length).toBe(1461);
    expect(kinds(w)).toEqual({ date: 'date', precipitation: 'number', temp_max: 'number', temp_min: 'number', wind: 'number', weather: 'string' });
    expect(w.fields.every((f) => !f.nullable)).toBe(true);
  });
});

describe('CSV values', () => {
  it('keeps 18-digit ids and leading-zero codes exact as strings', async () => {
    const t = await readTable(file('id,zip,n\n123456789012345678,00123,1\n923456789012345678,90210,2\n'));
    expect(col(t, 'id')).toEqual(['123456789012345678', '923456789012345678']);
    expect(col(t, 'zip')).toEqual(['00123', '90210']);
    expect(t.fields.map((f) => f.kind)).toEqual(['string', 'string', 'integer']);
    expect(t.fields[0]!.meta).toMatchObject({ numericText: true });
  });

  it('reads boolean spellings and dates as their original strings with the kind and format set', async () => {
    const t = await readTable(file('a,b,c,d,e,f,g\nyes,TRUE,0,03/04/2020,2020-01-02T10:00:00Z,10:30,Jun 12 1998\nno,FALSE,1,13/04/2020,2020-01-03T11:00:00+02:00,23:59,Jan 1 2001\n'));
    expect(t.fields.map((f) => [f.kind, f.meta?.format])).toEqual([
      ['boolean', 'no/yes'],
      ['boolean', 'FALSE/TRUE'],
      ['integer', undefined],
      ['date', 'DD/MM/YYYY'],
      ['datetime', 'ISO 8601'],
      ['time', 'HH:mm'],
      ['date', 'MMM DD YYYY'],
    ]);
    expect(col(t, 'a')).toEqual(['yes', 'no']);
    expect(col(t, 'd')).toEqual(['03/04/2020', '13/04/2020']);
  });

  it('treats empty fields as null and keeps text that only looks special', async () => {
    const t = await readTable(file('a,b,c\n1,,x\n,2.5,NaN\n3,1e3,\n'));
    expect(col(t, 'a')).toEqual([1, null, 3]);
    expect(col(t, 'b')).toEqual([null, 2.5, 1000]);
    expect(col(t, 'c')).toEqual(['x', 'NaN', null]);
    expect(t.fields.map((f) => f.nullable)).toEqual([true, true, true]);
  });

  it('typeInference: false reads every value as a string', async () => {
    const t = await readTable(file('a,b\n1,yes\n2,no\n'), { typeInference: false });
    expect(kinds(t)).toEqual({ a: 'string', b: 'string' });
    expect(col(t, 'a')).toEqual(['1', '2']);
  });

  it('readTable decides from every value: one late word makes the whole column text', async () => {
    const lines = ['n'];
    for (let i = 0; i < 100; i++) lines.push(String(i));
    lines.push('n/a');
    const t = await readTable(file(lines.join('\n') + '\n'), { batchRows: 10 });
    expect(t.fields[0]!.kind).toBe('string');
    expect(col(t, 'n')[5]).toBe('5');
  });

  it('readBatches widens a column when a later batch does not fit, with a warning, and never coerces', async () => {
    const lines = ['n,m'];
    for (let i = 0; i < 30; i++) lines.push(`${i},${i}`);
    lines.push('2.5,x');
    const events: SynthEvent[] = [];
    const batches = [];
    for await (const b of readBatches(file(lines.join('\n') + '\n'), { batchRows: 10, onEvent: (e) => events.push(e) })) batches.push(b);
    expect(batches.map((b) => b.fields.map((f) => f.kind).join())).toEqual(['integer,integer', 'integer,integer', 'integer,integer', 'number,string']);
    expect(batches[3]!.columns[0]).toEqual([2.5]);
    expect(batches[3]!.columns[1]).toEqual(['x']);
    expect(events.filter((e) => e.type === 'warning')).toHaveLength(2);
  });

  it('readBatches marks columns nullable exactly when the first batch is the whole table, and safely otherwise', async () => {
    const path = join(FIXTURES, 'seattle_weather.csv');
    for await (const b of readBatches(path)) expect(b.fields.map((f) => f.nullable)).toEqual([false, false, false, false, false, false]);
    const seen: boolean[][] = [];
    for await (const b of readBatches(path, { batchRows: 1000 })) seen.push(b.fields.map((f) => f.nullable));
    expect(seen).toEqual([Array(6).fill(true), Array(6).fill(true)]);
  });

  it('stops after maxRows', async () => {
    const t = await readTable(join(FIXTURES, 'seattle_weather.csv'), { maxRows: 10, batchRows: 4 });
    expect(t.length).toBe(10);
  });
});

describe('CSV structure', () => {
  it('sniffs comma, semicolon, tab and pipe', async () => {
    expect(sniffDelimiter('a;b;c\n1;2,5;3\n')).toBe(';');
    expect(sniffDelimiter('a\tb\n1\t2\n')).toBe('\t');
    expect(sniffDelimiter('a|b\n"x|y"|2\n')).toBe('|');
    expect(sniffDelimiter('a,b\n"1;2",3\n')).toBe(',');
    expect(sniffDelimiter('single\nvalue\n')).toBe(',');
    const t = await readTable(file('name;price\n"Müller; Sohn";1,5\nX;2\n'));
    expect(col(t, 'name')).toEqual(['Müller; Sohn', 'X']);
    expect(col(t, 'price')).toEqual(['1,5', '2']);
    const excel = await readTable(file('sep=;\r\na;b\r\n1,5;x\r\n'));
    expect(col(excel, 'a')).toEqual(['1,5']);
    const tab = await readTable(file('a\tb\n1\t2\n', 'tsv'));
    expect(col(tab, 'b')).toEqual([2]);
  });

  it('reads quoted fields with newlines, quotes and delimiters, CRLF files and a BOM', async () => {
    const t = await readTable(file('\ufeffid,text\r\n1,"line one\r\nline two"\r\n2,"say ""hi"", ok"\r\n'));
    expect(t.fields[0]!.name).toBe('id');
    expect(col(t, 'text')).toEqual(['line one\r\nline two', 'say "hi", ok']);
  });

  it('falls back to Latin-1 when the bytes are not UTF-8, and says so', async () => {
    const t = await readTable(file(Buffer.from('name,city\nJosé,Köln\nRenée,Zürich\n', 'latin1')));
    expect(col(t, 'name')).toEqual(['José', 'Renée']);
    expect(t.fields[0]!.meta).toMatchObject({ encoding: 'latin1' });
    const u = await readTable(file('name\nJosé\n'));
    expect(u.fields[0]!.meta).toMatchObject({ encoding: 'utf8' });
  });

  it('reports IO_ENCODING with the position when UTF-8 is required', async () => {
    const p = file(Buffer.concat([Buffer.from('a,b\nok,fine\nbad,'), Buffer.from([0xe9]), Buffer.from('x\n')]));
    const e = await codeOf(readTable(p, { encoding: 'utf8' }));
    expect(e.code).toBe('IO_ENCODING');
    expect(e.path).toMatch(/:3:5$/);
  });

  it('reports ragged rows with file, line and field', async () => {
    const e = await codeOf(readTable(file('a,b,c\n1,2,3\n"multi\nline",2,3\n4,5\n')));
    expect(e.code).toBe('IO_RAGGED_ROW');
    expect(e.path).toMatch(/t\d+\.csv:5:3$/);
    const more = await codeOf(readTable(file('a,b\n1,2\n3,4,5\n')));
    expect(more.path).toMatch(/:3:3$/);
    expect(more.message).toContain('3 fields but the header has 2');
  });

  it('reports duplicate column names, empty files and header-only files', async () => {
    expect((await codeOf(readTable(file('a,b,a\n1,2,3\n')))).code).toBe('IO_DUPLICATE_COLUMN');
    expect((await codeOf(readTable(file('')))).code).toBe('IO_EMPTY');
    expect((await codeOf(readTable(file('\n\n')))).code).toBe('IO_EMPTY');
    expect((await codeOf(readTable(file('a,b,c\n')))).code).toBe('IO_EMPTY');
  });

  it('reports an unclosed quote as IO_PARSE with the line', async () => {
    const e = await codeOf(readTable(file('a,b\n1,"open\n2,3\n')));
    expect(e.code).toBe('IO_PARSE');
    expect(e.path).toMatch(/\.csv:\d+/);
  });

  it('reports missing files and unknown formats', async () => {
    expect((await codeOf(readTable(join(dir, 'missing.csv')))).code).toBe('IO_NOT_FOUND');
    expect((await codeOf(readTable(file('x', 'dat')))).code).toBe('IO_UNKNOWN_FORMAT');
    expect((await codeOf(readTable(dir, { format: 'csv' }))).code).toBe('IO_NOT_FOUND');
  });
});

describe('CSV streaming', () => {
  it('yields the first batch before the source has been read to the end', async () => {
    let produced = 0;
    let finished = false;
    let closed = false;
    async function* source(): AsyncGenerator<Uint8Array> {
      try {
        yield Buffer.from('id,name\n');
        for (let chunk = 0; chunk < 1000; chunk++) {
          let text = '';
          for (let i = 0; i < 100; i++) text += `${chunk * 100 + i},name${i}\n`;
          produced++;
          yield Buffer.from(text);
        }
        finished = true;
      } finally {
        closed = true;
      }
    }
    const it = readBatchesFromStream(source(), { format: 'csv', batchRows: 500 })[Symbol.asyncIterator]();
    const first = await it.next();
    expect(first.done).toBe(false);
    expect(first.value!.length).toBe(500);
    expect(first.value!.fields.map((f: { kind: string }) => f.kind)).toEqual(['integer', 'string']);
    expect(finished).toBe(false);
    expect(produced).toBeLessThan(100);
    await it.return?.(undefined);
    await new Promise((r) => setTimeout(r, 20));
    expect(finished).toBe(false);
    expect(closed).toBe(true);
  });

  it('closes a JSONL source when the reader stops early', async () => {
    let closed = false;
    async function* source(): AsyncGenerator<string> {
      try {
        for (let i = 0; i < 100_000; i++) yield `{"i":${i}}\n`;
      } finally {
        closed = true;
      }
    }
    let rows = 0;
    for await (const b of readBatchesFromStream(source(), { format: 'jsonl', batchRows: 10, maxRows: 25 })) rows += b.length;
    await new Promise((r) => setTimeout(r, 20));
    expect(rows).toBe(25);
    expect(closed).toBe(true);
  });
});
