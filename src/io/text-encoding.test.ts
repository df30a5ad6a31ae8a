import { describe, expect, it } from 'vitest';
import { ByteAppender, textEncoding } from './text-encoding.js';

describe('ByteAppender', () => {
  it('appends text as the UTF-8 bytes Buffer.from writes, growing past its first size', () => {
    const texts = ['plain', 'é and 日本', '😀', 'lone \ud800 high', 'lone \udc00 low', '', 'x'.repeat(70_000), '"quoted",\n'];
    const out = new ByteAppender(16);
    for (const t of texts) out.append(t);
    expect(out.length).toBe(Buffer.byteLength(texts.join('')));
    expect(out.take().equals(Buffer.from(texts.join(''), 'utf8'))).toBe(true);
  });

  it('hands back each take in a buffer that owns exactly its bytes, and starts empty again', () => {
    const out = new ByteAppender(8);
    out.append('first');
    const a = out.take();
    out.append('second');
    const b = out.take();
    expect(a.toString()).toBe('first');
    expect(b.toString()).toBe('second');
    // Its own ArrayBuffer, exactly as long: it can be transferred to another thread without taking others' bytes.
    expect(a.buffer.byteLength).toBe(5);
    expect(a.byteOffset).toBe(0);
    expect(out.take().length).toBe(0);
  });

  it('fills an empty appender exactly to its capacity and beyond', () => {
    const out = new ByteAppender(6);
    out.append('ab');
    out.append('');
    out.append('cdef');
    out.append('');
    out.append('g');
    expect(out.take().toString()).toBe('abcdefg');
  });
});

describe('textEncoding', () => {
  it('gives encode the same bytes as encodeInto, batch after batch', () => {
    const enc = textEncoding({ head: () => 'h', encodeInto: (columns, n, firstRow, out) => out.append(`${firstRow}:` + columns[0]!.slice(0, n).join('|')), tail: () => 't' });
    const out = new ByteAppender();
    let at = 0;
    for (const batch of [['a', 'b'], ['ü', 'ß', 'c']]) {
      enc.encodeInto([batch], batch.length, at, out);
      expect(enc.encode([batch], batch.length, at).equals(out.take())).toBe(true);
      at += batch.length;
    }
  });
});
