import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { field, isSynthError, recordBatch, type Table } from '../core/index.js';
import { readBatches, readTable, writeBatches } from './index.js';

const dir = mkdtempSync(join(tmpdir(), 'synthdata-io-formats-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const FIXTURES = new URL('../../test/fixtures/datasets/', import.meta.url).pathname;

let seq = 0;
function file(content: string | Buffer, ext: string): string {
  const p = join(dir, `t${seq++}.${ext}`);
  writeFileSync(p, content);
  return p;
}

function col(t: Table, name: string): unknown[] {
  const i = t.fields.findIndex((f) => f.name === name);
  expect(i).toBeGreaterThanOrEqual(0);
  return [...t.columns[i]!];
}

async function errorOf(p: Promise<unknown>): Promise<{ code: string; path: string | undefined; message: string }> {
  try {
    await p;
  } catch (e) {
    if (!isSynthError(e)) throw e;
    return { code: e.code, path: e.path, message: e.message };
  }
  throw new Error('expected an error');
}

describe('JSON, JSONL and YAML readers', () => {
  it('reads a JSON array of objects, keys in first-seen order, absent kept apart from null', async () => {
    const t = await readTable(file('[{"a":1,"b":"x"},{"b":null,"c":true},{"a":2.5,"c":false,"d":{"k":[1]}}]', 'json'));
    expect(t.fields.map((f) => [f.name, f.kind])).toEqual([['a', 'number'], ['b', 'string'], ['c', 'boolean'], ['d', 'json']]);
    expect(col(t, 'a')).toEqual([1, undefined, 2.5]);
    expect(col(t, 'b')).toEqual(['x', null, undefined]);
    expect(col(t, 'd')[2]).toEqual({ k: [1] });
  });

  it('keeps numeric-looking JSON strings as strings and finds dates in them', async () => {
    const t = await readTable(file('[{"zip":"00123","day":"2024-01-31"},{"zip":"123","day":"2024-02-29"}]', 'json'));
    expect(t.fields.map((f) => f.kind)).toEqual(['string', 'date']);
    expect(col(t, 'zip')).toEqual(['00123', '123']);
  });

  it('reports bad JSON with line and column, and non-arrays and non-objects clearly', async () => {
    const bad = await errorOf(readTable(file('[\n{"a":1},\n{"a":}\n]', 'json')));
    expect(bad.code).toBe('IO_PARSE');
    expect(bad.path).toMatch(/:3:\d+$/);
    expect((await errorOf(readTable(file('{"a":1}', 'json')))).message).toContain('array of objects');
    expect((await errorOf(readTable(file('[1,2]', 'json')))).message).toContain('item 1');
    expect((await errorOf(readTable(file('[]', 'json')))).code).toBe('IO_EMPTY');
  });

  it('refuses a JSON file above the size limit and suggests JSONL', async () => {
    const e = await errorOf(readTable(file('[{"a":1},{"a":2}]', 'json'), { maxWholeBytes: 8 }));
    expect(e.code).toBe('IO_TOO_LARGE');
  });

  it('streams JSONL, naming the line of a bad row', async () => {
    const t = await readTable(file('{"a":1}\n\n{"a":2,"b":"x"}\n', 'jsonl'));
    expect(col(t, 'a')).toEqual([1, 2]);
    expect(col(t, 'b')).toEqual([undefined, 'x']);
    const e = await errorOf(readTable(file('{"a":1}\n{"a":2}\n{"a":\n', 'jsonl')));
    expect(e.code).toBe('IO_PARSE');
    expect(e.path).toMatch(/:3:\d+$/);
    expect((await errorOf(readTable(file('{"a":1}\n[1]\n', 'jsonl')))).path).toMatch(/:2$/);
    expect((await errorOf(readTable(file('\n', 'jsonl')))).code).toBe('IO_EMPTY');
  });

  it('keeps 18-digit integers of JSON and JSONL exact, as text, and other numbers as numbers', async () => {
    const rows = '{"id": 123456789012345678, "n": 1.25, "small": 42, "note": "no. 12345678901234567"}';
    for (const t of [await readTable(file(`[${rows}, {"id": 923456789012345679, "n": 2, "small": 7, "note": "x"}]`, 'json')), await readTable(file(`${rows}\n{"id": 923456789012345679, "n": 2, "small": 7, "note": "x"}\n`, 'jsonl'))]) {
      expect(col(t, 'id')).toEqual(['123456789012345678', '923456789012345679']);
      expect(t.fields.find((f) => f.name === 'id')!.kind).toBe('string');
      expect(col(t, 'n')).toEqual([1.25, 2]);
      expect(col(t, 'small')).toEqual([42, 7]);
      expect(col(t, 'note')).toEqual(['no. 12345678901234567', 'x']);
    }
    const bad = await errorOf(readTable(file('{"id": 123456789012345678,}\n', 'jsonl')));
    expect(bad).toMatchObject({ code: 'IO_PARSE' });
    expect(bad.path).toMatch(/:1:\d+$/);
  });

  it('reads YAML sequences of mappings with the core schema (yes stays a string, big ints exact)', async () => {
    const t = await readTable(file('- id: 123456789012345678\n  ok: yes\n  n: 1\n- id: 923456789012345678\n  ok: no\n  n: 2\n', 'yaml'));
    expect(t.fields.map((f) => [f.name, f.kind])).toEqual([['id', 'string'], ['ok', 'boolean'], ['n', 'integer']]);
    expect(col(t, 'id')).toEqual(['123456789012345678', '923456789012345678']);
    expect(col(t, 'n')).toEqual([1, 2]);
    const e = await errorOf(readTable(file('- a: 1\n  b: [\n', 'yml')));
    expect(e.code).toBe('IO_PARSE');
    expect((await errorOf(readTable(file('a: 1\n', 'yaml')))).message).toContain('sequence of mappings');
  });
});

describe('XLSX reader', () => {
  async function workbook(): Promise<string> {
    const wb = new ExcelJS.Workbook();
    const first = wb.addWorksheet('People');
    first.addRow(['name', 'born', 'score', 'member', 'note']);
    first.addRow(['Ada', new Date(Date.UTC(1815, 11, 10)), 1.5, true, { richText: [{ text: 'rich ' }, { text: 'text' }] }]);
    first.addRow(['Grace', new Date(Date.UTC(1906, 11, 9)), { formula: '1+1', result: 2 }, false, null]);
    const second = wb.addWorksheet('Codes');
    second.addRow(['code']);
    second.addRow(['00123']);
    const p = join(dir, `book${seq++}.xlsx`);
    await wb.xlsx.writeFile(p);
    return p;
  }

  it('reads the first sheet with dates as ISO strings and formulas as their results', async () => {
    const t = await readTable(await workbook());
    expect(t.fields.map((f) => [f.name, f.kind])).toEqual([['name', 'string'], ['born', 'date'], ['score', 'number'], ['member', 'boolean'], ['note', 'string']]);
    expect(col(t, 'born')).toEqual(['1815-12-10', '1906-12-09']);
    expect(col(t, 'score')).toEqual([1.5, 2]);
    expect(col(t, 'note')).toEqual(['rich text', null]);
  });

  it('reads a named sheet, and lists the sheets when the name is unknown', async () => {
    const p = await workbook();
    const t = await readTable(p, { sheet: 'Codes' });
    expect(col(t, 'code')).toEqual(['00123']);
    const e = await errorOf(readTable(p, { sheet: 'Nope' }));
    expect(e.message).toContain('People, Codes');
  });

  it('reports a file that is not a workbook', async () => {
    expect((await errorOf(readTable(file('not a zip', 'xlsx')))).code).toBe('IO_PARSE');
  });
});

describe('round trips: write then read back equal', () => {
  for (const name of ['penguins', 'cars', 'seattle_weather']) {
    for (const format of ['csv', 'json', 'jsonl', 'yaml', 'parquet'] as const) {
      it(`${name} through ${format}`, async () => {
        const source = await readTable(join(FIXTURES, `${name}.csv`));
        const out = join(dir, `${name}.${format}`);
        const res = await writeBatches([recordBatch(source.fields, source.columns)], { path: out }, format);
        expect(res.rows).toBe(source.length);
        const back = await readTable(out);
        expect(back.length).toBe(source.length);
        expect(back.fields.map((f) => [f.name, f.kind])).toEqual(source.fields.map((f) => [f.name, f.kind]));
        // JSON, JSONL and YAML leave nothing out for null; all formats give back the same cells.
        expect(back.columns).toEqual(source.columns);
      });
    }
  }

  it('Parquet keeps big integers, nested json and kinds recorded by the writer', async () => {
    const fields = [field('id', 'integer'), field('doc', 'json', true), field('at', 'datetime', true, { format: 'ISO 8601' })];
    const out = join(dir, 'kinds.parquet');
    await writeBatches([recordBatch(fields, [[1, 2], [{ a: [1, 2] }, null], ['2024-01-01T00:00:00Z', null]])], { path: out }, 'parquet');
    const t = await readTable(out);
    expect(t.fields.map((f) => [f.kind, f.meta?.format])).toEqual([['integer', undefined], ['json', undefined], ['datetime', 'ISO 8601']]);
    expect(t.columns).toEqual([[1, 2], [{ a: [1, 2] }, null], ['2024-01-01T00:00:00Z', null]]);
    let batches = 0;
    for await (const b of readBatches(out, { batchRows: 1 })) batches += b.length > 0 ? 1 : 0;
    expect(batches).toBe(2);
  });
});

describe('fixture: contacts_synthetic.csv', () => {
  it('reads quoted commas, quotes, a line break, empty cells, yes/no and dates', async () => {
    const t = await readTable(join(FIXTURES, 'contacts_synthetic.csv'));
    expect(t.length).toBe(8);
    expect(t.fields.map((f) => [f.name, f.kind])).toEqual([
      ['id', 'integer'], ['full_name', 'string'], ['email', 'string'], ['phone', 'string'], ['street', 'string'], ['city', 'string'], ['signup_date', 'date'], ['vip', 'boolean'], ['note', 'string'],
    ]);
    expect(col(t, 'note')[2]).toBe('First line\nsecond line');
    expect(col(t, 'note')[1]).toBe('Called about "invoice 17"');
    expect(col(t, 'street')[1]).toBe('Flat 3, 45 Test Avenue');
    expect(col(t, 'full_name')[2]).toBe('Chloé Dummy');
    expect(col(t, 'email')[6]).toBeNull();
  });
});

describe('Parquet reader', () => {
  it('reports a file that is not Parquet', async () => {
    expect((await errorOf(readTable(file('PAR1 not really', 'parquet')))).code).toBe('IO_PARSE');
  });
});
