import { extname } from 'node:path';
import { SynthError } from '../core/index.js';

/** The table formats synthdata writes. */
export const TABLE_FORMATS = ['csv', 'json', 'jsonl', 'parquet', 'yaml'] as const;

/** One of {@link TABLE_FORMATS}. */
export type TableFormat = (typeof TABLE_FORMATS)[number];

/** The formats synthdata reads: every writable one, plus spreadsheets. */
export const READ_FORMATS = [...TABLE_FORMATS, 'xlsx'] as const;

/** One of {@link READ_FORMATS}. */
export type ReadFormat = (typeof READ_FORMATS)[number];

// A lookup table rather than a switch: one place lists every extension and its format.
const EXTENSIONS: Readonly<Record<string, ReadFormat>> = {
  '.csv': 'csv',
  '.tsv': 'csv',
  '.txt': 'csv',
  '.json': 'json',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
  '.parquet': 'parquet',
  '.pq': 'parquet',
  '.yaml': 'yaml',
  '.yml': 'yaml',
  '.xlsx': 'xlsx',
};

/** True when `name` is one of the formats synthdata writes. */
export function isTableFormat(name: string): name is TableFormat {
  return (TABLE_FORMATS as readonly string[]).includes(name);
}

/**
 * The writable format of an output path, told from its extension.
 * @example formatFromPath('out/people.jsonl') // 'jsonl'
 */
export function formatFromPath(path: string): TableFormat {
  const format = readFormatFromPath(path);
  if (!isTableFormat(format)) {
    throw unknownFormat(path, TABLE_FORMATS);
  }
  return format;
}

/** The readable format of an input path, told from its extension (`.tsv` and `.txt` read as delimited text). */
export function readFormatFromPath(path: string): ReadFormat {
  const format = EXTENSIONS[extname(path).toLowerCase()];
  if (format === undefined) throw unknownFormat(path, READ_FORMATS);
  return format;
}

/** Checks a format name given by the user (e.g. `--format`), listing the valid ones when it is unknown. */
export function parseTableFormat(name: string): TableFormat {
  const lower = name.toLowerCase();
  if (isTableFormat(lower)) return lower;
  throw new SynthError('IO_UNKNOWN_FORMAT', `Unknown output format "${name}"; supported: ${TABLE_FORMATS.join(', ')}.`, {
    received: name,
    expected: TABLE_FORMATS,
    hint: `Use one of: ${TABLE_FORMATS.join(', ')}.`,
  });
}

function unknownFormat(path: string, supported: readonly string[]): SynthError {
  const ext = extname(path) || '(none)';
  return new SynthError(
    'IO_UNKNOWN_FORMAT',
    `Cannot tell the format of "${path}" from its extension ${ext}; supported formats: ${supported.join(', ')}.`,
    {
      path,
      received: ext,
      expected: supported,
      hint: `Give the file one of the extensions ${Object.keys(EXTENSIONS).filter((e) => supported.includes(EXTENSIONS[e]!)).join(', ')} or pass the format explicitly.`,
    },
  );
}
