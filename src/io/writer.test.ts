import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { asyncBufferFromFile, parquetReadObjects } from 'hyparquet';
import { parse as parseYaml } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { batchRows, field, isSynthError, recordBatch, type RecordBatch } from '../core/index.js';
import { openWriter, writeBatches, type TableFormat } from './index.js';

const dir = mkdtempSync(join(tmpdir(), 'synthdata-io-writer-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const fields = [field('id', 'integer'), field('name', 'string', true), field('ok', 'boolean', true), field('score', 'number', true), field('tags', 'json', true), field('day', 'date', true)];
const batch = recordBatch(fields, [
  [1, 2, 3],
  ['Ada, Countess', 'say "hi"', null],
  [true, false, undefined],
  [1.5, -0.25, null],
  [{ a: 1 }, ['x', 'y'], null],
  ['2024-05-01', '2024-05-02', undefined],
]);

async function expectCode(p: Promise<unknown>, code: string): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    expect(isSynthError(e) ? e.code : e).toBe(code);
    return e;
  }
  throw new Error(`expected ${code}`);
}

/** A writable that keeps what it got and only takes `hwm` bytes before asking the writer to wait. */
function slowSink(hwm = 16): { stream: Writable; chunks: Buffer[]; waits: () => number } {
  const chunks: Buffer[] = [];
  let waits = 0;
  const stream = new Writable({
    highWaterMark: hwm,
    write(chunk: Buffer, _enc, cb) {
      chunks.push(chunk);
      setImmediate(cb);
    },
  });
  stream.on('drain', () => waits++);
  return { stream, chunks, waits: () => waits };
}

describe('openWriter to a file', () => {
  it('writes to a temp file and renames it on close; nothing shows before', async () => {
    const path = join(dir, 'atomic.csv');
    const w = await openWriter({ path }, 'csv', fields);
    await w.write(batch);
    expect(existsSync(path)).toBe(false);
    const res = await w.close();
    expect(res).toEqual({ rows: 3, bytes: readFileSync(path).length, path });
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(readFileSync(path, 'utf8')).toBe('id,name,ok,score,tags,day\n1,"Ada, Countess",true,1.5,"{""a"":1}",2024-05-01\n2,"say ""hi""",false,-0.25,"[""x"",""y""]",2024-05-02\n3,,,,,\n');
  });

  it('creates missing folders only when asked', async () => {
    const path = join(dir, 'made/for/you/out.csv');
    await expectCode(openWriter({ path }, 'csv', fields), 'IO_UNWRITABLE');
    const res = await writeBatches([batch], { path, createFolder: true }, 'csv');
    expect(res.rows).toBe(3);
    expect(existsSync(path)).toBe(true);
  });

  it('abort leaves no file and no temp file behind', async () => {
    const path = join(dir, 'aborted.jsonl');
    const w = await openWriter({ path }, 'jsonl', fields);
    await w.write(batch);
    await w.abort();
    await w.abort();
    expect(existsSync(path)).toBe(false);
    expect(readdirSync(dir).filter((f) => f.includes('aborted'))).toEqual([]);
  });

  it('fails with IO_UNWRITABLE at open, before any work, for a missing folder, a folder path or no permission', async () => {
    await expectCode(openWriter({ path: join(dir, 'no/such/folder/x.csv') }, 'csv', fields), 'IO_UNWRITABLE');
    await expectCode(openWriter({ path: dir }, 'csv', fields), 'IO_UNWRITABLE');
    if (process.getuid?.() !== 0) {
      const ro = join(dir, 'ro');
      rmSync(ro, { recursive: true, force: true });
      mkdtempSync(ro);
      const roDir = readdirSync(dir).find((f) => f.startsWith('ro'))!;
      chmodSync(join(dir, roDir), 0o500);
      await expectCode(openWriter({ path: join(dir, roDir, 'x.csv') }, 'csv', fields), 'IO_UNWRITABLE');
      chmodSync(join(dir, roDir), 0o700);
    }
  });

  it('writeBatches aborts on an error in the source and leaves nothing', async () => {
    const path = join(dir, 'failing.csv');
    async function* failing(): AsyncGenerator<RecordBatch> {
      yield batch;
      throw new Error('generator broke');
    }
    await expect(writeBatches(failing(), { path }, 'csv')).rejects.toThrow('generator broke');
    expect(existsSync(path)).toBe(false);
    expect(readdirSync(dir).filter((f) => f.includes('failing'))).toEqual([]);
  });

  it('a bad cell for Parquet fails the write and removes the temp file', async () => {
    const path = join(dir, 'bad.parquet');
    const w = await openWriter({ path }, 'parquet', [field('n', 'integer')]);
    await expectCode(w.write(recordBatch([field('n', 'integer')], [[1, 'abc']])), 'INVALID_ARGUMENT');
    await w.abort();
    expect(readdirSync(dir).filter((f) => f.includes('bad.parquet'))).toEqual([]);
  });

  it('rejects unknown formats and duplicate field names', async () => {
    await expectCode(openWriter({ path: join(dir, 'x.xml') }, 'xml' as TableFormat, fields), 'IO_UNKNOWN_FORMAT');
    await expectCode(openWriter({ path: join(dir, 'x.csv') }, 'csv', [field('a', 'string'), field('a', 'integer')]), 'IO_DUPLICATE_COLUMN');
  });
});

describe('openWriter to a stream', () => {
  it('honours backpressure and does not end a stream it does not own', async () => {
    const sink = slowSink();
    const w = await openWriter({ stream: sink.stream }, 'jsonl', fields);
    for (let i = 0; i < 5; i++) await w.write(batch);
    const res = await w.close();
    expect(res.rows).toBe(15);
    expect(sink.waits()).toBeGreaterThan(0);
    expect(sink.stream.writableEnded).toBe(false);
    const text = Buffer.concat(sink.chunks).toString('utf8');
    expect(text.trim().split('\n').map((l) => JSON.parse(l) as unknown)).toHaveLength(15);
    expect(res.bytes).toBe(Buffer.byteLength(text));
  });

  it('turns a failing stream into IO_WRITE_FAILED', async () => {
    const broken = new Writable({
      write(_chunk, _enc, cb) {
        cb(new Error('disk on fire'));
      },
    });
    const w = await openWriter({ stream: broken }, 'csv', fields);
    const e = await expectCode(
      (async () => {
        for (let i = 0; i < 3; i++) await w.write(batch);
        await w.close();
      })(),
      'IO_WRITE_FAILED',
    );
    expect((e as Error).message).toContain('disk on fire');
    await w.abort();
  });

  it('matches batch columns by name when a batch lists its fields in another order', async () => {
    const sink = slowSink(1 << 20);
    const w = await openWriter({ stream: sink.stream, end: true }, 'csv', [field('a', 'integer'), field('b', 'string')]);
    await w.write(recordBatch([field('b', 'string'), field('a', 'integer')], [['x'], [1]]));
    await w.close();
    expect(sink.stream.writableEnded).toBe(true);
    expect(Buffer.concat(sink.chunks).toString()).toBe('a,b\n1,x\n');
  });
});

describe('formats', () => {
  it('JSON is a valid array, one object per line, absent properties left out and null kept', async () => {
    const sink = slowSink(1 << 20);
    await writeBatches([batch, batch], { stream: sink.stream }, 'json');
    const text = Buffer.concat(sink.chunks).toString();
    const rows = JSON.parse(text) as Record<string, unknown>[];
    expect(rows).toHaveLength(6);
    expect(rows[2]).toEqual({ id: 3, name: null, score: null, tags: null });
    expect(text.split('\n')[1]).toBe('{"id":1,"name":"Ada, Countess","ok":true,"score":1.5,"tags":{"a":1},"day":"2024-05-01"},');
  });

  it('JSON Lines keeps awkward strings exactly', async () => {
    const values = ['plain', 'q"uote', 'back\\slash', 'new\nline', 'tab\t', '\u0000nul', 'é', '😀', '\ud800lone', '\u2028ls', '</script>'];
    const sink = slowSink(1 << 20);
    await writeBatches([recordBatch([field('s', 'string')], [values])], { stream: sink.stream }, 'jsonl');
    const lines = Buffer.concat(sink.chunks).toString().trimEnd().split('\n');
    expect(lines.map((l) => (JSON.parse(l) as { s: string }).s)).toEqual(values);
  });

  it('an empty JSON, YAML or CSV output is still valid', async () => {
    for (const [format, want] of [['json', '[]\n'], ['yaml', '[]\n'], ['csv', 'a\n'], ['jsonl', '']] as const) {
      const sink = slowSink(1 << 20);
      await writeBatches([], { stream: sink.stream }, format, { fields: [field('a', 'string')] });
      expect(Buffer.concat(sink.chunks).toString()).toBe(want);
    }
  });

  it('YAML reads back with the yaml package, with tricky strings kept as strings', async () => {
    const tricky = ['yes', 'No', 'null', '~', '2024-05-01', '123', '0x1F', '- item', 'a: b', '#hash', 'x #y', '', ' lead', 'trail ', "it's", '"q"', 'multi\nline', '\u0085nel', 'é', '@at', '*star', '&amp', '!bang', '%p', '{x}', '[y]', 'plain text', 'A_b-c.d/e@f+g'];
    const f = [field('s', 'string'), field('k', 'integer', true), field('big', 'integer')];
    const b = recordBatch(f, [tricky, tricky.map((_, i) => (i % 3 === 0 ? null : i)), tricky.map(() => 12345678901234567890n)]);
    const sink = slowSink(1 << 20);
    await writeBatches([b], { stream: sink.stream }, 'yaml');
    const doc = parseYaml(Buffer.concat(sink.chunks).toString(), { intAsBigInt: true }) as Record<string, unknown>[];
    expect(doc.map((r) => r.s)).toEqual(tricky);
    expect(doc[0]!.k).toBeNull();
    expect(doc[1]!.k).toBe(1n);
    expect(doc[0]!.big).toBe(12345678901234567890n);
  });

  it('Parquet reads back with hyparquet: types from kinds, nulls, several row groups', async () => {
    const path = join(dir, 'types.parquet');
    const res = await writeBatches([batch, batch, batch], { path }, 'parquet', { rowGroupRows: 4 });
    expect(res.rows).toBe(9);
    const rows = await parquetReadObjects({ file: await asyncBufferFromFile(path) });
    expect(rows).toHaveLength(9);
    expect(rows[0]).toEqual({ id: 1n, name: 'Ada, Countess', ok: true, score: 1.5, tags: { a: 1 }, day: '2024-05-01' });
    expect(rows[5]).toEqual({ id: 3n, name: null, ok: null, score: null, tags: null, day: null });
  });

  it('every format writes the same rows for the same input, byte-identical on a second run', async () => {
    for (const format of ['csv', 'json', 'jsonl', 'yaml', 'parquet'] as const) {
      const a = join(dir, `same-a.${format}`);
      const b = join(dir, `same-b.${format}`);
      await writeBatches([batch], { path: a }, format);
      await writeBatches([batch], { path: b }, format);
      expect(readFileSync(a).equals(readFileSync(b))).toBe(true);
    }
    expect(batchRows(batch)).toHaveLength(3);
  });
});
