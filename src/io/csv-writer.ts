import type { Cell, Field, Kind } from '../core/index.js';
import { jsonText } from './json-text.js';
import { CHUNK_CHARS, textEncoding, type ByteAppender, type TextEncoding } from './text-encoding.js';

/** Options of the CSV writer. */
export interface CsvWriteOptions {
  /** Field separator, one character (default `,`). */
  readonly delimiter?: string;
  /** Line ending (default `\n`; `\r\n` for strict RFC 4180 consumers). */
  readonly lineEnding?: '\n' | '\r\n';
  /** Write the header row (default true). */
  readonly header?: boolean;
}

// Each column's formatting is chosen once per field kind as a small integer; the hot loop switches on it per
// cell (cheap, monomorphic) instead of calling a closure, and builds rows straight into the output text.
const AS_TEXT = 0;
const AS_NUMBER = 1;
const AS_BOOLEAN = 2;
const AS_ANY = 3;

const KIND_CODES: Readonly<Record<Kind, number>> = {
  string: AS_TEXT,
  date: AS_TEXT,
  datetime: AS_TEXT,
  time: AS_TEXT,
  integer: AS_NUMBER,
  number: AS_NUMBER,
  boolean: AS_BOOLEAN,
  json: AS_ANY,
};

/** Encodes record batches as RFC 4180 CSV, one large buffer per batch. */
export function csvEncoder(fields: readonly Field[], options: CsvWriteOptions = {}): TextEncoding {
  const delimiter = options.delimiter ?? ',';
  if (delimiter.length !== 1 || delimiter === '"' || delimiter === '\n' || delimiter === '\r') {
    throw new RangeError(`CSV delimiter must be one character other than a quote or line break, got ${JSON.stringify(delimiter)}`);
  }
  const eol = options.lineEnding ?? '\n';
  const q = new RegExp(`[${/[\]\\^-]/.test(delimiter) ? '\\' + delimiter : delimiter}"\\r\\n]`);
  const codes = fields.map((f) => KIND_CODES[f.kind] ?? AS_ANY);
  const head = options.header === false ? '' : fields.map((f) => quoteIfNeeded(f.name, q)).join(delimiter) + eol;
  return textEncoding({
    head: () => head,
    encodeInto: (columns, n, _firstRow, out) => encodeRows(out, columns, codes, n, delimiter, eol, q),
    tail: () => '',
  });
}

function encodeRows(out: ByteAppender, columns: readonly (readonly Cell[])[], codes: readonly number[], n: number, d: string, eol: string, q: RegExp): void {
  const nCols = codes.length;
  let text = '';
  for (let i = 0; i < n; i++) {
    for (let c = 0; c < nCols; c++) {
      const v = columns[c]![i];
      let s: string;
      switch (codes[c]) {
        case AS_TEXT:
          s = typeof v === 'string' ? (q.test(v) ? '"' + v.replaceAll('"', '""') + '"' : v) : cellText(v, q);
          break;
        case AS_NUMBER:
          s = typeof v === 'number' && Number.isFinite(v) ? String(v) : cellText(v, q);
          break;
        case AS_BOOLEAN:
          s = v === true ? 'true' : v === false ? 'false' : cellText(v, q);
          break;
        default:
          s = cellText(v, q);
      }
      text += c === 0 ? s : d + s;
    }
    text += eol;
    if (text.length > CHUNK_CHARS) {
      out.append(text);
      text = '';
    }
  }
  out.append(text);
}

function quoteIfNeeded(s: string, q: RegExp): string {
  return q.test(s) ? '"' + s.replaceAll('"', '""') + '"' : s;
}

/** Text of any cell: the slow, general path every kind-specific formatter falls back to. */
function cellText(v: Cell, q: RegExp): string {
  if (v === null || v === undefined) return '';
  switch (typeof v) {
    case 'string':
      return q.test(v) ? '"' + v.replaceAll('"', '""') + '"' : v;
    case 'number':
      return Number.isFinite(v) ? String(v) : '';
    case 'boolean':
      return v ? 'true' : 'false';
    case 'bigint':
      return v.toString();
    default:
      if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString();
      return quoteIfNeeded(jsonText(v), q);
  }
}
