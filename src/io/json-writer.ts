import type { Cell, Field } from '../core/index.js';
import { jsonText } from './json-text.js';
import { CHUNK_CHARS, textEncoding, type ByteAppender, type TextEncoding } from './text-encoding.js';

// Strings without these need no escaping, and wrapping them in quotes is several times faster than JSON.stringify.
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

/** JSON text of one flat cell; `undefined` is handled by the caller (the property is left out). */
function jsonCell(v: Cell): string {
  switch (typeof v) {
    case 'string':
      return NEEDS_ESCAPE.test(v) ? JSON.stringify(v) : '"' + v + '"';
    case 'number':
      // JSON has no NaN or Infinity; null is what JSON.stringify writes for them too.
      return Number.isFinite(v) ? String(v) : 'null';
    case 'boolean':
      return v ? 'true' : 'false';
    case 'bigint':
      return v.toString();
    default:
      return v === null ? 'null' : jsonText(v);
  }
}

/** The text of each row as one JSON object (`{"a":1,"b":"x"}`), absent cells left out, null kept. */
function rowObjects(out: ByteAppender, keys: readonly string[], columns: readonly (readonly Cell[])[], n: number, lead: string, sep: string, end: string): void {
  const nCols = keys.length;
  let text = lead;
  for (let i = 0; i < n; i++) {
    let obj = '{';
    let any = false;
    for (let c = 0; c < nCols; c++) {
      const v = columns[c]![i];
      if (v === undefined) continue;
      obj += (any ? ',' : '') + keys[c] + jsonCell(v);
      any = true;
    }
    text += (i === 0 ? '' : sep) + obj + '}';
    if (text.length > CHUNK_CHARS) {
      out.append(text);
      text = '';
    }
  }
  out.append(text + end);
}

function propertyKeys(fields: readonly Field[]): string[] {
  return fields.map((f) => JSON.stringify(f.name) + ':');
}

/** JSON Lines: one object per line. */
export function jsonlEncoder(fields: readonly Field[]): TextEncoding {
  const keys = propertyKeys(fields);
  return textEncoding({
    head: () => '',
    encodeInto: (columns, n, _firstRow, out) => rowObjects(out, keys, columns, n, '', '\n', n === 0 ? '' : '\n'),
    tail: () => '',
  });
}

/** A JSON array streamed one object per line between `[` and `]`, so it is valid JSON and still diffs well. */
export function jsonArrayEncoder(fields: readonly Field[]): TextEncoding {
  const keys = propertyKeys(fields);
  return textEncoding({
    head: () => '[',
    encodeInto(columns, n, firstRow, out) {
      // Every row but the very first is preceded by a comma.
      if (n > 0) rowObjects(out, keys, columns, n, firstRow === 0 ? '\n' : ',\n', ',\n', '');
    },
    tail: (rows) => (rows === 0 ? ']\n' : '\n]\n'),
  });
}
