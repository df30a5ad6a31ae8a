import { describe, expect, it } from 'vitest';
import { isSynthError } from '../core/index.js';
import { jsonErrorOffset } from './json-position.js';
import { dateFormatsOf } from './date-formats.js';
import { decodeText, firstInvalidUtf8, type DecodeState, type EncodingOption } from './text-decode.js';

async function decode(chunks: number[][], mode: EncodingOption = 'auto'): Promise<{ text: string; state: DecodeState }> {
  const state: DecodeState = { encoding: mode === 'latin1' ? 'latin1' : 'utf8', bytes: 0 };
  async function* src(): AsyncGenerator<Uint8Array> {
    for (const c of chunks) yield Uint8Array.from(c);
  }
  let text = '';
  for await (const t of decodeText(src(), mode, 'x.csv', state)) text += t;
  return { text, state };
}

const bytes = (s: string, enc: BufferEncoding = 'utf8'): number[] => [...Buffer.from(s, enc)];

describe('decodeText', () => {
  it('joins multi-byte characters split across chunks, and a BOM split across chunks', async () => {
    const all = [0xef, 0xbb, 0xbf, ...bytes('a,é\n日本,😀\n')];
    for (let cut = 1; cut < all.length; cut++) {
      const { text, state } = await decode([all.slice(0, cut), all.slice(cut)]);
      expect(text).toBe('a,é\n日本,😀\n');
      expect(state.encoding).toBe('utf8');
    }
  });

  it('switches to Latin-1 on the first invalid byte when everything before was ASCII', async () => {
    const { text, state } = await decode([bytes('name\nabc\n'), bytes('Jos\u00e9\n', 'latin1')]);
    expect(text).toBe('name\nabc\nJosé\n');
    expect(state.encoding).toBe('latin1');
  });

  it('refuses a file that mixes UTF-8 and Latin-1, naming line and column', async () => {
    try {
      await decode([bytes('é\nab'), bytes('\u00e9', 'latin1')]);
      expect.unreachable();
    } catch (e) {
      expect(isSynthError(e, 'IO_ENCODING')).toBe(true);
      expect((e as { path: string }).path).toBe('x.csv:2:3');
    }
  });

  it('reads Latin-1 when asked (0x80-0x9F as Windows-1252), and finds invalid UTF-8 positions', async () => {
    expect((await decode([bytes('Zürich', 'latin1')], 'latin1')).text).toBe('Zürich');
    expect((await decode([[0x80, 0x20, 0x93, 0x71, 0x94, 0x81]], 'latin1')).text).toBe('\u20ac \u201cq\u201d\u0081');
    expect(firstInvalidUtf8(Uint8Array.from([0x61, 0xc3, 0xa9, 0xff]))).toBe(3);
    expect(firstInvalidUtf8(Uint8Array.from([0x61, 0xed, 0xa0, 0x80]))).toBe(1);
    expect(firstInvalidUtf8(Uint8Array.from([0x61, 0xe6, 0x97]))).toBe(-1);
  });
});

describe('jsonErrorOffset', () => {
  it('finds where JSON stops being valid', () => {
    expect(jsonErrorOffset('[1,2]')).toBe(-1);
    expect(jsonErrorOffset('{"a":}')).toBe(5);
    expect(jsonErrorOffset('[1,2')).toBe(4);
    expect(jsonErrorOffset('{"a":1} x')).toBe(8);
    expect(jsonErrorOffset('"bad\u0001"')).toBe(0);
  });
});

describe('dateFormatsOf', () => {
  it('accepts only real calendar dates', () => {
    expect(dateFormatsOf(['2024-02-29']).map((f) => f.name)).toEqual(['YYYY-MM-DD']);
    expect(dateFormatsOf(['2023-02-29'])).toEqual([]);
    expect(dateFormatsOf(['2024-13-01'])).toEqual([]);
    expect(dateFormatsOf(['01/02/2020']).map((f) => f.name)).toEqual(['MM/DD/YYYY', 'DD/MM/YYYY']);
    expect(dateFormatsOf(['2001/01/01 23:59', '2001/03/31 00:00']).map((f) => f.name)).toEqual(['YYYY/MM/DD HH:mm']);
    expect(dateFormatsOf(['24:00'])).toEqual([]);
  });
});
