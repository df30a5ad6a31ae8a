import type { Cell, Field } from '../core/index.js';
import { jsonText } from './json-text.js';
import { CHUNK_CHARS, textEncoding, type TextEncoding } from './text-encoding.js';

// Hand-rolled rather than the `yaml` package's stringify per row: that is ~30x slower on wide tables, and
// a conservative rule is easy to get right. A string is written plain only when it starts with a letter or
// underscore, holds nothing but letters, digits, space and `_ . / @ + -`, does not end in a space and is not
// a word that some YAML reader takes for a boolean or null. Everything else is double-quoted with JSON
// escapes, which YAML 1.2 double-quoted scalars accept; JSON itself (nested values) is YAML flow style.
const PLAIN = /^[A-Za-z_][A-Za-z0-9_ ./@+-]*$/;
const RESERVED = new Set(['true', 'false', 'yes', 'no', 'on', 'off', 'y', 'n', 'null']);
// Characters JSON leaves raw but YAML does not allow, or reads as line breaks, unescaped.
const UNSAFE_RAW = /[\u007f-\u009f\u2028\u2029\ufeff]/g;

function escapeRaw(json: string): string {
  UNSAFE_RAW.lastIndex = 0;
  if (!UNSAFE_RAW.test(json)) return json;
  return json.replace(UNSAFE_RAW, (ch) => '\\u' + ch.charCodeAt(0).toString(16).padStart(4, '0'));
}

/** A YAML scalar for a string: plain when safe, double-quoted otherwise. */
export function yamlString(s: string): string {
  if (PLAIN.test(s) && !s.endsWith(' ') && !RESERVED.has(s.toLowerCase())) return s;
  return escapeRaw(JSON.stringify(s));
}

function yamlCell(v: Cell): string {
  switch (typeof v) {
    case 'string':
      return yamlString(v);
    case 'number':
      if (Number.isFinite(v)) return String(v);
      return Number.isNaN(v) ? '.nan' : v > 0 ? '.inf' : '-.inf';
    case 'boolean':
      return v ? 'true' : 'false';
    case 'bigint':
      return v.toString();
    default:
      if (v === null) return 'null';
      if (v instanceof Date) return yamlString(Number.isNaN(v.getTime()) ? '' : v.toISOString());
      return escapeRaw(jsonText(v));
  }
}

/** A YAML sequence of mappings, one row at a time; absent cells are left out and null kept. */
export function yamlEncoder(fields: readonly Field[]): TextEncoding {
  const keys = fields.map((f) => yamlString(f.name) + ': ');
  const nCols = fields.length;
  return textEncoding({
    head: () => '',
    encodeInto(columns, n, _firstRow, out) {
      let text = '';
      for (let i = 0; i < n; i++) {
        let row = '';
        for (let c = 0; c < nCols; c++) {
          const v = columns[c]![i];
          if (v === undefined) continue;
          row += (row === '' ? '- ' : '  ') + keys[c] + yamlCell(v) + '\n';
        }
        text += row === '' ? '- {}\n' : row;
        if (text.length > CHUNK_CHARS) {
          out.append(text);
          text = '';
        }
      }
      out.append(text);
    },
    tail: (rows) => (rows === 0 ? '[]\n' : ''),
  });
}
