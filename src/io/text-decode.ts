import { isUtf8 } from 'node:buffer';
import { SynthError } from '../core/index.js';

/** How to decode bytes: UTF-8, Latin-1, or UTF-8 with a fallback to Latin-1 when the bytes are not UTF-8. */
export type EncodingOption = 'utf8' | 'latin1' | 'auto';

/** What was decoded so far; `encoding` may change from utf8 to latin1 once in `auto` mode. */
export interface DecodeState {
  encoding: 'utf8' | 'latin1';
  /** Bytes consumed so far. */
  bytes: number;
}

/** Where the first invalid UTF-8 sequence starts in `b`, or -1; an incomplete sequence at the end is not invalid. */
export function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  const n = b.length;
  while (i < n) {
    const c = b[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (c >= 0xc2 && c <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (c >= 0xe0 && c <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (c >= 0xf0 && c <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else return i;
    if (i + need >= n) {
      // Truncated at the end: valid so far when every byte present is a continuation byte.
      for (let k = 1; i + k < n; k++) if ((b[i + k]! & 0xc0) !== 0x80) return i;
      return -1;
    }
    let cp = c & (need === 1 ? 0x1f : need === 2 ? 0x0f : 0x07);
    for (let k = 1; k <= need; k++) {
      const cc = b[i + k]!;
      if ((cc & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (cc & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/** How many bytes at the end of `b` start a UTF-8 sequence that the next chunk completes. */
function incompleteTail(b: Uint8Array): number {
  const n = b.length;
  for (let back = 1; back <= 3 && back <= n; back++) {
    const c = b[n - back]!;
    if ((c & 0xc0) === 0x80) continue;
    const len = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
    return len > back ? back : 0;
  }
  return 0;
}

// Bytes 0x80-0x9F are control characters in ISO 8859-1 but letters and punctuation in Windows-1252, which is what
// "Latin-1" files from spreadsheets really are; like the WHATWG Encoding Standard, read them as Windows-1252.
const CP1252: Readonly<Record<number, string>> = {
  0x80: '\u20ac', 0x82: '\u201a', 0x83: '\u0192', 0x84: '\u201e', 0x85: '\u2026', 0x86: '\u2020', 0x87: '\u2021',
  0x88: '\u02c6', 0x89: '\u2030', 0x8a: '\u0160', 0x8b: '\u2039', 0x8c: '\u0152', 0x8e: '\u017d', 0x91: '\u2018',
  0x92: '\u2019', 0x93: '\u201c', 0x94: '\u201d', 0x95: '\u2022', 0x96: '\u2013', 0x97: '\u2014', 0x98: '\u02dc',
  0x99: '\u2122', 0x9a: '\u0161', 0x9b: '\u203a', 0x9c: '\u0153', 0x9e: '\u017e', 0x9f: '\u0178',
};
const C1 = /[\u0080-\u009f]/g;

/** Latin-1 text of some bytes, with 0x80-0x9F read as Windows-1252. */
export function latin1Text(bytes: Uint8Array): string {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('latin1');
  C1.lastIndex = 0;
  return C1.test(text) ? text.replace(C1, (ch) => CP1252[ch.charCodeAt(0)] ?? ch) : text;
}

function lineAndColumn(text: string): { line: number; col: number } {
  let line = 1;
  let last = -1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
    line++;
    last = i;
  }
  return { line, col: text.length - last };
}

/**
 * Decodes a byte stream into text chunks, dropping a leading BOM. In `auto` mode the text is read as UTF-8 until
 * the first byte that is not valid UTF-8; when everything before it was plain ASCII (so both readings agree) the
 * rest is read as Latin-1, otherwise the file mixes encodings and IO_ENCODING names the place.
 */
export async function* decodeText(source: AsyncIterable<Uint8Array | string>, mode: EncodingOption, name: string, state: DecodeState): AsyncGenerator<string> {
  let carry: Uint8Array | undefined;
  let first = true;
  let asciiSoFar = true;
  // Line and column bookkeeping, only for error positions.
  let line = 1;
  let col = 0;
  for await (const raw of source) {
    if (typeof raw === 'string') {
      yield first && raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
      first = false;
      continue;
    }
    let chunk: Uint8Array = raw;
    if (carry !== undefined) {
      const joined = new Uint8Array(carry.length + chunk.length);
      joined.set(carry);
      joined.set(chunk, carry.length);
      chunk = joined;
      carry = undefined;
    }
    if (first) {
      if (chunk.length < 3 && chunk.length > 0 && chunk[0] === 0xef) {
        carry = chunk;
        continue;
      }
      if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) chunk = chunk.subarray(3);
      else if (mode === 'auto' && !isUtf8(chunk.subarray(0, chunk.length - incompleteTail(chunk)))) {
        // Decide on the first chunk when it already shows non-UTF-8 bytes: the whole file is Latin-1.
        state.encoding = 'latin1';
      }
      first = false;
    }
    let text: string;
    if (state.encoding === 'latin1') {
      text = latin1Text(chunk);
      state.bytes += chunk.length;
    } else {
      const tail = incompleteTail(chunk);
      const body = chunk.subarray(0, chunk.length - tail);
      if (tail > 0) carry = chunk.slice(chunk.length - tail);
      if (isUtf8(body)) {
        text = Buffer.from(body.buffer, body.byteOffset, body.length).toString('utf8');
        state.bytes += body.length;
      } else {
        const bad = Math.max(0, firstInvalidUtf8(body));
        const good = Buffer.from(body.buffer, body.byteOffset, bad).toString('utf8');
        const goodAscii = asciiSoFar && /^[\x00-\x7f]*$/.test(good);
        if (mode === 'auto' && goodAscii) {
          state.encoding = 'latin1';
          const restBytes = Buffer.concat([body.subarray(bad), carry ?? new Uint8Array(0)]);
          carry = undefined;
          text = good + latin1Text(restBytes);
          state.bytes += body.length;
        } else {
          const pos = lineAndColumn(good);
          const atLine = line + pos.line - 1;
          const atCol = pos.line === 1 ? col + pos.col : pos.col;
          throw new SynthError('IO_ENCODING', `"${name}" is not valid UTF-8 at byte ${state.bytes + bad} (line ${atLine}, column ${atCol}).`, {
            path: `${name}:${atLine}:${atCol}`,
            hint: mode === 'auto' ? 'The file mixes encodings; re-save it as UTF-8.' : 'Save the file as UTF-8, or read it with encoding "latin1" (--encoding latin1).',
          });
        }
      }
    }
    if (asciiSoFar && !/^[\x00-\x7f]*$/.test(text)) asciiSoFar = false;
    const lc = lineAndColumn(text);
    if (lc.line === 1) col += text.length;
    else {
      line += lc.line - 1;
      col = lc.col - 1;
    }
    if (text.length > 0) yield text;
  }
  if (carry !== undefined && carry.length > 0) {
    if (state.encoding === 'latin1' || mode === 'latin1') yield latin1Text(carry);
    else if (mode === 'auto' && asciiSoFar) {
      state.encoding = 'latin1';
      yield latin1Text(carry);
    } else {
      throw new SynthError('IO_ENCODING', `"${name}" ends in the middle of a UTF-8 character (byte ${state.bytes}).`, {
        path: `${name}:${line}:${col + 1}`,
        hint: 'The file may be truncated or not UTF-8; pass encoding "latin1" if it is Latin-1.',
      });
    }
  }
}
